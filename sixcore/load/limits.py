"""How much of one file sixcore reads and expands, at most.

`sixcore check` runs in CI on agencies' pull requests, so no input may take it down: an alias bomb, a huge or
a deeply nested file is refused with a located problem instead of being expanded. The README's "Limits" section
says the same in words; the figures are generous for real data (see each comment) and small enough that a file
at the limits is judged in well under two seconds.

A programme whose files are legitimately bigger (or the ×100 benchmark) raises the per-file limits for one run
with the environment variable SIXCORE_FILE_LIMIT_MB (file_limits); the figures below stay the defaults.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from sixcore.errors import SixcoreUserError

# Bytes on disk (1 MB). The biggest real files are about 150 KB (a status file of ~3,000 lines) and 62 KB (plan).
MAX_FILE_BYTES = 1_048_576

# Values (each scalar, list, mapping and mapping key) once aliases (*name) and merge keys (<<) are expanded: what an
# alias bomb multiplies. The biggest plan file holds about 3,500 (62 KB), a 150 KB status file fewer than 10,000.
MAX_VALUES = 50_000

# Characters of text once aliases are expanded. Without aliases text is never longer than the file itself, so only
# text repeated through aliases can pass this.
MAX_TEXT = 1_048_576

# Lists and mappings inside one another (aliases expanded). The plan's deepest nesting is 11.
MAX_DEPTH = 50

# Problems listed per file; the rest of that file's problems are summed up in one line (SC023).
MAX_PROBLEMS_PER_FILE = 1_000

# Scales the three size limits above to that many MB for one run; depth and problems per file do not grow with a
# file's size, so they stay.
FILE_LIMIT_VARIABLE = "SIXCORE_FILE_LIMIT_MB"

# The most the variable may name. check takes about 10 MB of memory per MB of YAML (675 MiB on the 66 MB ×100
# benchmark; a report more), so one 100 MB file already needs a GB or more; a larger figure is more likely bytes
# typed for megabytes than a file anyone has.
MOST_FILE_LIMIT_MB = 100


@dataclass(frozen=True, slots=True)
class FileLimits:
    """The size limits of one run: the defaults scaled to `megabytes`."""

    megabytes: int
    file_bytes: int
    values: int
    text: int

    @classmethod
    def scaled(cls, megabytes: int) -> FileLimits:
        return cls(megabytes, MAX_FILE_BYTES * megabytes, MAX_VALUES * megabytes, MAX_TEXT * megabytes)


DEFAULT_LIMITS = FileLimits.scaled(1)


def file_limits() -> FileLimits:
    """The limits for this run, read from the environment each time they are asked for (once per file), so a test
    or a run sets them with the variable alone. An empty variable counts as unset, as CI leaves an unset one.

    Raises SixcoreUserError when the variable is not a whole number of MB from 1 to MOST_FILE_LIMIT_MB."""
    written = os.environ.get(FILE_LIMIT_VARIABLE, "").strip()
    if not written:
        return DEFAULT_LIMITS
    # a few digits at most: int() refuses a string of thousands
    megabytes = int(written) if written.isascii() and written.isdigit() and len(written) <= 4 else 0
    if not 1 <= megabytes <= MOST_FILE_LIMIT_MB:
        raise SixcoreUserError(
            f"環境變數 {FILE_LIMIT_VARIABLE}「{written}」無效：請寫 1 到 {MOST_FILE_LIMIT_MB} 的整數（每檔上限的 MB 數，未設為 1），"
            f"例如 {FILE_LIMIT_VARIABLE}=5 / the environment variable {FILE_LIMIT_VARIABLE} is {written!r}: write a whole number "
            f"of MB from 1 to {MOST_FILE_LIMIT_MB} (the per-file limit, 1 when unset), e.g. {FILE_LIMIT_VARIABLE}=5"
        )
    return FileLimits.scaled(megabytes)


def megabytes_needed(size: int, values: int = 0) -> int:
    """The least SIXCORE_FILE_LIMIT_MB under which a file of `size` bytes holding `values` values is read (its
    text, never longer than its bytes without aliases, fits whenever its size does)."""
    return max(1, math.ceil(size / MAX_FILE_BYTES), math.ceil(values / MAX_VALUES))

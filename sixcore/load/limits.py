"""How much of one file sixcore reads and expands, at most.

`sixcore check` runs in CI on agencies' pull requests, so no input may take it down: an alias bomb, a huge or
a deeply nested file is refused with a located problem instead of being expanded. The README's "Limits" section
says the same in words; the figures are generous for real data (see each comment) and small enough that a file
at the limits is judged in well under two seconds.
"""

from __future__ import annotations

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

"""Problems are values: where (file, line, column), how bad, which rule, and the facts for its message."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class Severity(str, Enum):
    """How a problem affects the exit status: errors fail, warnings fail only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Problem:
    """One finding. `code` selects the message template, `params` fill it (language-neutral)."""

    path: Path
    line: int
    column: int
    code: str
    severity: Severity = Severity.ERROR
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # In a workbook (sixcore.sheet), the cell as a spreadsheet names it, e.g. "工作項目!F12"; line and column then
    # hold its row and column number. None in a YAML file, whose renderers print `line:column` as always.
    cell: str | None = None

    @property
    def position(self) -> str:
        """Where in the file: `工作項目!F12` in a workbook, `12:5` (line:column) in YAML."""
        return self.cell if self.cell is not None else f"{self.line}:{self.column}"

    def __post_init__(self) -> None:
        # File names and keys are data too, and may hold what no output can show: bytes that are not UTF-8 (git stores
        # any file name; Python gives them as lone surrogates) or control characters (a YAML escape such as "\n" in a
        # key). Written out (\xff, \n), they print in every format and never break a line of the output.
        if _UNPRINTABLE.search(str(self.path)):
            object.__setattr__(self, "path", Path(printable(str(self.path))))
        if any(isinstance(value, str) and _UNPRINTABLE.search(value) for value in self.params.values()):
            object.__setattr__(self, "params", {key: printable(value) if isinstance(value, str) else value for key, value in self.params.items()})

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.code)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _written_out(found: re.Match[str]) -> str:
    char = found.group()
    if "\udc80" <= char <= "\udcff":  # a byte of a file name that is not UTF-8
        return f"\\x{ord(char) - 0xDC00:02x}"
    return repr(char)[1:-1] if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """`text` with control characters and lone surrogates written out: \\n, \\x00, \\xff (a byte of a file name), \\u2028."""
    return _UNPRINTABLE.sub(_written_out, text)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: problem.sort_key)


def exit_code(problems: Iterable[Problem], strict: bool = False) -> int:
    """0: no error (nor warning under --strict); 1: the data has problems."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(problem.severity in failing for problem in problems) else 0


def limit_per_file(problems: Iterable[Problem], limit: int) -> list[Problem]:
    """At most `limit` problems of each file, the most severe first; the rest counted in one SC023 problem.

    A hostile file can hold fifty thousand wrong entries; listing each would take longer than judging them.
    The SC023 problem is as severe as the worst problem it stands for, so the exit status is unchanged; SC023
    problems made earlier (the loader counts schema errors past the limit) are added into it.
    """
    by_path: dict[Path, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    kept: list[Problem] = []
    for path, group in by_path.items():
        counted = [problem for problem in group if problem.code == "SC023"]
        if len(group) <= limit and len(counted) <= 1:
            kept += group
            continue
        ranked = sorted((problem for problem in group if problem.code != "SC023"), key=_severity_first)
        hidden = ranked[limit:] + counted
        first = min(hidden, key=lambda problem: (problem.line, problem.column))
        worst = min(hidden, key=_severity_first).severity
        count = len(ranked[limit:]) + sum(int(problem.params.get("count", 0)) for problem in counted)
        kept += ranked[:limit]
        kept.append(Problem(path, first.line, first.column, "SC023", worst, {"count": count, "limit": limit}))
    return sort_problems(kept)


def _severity_first(problem: Problem) -> tuple[int, int, int, str]:
    return (_RANK[problem.severity], problem.line, problem.column, problem.code)


_RANK = {severity: severity.rank for severity in Severity}

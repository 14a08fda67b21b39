"""Problems are values: where (file, line, column), how bad, which rule, and the facts for its message."""

from __future__ import annotations

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

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.code)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: problem.sort_key)


def exit_code(problems: Iterable[Problem], strict: bool = False) -> int:
    """0: no error (nor warning under --strict); 1: the data has problems."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(problem.severity in failing for problem in problems) else 0

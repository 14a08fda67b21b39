"""The one exception users see: sixcore could not run (exit status 2)."""

from __future__ import annotations

from pathlib import Path


class SixcoreUserError(Exception):
    """Something the user can fix (a missing folder, a bad option); shown without a traceback."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else f"{self.path}: " if self.path else ""
        return where + self.message

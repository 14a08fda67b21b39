"""status-quarter (SC201): the quarter inside a status file differs from its folder.

Files live in status/<quarter>/, and the folder is what CI and the report use; a file copied from last
quarter and not updated would otherwise be counted in the wrong quarter.

PASS: status/113Q2/moea.yaml with `quarter: 113Q2`.  FAIL: the same file with `quarter: 113Q1`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC201"
NAME = "status-quarter"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        if status.model.quarter != status.folder_quarter:
            yield status.loaded.problem(("quarter",), folder=str(status.folder_quarter), quarter=str(status.model.quarter))

"""budget-exceeds (SC221): executed above allocated, or allocated above approved, without a note.

執行數 (spent + payable + saved) cannot pass what was allocated, nor the allocation what was approved,
unless something explains it (a carried-over appropriation, a supplementary budget): then `note:` says so.

PASS: allocated 6, executed 5.4.  FAIL: allocated 6, executed 6.5, no note.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC221"
NAME = "budget-exceeds"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for industry, report in status.model.budget.items():
            if (report.note or "").strip():
                continue
            executed = report.executed
            if executed is not None and report.allocated is not None and executed > report.allocated:
                yield status.loaded.problem(("budget", industry), prefer_key=True, industry=industry, what="executed",
                                            value=str(executed), limit=str(report.allocated))
            elif report.allocated is not None and report.approved is not None and report.allocated > report.approved:
                yield status.loaded.problem(("budget", industry, "allocated"), industry=industry, what="allocated",
                                            value=str(report.allocated), limit=str(report.approved))

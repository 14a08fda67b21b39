"""completed-after-quarter (SC207): a completion date after the end of the quarter being reported.

A 113Q2 report can only tell what was done by 113/6/30.

PASS: 113Q2 with `completed: 113/6/28`.  FAIL: 113Q2 with `completed: 113/7/15`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC207"
NAME = "completed-after-quarter"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        last_day = status.quarter.last_roc_day
        for item_id, report in status.model.work_items.items():
            if report.completed is not None and last_day < report.completed:
                yield status.loaded.problem(("work_items", item_id, "completed"), item=item_id, completed=str(report.completed),
                                            quarter=str(status.quarter), last_day=str(last_day))

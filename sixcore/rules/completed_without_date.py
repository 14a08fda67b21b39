"""completed-without-date (SC206): a work item reported 完成 without its actual completion date.

The completion date is what tells whether the item finished on schedule.

PASS: `status: 完成` with `completed: 113/5/31`.  FAIL: `status: 完成` alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC206"
NAME = "completed-without-date"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for item_id, report in status.model.work_items.items():
            if report.state == "完成" and report.completed is None:
                yield status.loaded.problem(("work_items", item_id, "status"), item=item_id)

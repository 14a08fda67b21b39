"""suspended-without-reason (SC209): a work item reported 停辦 without 停辦原因.

While the latest word on an item is 停辦 it is neither 逾期 nor 未填報 and is owed no report, so a
coordinator must be able to read why the work stopped (e.g. the Executive Yuan dropped it, or another
programme took it over).

PASS: `status: 停辦` with `suspend_reason:`.  FAIL: without it, or empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC209"
NAME = "suspended-without-reason"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for item_id, report in status.model.work_items.items():
            if report.state == "停辦" and not (report.suspend_reason or "").strip():
                yield status.loaded.problem(("work_items", item_id, "status"), item=item_id)

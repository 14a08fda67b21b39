"""status-missing (SC211): a work item listed in a status file without its status.

`sixcore status new` leaves `status:` empty for the agency to decide, so an untouched template cannot
pass: each entry must say 完成, 進行中, 落後, 未開始 or 停辦. An entry without a status is no report.

PASS: `status: 進行中`.  FAIL: `status:` left empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.model.status import PLAN_WORDS
from sixcore.problem import Problem, Severity

CODE = "SC211"
NAME = "status-missing"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for item_id, report in status.model.work_items.items():
            if report.status is None:
                yield status.loaded.problem(("work_items", item_id, "status"), item=item_id, allowed=PLAN_WORDS)

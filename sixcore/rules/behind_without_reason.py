"""behind-without-reason (SC208): a work item reported 落後 without 落後原因 and 因應對策.

Part 伍 asks the lead agencies to explain every delay and what they do about it; a coordinator's
report shows both.

PASS: `status: 落後` with `delay_reason:` and `countermeasure:`.  FAIL: either missing or empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC208"
NAME = "behind-without-reason"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for item_id, report in status.model.work_items.items():
            if report.state == "落後":
                missing = [key for key in ("delay_reason", "countermeasure") if not (getattr(report, key) or "").strip()]
                if missing:
                    yield status.loaded.problem(("work_items", item_id, "status"), item=item_id, missing=missing)

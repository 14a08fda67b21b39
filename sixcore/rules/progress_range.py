"""progress-range (SC205): planned or actual cumulative progress outside 0–100 %.

PASS: `actual: 55`.  FAIL: `actual: 120` or `planned: -5`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC205"
NAME = "progress-range"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for item_id, report in status.model.work_items.items():
            for key in ("planned", "actual"):
                value = getattr(report, key)
                if value is not None and not 0 <= value <= 100:
                    yield status.loaded.problem(("work_items", item_id, key), item=item_id, field=key, value=value)

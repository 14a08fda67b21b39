"""not-responsible (SC204): an agency reports a work item it may not report.

A work item may be reported by its lead (or the body it reports through: 經濟部 for 台電), by its
industry's 主政單位 (表 1), whose report counts as the lead's, and by its co-agencies. Responsibility
follows reorganisations: 國科會 (nstc) answers for work the plan gave 科技部 and its 司; 經濟部 (moea) for its
局 and 處, whatever they are called today.

PASS: nstc reporting 1-1/1.1.1 (lead 科技部工程司); motc reporting 5-1/2.1.1 (lead 臺灣港務公司).
FAIL: mohw reporting 1-1/1.1.1.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import may_file

CODE = "SC204"
NAME = "not-responsible"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    allowed_by_item: dict[str, set[str]] = {}  # an item is filed on in quarter after quarter
    for status in ctx.statuses:
        body = ctx.body(status.model.agency)
        for item_id in status.model.work_items:
            placed = ctx.plan.work_item_by_id.get(item_id)
            if placed is None:
                continue
            allowed = allowed_by_item.get(item_id)
            if allowed is None:
                allowed = allowed_by_item[item_id] = may_file(ctx, placed)
            if body not in allowed:
                yield status.loaded.problem(("work_items", item_id), prefer_key=True, item=item_id, agency=status.model.agency,
                                            responsible="、".join(sorted(allowed)))

"""overdue-work-item (SC301, warning): a work item whose schedule has ended and that no report marks 完成.

Judged as of the last day of the as-of quarter (`--quarter`, default the latest folder in status/): the
item's last scheduled month ends on or before that day and no report up to that quarter says 完成.

PASS: 1-1/1.1.1 (109/12-110/4) reported 完成 in 110Q2.  WARN: the same item never reported 完成, as of 110Q2.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import overdue

CODE = "SC301"
NAME = "overdue-work-item"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    filed = ctx.filed_in(ctx.as_of)
    for placed in overdue(ctx, ctx.as_of):
        latest = [(status, report) for status, report in ctx.reports_of(placed.id) if status.quarter <= ctx.as_of]
        last_state = latest[-1][1].state if latest else None
        params: dict[str, Any] = {"item": placed.id, "end": str(placed.work_item.end), "status": last_state or "-", "quarter": str(ctx.as_of)}
        here = next((status for status in filed if placed.id in status.model.work_items), None)
        if here is not None:
            yield here.loaded.problem(("work_items", placed.id), prefer_key=True, **params)
        else:
            yield placed.source.problem(placed.location + ("schedule",), **params)

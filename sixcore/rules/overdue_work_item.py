"""overdue-work-item (SC301, warning): a work item past its schedule that the latest word does not call 完成.

Judged as of the last day of the as-of quarter (`--quarter`, default the latest folder in status/) by
`sixcore.standing`: the item is due (its last month ended by that day; work that ended before the first
review is due at the first review, 110Q2) and the latest report up to the quarter does not say 完成
(for recurring work: 完成 in its last round), nor 停辦.

PASS: 1-1/1.1.1 (109/12-110/4) reported 完成 in 110Q2.  WARN: the same item never reported 完成, as of 110Q2;
or reported 完成 in 110Q2 and 進行中 in 110Q3.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import Standings, counting

CODE = "SC301"
NAME = "overdue-work-item"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    filed = counting(ctx, ctx.as_of)
    unanswered = {item for status in filed for item in status.named_items if item not in status.model.work_items
                  or status.model.work_items[item].status is None}
    for standing in Standings.of(ctx).overdue():
        placed = standing.placed
        if placed.id in unanswered:
            continue  # listed without a valid status: its own error (SC211, SC010) comes first
        params: dict[str, Any] = {"item": placed.id, "end": str(placed.work_item.end),
                                  "status": standing.word.state if standing.word else "-", "quarter": str(ctx.as_of)}
        here = [status for status in filed if placed.id in status.model.work_items]
        if here:
            yield here[0].loaded.problem(("work_items", placed.id), prefer_key=True, **params)
        else:
            yield placed.source.problem((*placed.location, "schedule"), **params)

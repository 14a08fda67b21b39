"""unreported-work-item (SC302, warning): a work item owed a report for the quarter that no report names.

Judged by `sixcore.standing`: a work item active in the as-of quarter (or overdue), not 完成 or 停辦 by the
latest word of the quarter before, is owed a report by its lead bodies. Any counting report names it: the
lead's (or the body it reports through), the industry's 主政單位, or a co-agency's. Reported at the lead
body's file when it filed, otherwise at the work item in the plan (the lead filed nothing). Nothing is owed
before the first review (plan/programme.yaml).

PASS: status/113Q2/nstc.yaml lists 1-1/1.4.1 (113/5-114/4).  WARN: nobody's 113Q2 file does, or nstc filed nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import Standings, counting

CODE = "SC302"
NAME = "unreported-work-item"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    filed = counting(ctx, ctx.as_of)
    named = {item for status in filed for item in status.named_items}
    for standing in Standings.of(ctx).unreported():
        placed = standing.placed
        if placed.id in named:
            continue  # named, but without a valid status: its own error (SC211, SC010) says what is missing
        leads = ctx.lead_bodies(placed.work_item)
        lead_files = [status for status in filed if ctx.body(status.model.agency) in leads]
        params: dict[str, Any] = {"item": placed.id, "agency": "、".join(sorted(leads)), "quarter": str(ctx.as_of), "filed": bool(lead_files)}
        if lead_files:
            yield lead_files[0].loaded.problem(("work_items",), prefer_key=True, **params)
        else:
            yield placed.source.problem((*placed.location, "lead"), **params)

"""progress-decreased (SC303, warning): actual cumulative progress lower than the same item's previous report, without a note.

Cumulative progress only goes down when an earlier figure was wrong or the scope changed; either way
the coordinator needs the reason in `note:`.

PASS: 55 % after 50 %; or 45 % after 50 % with a note.  WARN: 45 % after 50 % without a note.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC303"
NAME = "progress-decreased"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    for status in ctx.filed_in(ctx.as_of):
        for item_id, report in status.model.work_items.items():
            if report.actual is None or report.note:
                continue
            earlier = [r.actual for s, r in ctx.reports_of(item_id) if s.quarter < status.quarter and r.actual is not None]
            if earlier and report.actual < earlier[-1]:
                yield status.loaded.problem(("work_items", item_id, "actual"), item=item_id, actual=report.actual, previous=earlier[-1])

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
    current = ctx.filed_in(ctx.as_of)
    reported = {item_id for status in current for item_id in status.model.work_items}
    previous: dict[str, float] = {}  # each item's latest actual before the quarter: of the last file, in quarter order
    for status in sorted((status for status in ctx.statuses if status.quarter < ctx.as_of), key=lambda status: status.quarter):
        for item_id, report in status.model.work_items.items():
            if report.actual is not None and item_id in reported:
                previous[item_id] = report.actual
    for status in current:
        for item_id, report in status.model.work_items.items():
            if report.actual is None or report.note:
                continue
            before = previous.get(item_id)
            if before is not None and report.actual < before:
                yield status.loaded.problem(("work_items", item_id, "actual"), item=item_id, actual=report.actual, previous=before)

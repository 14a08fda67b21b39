"""schedule-outside-plan (SC104): a work item scheduled wholly outside the programme's period, without a note.

A programme runs over the years of `period:` in plan/programme.yaml (for the repository's plan/, part 肆 一、期程);
a document may nevertheless schedule some work before or after them (the repository's plan: from 106, or to 115).
Such an item is kept as printed, but its `note:` must say so, so a reader of a report does not take it for a
typing error.

PASS: 1-1/1.5.1 `114/5-115/4` with a note.  FAIL: the same without a note.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.loader import LoadedPlan
from sixcore.problem import Problem, Severity

CODE = "SC104"
NAME = "schedule-outside-plan"
DEFAULT_SEVERITY = Severity.WARNING


def check(plan: LoadedPlan) -> Iterator[Problem]:
    if plan.programme is None:
        return  # no period to judge by (plan/programme.yaml is missing or invalid, reported already)
    period = plan.programme.model.period
    for placed in plan.placed_work_items():
        work_item = placed.work_item
        if not work_item.schedule or work_item.note:
            continue
        if not any(phase.span.overlaps(period.months) for phase in work_item.schedule):
            spans = ", ".join(str(phase.span) for phase in work_item.schedule)
            yield placed.source.problem(placed.location + ("schedule",), item=placed.id, schedule=spans, period=str(period))

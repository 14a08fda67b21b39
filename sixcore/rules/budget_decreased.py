"""budget-decreased (SC223, warning): a year-to-date figure lower than the same body's previous quarter, without a note.

Approved, allocated and executed amounts are sums since the year began, so they only go down when a
figure was corrected or a budget was cut; the coordinator needs the reason in `note:`. A new year starts
afresh.

PASS: spent 5.1 in 113Q3 after 3.0 in 113Q2; 1.0 in 114Q1 after 9.0 in 113Q4.  WARN: 2.0 in 113Q3 after 3.0 in 113Q2.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.model.status import BUDGET_FIGURES
from sixcore.problem import Problem, Severity

CODE = "SC223"
NAME = "budget-decreased"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    for status in ctx.filed_in(ctx.as_of):
        body = ctx.body(status.model.agency)
        earlier = sorted((other for other in ctx.statuses if ctx.body(other.model.agency) == body
                          and other.quarter.year == status.quarter.year and other.quarter < status.quarter), key=lambda other: other.quarter)
        for industry, report in status.model.budget.items():
            if (report.note or "").strip():
                continue
            before = next((other.model.budget[industry] for other in reversed(earlier) if industry in other.model.budget), None)
            if before is None:
                continue
            for field in BUDGET_FIGURES:
                now, then = getattr(report, field), getattr(before, field)
                if now is not None and then is not None and now < then:
                    yield status.loaded.problem(("budget", industry, field), industry=industry, field=field, value=str(now), previous=str(then))
                    break

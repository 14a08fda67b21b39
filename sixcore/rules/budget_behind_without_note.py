"""budget-behind-without-note (SC222): an execution rate below the yellow threshold without a note.

NDC's quarterly review names plans whose 經費執行率 is low; the agency explains why in `note:`. The
threshold is plan/lights.yaml's `budget.behind_below` (執行率 = 執行數 ÷ 累計分配數).

PASS: allocated 6, executed 5.7 (95 %).  FAIL: allocated 6, executed 4.2 (70 %), no note.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import rate

CODE = "SC222"
NAME = "budget-behind-without-note"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.plan.lights is None:
        return
    threshold = ctx.plan.lights.model.budget.behind_below
    for status in ctx.statuses:
        for industry, report in status.model.budget.items():
            execution = rate(report.executed, report.allocated)
            if execution is not None and 0 <= execution < threshold and not (report.note or "").strip():  # a negative figure is SC220's
                yield status.loaded.problem(("budget", industry), prefer_key=True, industry=industry,
                                            rate=f"{execution:.0%}", threshold=f"{threshold:.0%}")

"""budget-negative (SC220): a budget figure below zero.

Approved, allocated, spent, payable and saved amounts are year-to-date sums in 億元; none can be negative
(a correction is reported as the corrected total, with a note).

PASS: `spent: 5.10`.  FAIL: `spent: -1`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.model.status import BUDGET_FIGURES
from sixcore.problem import Problem, Severity

CODE = "SC220"
NAME = "budget-negative"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for industry, report in status.model.budget.items():
            for field in BUDGET_FIGURES:
                value = getattr(report, field)
                if value is not None and value < 0:
                    yield status.loaded.problem(("budget", industry, field), industry=industry, field=field, value=str(value))

"""budget-over-table (SC224, warning): agencies' approved amounts for an industry add up to more than 表 3.

表 3 of the plan gives each industry's budget per year (億元). When the approved amounts (年度核定數) the
agencies file for an industry in one quarter add up to more than that figure, the difference is worth a
look: reported at the first such file, with the sum and by how much it exceeds.

PASS: 12.5 + 20 for industry 1 in 113 (表 3: 133.97).  WARN: 100 + 40 (140 > 133.97, by 6.03).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import counting

CODE = "SC224"
NAME = "budget-over-table"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None or ctx.plan.budget is None:
        return
    rows = {str(row.industry): row for row in ctx.plan.budget.model.rows}
    filed = sorted(counting(ctx, ctx.as_of), key=lambda status: status.model.agency)
    for industry, row in rows.items():
        table3 = row.amount_in(ctx.as_of.year)
        reporting = [status for status in filed if industry in status.model.budget and status.model.budget[industry].approved is not None]
        total = sum((status.model.budget[industry].approved or Decimal(0) for status in reporting), Decimal(0))
        if table3 is not None and reporting and total > table3:
            yield reporting[0].loaded.problem(("budget", industry, "approved"), industry=industry, year=ctx.as_of.year,
                                              total=str(total), table3=str(table3), excess=str(total - table3),
                                              agencies="、".join(status.model.agency for status in reporting))

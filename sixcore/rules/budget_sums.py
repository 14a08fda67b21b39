"""budget-sums (SC108): a printed subtotal or total of the budget table differs from the sum of its figures.

The printed figures are kept as the document gives them; this rule recomputes every row sum (an
industry's 小計), every column sum (the 小計 row), the grand total, and each part of the text's split of
the total (for 表 3 of the repository's plan/: the first year's 法定預算 and the later years' 預算需求), and reports
each mismatch, so an error in the document is visible, not hidden. A programme without plan/budget.yaml
has nothing to add up.

PASS: 資訊及數位產業 93.45 + 136.93 + 147.57 + 133.97 = 511.92 as printed.
FAIL: a printed subtotal of 512.92 for the same row.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sixcore.load.loader import LoadedPlan
from sixcore.load.marked import PathKey
from sixcore.problem import Problem, Severity

CODE = "SC108"
NAME = "budget-sums"
DEFAULT_SEVERITY = Severity.ERROR


def check(plan: LoadedPlan) -> Iterator[Problem]:
    if plan.budget is None:
        return
    loaded, budget = plan.budget, plan.budget.model

    def compare(location: PathKey, what: str, printed: Decimal, parts: list[Decimal]) -> Iterator[Problem]:
        computed = sum(parts, Decimal(0))
        if computed != printed:
            yield loaded.problem(location, table=budget.table.en, table_zh=budget.table.zh, unit=budget.unit, what=what, printed=str(printed), computed=str(computed))

    for index, row in enumerate(budget.rows):
        yield from compare(("rows", index, "subtotal"), row.name, row.subtotal, [row.amounts[year] for year in budget.years])
    for year in budget.years:
        yield from compare(("total", "amounts", year), f"小計 {year}", budget.total.amounts[year], [row.amounts[year] for row in budget.rows])
    if budget.years:
        yield from compare(("total", "subtotal"), f"小計 {budget.years[0]}-{budget.years[-1]}", budget.total.subtotal,
                           [budget.total.amounts[year] for year in budget.years])
    yield from compare(("total", "subtotal"), "合計 (各產業小計)", budget.total.subtotal, [row.subtotal for row in budget.rows])
    split = budget.text_split
    if split is None:
        return
    for index, part in enumerate(split.parts):
        yield from compare(("text_split", "parts", index, "amount"), part.label, part.amount, [budget.total.amounts[year] for year in part.years])
    yield from compare(("text_split", "total"), "經費需求總額", split.total, [part.amount for part in split.parts])

"""year-outside-period (SC109): a KPI's yearly target or a budget column for a year outside the programme's period.

A programme's years are its `period:` in plan/programme.yaml; the 分年目標 of its KPI tables and the columns of
its budget table can only be years within it. A year outside is a typing error (131 for 113) that would
silently never be judged.

PASS: KPI 1.1.1 with yearly columns for the period's years.
FAIL: the same KPI with a column for the year after the period's last.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.loader import LoadedPlan
from sixcore.problem import Problem, Severity

CODE = "SC109"
NAME = "year-outside-period"
DEFAULT_SEVERITY = Severity.ERROR


def check(plan: LoadedPlan) -> Iterator[Problem]:
    if plan.programme is None:
        return  # no period to judge by (plan/programme.yaml is missing or invalid, reported already)
    period = plan.programme.model.period
    years = set(period.years)
    for placed in plan.placed_kpis():
        for year in placed.kpi.yearly:
            if year not in years:
                yield placed.source.problem(placed.location + ("yearly", year), prefer_key=True,
                                            kind="KPI", id=placed.id, year=year, period=str(period))
    if plan.budget is not None:
        budget = plan.budget.model
        for index, year in enumerate(budget.years):
            if year not in years:
                yield plan.budget.problem(("years", index), kind="budget", id=budget.table.zh, year=year, period=str(period))

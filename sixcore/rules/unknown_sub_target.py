"""unknown-sub-target (SC216): a figure under `actuals:` named by no sub-target of the KPI's yearly target.

`actuals:` names each figure by its sub-target's unit (案1, 案2 where a unit repeats; README, "KPIs"). A figure
under another name is judged against nothing: the KPI would stay 未填報 (SC305) while the agency believes it
reported, so the name is an error, with the names the year's target does take.

PASS: 1.1.3 in 113 (2 案, 3 案 and 1 件) with `actuals: {案1: 2, 案2: 3, 件: 1}`.  FAIL: `actuals: {案: 2}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.model.kpi import sub_target_keys
from sixcore.problem import Problem, Severity

CODE = "SC216"
NAME = "unknown-sub-target"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    kpis = ctx.plan.kpi_by_id
    for status in ctx.statuses:
        year = str(status.quarter.year)
        for kpi_id, report in status.model.kpis.items():
            placed = kpis.get(kpi_id)
            if placed is None or not report.actuals:  # an unknown KPI is SC203's
                continue
            targets = placed.kpi.yearly_targets.get(year)
            keys = sub_target_keys(targets) if isinstance(targets, list) else []
            for key in report.actuals:
                if key not in keys:
                    yield status.loaded.problem(("kpis", kpi_id, "actuals", key), prefer_key=True, kpi=kpi_id, key=key, year=year,
                                                keys=", ".join(keys), **({} if keys else {"kind": "none"}))

"""kpi-behind (SC304, warning): in the year's Q4 report, a KPI's actual value is below its yearly target.

The yearly target is the figure the 分年目標 cell gives in the KPI's unit (e.g. "累計 4 項" → 4);
a cell without such a figure (qualitative targets) is not judged.

PASS: 113Q4, KPI 1.1.1 actual 2 (113 target 累計 2 件).  WARN: actual 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC304"
NAME = "kpi-behind"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None or ctx.as_of.number != 4:
        return
    year = str(ctx.as_of.year)
    for status in ctx.filed_in(ctx.as_of):
        for kpi_id, report in status.model.kpis.items():
            placed = ctx.plan.kpi_by_id.get(kpi_id)
            if placed is None or report.actual is None:
                continue
            target = placed.kpi.yearly_figure(year)
            if target is not None and report.actual < target:
                yield status.loaded.problem(("kpis", kpi_id, "actual"), kpi=kpi_id, actual=report.actual, target=target, year=year)

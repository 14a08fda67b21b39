"""kpi-behind (SC304, warning): in the year's Q4 report, a KPI below its yearly target.

Judged by `sixcore.standing`: a sub-target whose actual is below the year's figure (each sub-target of a cell
with several is judged alone), or a milestone reported 部分達成 / 未達成. The agency explains in `note:`; the
report lists the explanation beside the KPI.

PASS: 113Q4, KPI 1.1.1 actual 2 (113 target 累計 2 件).  WARN: actual 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.model.kpi import YearlyText
from sixcore.problem import Problem, Severity
from sixcore.standing import KpiReason, Standings

CODE = "SC304"
NAME = "kpi-behind"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None or ctx.as_of.number != 4:
        return
    year = str(ctx.as_of.year)
    for standing in Standings.of(ctx).kpis.values():
        if standing.filed is None or standing.report is None:
            continue
        if standing.reason in (KpiReason.partly_achieved, KpiReason.not_achieved):
            yield standing.filed.loaded.problem(("kpis", standing.id, "achieved"), kpi=standing.id, actual=standing.report.achievement,
                                                target=_text(standing.placed.kpi.yearly_target(year)), year=year)
        for sub in standing.behind:
            field = ("actuals", sub.key) if sub.key in standing.report.actuals else ("actual",)
            yield standing.filed.loaded.problem(("kpis", standing.id, *field), kpi=standing.id, actual=sub.actual,
                                                target=f"{sub.target.value:g} {sub.target.unit}", year=year)


def _text(cell: YearlyText, limit: int = 40) -> str:
    """A milestone's cell, cut short: the warning names it, the plan file holds it whole."""
    text = "；".join(cell) if isinstance(cell, list) else cell or "-"
    return text if len(text) <= limit else text[:limit - 1] + "…"

"""unreported-kpi (SC305, warning): a KPI with a target for the year whose reports for the quarter leave out a
figure (of any sub-target) or, for a milestone, the achievement.

Judged by `sixcore.standing` (the report's 未填報 counts the same KPIs): from the first review on, the owners
of a KPI (its 主協辦機關, or the bodies they report through) owe every quarter of a year whose 分年目標 asks
something the year's figures so far (累計 or that year's, as the target says), or 達成 / 部分達成 / 未達成.
Reported at the lead owner's file when it filed, else at any owner's, else at the KPI in the plan.

PASS: status/113Q2/moea.yaml gives 1.2.1 `actual: 3`.  WARN: moea's 113Q2 file leaves 1.2.1 out, or moea filed nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import Standings, counting

CODE = "SC305"
NAME = "unreported-kpi"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    filed = counting(ctx, ctx.as_of)
    for standing in Standings.of(ctx).unreported_kpis():
        placed = standing.placed
        owners = [ctx.body(agency) for agency in placed.agencies]
        owner_files = sorted((status for status in filed if ctx.body(status.model.agency) in owners),
                             key=lambda status: owners.index(ctx.body(status.model.agency)))
        params: dict[str, Any] = {"kpi": placed.id, "agency": "、".join(dict.fromkeys(owners)), "quarter": str(ctx.as_of),
                  "missing": "、".join(standing.missing), "filed": bool(owner_files)}
        if standing.filed is not None:
            yield standing.filed.loaded.problem(("kpis", placed.id), **params)
        elif owner_files:
            yield owner_files[0].loaded.problem(("kpis",), prefer_key=True, **params)
        else:
            yield placed.source.problem(placed.location, **params)


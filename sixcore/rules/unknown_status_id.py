"""unknown-status-id (SC203): a status file reports a work item or KPI id the plan does not have.

Ids are the plan's public ids: work items `<measure>/<number>` (1-2/2.1.1, 6-8/4.1.1b), KPIs as printed
(1.1.1, 6.2.2b). A typo would otherwise leave the real item unreported.

PASS: `1-2/2.1.1:`.  FAIL: `1-2/2.1.9:` or `1-2-2.1.1:`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC203"
NAME = "unknown-status-id"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for item_id in status.model.work_items:
            if item_id not in ctx.plan.work_item_by_id:
                yield status.loaded.problem(("work_items", item_id), prefer_key=True, kind="work item", id=item_id)
        for kpi_id in status.model.kpis:
            if kpi_id not in ctx.plan.kpi_by_id:
                yield status.loaded.problem(("kpis", kpi_id), prefer_key=True, kind="KPI", id=kpi_id)
        industries = {str(loaded.model.industry) for loaded in ctx.plan.industries}
        for industry in status.model.budget:
            if industry not in industries:
                yield status.loaded.problem(("budget", industry), prefer_key=True, kind="industry", id=industry)

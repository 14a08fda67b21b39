"""achieved-without-evidence (SC215): a KPI reported 達成 (achieved) without `evidence:`.

A milestone KPI is judged by the agency's own word; the evidence (a report, an approval, a link) is what lets
the reviewers check it.

PASS: `achieved: 達成` with `evidence: 113/11/20 驗收紀錄`.  FAIL: `achieved: 達成` alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC215"
NAME = "achieved-without-evidence"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    for status in ctx.statuses:
        for kpi_id, report in status.model.kpis.items():
            if report.achievement == "達成" and not (report.evidence or "").strip():
                yield status.loaded.problem(("kpis", kpi_id, "achieved"), kpi=kpi_id)

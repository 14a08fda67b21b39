"""duplicate-id (SC101): an id that must be unique appears twice.

Work items are addressed by `<measure>/<number>` in status files and reports, so two work items with the
same number in one measure would make a report ambiguous. The document itself repeats a few numbers;
those keep the printed number and get a `suffix:`.

PASS: 6-8 has 4.1.1 under approach 4.1 and 4.1.1 with `suffix: b` under 4.2.
FAIL: 6-8 has 4.1.1 twice without a suffix.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.loader import LoadedPlan
from sixcore.problem import Problem, Severity

CODE = "SC101"
NAME = "duplicate-id"
DEFAULT_SEVERITY = Severity.ERROR


def check(plan: LoadedPlan) -> Iterator[Problem]:
    seen: dict[tuple[str, str], Problem] = {}

    def once(kind: str, identifier: str, finding: Problem) -> Iterator[Problem]:
        first = seen.setdefault((kind, identifier), finding)
        if first is not finding:
            yield Problem(finding.path, finding.line, finding.column, "", finding.severity,
                          {"kind": kind, "id": identifier, "first": f"{first.path}:{first.line}"})

    if plan.agencies:
        for index, agency in enumerate(plan.agencies.model.agencies):
            yield from once("agency", agency.id, plan.agencies.problem(("agencies", index, "id")))
    for loaded in plan.industries:
        yield from once("industry", str(loaded.model.industry), loaded.problem(("industry",)))
        for index, measure in enumerate(loaded.model.measures):
            yield from once("measure", measure.id, loaded.problem(("measures", index, "id")))
    for placed in plan.placed_work_items():
        yield from once("work item", placed.id, placed.source.problem(placed.location + ("number",)))
    for kpi in plan.placed_kpis():
        yield from once("KPI", kpi.id, kpi.source.problem(kpi.location + ("label",)))

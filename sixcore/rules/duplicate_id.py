"""duplicate-id (SC101): an id that must be unique appears twice.

Work items are addressed by `<measure>/<number>` in status files and reports, so two work items with the
same number in one measure would make a report ambiguous. The document itself repeats a few numbers;
those keep the printed number and get a `suffix:`.

PASS: 6-8 has 4.1.1 under approach 4.1 and 4.1.1 with `suffix: b` under 4.2.
FAIL: 6-8 has 4.1.1 twice without a suffix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.loader import Loaded, LoadedPlan
from sixcore.load.marked import PathKey
from sixcore.problem import Problem, Severity

CODE = "SC101"
NAME = "duplicate-id"
DEFAULT_SEVERITY = Severity.ERROR


def check(plan: LoadedPlan) -> Iterator[Problem]:
    # where each id was first seen, as (file, location): placed only when a duplicate needs it, not for every id
    seen: dict[tuple[str, str], tuple[Loaded[Any], PathKey]] = {}

    def once(kind: str, identifier: str, source: Loaded[Any], location: PathKey) -> Iterator[Problem]:
        first = seen.get((kind, identifier))
        if first is None:
            seen[kind, identifier] = (source, location)
            return
        earlier = first[0].problem(first[1])
        yield source.problem(location, kind=kind, id=identifier, first=f"{earlier.path}:{earlier.line}")

    if plan.agencies:
        for index, agency in enumerate(plan.agencies.model.agencies):
            yield from once("agency", agency.id, plan.agencies, ("agencies", index, "id"))
    for loaded in plan.industries:
        yield from once("industry", str(loaded.model.industry), loaded, ("industry",))
        for index, measure in enumerate(loaded.model.measures):
            yield from once("measure", measure.id, loaded, ("measures", index, "id"))
    for placed in plan.placed_work_items():
        yield from once("work item", placed.id, placed.source, placed.location + ("number",))
    for kpi in plan.placed_kpis():
        yield from once("KPI", kpi.id, kpi.source, kpi.location + ("label",))

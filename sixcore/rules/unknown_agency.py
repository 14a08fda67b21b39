"""unknown-agency (SC102): an agency id that plan/agencies.yaml does not define.

Every lead, co-lead and heading agency must be a registry id, so that a successor body (國科會 for
科技部) can be matched to the work it inherited, and so a typo cannot make an item lose its owner.

PASS: `lead: [moea-idb]` with moea-idb in agencies.yaml.
FAIL: `lead: [moea-ibd]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.loader import Loaded, LoadedPlan
from sixcore.load.marked import PathKey
from sixcore.problem import Problem, Severity

CODE = "SC102"
NAME = "unknown-agency"
DEFAULT_SEVERITY = Severity.ERROR


def check(plan: LoadedPlan) -> Iterator[Problem]:
    if plan.agencies is None:
        return  # the missing registry is reported by the loader
    known = plan.agency_by_id

    def each(loaded: Loaded[Any], location: PathKey, ids: list[str]) -> Iterator[Problem]:
        for index, agency_id in enumerate(ids):
            if agency_id not in known:
                yield loaded.problem(location + (index,), agency=agency_id)

    registry = plan.agencies
    for index, agency in enumerate(registry.model.agencies):
        for key in ("parent", "successor", "reports_through"):
            value = getattr(agency, key)
            if value is not None and value not in known:
                yield registry.problem(("agencies", index, key), agency=value)
    for loaded in plan.industries:
        yield from each(loaded, ("lead",), loaded.model.lead)
        for m, measure in enumerate(loaded.model.measures):
            yield from each(loaded, ("measures", m, "agencies"), measure.agencies)
    for placed in plan.placed_work_items():
        yield from each(placed.source, placed.location + ("lead",), placed.work_item.lead)
        yield from each(placed.source, placed.location + ("co",), placed.work_item.co)
    for kpi_file, table, prefix in plan.kpi_tables():
        yield from each(kpi_file, prefix + ("lead",), table.lead)
        for s, strategy in enumerate(table.strategies):
            yield from each(kpi_file, prefix + ("strategies", s, "agencies"), strategy.agencies)
            for k, kpi in enumerate(strategy.kpis):
                yield from each(kpi_file, prefix + ("strategies", s, "kpis", k, "agencies"), kpi.agencies or [])

"""unknown-reference (SC105): a reference to a measure or strategy that does not exist.

KPI strategies name the schedule measures they report on; a measure names the strategy it serves; a
measure id starts with its industry's number. A dangling reference would silently drop a KPI or a
measure from every roll-up.

PASS: KPI strategy 6.2 with `measures: ["6-5"]`.
FAIL: `measures: ["6-9"]` (the plan has 6-1 … 6-8); measure "2-1" inside the industry 1 file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from sixcore.load.loader import INDUSTRIES_DIR, LoadedPlan
from sixcore.problem import Problem, Severity

CODE = "SC105"
NAME = "unknown-reference"
DEFAULT_SEVERITY = Severity.ERROR


def check(plan: LoadedPlan) -> Iterator[Problem]:
    for loaded in plan.industries:
        industry = loaded.model
        strategies = {strategy.number for strategy in industry.strategies}
        for index, measure in enumerate(industry.measures):
            if not measure.id.startswith(f"{industry.industry}-"):
                yield loaded.problem(("measures", index, "id"), kind="industry", target=str(industry.industry), ref=measure.id)
            if measure.strategy is not None and measure.strategy not in strategies:
                yield loaded.problem(("measures", index, "strategy"), kind="strategy", target=measure.id, ref=measure.strategy)
    # a link into an industry whose file failed to load is not reported a second time: while some industry file
    # has errors, only links into industries that did load are judged
    loaded_industries = {str(loaded.model.industry) for loaded in plan.industries}
    industries_dir = os.path.realpath(plan.root / INDUSTRIES_DIR)  # realpath: a link loop there is a problem already listed, not a crash
    some_failed = any(problem.severity is Severity.ERROR and os.path.realpath(problem.path.parent) == industries_dir for problem in plan.problems)
    for kpi_file, table, prefix in plan.kpi_tables():
        for s, strategy in enumerate(table.strategies):
            for m, measure_id in enumerate(strategy.measures):
                if measure_id not in plan.measure_by_id and (not some_failed or measure_id.split("-")[0] in loaded_industries):
                    yield kpi_file.problem(prefix + ("strategies", s, "measures", m), kind="measure", target=strategy.label, ref=measure_id)

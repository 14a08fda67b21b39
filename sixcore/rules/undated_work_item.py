"""undated-work-item (SC106): a work item for which the document gives no date (information).

Such an item cannot be overdue and is listed, not drawn, in timelines; the `note:` records that the
document is silent. Reported as information so coordinators can ask the agency for a schedule.

PASS: `schedule: [{range: 110/1-113/12}]`.  REPORTED: `schedule: []`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.loader import LoadedPlan
from sixcore.problem import Problem, Severity

CODE = "SC106"
NAME = "undated-work-item"
DEFAULT_SEVERITY = Severity.INFO


def check(plan: LoadedPlan) -> Iterator[Problem]:
    for placed in plan.placed_work_items():
        if not placed.work_item.schedule:
            yield placed.source.problem(placed.location + ("schedule",), item=placed.id)

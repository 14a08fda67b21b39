"""superseded-agency (SC210): a status file under an id that does not file for its quarter.

A body reorganised before the quarter began files under its successor's id (科技部 `most` became 國科會
`nstc` on 111/7/27, so from 111Q4 on); a body that reports through another (台電 through 經濟部) never
files itself. The filing would otherwise sit under a name nobody reads.

PASS: status/111Q3/most.yaml (111Q3 began before 111/7/27); status/113Q3/nstc.yaml.
FAIL: status/113Q3/most.yaml; status/113Q2/taipower.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.calendar import RocDay
from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC210"
NAME = "superseded-agency"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.plan.agencies is None:
        return
    registry = ctx.plan.agencies.model
    for status in ctx.statuses:
        agency = status.model.agency
        if agency not in registry.by_id:
            continue  # SC202
        instead = registry.files_instead(agency, RocDay.from_date(status.quarter.first_day))
        if instead is not None:
            yield status.loaded.problem(("agency",), agency=agency, instead=instead, quarter=str(status.quarter),
                                        name=registry.by_id[agency].name,
                                        instead_name=registry.by_id[instead].name if instead in registry.by_id else instead)

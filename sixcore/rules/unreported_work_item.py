"""unreported-work-item (SC302, warning): a work item due for a report that its lead agency did not report.

A work item active in the as-of quarter (or overdue, and not completed before it) must appear in its
lead agency's status file for that quarter. Reported at that file when the agency filed, otherwise at
the work item in the plan (the agency filed nothing). Successors report for predecessors.

PASS: status/113Q2/nstc.yaml lists 1-1/1.4.1 (113/5-114/4).  WARN: it does not, or nstc filed nothing for 113Q2.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.standing import unreported

CODE = "SC302"
NAME = "unreported-work-item"
DEFAULT_SEVERITY = Severity.WARNING


def check(ctx: AuditContext) -> Iterator[Problem]:
    if ctx.as_of is None:
        return
    for missing in unreported(ctx, ctx.as_of):
        placed = missing.placed
        leads = "、".join(sorted(ctx.lead_bodies(placed.work_item)))
        params: dict[str, Any] = {"item": placed.id, "agency": leads, "quarter": str(ctx.as_of), "filed": bool(missing.lead_files)}
        if missing.lead_files:
            yield missing.lead_files[0].loaded.problem(("work_items",), prefer_key=True, **params)
        else:
            yield placed.source.problem(placed.location + ("lead",), **params)

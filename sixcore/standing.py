"""Where work items stand as of a quarter: due, active, overdue, unreported (shared by check and report).

Every judgment is made as of the quarter's last day, so a run gives the same answer whatever today is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sixcore.calendar import Quarter
from sixcore.load.loader import PlacedWorkItem
from sixcore.load.status import AuditContext, FiledStatus


def is_due(placed: PlacedWorkItem, quarter: Quarter) -> bool:
    """The last scheduled month ends on or before the quarter's last day."""
    end = placed.work_item.end
    return end is not None and end <= quarter.months.end


def is_active(placed: PlacedWorkItem, quarter: Quarter) -> bool:
    """Some phase of the schedule overlaps the quarter."""
    return any(phase.span.overlaps(quarter.months) for phase in placed.work_item.schedule)


def overdue(ctx: AuditContext, quarter: Quarter) -> list[PlacedWorkItem]:
    """Due by the quarter and not marked 完成 by any report up to it."""
    return [placed for placed in ctx.plan.placed_work_items() if is_due(placed, quarter) and not ctx.completed_by(placed.id, quarter)]


@dataclass(frozen=True)
class Unreported:
    placed: PlacedWorkItem
    lead_files: list[FiledStatus]  # the lead bodies' files for the quarter (empty: they filed nothing)


def expected(ctx: AuditContext, quarter: Quarter) -> list[PlacedWorkItem]:
    """The work items the lead bodies must report on for the quarter: active in it or overdue, not completed earlier."""
    late = {placed.id for placed in overdue(ctx, quarter)}
    return [
        placed for placed in ctx.plan.placed_work_items()
        if (is_active(placed, quarter) or placed.id in late) and not ctx.completed_by(placed.id, quarter.previous())
    ]


def unreported(ctx: AuditContext, quarter: Quarter) -> list[Unreported]:
    """Expected for the quarter and absent from every lead body's file for it."""
    filed = ctx.filed_in(quarter)
    result = []
    for placed in expected(ctx, quarter):
        leads = ctx.lead_bodies(placed.work_item)
        lead_files = [status for status in filed if ctx.body(status.model.agency) in leads]
        if not any(placed.id in status.model.work_items for status in lead_files):
            result.append(Unreported(placed, lead_files))
    return result

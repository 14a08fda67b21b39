"""The quarterly compliance report as data: what `sixcore report` shows, before any rendering.

Built from one AuditContext and the 燈號 rules; 逾期 and 未填報 are `sixcore.standing`'s, as in `sixcore check`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from sixcore.calendar import Quarter
from sixcore.load.status import AuditContext, FiledStatus
from sixcore.model.plan import Industry, Measure
from sixcore.progress import ItemStanding, KpiStanding, Light, Progress, State, rollup
from sixcore.scope import EVERYTHING, Scope
from sixcore.standing import expected, overdue, unreported


@dataclass(frozen=True)
class MeasureRollup:
    industry: Industry
    measure: Measure
    items: list[ItemStanding]
    light: Light
    continuously_behind: int

    @property
    def states(self) -> Counter[State]:
        return Counter(standing.state for standing in self.items)


@dataclass(frozen=True)
class IndustryRollup:
    industry: Industry
    measures: list[MeasureRollup]
    light: Light


@dataclass(frozen=True)
class AgencyFiling:
    """A reporting body that owes the quarter a file (it leads expected work items) or filed one anyway."""

    body: str
    name: str
    expected_items: int
    status: FiledStatus | None


@dataclass(frozen=True)
class LightChange:
    now: ItemStanding
    before: Light


@dataclass(frozen=True)
class BudgetLine:
    industry: int | None  # None: the printed 小計 row
    name: str
    year: Decimal | None  # the quarter's year; None outside 110–113
    programme: Decimal


@dataclass(frozen=True)
class QuarterReport:
    quarter: Quarter
    scope: Scope
    progress: Progress
    items: list[ItemStanding]  # in plan order, narrowed
    industries: list[IndustryRollup]
    agencies: list[AgencyFiling]
    overdue: list[ItemStanding]  # as `sixcore check` SC301
    unreported: list[ItemStanding]  # as `sixcore check` SC302 (overdue ones included)
    kpis: list[KpiStanding]
    newly_completed: list[ItemStanding]
    newly_overdue: list[ItemStanding]
    light_changes: list[LightChange]
    budget: list[BudgetLine]
    budget_unit: str

    @property
    def as_of(self) -> str:
        return str(self.quarter.last_roc_day)

    @property
    def filed(self) -> list[AgencyFiling]:
        return [agency for agency in self.agencies if agency.status is not None]

    @property
    def due(self) -> list[AgencyFiling]:
        return [agency for agency in self.agencies if agency.expected_items]

    @property
    def nothing_filed(self) -> bool:
        """No status file at all for the quarter (within the scope): lights and counts then show what is owed, not progress."""
        return not self.filed

    @cached_property
    def begun(self) -> list[ItemStanding]:
        """Work items whose schedule has begun by the quarter's end: what the headline counts."""
        return [standing for standing in self.items if standing.state not in (State.not_started, State.undated)]

    @property
    def states(self) -> Counter[State]:
        return Counter(standing.state for standing in self.items)

    @property
    def kpi_lights(self) -> Counter[Light]:
        return Counter(standing.light for standing in self.kpis)

    def continuously_behind(self) -> list[ItemStanding]:
        return [standing for standing in self.items if self.progress.is_continuously_behind(standing)]


def build_report(ctx: AuditContext, quarter: Quarter, scope: Scope = EVERYTHING) -> QuarterReport:
    scope.check(ctx)
    progress = Progress.of(ctx, quarter)
    items = [standing for standing in progress.items.values() if scope.includes_item(ctx, standing.placed)]
    in_scope = {standing.id for standing in items}
    before = progress.previous_items

    late = [progress.items[placed.id] for placed in overdue(ctx, quarter) if placed.id in in_scope]
    missing = [progress.items[entry.placed.id] for entry in unreported(ctx, quarter) if entry.placed.id in in_scope]
    return QuarterReport(
        quarter=quarter,
        scope=scope,
        progress=progress,
        items=items,
        industries=_rollups(progress, items),
        agencies=_agencies(ctx, quarter, scope),
        overdue=late,
        unreported=missing,
        kpis=[standing for standing in progress.kpis.values() if scope.includes_kpi(ctx, standing.placed)],
        newly_completed=[standing for standing in items if standing.state is State.completed and before[standing.id].state is not State.completed],
        newly_overdue=[standing for standing in late if not before[standing.id].is_overdue],
        light_changes=[LightChange(standing, before[standing.id].light) for standing in items
                       if before[standing.id].light is not Light.none and standing.light is not before[standing.id].light],
        budget=_budget(ctx, quarter, scope),
        budget_unit=ctx.plan.budget.model.unit if ctx.plan.budget else "",
    )


def _rollups(progress: Progress, items: list[ItemStanding]) -> list[IndustryRollup]:
    by_measure: dict[str, list[ItemStanding]] = {}
    for standing in items:
        by_measure.setdefault(standing.placed.measure.id, []).append(standing)
    industries = []
    for loaded in progress.ctx.plan.industries:
        industry = loaded.model
        measures = [
            MeasureRollup(industry, measure, shown, rollup([standing.light for standing in shown]),
                          sum(progress.is_continuously_behind(standing) for standing in shown))
            for measure in industry.measures if (shown := by_measure.get(measure.id))
        ]
        if measures:
            industries.append(IndustryRollup(industry, measures, rollup([measure.light for measure in measures])))
    return industries


def _agencies(ctx: AuditContext, quarter: Quarter, scope: Scope) -> list[AgencyFiling]:
    owed: Counter[str] = Counter()
    for placed in expected(ctx, quarter):
        if scope.includes_item(ctx, placed):
            owed.update(body for body in ctx.lead_bodies(placed.work_item) if scope.includes_body(ctx, body))
    filed = {ctx.body(status.model.agency): status for status in ctx.filed_in(quarter) if scope.includes_body(ctx, ctx.body(status.model.agency))}
    agencies = ctx.plan.agency_by_id
    return [
        AgencyFiling(body, agencies[body].name if body in agencies else body, owed[body], filed.get(body))
        for body in sorted(set(owed) | set(filed), key=lambda body: (-owed[body], body))
    ]


def _budget(ctx: AuditContext, quarter: Quarter, scope: Scope) -> list[BudgetLine]:
    if ctx.plan.budget is None:
        return []
    budget = ctx.plan.budget.model
    year = str(quarter.year)
    industries = {placed.industry.industry for placed in ctx.plan.placed_work_items() if scope.includes_item(ctx, placed)}
    lines = [
        BudgetLine(row.industry, row.name, row.amount_in(year), row.subtotal)
        for row in budget.rows if row.industry in industries
    ]
    if not scope.narrowed:
        lines.append(BudgetLine(None, "小計", budget.total.amount_in(year), budget.total.subtotal))
    return lines

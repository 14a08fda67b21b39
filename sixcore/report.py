"""The quarterly compliance report as data: what `sixcore report` shows, before any rendering.

Every state, light and obligation is `sixcore.standing`'s, as in `sixcore check`; the report carries all its
renderers need (names as of the quarter, thresholds), so they never reach into the loaded plan.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from sixcore.audit import Chosen
from sixcore.calendar import Quarter, RocDay
from sixcore.load.status import AuditContext, FiledStatus
from sixcore.model.base import Bilingual
from sixcore.model.lights import LightRules, RollupLights
from sixcore.model.plan import Industry, Measure, Programme
from sixcore.scope import EVERYTHING, Scope
from sixcore.standing import (
    ItemStanding,
    KpiStanding,
    Light,
    Standings,
    State,
    budget_light,
    counting,
    measure_state,
    rate,
    rollup,
)


@dataclass(frozen=True)
class MeasureRollup:
    industry: Industry
    measure: Measure
    items: list[ItemStanding]
    light: Light
    continuously_behind: int

    @property
    def state(self) -> State:
        """As gantt's measure bar: sixcore.standing.measure_state of its items."""
        return measure_state([standing.state for standing in self.items])

    @property
    def states(self) -> Counter[State]:
        return Counter(standing.state for standing in self.items)


@dataclass(frozen=True)
class IndustryRollup:
    industry: Industry
    measures: list[MeasureRollup]
    light: Light

    @property
    def state(self) -> State:
        return measure_state([standing.state for measure in self.measures for standing in measure.items])


@dataclass(frozen=True)
class AgencyFiling:
    """A reporting body that owes the quarter a file (it leads expected work items) or filed one anyway."""

    body: str
    name: Bilingual  # the full name as of the quarter
    owed: list[ItemStanding]  # the work items in scope it leads and must report on this quarter, in plan order
    status: FiledStatus | None

    @property
    def expected_items(self) -> int:
        return len(self.owed)


@dataclass(frozen=True)
class AgencyName:
    """A body as the quarter knew it: who answered then, and the plan's name when that differs (國科會, 原科技部)."""

    now: Bilingual
    then: Bilingual | None = None


@dataclass(frozen=True)
class LightChange:
    now: ItemStanding
    before: Light


@dataclass(frozen=True)
class BudgetLine:
    industry: int | None  # None: the printed 小計 row
    name: str
    year: Decimal | None  # the quarter's year; None when the table has no column for it
    programme: Decimal


@dataclass(frozen=True)
class ExecutionLine:
    """經費執行 for one industry: one body's figures, or (body None) the industry's sum over the bodies that filed."""

    industry: int
    body: str | None
    table3: Decimal | None
    approved: Decimal | None
    allocated: Decimal | None
    executed: Decimal | None
    execution_rate: float | None  # executed ÷ allocated
    achievement_rate: float | None  # executed ÷ approved
    light: Light
    reported_in: Quarter | None
    note: str | None


@dataclass(frozen=True)
class BudgetTable:
    """The programme's budget table as far as the report shows it (plan/budget.yaml)."""

    name: Bilingual  # as printed, e.g. 表 3
    unit: str
    years: list[str]
    lines: list[BudgetLine]


@dataclass(frozen=True)
class CurvePoint:
    """One quarter of a 管考 progress curve: mean cumulative progress (%) of the items with a schedule."""

    quarter: Quarter
    planned: float  # the share of each schedule elapsed by the quarter's end (linear over its months, 100 after its end)
    actual: float  # each item's filed actual progress as judged that quarter (完成 = 100; no figure filed = 0)


@dataclass(frozen=True)
class ProgressCurve:
    """預定 vs 實際 cumulative progress, quarter by quarter from the first review to the as-of quarter."""

    industry: Industry | None  # None: the whole programme (in scope)
    items: int  # the items with a schedule the plain mean is over
    points: list[CurvePoint]


@dataclass(frozen=True)
class QuarterReport:
    quarter: Quarter
    chosen: Chosen  # why this quarter: given, the latest filed, now, or the programme's last
    scope: Scope
    programme: Programme
    rules: LightRules
    has_work_items: bool  # the programme has any work item at all (a plan may set only KPIs)
    has_yearly_targets: bool  # some KPI of the programme has a 分年目標 (a plan may set only full-period targets)
    items: list[ItemStanding]  # in plan order, narrowed
    industries: list[IndustryRollup]
    agencies: list[AgencyFiling]
    overdue: list[ItemStanding]  # as `sixcore check` SC301
    unreported: list[ItemStanding]  # as `sixcore check` SC302 (overdue ones included)
    suspended: list[ItemStanding]  # 停辦 by the latest word: owed nothing, listed on their own
    names: dict[str, AgencyName]  # agency id → the body that answered for it at the quarter's end
    kpis: list[KpiStanding]
    newly_completed: list[ItemStanding]
    newly_overdue: list[ItemStanding]
    light_changes: list[LightChange]
    budget: BudgetTable | None  # None: the programme has no budget table
    execution: list[ExecutionLine]  # by industry: its sum, then each body
    progress_curves: list[ProgressCurve]  # the programme's, then each industry's (industries with scheduled items)
    behind_quarters: dict[str, int]  # item id → quarters in a row yellow or red up to this one, for items continuously behind

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
        return [standing for standing in self.items if standing.continuously_behind]

    def needing_attention(self, industry: IndustryRollup) -> list[ItemStanding]:
        """What the report's body lists for an industry (management by exception): its work items overdue,
        seriously behind (red) or behind quarter after quarter, in plan order."""
        return [standing for measure in industry.measures for standing in measure.items
                if standing.is_overdue or standing.light is Light.red or standing.continuously_behind]

    def lead_names(self, standing: ItemStanding) -> list[AgencyName]:
        return list(dict.fromkeys(self.names[agency] for agency in standing.placed.work_item.lead if agency in self.names))


def build_report(ctx: AuditContext, quarter: Quarter, scope: Scope = EVERYTHING, chosen: Chosen = Chosen.given) -> QuarterReport:
    scope.check(ctx)
    standings = Standings.of(ctx, quarter)
    items = [standing for standing in standings.items.values() if scope.includes_item(ctx, standing.placed)]
    before = standings.previous_items
    return QuarterReport(
        quarter=quarter,
        chosen=chosen,
        scope=scope,
        programme=standings.programme,
        rules=standings.rules,
        has_work_items=bool(standings.items),
        has_yearly_targets=any(cell for placed in ctx.plan.placed_kpis() for cell in placed.kpi.yearly.values()),
        items=items,
        industries=_rollups(ctx, items, standings.rules.measures),
        agencies=_agencies(ctx, standings, scope),
        overdue=[standing for standing in items if standing.is_overdue],
        unreported=[standing for standing in items if standing.is_unreported],
        suspended=[standing for standing in items if standing.state is State.suspended],
        names=_names(ctx, quarter.last_roc_day),
        kpis=[standing for standing in standings.kpis.values() if scope.includes_kpi(ctx, standing.placed)],
        newly_completed=[standing for standing in items if standing.state is State.completed and before[standing.id].state is not State.completed],
        newly_overdue=[standing for standing in items if standing.is_overdue and not before[standing.id].is_overdue],
        light_changes=[LightChange(standing, before[standing.id].light) for standing in items
                       if before[standing.id].light is not Light.none and standing.light is not before[standing.id].light],
        budget=_budget(ctx, quarter, scope),
        execution=_execution(ctx, standings, scope),
        progress_curves=_curves(ctx, standings, items),
        behind_quarters={standing.id: standings.behind_quarters(standing.id) for standing in items if standing.continuously_behind},
    )


def _curves(ctx: AuditContext, standings: Standings, items: list[ItemStanding]) -> list[ProgressCurve]:
    """The programme's curve and each industry's, over `items` that have a schedule (a plain mean: every item weighs
    the same, as the plan gives no weights)."""
    scheduled = [standing.placed for standing in items if standings.schedules[standing.id].spans]
    quarters = []
    quarter = standings.programme.review_from
    while quarter <= standings.quarter:
        quarters.append(quarter)
        quarter = quarter.next()
    ends = [quarter.months.end.index for quarter in quarters]
    # each item's points once, for the programme's curve and again its industry's
    planned = {placed.id: [standings.schedules[placed.id].elapsed_share(end) for end in ends] for placed in scheduled}
    actual = {placed.id: [standings.actual_progress(placed.id, quarter) for quarter in quarters] for placed in scheduled}

    def curve(industry: Industry | None) -> ProgressCurve:
        ids = [placed.id for placed in scheduled if industry is None or placed.industry.industry == industry.industry]
        points = [CurvePoint(quarter, _mean([planned[item_id][at] for item_id in ids]), _mean([actual[item_id][at] for item_id in ids]))
                  for at, quarter in enumerate(quarters)]
        return ProgressCurve(industry, len(ids), points)

    industries = [loaded.model for loaded in ctx.plan.industries]
    return [curve(None)] + [curve(industry) for industry in industries
                            if any(placed.industry.industry == industry.industry for placed in scheduled)]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _names(ctx: AuditContext, day: RocDay) -> dict[str, AgencyName]:
    """Each agency id's body as of `day` (國科會 for 科技部 after 111/7/27), with the plan's name beside it when different."""
    if ctx.plan.agencies is None:
        return {}
    registry = ctx.plan.agencies.model
    names = {}
    for agency in registry.agencies:
        then = registry.by_id[registry.top(agency.id)].short_name
        now_id = registry.top(registry.answering(agency.id, day))
        now = registry.by_id[now_id].short_name if now_id in registry.by_id else Bilingual(zh=now_id, en=now_id)
        names[agency.id] = AgencyName(now, then if then != now else None)
    return names


def _rollups(ctx: AuditContext, items: list[ItemStanding], shares: RollupLights) -> list[IndustryRollup]:
    by_measure: dict[str, list[ItemStanding]] = {}
    for standing in items:
        by_measure.setdefault(standing.placed.measure.id, []).append(standing)
    industries = []
    for loaded in ctx.plan.industries:
        industry = loaded.model
        measures = [
            MeasureRollup(industry, measure, shown, rollup([standing.light for standing in shown], shares),
                          sum(standing.continuously_behind for standing in shown))
            for measure in industry.measures if (shown := by_measure.get(measure.id))
        ]
        if measures:
            # an industry by its items, as a measure: not by its measures' lights, which would compound the shares
            industries.append(IndustryRollup(industry, measures, rollup([standing.light for measure in measures for standing in measure.items], shares)))
    return industries


def _agencies(ctx: AuditContext, standings: Standings, scope: Scope) -> list[AgencyFiling]:
    """The bodies due to file (they lead owed work items in scope) and those that filed anyway, named as of the quarter."""
    owed: dict[str, list[ItemStanding]] = {}
    for standing in standings.items.values():
        if standing.owed and scope.includes_item(ctx, standing.placed):
            for body in sorted(ctx.lead_bodies(standing.placed.work_item)):
                if scope.includes_body(ctx, body):
                    owed.setdefault(body, []).append(standing)
    quarter = standings.quarter
    filed = {ctx.body(status.model.agency): status for status in counting(ctx, quarter) if scope.includes_body(ctx, ctx.body(status.model.agency))}
    registry = ctx.plan.agencies.model if ctx.plan.agencies else None
    day = quarter.last_roc_day

    def name(body: str) -> Bilingual:
        agency = registry.agency_on(body, day) if registry else None
        return agency.full_name if agency else Bilingual(zh=body, en=body)

    return [
        AgencyFiling(body, name(body), owed.get(body, []), filed.get(body))
        for body in sorted(set(owed) | set(filed), key=lambda body: (-len(owed.get(body, [])), body))
    ]


def _execution(ctx: AuditContext, standings: Standings, scope: Scope) -> list[ExecutionLine]:
    """Each industry's sum over the bodies that filed budget figures (in scope), then each body's line."""
    lines: list[ExecutionLine] = []
    shown = [standing for standing in standings.budget
             if scope.includes_body(ctx, standing.body) and (not scope.industries or standing.industry in scope.industries)]
    for industry in dict.fromkeys(standing.industry for standing in shown):
        bodies = [standing for standing in shown if standing.industry == industry]
        sums = {field: _sum([getattr(standing.report, field) for standing in bodies]) for field in ("approved", "allocated")}
        executed = _sum([standing.report.executed for standing in bodies])
        execution = rate(executed, sums["allocated"])
        lines.append(ExecutionLine(industry, None, bodies[0].table3, sums["approved"], sums["allocated"], executed, execution,
                                   rate(executed, sums["approved"]), budget_light(execution, standings.rules.budget), None, None))
        lines += [ExecutionLine(industry, standing.body, standing.table3, standing.report.approved, standing.report.allocated,
                                standing.report.executed, standing.execution_rate, standing.achievement_rate, standing.light,
                                standing.reported_in, standing.report.note) for standing in bodies]
    return lines


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [value for value in values if value is not None]
    return sum(present, Decimal(0)) if present else None


def _budget(ctx: AuditContext, quarter: Quarter, scope: Scope) -> BudgetTable | None:
    if ctx.plan.budget is None:
        return None
    budget = ctx.plan.budget.model
    year = str(quarter.year)
    # narrowed, the industries of the work items in scope; otherwise every row (a programme may set no work items)
    industries = {placed.industry.industry for placed in ctx.plan.placed_work_items() if scope.includes_item(ctx, placed)}
    lines = [
        BudgetLine(row.industry, row.name, row.amount_in(year), row.subtotal)
        for row in budget.rows if not scope.narrowed or row.industry in industries
    ]
    if not scope.narrowed:
        lines.append(BudgetLine(None, "小計", budget.total.amount_in(year), budget.total.subtotal))
    return BudgetTable(budget.table, budget.unit, list(budget.years), lines)

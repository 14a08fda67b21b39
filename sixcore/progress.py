"""How far each work item and KPI has got as of a quarter: its state and its 燈號 (shared by report and gantt).

A work item's state follows `sixcore.standing`, so 逾期 and 未填報 mean exactly what `sixcore check` means.
Lights follow government project control (管考): the lag between planned and actual cumulative progress,
with the thresholds of plan/lights.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from sixcore.calendar import Quarter
from sixcore.errors import SixcoreUserError
from sixcore.load.loader import PlacedKpi, PlacedWorkItem
from sixcore.load.status import AuditContext, FiledStatus
from sixcore.model.lights import LightRules
from sixcore.model.status import KpiReport, WorkItemReport
from sixcore.rules.kpi_behind import yearly_figure
from sixcore.standing import is_active, overdue, unreported


class State(str, Enum):
    """A work item as of a quarter; the order is the order reports list them in."""

    completed = "completed"
    on_schedule = "on_schedule"
    behind = "behind"
    overdue = "overdue"
    unreported = "unreported"
    suspended = "suspended"
    not_started = "not_started"
    idle = "idle"  # between two phases of its schedule, never reported
    undated = "undated"


class Light(str, Enum):
    """燈號, worst last among the judged ones (green < yellow < red)."""

    green = "green"
    yellow = "yellow"
    red = "red"
    done = "done"
    unreported = "unreported"
    none = "none"  # not judged: not started, suspended, undated, qualitative KPI


JUDGED = (Light.green, Light.yellow, Light.red)


@dataclass(frozen=True)
class ItemStanding:
    placed: PlacedWorkItem
    state: State
    light: Light
    report: WorkItemReport | None  # the latest report up to the quarter
    reported_in: Quarter | None  # the quarter of that report
    lag: float | None  # planned − actual, percentage points, from that report
    behind_streak: int  # consecutive quarters up to this one with a yellow or red light
    is_overdue: bool
    is_unreported: bool

    @property
    def id(self) -> str:
        return self.placed.id


@dataclass(frozen=True)
class KpiStanding:
    placed: PlacedKpi
    year: int
    target: float | None  # the year's figure in the KPI's unit (None: qualitative or not stated as one figure)
    expected: float | None  # what the target asks by the quarter (prorated when the rules say so)
    report: KpiReport | None
    reported_by: str | None
    reported_in: Quarter | None
    light: Light

    @property
    def id(self) -> str:
        return self.placed.id

    @property
    def actual(self) -> float | None:
        return self.report.actual if self.report else None

    @property
    def cumulative(self) -> bool:
        return bool(self.placed.kpi.target and self.placed.kpi.target.cumulative)


def rollup(lights: list[Light]) -> Light:
    """A measure's or industry's light: the worst judged light; 完成 when all are done; 未填報 when only that is known."""
    judged = [light for light in lights if light in JUDGED]
    if judged:
        return max(judged, key=JUDGED.index)
    if lights and all(light is Light.done for light in lights):
        return Light.done
    if Light.unreported in lights:
        return Light.unreported
    return Light.done if Light.done in lights else Light.none


class Progress:
    """Standings of every work item and KPI as of one quarter, with earlier quarters at hand for streaks and changes."""

    def __init__(self, ctx: AuditContext, rules: LightRules, quarter: Quarter) -> None:
        self.ctx = ctx
        self.rules = rules
        self.quarter = quarter
        self._by_quarter: dict[Quarter, dict[str, ItemStanding]] = {}

    @classmethod
    def of(cls, ctx: AuditContext, quarter: Quarter) -> Progress:
        """Standings by the plan's own plan/lights.yaml (callers refuse a plan with errors first; this keeps the promise without them)."""
        if ctx.plan.lights is None:
            raise SixcoreUserError("plan/lights.yaml 缺漏或有誤，請先執行 sixcore check / plan/lights.yaml is missing or invalid; run sixcore check")
        return cls(ctx, ctx.plan.lights.model, quarter)

    @cached_property
    def items(self) -> dict[str, ItemStanding]:
        return self.items_as_of(self.quarter)

    @cached_property
    def previous_items(self) -> dict[str, ItemStanding]:
        return self.items_as_of(self.quarter.previous())

    def items_as_of(self, quarter: Quarter) -> dict[str, ItemStanding]:
        if quarter not in self._by_quarter:
            late = {placed.id for placed in overdue(self.ctx, quarter)}
            missing = {entry.placed.id for entry in unreported(self.ctx, quarter)}
            earlier = self._streak_base(quarter)
            self._by_quarter[quarter] = {
                placed.id: self._judge(placed, quarter, placed.id in late, placed.id in missing, earlier)
                for placed in self.ctx.plan.placed_work_items()
            }
        return self._by_quarter[quarter]

    def _streak_base(self, quarter: Quarter) -> dict[str, ItemStanding]:
        """The previous quarter's standings, needed only as far back as a streak can reach."""
        first_filed = min((status.quarter for status in self.ctx.statuses), default=None)
        reach = self.rules.work_items.consecutive_quarters
        if first_filed is None or quarter <= first_filed or self.quarter.index - quarter.index >= reach:
            return {}
        return self.items_as_of(quarter.previous())

    def _judge(self, placed: PlacedWorkItem, quarter: Quarter, is_overdue: bool, is_unreported: bool,
               earlier: dict[str, ItemStanding]) -> ItemStanding:
        reports = [(status, report) for status, report in self.ctx.reports_of(placed.id) if status.quarter <= quarter]
        status, report = reports[-1] if reports else (None, None)
        lag = None
        if report is not None and report.planned is not None and report.actual is not None:
            lag = round(report.planned - report.actual, 2)
        state = self._state(placed, quarter, is_overdue, is_unreported, report, lag)
        light = self._light(state, lag)
        streak = 0
        if light in (Light.yellow, Light.red):
            before = earlier.get(placed.id)
            streak = 1 + (before.behind_streak if before else 0)
        return ItemStanding(placed, state, light, report, status.quarter if status else None, lag, streak, is_overdue, is_unreported)

    def _state(self, placed: PlacedWorkItem, quarter: Quarter, is_overdue: bool, is_unreported: bool,
               report: WorkItemReport | None, lag: float | None) -> State:
        start = placed.work_item.start
        if start is None:
            return State.undated
        if self.ctx.completed_by(placed.id, quarter):
            return State.completed
        if is_overdue:
            return State.overdue
        if is_unreported:
            return State.unreported
        if report is None:
            return State.not_started if quarter.months.end < start else State.idle
        if report.state == "停辦":
            return State.suspended
        if report.state == "落後" or (lag is not None and lag > self.rules.work_items.behind_above):
            return State.behind
        if not is_active(placed, quarter) and quarter.months.end < start:
            return State.not_started
        return State.on_schedule

    def _light(self, state: State, lag: float | None) -> Light:
        thresholds = self.rules.work_items
        if state is State.completed:
            return Light.done
        if state is State.overdue:
            return Light.red
        if state is State.unreported:
            return Light.unreported
        if state is State.behind:
            return Light.red if lag is not None and lag >= thresholds.severe_from else Light.yellow
        if state is State.on_schedule:
            return Light.green
        return Light.none

    def is_continuously_behind(self, standing: ItemStanding) -> bool:
        return standing.behind_streak >= self.rules.work_items.consecutive_quarters

    @cached_property
    def kpis(self) -> dict[str, KpiStanding]:
        return {placed.id: self._judge_kpi(placed) for placed in self.ctx.plan.placed_kpis()}

    def _judge_kpi(self, placed: PlacedKpi) -> KpiStanding:
        year = self.quarter.year
        target = yearly_figure(placed.kpi, str(year))
        expected = self._expected(placed, target)
        filed, report = self._latest_kpi_report(placed)
        if not placed.kpi.yearly_target(year):
            light = Light.none  # no target set for this year (outside 110–113, or a blank cell)
        elif placed.kpi.qualitative or expected is None:
            light = Light.none if report is not None else Light.unreported
        elif report is None or report.actual is None:
            light = Light.unreported
        else:
            ratio = report.actual / expected if expected else 1.0
            thresholds = self.rules.kpis
            light = Light.green if ratio >= thresholds.behind_below else Light.yellow if ratio >= thresholds.severe_below else Light.red
        return KpiStanding(placed, year, target, expected, report, filed.model.agency if filed else None,
                           filed.quarter if filed else None, light)

    def _expected(self, placed: PlacedKpi, target: float | None) -> float | None:
        if target is None or not self.rules.kpis.prorate:
            return target
        share = self.quarter.number / 4
        start = 0.0
        if placed.kpi.target is not None and placed.kpi.target.cumulative:
            # a cumulative target grows from the latest earlier year's figure
            earlier = (yearly_figure(placed.kpi, str(year)) for year in range(self.quarter.year - 1, 109, -1))
            start = next((figure for figure in earlier if figure is not None), 0.0)
        return round(start + (target - start) * share, 4)

    def _latest_kpi_report(self, placed: PlacedKpi) -> tuple[FiledStatus | None, KpiReport | None]:
        """The latest report of the KPI in the quarter's year; when several bodies filed that quarter, its lead's."""
        year = self.quarter.year
        found = [status for status in self.ctx.statuses
                 if status.quarter.year == year and status.quarter <= self.quarter and placed.id in status.model.kpis]
        if not found:
            return None, None
        latest = max(status.quarter for status in found)
        candidates = sorted((status for status in found if status.quarter == latest), key=lambda status: status.model.agency)
        lead = self.ctx.body(placed.agencies[0]) if placed.agencies else None
        chosen = next((status for status in candidates if self.ctx.body(status.model.agency) == lead), candidates[0])
        return chosen, chosen.model.kpis[placed.id]

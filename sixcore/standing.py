"""The standing of every work item and KPI as of a quarter: the one place sixcore judges.

`sixcore check` (SC301, SC302), `report`, `gantt` and `status new` all read `Standings`, so each rule of the
programme's quarterly review (part 伍 of the plan) is stated here once, as of the quarter's last day:

- **The latest word decides.** A quarter's word on a work item is its lead's report (a body reporting through
  another, or the industry's 主政單位, counts as the lead); a co-agency's report counts only when no lead report
  that quarter names the item. The latest word up to the quarter decides: 完成 then 進行中 is not 完成.
- **Rounds.** A recurring item (每年, 每季 …) is done in rounds (the calendar years, quarters … of its range).
  完成 before the last round closes that round only: the item stays active, owed a report every quarter; in a
  round's last quarter a report that does not say 完成 makes it 落後. 完成 in the last round completes it.
- **Deadlines.** Work given only a deadline ("…前") is pending from the programme's start (or the end of the
  previous phase) up to the deadline, and due at the end of the deadline's quarter.
- **停辦.** While the latest word is 停辦 the item is neither 逾期 nor 未填報 and is owed no report.
- **Before the plan.** Nothing is 逾期 or 未填報 before the first review (plan/programme.yaml); work that ended
  earlier is due at the first review.
- **Who files.** Every lead body owes a report on each item it leads that is active in the quarter or overdue,
  unless the item was 完成 or 停辦 by the latest word of the quarter before.
- **KPIs.** In each quarter of a year whose 分年目標 asks something (from the first review on) a KPI's owners
  owe the quarter's figure of every sub-target, or for a milestone its achievement; left out, it is 未填報
  (SC305). Each sub-target is compared with its prorated expectation and the KPI takes the rule of
  plan/lights.yaml over them; a milestone is judged in the year's Q4.

Lights follow government project control (管考): the lag between planned and actual cumulative progress, with
the thresholds of plan/lights.yaml.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache, cached_property

from sixcore.calendar import MonthRange, Quarter, RocDay, RocMonth
from sixcore.errors import SixcoreUserError
from sixcore.load.loader import PlacedKpi, PlacedWorkItem
from sixcore.load.status import AuditContext, FiledStatus
from sixcore.model.kpi import ACHIEVEMENT, SubTarget, YearTargets, sub_target_keys
from sixcore.model.lights import BudgetLights, KpiLights, LightRules, RollupLights, WorkItemLights
from sixcore.model.plan import Phase, Programme, WorkItem
from sixcore.model.status import BudgetReport, KpiReport, WorkItemReport


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
    not_reviewed = "not_reviewed"  # under way before the first quarterly review, never reported
    undated = "undated"


class Light(str, Enum):
    """燈號, worst last among the judged ones (green < yellow < red)."""

    green = "green"
    yellow = "yellow"
    red = "red"
    done = "done"
    unreported = "unreported"
    none = "none"  # not judged: not started, suspended, undated, a KPI without a target this year or before its milestone's Q4


JUDGED = (Light.green, Light.yellow, Light.red)


@dataclass(frozen=True)
class Word:
    """The report that speaks for a work item in one quarter, and the file it came in."""

    filed: FiledStatus
    report: WorkItemReport

    @property
    def quarter(self) -> Quarter:
        return self.filed.quarter

    @property
    def state(self) -> str:
        state = self.report.state
        assert state is not None, "a report without a status is no word"  # _words skips them
        return state


@dataclass(frozen=True)
class ItemStanding:
    placed: PlacedWorkItem
    state: State
    light: Light
    word: Word | None  # the latest word up to the quarter
    lag: float | None  # planned − actual, percentage points, from that word
    behind_streak: int  # quarters in a row up to this one yellow or red, counted back only as far as continuously_behind
    # needs (consecutive_quarters + 1): the full count, shown as 連續 n 季, is Standings.behind_quarters
    continuously_behind: bool  # the streak reaches plan/lights.yaml's consecutive_quarters
    owed: bool  # its lead bodies owe a report on it for the quarter
    reported: bool  # some report for the quarter speaks for it
    is_overdue: bool
    is_unreported: bool  # owed and not reported (an overdue item can be both)

    @property
    def id(self) -> str:
        return self.placed.id

    @property
    def report(self) -> WorkItemReport | None:
        return self.word.report if self.word else None

    @property
    def reported_in(self) -> Quarter | None:
        return self.word.quarter if self.word else None


class KpiReason(str, Enum):
    """Why a KPI has its light as of a quarter (the report says it beside the light)."""

    no_target = "no_target"  # the year's 分年目標 cell is empty: nothing asked this year
    not_reviewed = "not_reviewed"  # before the first review nothing is owed, and nothing was reported
    unreported = "unreported"  # owed, and the quarter's reports leave a figure or the achievement out
    in_progress = "in_progress"  # judged by achievement, before the year's Q4
    achieved = "achieved"
    partly_achieved = "partly_achieved"
    not_achieved = "not_achieved"
    on_track = "on_track"  # every sub-target at or above what is expected by the quarter
    behind = "behind"  # some sub-target below it


ACHIEVEMENT_LIGHTS = {"達成": (Light.green, KpiReason.achieved), "部分達成": (Light.yellow, KpiReason.partly_achieved),
                      "未達成": (Light.red, KpiReason.not_achieved)}


@dataclass(frozen=True)
class SubTargetStanding:
    key: str  # how a status file names it under `actuals:` (sixcore.model.kpi.sub_target_keys)
    target: SubTarget
    expected: float  # what the sub-target asks by the quarter (prorated when the rules say so)
    actual: float | None
    light: Light


@dataclass(frozen=True)
class KpiStanding:
    placed: PlacedKpi
    year: int
    asked: YearTargets | None  # what the year's 分年目標 asks: sub-targets, `achievement`, or nothing
    sub_targets: list[SubTargetStanding]
    filed: FiledStatus | None  # the quarter's report that speaks for the KPI
    report: KpiReport | None
    owed: bool  # its owners owe the quarter a figure for every sub-target, or the achievement
    missing: list[str]  # what the quarter's reports leave out, as a status file names it: actual, actuals.<key>, achieved
    light: Light
    reason: KpiReason

    @property
    def id(self) -> str:
        return self.placed.id

    @property
    def by_achievement(self) -> bool:
        return self.asked == ACHIEVEMENT

    @property
    def is_unreported(self) -> bool:
        return self.reason is KpiReason.unreported

    @property
    def reported_by(self) -> str | None:
        return self.filed.model.agency if self.filed else None

    @property
    def reported_in(self) -> Quarter | None:
        return self.filed.quarter if self.filed else None

    @property
    def behind(self) -> list[SubTargetStanding]:
        """The sub-targets below what the quarter expects."""
        return [sub for sub in self.sub_targets if sub.light in (Light.yellow, Light.red)]


@dataclass(frozen=True)
class BudgetStanding:
    """One body's year-to-date budget figures for one industry, as of the quarter (its latest filing that year)."""

    industry: int
    body: str
    filed: FiledStatus
    report: BudgetReport
    table3: Decimal | None  # 表 3's figure for the whole industry and the year (None outside its years)
    execution_rate: float | None  # 執行率 = executed ÷ allocated (None when nothing is allocated)
    achievement_rate: float | None  # 達成率 = executed ÷ approved
    light: Light

    @property
    def reported_in(self) -> Quarter:
        return self.filed.quarter


def rate(part: Decimal | None, whole: Decimal | None) -> float | None:
    """part ÷ whole as a fraction; None when either is missing or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return round(float(part / whole), 4)


def budget_light(execution_rate: float | None, thresholds: BudgetLights) -> Light:
    if execution_rate is None:
        return Light.none  # nothing allocated: not judged
    if execution_rate >= thresholds.behind_below:
        return Light.green
    return Light.yellow if execution_rate >= thresholds.severe_below else Light.red


def worst(lights: list[Light]) -> Light:
    """The worst of judged lights (red before yellow before green)."""
    return max(lights, key=JUDGED.index)


def rollup(lights: list[Light], shares: RollupLights | None = None) -> Light:
    """A measure's or industry's light from its items': when some are judged (green, yellow, red), red if at least
    `red_share` of them are red, yellow if at least `yellow_share` are yellow or red, else green (plan/lights.yaml,
    `measures`); otherwise 完成 when all are done, 未填報 when that is all that is known, 不評定 else."""
    rules = shares or RollupLights()
    judged = [light for light in lights if light in JUDGED]
    if judged:
        red = sum(light is Light.red for light in judged) / len(judged)
        behind = sum(light in (Light.yellow, Light.red) for light in judged) / len(judged)
        return Light.red if red >= rules.red_share else Light.yellow if behind >= rules.yellow_share else Light.green
    if lights and all(light is Light.done for light in lights):
        return Light.done
    if Light.unreported in lights:
        return Light.unreported
    return Light.done if Light.done in lights else Light.none


# The order a measure takes its state in: the first of these that any of its work items has.
URGENT_FIRST = (State.overdue, State.behind, State.unreported, State.suspended)


def measure_state(states: list[State]) -> State:
    """A measure's (or industry's) state from its dated work items' states: the most urgent present
    (逾期 > 落後 > 未填報 > 停辦); else 完成 when all are 完成, 未開始 when none has started, 進度正常 otherwise.
    report and gantt both roll up by it, so they agree on every measure."""
    present = set(states) - {State.undated}
    for state in URGENT_FIRST:
        if state in present:
            return state
    if present == {State.completed}:
        return State.completed
    if present == {State.not_started}:
        return State.not_started
    return State.on_schedule


# --- the schedule ---------------------------------------------------------------------------------------------

@cache
def month_indices(quarter: Quarter) -> tuple[int, int]:
    """The quarter's first and last month as `RocMonth.index`: the judge compares months and quarters as numbers,
    since `Quarter.months` builds and checks new objects on every call and it asks for every item in every quarter."""
    months = quarter.months
    return months.start.index, months.end.index


@dataclass(frozen=True)
class Moment:
    """A quarter as the judge compares it with every item's schedule, worked out once per quarter."""

    quarter: Quarter
    index: int  # Quarter.index
    first_month: int  # RocMonth.index
    last_month: int
    reviewed: bool  # from the first review on

    @classmethod
    def of(cls, quarter: Quarter, first_review: Quarter | None) -> Moment:
        first, last = month_indices(quarter)
        return cls(quarter, quarter.index, first, last, first_review is None or quarter.index >= first_review.index)


_ROUND_MONTHS = {"每年": 12, "每半年": 6, "每季": 3, "每月": 1}


def pending_spans(work_item: WorkItem, programme_start: RocMonth | None) -> list[MonthRange]:
    """The months each phase keeps the work active: its range, or for a deadline alone, from the programme's
    start (or the month after the previous phase) to the deadline."""
    spans: list[MonthRange] = []
    for phase in work_item.schedule:
        if phase.range is not None:
            spans.append(phase.range)
            continue
        start = spans[-1].end.shift(1) if spans else programme_start or phase.end
        spans.append(MonthRange(min(start, phase.end), phase.end))
    return spans


def rounds(phase: Phase, span: MonthRange) -> list[MonthRange]:
    """A recurring phase's rounds: the calendar years (每年), half-years, quarters or months of its span."""
    assert phase.recurring is not None
    size = _ROUND_MONTHS[phase.recurring]
    result, start = [], span.start
    while start <= span.end:
        last_in_round = RocMonth(start.year, ((start.month - 1) // size + 1) * size)
        end = min(last_in_round, span.end)
        result.append(MonthRange(start, end))
        start = end.shift(1)
    return result


@dataclass(frozen=True)
class Schedule:
    """What the plan says of one work item's time: when it is active, when due, its rounds if recurring."""

    spans: tuple[MonthRange, ...]
    due: Quarter | None  # the quarter by whose end it must be 完成 (None: undated)
    round_ends: frozenset[Quarter]  # quarters that close a round before the last (recurring items)
    last_round: MonthRange | None  # a 完成 reported from this round's first quarter on completes the item

    @classmethod
    def of(cls, work_item: WorkItem, programme_start: RocMonth | None, first_review: Quarter | None) -> Schedule:
        spans = pending_spans(work_item, programme_start)
        if not spans:
            return cls((), None, frozenset(), None)
        due = max(span.end for span in spans).quarter
        if first_review is not None and due < first_review:
            due = first_review  # ended before the review began: due at the first review
        all_rounds = [each for phase, span in zip(work_item.schedule, spans, strict=True) if phase.recurring for each in rounds(phase, span)]
        last = all_rounds[-1] if all_rounds and all_rounds[-1].end == max(span.end for span in spans) else None
        ends = frozenset(each.end.quarter for each in all_rounds if each is not last)
        return cls(tuple(spans), due, ends, last)

    @cached_property
    def start_month(self) -> int | None:
        """The first month it is active, as `RocMonth.index`."""
        return min((span.start.index for span in self.spans), default=None)

    @cached_property
    def _span_months(self) -> tuple[tuple[int, int], ...]:
        return tuple((span.start.index, span.end.index) for span in self.spans)

    def elapsed_share(self, end_month: int) -> float:
        """The share (%) of its scheduled months elapsed by `end_month` (a `RocMonth.index`): the 預定進度 of the 管考
        progress curve, linear over its months."""
        months = sum(end - start + 1 for start, end in self._span_months)
        return 100 * sum(max(0, min(end, end_month) - start + 1) for start, end in self._span_months) / months

    @cached_property
    def due_index(self) -> int | None:
        """`due` as `Quarter.index`."""
        return self.due.index if self.due else None

    @cached_property
    def round_end_indices(self) -> frozenset[int]:
        """`round_ends` as `Quarter.index`."""
        return frozenset(quarter.index for quarter in self.round_ends)

    def active_in(self, moment: Moment) -> bool:
        return any(start <= moment.last_month and moment.first_month <= end for start, end in self._span_months)

    def completes(self, word: Word | None) -> bool:
        """The word completes the item: 完成, and for recurring work, reported within its last round or later."""
        if word is None or word.state != "完成":
            return False
        return self.last_round is None or month_indices(word.quarter)[1] >= self.last_round.start.index


# --- who reports ----------------------------------------------------------------------------------------------


def lead_side(ctx: AuditContext, placed: PlacedWorkItem) -> list[str]:
    """The bodies whose report is the lead's word, in order of precedence: the lead bodies (a body reporting
    through another as that other), then the industry's 主政單位 (表 1), who may file for any item of it."""
    bodies = [ctx.body(agency) for agency in [*placed.work_item.lead, *placed.industry.lead]]
    return list(dict.fromkeys(bodies))


def may_file(ctx: AuditContext, placed: PlacedWorkItem) -> set[str]:
    """The bodies whose report on the item counts: its lead side and its co-agencies."""
    return set(lead_side(ctx, placed)) | ctx.co_bodies(placed.work_item)


def counts(ctx: AuditContext, status: FiledStatus) -> bool:
    """A file counts for its quarter unless it is filed under an id that does not file then (SC210): a body
    reorganised before the quarter began, or one that reports through another."""
    known = ctx.counted.get(id(status))
    if known is not None and known[0] is status:
        return known[1]
    registry = ctx.plan.agencies.model if ctx.plan.agencies else None
    answer = registry is None or registry.files_instead(status.model.agency, RocDay.from_date(status.quarter.first_day)) is None
    ctx.counted[id(status)] = (status, answer)
    return answer


def counting(ctx: AuditContext, quarter: Quarter | None = None) -> list[FiledStatus]:
    """The files that count (for one quarter, or all)."""
    return [status for status in ctx.statuses if (quarter is None or status.quarter == quarter) and counts(ctx, status)]


# --- the judge ------------------------------------------------------------------------------------------------

_NO_WORDS: tuple[list[int], list[Word]] = ([], [])


class Standings:
    """Standings of every work item and KPI as of one quarter, with earlier quarters at hand for streaks and changes.

    Build it with `Standings.of(ctx, quarter)`; results are shared within one loaded context.
    """

    def __init__(self, ctx: AuditContext, quarter: Quarter) -> None:
        self.ctx = ctx
        self.quarter = quarter
        lights = ctx.plan.lights.model if ctx.plan.lights else None
        self.item_rules: WorkItemLights | None = lights.work_items if lights else None
        self.kpi_rules: KpiLights | None = lights.kpis if lights else None
        programme = ctx.plan.programme.model if ctx.plan.programme else None
        self.first_review: Quarter | None = programme.review_from if programme else None
        self._programme_start = programme.start if programme else None
        self._by_quarter: dict[Quarter, dict[str, ItemStanding]] = {}  # every item judged, by quarter
        self._alone: dict[Quarter, dict[str, ItemStanding]] = {}  # items judged one at a time (a streak, a light), by quarter
        self._moments: dict[Quarter, Moment] = {}

    @classmethod
    def of(cls, ctx: AuditContext, quarter: Quarter | None = None) -> Standings:
        """The standings of `ctx` as of `quarter` (default: its as-of quarter), computed once per context."""
        wanted = quarter or ctx.as_of
        if wanted is None:
            raise SixcoreUserError("沒有基準季別 / no as-of quarter")
        if wanted not in ctx.judged:
            ctx.judged[wanted] = cls(ctx, wanted)
        judged: Standings = ctx.judged[wanted]
        return judged

    @property
    def rules(self) -> LightRules:
        """plan/lights.yaml (callers refuse a plan with errors first; this keeps the promise without them)."""
        if self.ctx.plan.lights is None:
            raise SixcoreUserError("plan/lights.yaml 缺漏或有誤，請先執行 sixcore check / plan/lights.yaml is missing or invalid; run sixcore check")
        return self.ctx.plan.lights.model

    @property
    def programme(self) -> Programme:
        """plan/programme.yaml: the programme's names and period (callers refuse a plan with errors first)."""
        if self.ctx.plan.programme is None:
            raise SixcoreUserError("plan/programme.yaml 缺漏或有誤，請先執行 sixcore check / plan/programme.yaml is missing or invalid; run sixcore check")
        return self.ctx.plan.programme.model

    # -- facts that do not depend on the quarter --

    @cached_property
    def schedules(self) -> dict[str, Schedule]:
        return {placed.id: Schedule.of(placed.work_item, self._programme_start, self.first_review)
                for placed in self.ctx.plan.placed_work_items()}

    @cached_property
    def _words(self) -> dict[str, tuple[list[int], list[Word]]]:
        """Each work item's word per quarter (the lead side's report first, else a co-agency's), as parallel lists in
        quarter order: the quarters' indices, to find the latest word up to a quarter by bisection, and the words."""
        words: dict[str, tuple[list[int], list[Word]]] = {}
        by_id = self.ctx.plan.work_item_by_id
        statuses = sorted(counting(self.ctx), key=lambda status: status.quarter.index)
        body_of = {status.model.agency: self.ctx.body(status.model.agency) for status in statuses}
        candidates: dict[tuple[str, Quarter], list[FiledStatus]] = {}  # in quarter order, as the statuses are
        for status in statuses:
            for item_id in status.model.work_items:
                if item_id in by_id:
                    candidates.setdefault((item_id, status.quarter), []).append(status)
        ranks: dict[str, dict[str, int]] = {}  # per item: each body's place in its precedence (the first, if twice)
        for (item_id, quarter), filed in candidates.items():
            rank = ranks.get(item_id)
            if rank is None:
                placed = by_id[item_id]
                precedence = [*lead_side(self.ctx, placed), *sorted(self.ctx.co_bodies(placed.work_item))]
                rank = ranks[item_id] = {}
                for index, body in enumerate(precedence):
                    rank.setdefault(body, index)
            best: FiledStatus | None = None
            best_key: tuple[int, str] | None = None
            for status in filed:  # the first of the highest precedence, then of the lowest agency id
                place = rank.get(body_of[status.model.agency])
                if place is None or status.model.work_items[item_id].state is None:
                    continue
                key = (place, status.model.agency)
                if best_key is None or key < best_key:
                    best, best_key = status, key
            if best is not None:
                indices, found = words.setdefault(item_id, ([], []))
                indices.append(quarter.index)
                found.append(Word(best, best.model.work_items[item_id]))
        return words

    def _words_around(self, item_id: str, quarter_index: int) -> tuple[Word | None, Word | None, Word | None]:
        """The latest word up to the quarter, the quarter's own word, and the latest word up to the quarter before."""
        indices, words = self._words.get(item_id, _NO_WORDS)
        found = bisect_right(indices, quarter_index)
        latest = words[found - 1] if found else None
        if found and indices[found - 1] == quarter_index:
            return latest, latest, words[found - 2] if found > 1 else None
        return latest, None, latest

    # -- the standings --

    @cached_property
    def items(self) -> dict[str, ItemStanding]:
        return self.items_as_of(self.quarter)

    @cached_property
    def previous_items(self) -> dict[str, ItemStanding]:
        return self.items_as_of(self.quarter.previous())

    def items_as_of(self, quarter: Quarter) -> dict[str, ItemStanding]:
        if quarter not in self._by_quarter:
            alone = self._alone.pop(quarter, {})
            judged: dict[str, ItemStanding] = {}
            for placed in self.ctx.plan.work_item_by_id.values():
                standing = alone.get(placed.id)
                judged[placed.id] = standing if standing is not None else self._judge(placed, quarter)
            self._by_quarter[quarter] = judged
        return self._by_quarter[quarter]

    def _standing_of(self, placed: PlacedWorkItem, quarter: Quarter) -> ItemStanding:
        """One item's standing as of `quarter`: from that quarter's standings if every item was judged, else the item
        judged alone and kept. A streak needs the quarters before, but only of the items yellow or red (and check
        reads no streak), so earlier quarters are not judged in full for it."""
        judged = self._by_quarter.get(quarter)
        if judged is not None:
            return judged[placed.id]
        alone = self._alone.setdefault(quarter, {})
        standing = alone.get(placed.id)
        if standing is None:
            standing = alone[placed.id] = self._judge(placed, quarter)
        return standing

    def _moment(self, quarter: Quarter) -> Moment:
        moment = self._moments.get(quarter)
        if moment is None:
            moment = self._moments[quarter] = Moment.of(quarter, self.first_review)
        return moment

    @cached_property
    def _first_filed(self) -> Quarter | None:
        return min((status.quarter for status in self.ctx.statuses), default=None)

    def behind_quarters(self, item_id: str) -> int:
        """Quarters in a row, up to this one, in which the item's light is yellow or red, counted back to the first
        filing (連續 n 季 in the report)."""
        placed = self.ctx.plan.work_item_by_id[item_id]
        count, quarter = 0, self.quarter
        while self._first_filed is not None and quarter >= self._first_filed:
            if self._standing_of(placed, quarter).light not in (Light.yellow, Light.red):
                break
            count, quarter = count + 1, quarter.previous()
        return count

    def actual_progress(self, item_id: str, quarter: Quarter) -> float:
        """The item's actual cumulative progress (%) as judged at `quarter`, for the 管考 progress curve: 100 once 完成
        (State.completed), else the latest word's actual figure, 0 without one. Worked out from the latest word alone,
        without judging every item of every quarter of the curve."""
        schedule = self.schedules[item_id]
        word = self._words_around(item_id, quarter.index)[0]
        if schedule.start_month is not None and schedule.completes(word):  # as _state: undated first, then completed
            return 100.0
        actual = word.report.actual if word else None
        return float(actual) if actual is not None else 0.0

    def _standing_before(self, placed: PlacedWorkItem, quarter: Quarter) -> ItemStanding | None:
        """The item's standing in the quarter before `quarter`, for its streak: counted back only as far as
        continuously_behind needs (consecutive_quarters from the as-of quarter) and not before the first filing."""
        reach = self.item_rules.consecutive_quarters if self.item_rules else 0
        if self._first_filed is None or quarter <= self._first_filed or self.quarter.index - quarter.index >= reach:
            return None
        return self._standing_of(placed, quarter.previous())

    def _reviewed(self, quarter: Quarter) -> bool:
        return self.first_review is None or quarter.index >= self.first_review.index

    @staticmethod
    def _owed(schedule: Schedule, moment: Moment, before: Word | None) -> bool:
        """Its lead bodies owe a report on it for the quarter: reviewed, active or past due, and neither 完成 nor
        停辦 by `before`, the latest word up to the quarter before."""
        if schedule.due_index is None or not moment.reviewed:
            return False
        if schedule.completes(before) or (before is not None and before.state == "停辦"):
            return False
        return schedule.active_in(moment) or moment.index >= schedule.due_index

    def _judge(self, placed: PlacedWorkItem, quarter: Quarter) -> ItemStanding:
        moment = self._moment(quarter)
        schedule = self.schedules[placed.id]
        word, this_quarter, word_before = self._words_around(placed.id, moment.index)
        owed = self._owed(schedule, moment, word_before)
        completed = schedule.completes(word)
        suspended = word is not None and word.state == "停辦"
        overdue = (schedule.due_index is not None and moment.reviewed and moment.index >= schedule.due_index
                   and not completed and not suspended)
        unreported = owed and this_quarter is None
        lag = None
        if word is not None and word.report.planned is not None and word.report.actual is not None:
            lag = round(word.report.planned - word.report.actual, 2)
        state = self._state(schedule, moment, word, this_quarter, completed, suspended, overdue, unreported, lag)
        light = self._light(state, lag)
        streak = 0
        if light in (Light.yellow, Light.red):
            before = self._standing_before(placed, quarter)
            streak = 1 + (before.behind_streak if before else 0)
        continuously = self.item_rules is not None and streak >= self.item_rules.consecutive_quarters
        return ItemStanding(placed, state, light, word, lag, streak, continuously, owed, this_quarter is not None, overdue, unreported)

    def _state(self, schedule: Schedule, moment: Moment, word: Word | None, this_quarter: Word | None, completed: bool,
               suspended: bool, overdue: bool, unreported: bool, lag: float | None) -> State:
        start = schedule.start_month
        if start is None:
            return State.undated
        if completed:
            return State.completed
        if suspended:
            return State.suspended
        if overdue:
            return State.overdue
        if unreported:
            return State.unreported
        if word is None:
            if moment.last_month < start:
                return State.not_started
            if not moment.reviewed:
                return State.not_reviewed
            return State.idle
        behind_above = self.item_rules.behind_above if self.item_rules else 0
        if word.state == "落後" or (lag is not None and lag > behind_above):
            return State.behind
        if moment.index in schedule.round_end_indices and this_quarter is not None and this_quarter.state != "完成":
            return State.behind  # a round closes this quarter and the report does not say it was done
        if moment.last_month < start:
            return State.not_started
        return State.on_schedule

    def _light(self, state: State, lag: float | None) -> Light:
        if state is State.completed:
            return Light.done
        if state is State.overdue:
            return Light.red
        if state is State.unreported:
            return Light.unreported
        if state is State.behind:
            severe = self.item_rules.severe_from if self.item_rules else 10.0
            return Light.red if lag is not None and lag >= severe else Light.yellow
        if state is State.on_schedule:
            return Light.green
        return Light.none

    # -- what the other commands ask --

    def overdue(self) -> list[ItemStanding]:
        return [standing for standing in self.items.values() if standing.is_overdue]

    def unreported(self) -> list[ItemStanding]:
        """Owed a report this quarter and not reported (overdue ones included), as SC302."""
        return [standing for standing in self.items.values() if standing.is_unreported]

    def owed_by(self, body: str) -> Iterator[PlacedWorkItem]:
        """The work items `body` owes a report on this quarter: those it leads (or reports for) that are owed."""
        for standing in self.items.values():
            if standing.owed and body in {self.ctx.body(agency) for agency in standing.placed.work_item.lead}:
                yield standing.placed

    # -- budget execution --

    @cached_property
    def budget(self) -> list[BudgetStanding]:
        """Per filing body and industry, the latest figures of the quarter's year up to the quarter, by industry then body."""
        latest: dict[tuple[int, str], tuple[FiledStatus, BudgetReport]] = {}
        for status in sorted(counting(self.ctx), key=lambda status: status.quarter):
            if status.quarter.year == self.quarter.year and status.quarter <= self.quarter:
                for key, report in status.model.budget.items():
                    if key.isdigit():
                        latest[(int(key), self.ctx.body(status.model.agency))] = (status, report)
        table = self.ctx.plan.budget.model if self.ctx.plan.budget else None
        rows = {row.industry: row for row in table.rows} if table else {}
        standings = []
        for (industry, body), (status, report) in sorted(latest.items()):
            execution = rate(report.executed, report.allocated)
            row = rows.get(industry)
            standings.append(BudgetStanding(industry, body, status, report, row.amount_in(self.quarter.year) if row else None,
                                            execution, rate(report.executed, report.approved), budget_light(execution, self.rules.budget)))
        return standings

    # -- KPIs --

    @cached_property
    def kpis(self) -> dict[str, KpiStanding]:
        return {placed.id: self._judge_kpi(placed) for placed in self.ctx.plan.placed_kpis()}

    def unreported_kpis(self) -> list[KpiStanding]:
        """KPIs owed a figure or an achievement for the quarter that its reports leave out (check's SC305, the report's 未填報)."""
        return [standing for standing in self.kpis.values() if standing.is_unreported]

    def kpis_owned_by(self, body: str) -> Iterator[KpiStanding]:
        """KPIs `body` owns, as a lead or co-agency (whether it owes them the quarter: `owed`)."""
        for standing in self.kpis.values():
            if body in {self.ctx.body(agency) for agency in standing.placed.agencies}:
                yield standing

    def _judge_kpi(self, placed: PlacedKpi) -> KpiStanding:
        year = self.quarter.year
        asked = placed.kpi.targets_in(year)
        owed = asked is not None and self._reviewed(self.quarter)
        filed, report = self._kpi_report(placed)
        if owed and filed is not None and filed.quarter != self.quarter:
            filed, report = None, None  # owed this quarter: an earlier quarter's word does not stand in for it
        sub_targets: list[SubTargetStanding] = []
        if asked is None:
            missing: list[str] = []
            light, reason = Light.none, KpiReason.no_target
        elif asked == ACHIEVEMENT:
            achievement = report.achievement if report else None
            missing = [] if achievement else ["achieved"]
            if achievement is None:
                light, reason = Light.none, KpiReason.not_reviewed
            elif self.quarter.number != 4:
                light, reason = Light.none, KpiReason.in_progress  # a milestone is judged when its year closes
            else:
                light, reason = ACHIEVEMENT_LIGHTS[achievement]
        else:
            sub_targets = self._judge_sub_targets(placed, asked, report)
            fields = ["actual"] if len(sub_targets) == 1 else [f"actuals.{sub.key}" for sub in sub_targets]  # as the status file names them
            missing = [field for field, sub in zip(fields, sub_targets, strict=True) if sub.actual is None]
            judged = [sub.light for sub in sub_targets]
            if missing:
                light, reason = Light.none, KpiReason.not_reviewed
            else:
                light = worst(judged) if self.rules.kpis.sub_targets == "worst" else rollup(judged, self.rules.measures)
                reason = KpiReason.on_track if light is Light.green else KpiReason.behind
        if missing and owed:
            light, reason = Light.unreported, KpiReason.unreported
        return KpiStanding(placed, year, asked, sub_targets, filed, report, owed, missing, light, reason)

    def _judge_sub_targets(self, placed: PlacedKpi, asked: list[SubTarget], report: KpiReport | None) -> list[SubTargetStanding]:
        thresholds = self.rules.kpis
        judged = []
        for position, (key, target) in enumerate(zip(sub_target_keys(asked), asked, strict=True)):
            start = placed.kpi.asked_before(self.quarter.year, asked, position) if target.cumulative else 0.0
            share = self.quarter.number / 4 if thresholds.prorate else 1.0
            expected = round(start + (target.value - start) * share, 4)
            actual = report.figure(key, first=position == 0) if report else None
            if actual is None:
                light = Light.unreported
            else:
                ratio = actual / expected if expected else 1.0
                light = Light.green if ratio >= thresholds.behind_below else Light.yellow if ratio >= thresholds.severe_below else Light.red
            judged.append(SubTargetStanding(key, target, expected, actual, light))
        return judged

    @cached_property
    def _kpi_filings(self) -> dict[str, list[FiledStatus]]:
        """Per KPI id, the files of the quarter's year up to the quarter that report it, in file order."""
        found: dict[str, list[FiledStatus]] = {}
        for status in counting(self.ctx):
            if status.quarter.year == self.quarter.year and status.quarter <= self.quarter:
                for kpi_id in status.model.kpis:
                    found.setdefault(kpi_id, []).append(status)
        return found

    def _kpi_report(self, placed: PlacedKpi) -> tuple[FiledStatus | None, KpiReport | None]:
        """The latest report of the KPI in the quarter's year up to the quarter (shown, with its quarter, when the
        quarter has none); when several bodies filed that quarter, its lead's — unless the lead's entry is left
        empty and a co-agency's gives a figure or an achievement: an empty entry is no word on the KPI."""
        found = self._kpi_filings.get(placed.id)
        if not found:
            return None, None
        latest = max(status.quarter for status in found)
        candidates = sorted((status for status in found if status.quarter == latest), key=lambda status: status.model.agency)
        lead = self.ctx.body(placed.agencies[0]) if placed.agencies else None
        chosen = min(candidates, key=lambda status: (not status.model.kpis[placed.id].says_something, self.ctx.body(status.model.agency) != lead))
        return chosen, chosen.model.kpis[placed.id]

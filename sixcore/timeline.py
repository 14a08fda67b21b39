"""What runs when: measures and work items as bars over ROC months, with their state as of a quarter (sixcore gantt).

Pure data; sixcore/render/gantt_*.py draw it.

How a bar is made
  A work item's bar has one segment per phase of its schedule as the plan writes it (第一期受理申請, 執行期程,
  第一階段 …). Where two phases overlap (a second call for applications while the first period still runs),
  the one that starts later is drawn on top: see `Bar.segment_at`.
  A measure's bar covers the months of its shown work items. A month in which only calls for applications
  (受理申請 phases) are open is drawn as 受理申請; a month in which some work item has any other scheduled work
  as 執行; a month with nothing scheduled is left as a gap.

A measure's state and light roll up from its work items' (each judged by sixcore.standing, as sixcore check
does) by sixcore.standing.measure_state and rollup, as the report's: the most urgent state present,
逾期 > 落後 > 未填報 > 停辦; otherwise 完成 when every item is 完成, 未開始 when none has started yet, and
進度正常 for the rest. With --agency the measure's bar and state cover only that agency's work items.

With no status file filed up to the as-of quarter the states are still those of sixcore check: an item whose
schedule has ended is 逾期 (no 完成 on file) and one under way is 未填報. `Timeline.filed_any` lets the renderers
say so, since such a chart shows the lack of reports, not the real progress.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sixcore.calendar import MonthRange, Quarter, RocMonth
from sixcore.errors import SixcoreUserError
from sixcore.load.loader import PlacedWorkItem
from sixcore.load.status import AuditContext
from sixcore.messages import Lang
from sixcore.model.base import Bilingual
from sixcore.model.plan import Phase
from sixcore.scope import Scope
from sixcore.standing import Light, Standings, State, measure_state, rollup


class SegmentKind(str, Enum):
    application = "application"  # 受理申請: a call for applications is open
    work = "work"  # any other scheduled work (執行期程, 第一階段, or an unlabelled range)


KIND_WORDS: dict[SegmentKind, dict[Lang, str]] = {
    SegmentKind.application: {Lang.zh: "受理申請", Lang.en: "call for applications"},
    SegmentKind.work: {Lang.zh: "執行", Lang.en: "work"},
}

# What the renderers print under every chart, so the picture never needs this docstring.
NOTES: dict[str, dict[Lang, str]] = {
    "rollup": {
        Lang.zh: "措施狀態取其工作項目中最需關注者：逾期 > 落後 > 未填報 > 停辦；全部完成為「完成」，皆未開始為「未開始」，其餘為「進度正常」。",
        Lang.en: "A measure takes the most urgent state among its work items: overdue > behind > unreported > suspended; "
                 "completed when all are, not started when none has begun, otherwise on schedule.",
    },
    "as_of": {
        Lang.zh: "狀態以基準季 {quarter} 末日（{day}）判定，與 sixcore check 相同。",
        Lang.en: "States are judged at the last day of {quarter} ({day}), as sixcore check judges them.",
    },
    "no_status": {
        Lang.zh: "截至 {quarter} 尚無任何季度填報：「逾期」僅表示期程已結束而無完成紀錄，「未填報」表示執行中而無填報，並非實際進度。",
        Lang.en: "No status file is filed up to {quarter}: overdue only means the schedule ended with no completion on file, "
                 "unreported that work is under way with no report; neither is the real progress.",
    },
    "outside": {
        Lang.zh: "另有 {count} 列全在顯示期間之外，未繪出。",
        Lang.en: "{count} more rows lie wholly outside the window and are not drawn.",
    },
    "undated": {Lang.zh: "無期程（未繪出）", Lang.en: "Without dates (not drawn)"},
    "heading": {Lang.zh: "{programme} 工作期程 {window} · 基準季 {quarter}（{day} 判定）",
                Lang.en: "{programme}: schedule {window} · as of {quarter} ({day})"},
    "as_of_mark": {Lang.zh: "基準季 {quarter}", Lang.en: "as of {quarter}"},
    "legend": {Lang.zh: "圖例", Lang.en: "Legend"},
}


def note(key: str, lang: Lang, **params: object) -> str:
    return NOTES[key][lang].format(**params)


def footnotes(timeline: Timeline, lang: Lang) -> list[str]:
    """What every rendering says under the chart: the roll-up rule, the day judged, and what the picture cannot show."""
    notes = [note("rollup", lang), note("as_of", lang, quarter=timeline.as_of, day=timeline.as_of.last_roc_day)]
    if not timeline.filed_any:
        notes.append(note("no_status", lang, quarter=timeline.as_of))
    if timeline.outside_window:
        notes.append(note("outside", lang, count=timeline.outside_window))
    return notes


class BarLevel(str, Enum):
    measure = "measure"
    work_item = "work_item"


@dataclass(frozen=True)
class Segment:
    months: MonthRange
    kind: SegmentKind
    label: str | None = None  # the phase label as printed (第一期受理申請); None for a measure's runs and unlabelled phases


@dataclass(frozen=True)
class Bar:
    """One row of the chart: a measure (id 1-2) or, with --detail, a work item (id 1-2/1.1.1)."""

    level: BarLevel
    id: str
    title: str
    state: State
    light: Light
    segments: tuple[Segment, ...]  # by start month; only a work item's may overlap

    @property
    def span(self) -> MonthRange:
        return MonthRange(min(segment.months.start for segment in self.segments), max(segment.months.end for segment in self.segments))

    def segment_at(self, month: RocMonth) -> Segment | None:
        """The segment drawn in `month`: of those covering it, the one that starts last."""
        covering = [segment for segment in self.segments if month in segment.months]
        return covering[-1] if covering else None


@dataclass(frozen=True)
class IndustryRows:
    number: int
    name: str
    bars: tuple[Bar, ...]  # measures in plan order, each followed by its work items with --detail


@dataclass(frozen=True)
class Timeline:
    programme: Bilingual  # its name, for the heading
    as_of: Quarter
    window: MonthRange
    industries: tuple[IndustryRows, ...]
    undated: tuple[PlacedWorkItem, ...]
    filed_any: bool  # some status file is filed up to the as-of quarter
    outside_window: int  # rows left out because they lie wholly outside the window

    def bars(self) -> Iterator[Bar]:
        for industry in self.industries:
            yield from industry.bars

    def states(self) -> list[State]:
        """The states drawn, in legend order."""
        drawn = {bar.state for bar in self.bars()}
        return [state for state in State if state in drawn]

    def kinds(self) -> list[SegmentKind]:
        drawn = {segment.kind for bar in self.bars() for segment in bar.segments}
        return [kind for kind in SegmentKind if kind in drawn]

    def heading(self, lang: Lang) -> str:
        return note("heading", lang, programme=self.programme.get(lang), window=self.window, quarter=self.as_of, day=self.as_of.last_roc_day)


@dataclass(frozen=True)
class Selection(Scope):
    """What to chart: the narrowing, work-item rows or not, and the window of months."""

    detail: bool = False
    start: RocMonth | None = None
    end: RocMonth | None = None


def kind_of(phase: Phase) -> SegmentKind:
    """受理申請 (and 第一期受理申請 …) is a call for applications; every other phase is work."""
    return SegmentKind.application if phase.label is not None and "受理" in phase.label else SegmentKind.work


def item_segments(phases: Sequence[Phase]) -> tuple[Segment, ...]:
    """One segment per phase, by start (stable, so the plan's order breaks ties)."""
    segments = [Segment(phase.span, kind_of(phase), phase.label) for phase in phases]
    return tuple(sorted(segments, key=lambda segment: segment.months.start))


def measure_segments(phases: Iterable[Phase]) -> tuple[Segment, ...]:
    """Runs of months by kind over its items' phases: 執行 wherever any item has other work, 受理申請 where only calls are open."""
    # months as RocMonth.index: a RocMonth for every month of every phase was most of what gantt did after loading
    kinds: dict[int, SegmentKind] = {}
    for phase in phases:
        kind = kind_of(phase)
        for month in range(phase.span.start.index, phase.span.end.index + 1):
            if kinds.get(month) is not SegmentKind.work:
                kinds[month] = kind
    runs: list[tuple[int, int, SegmentKind]] = []  # first month, last month, kind
    for month in sorted(kinds):
        if runs and runs[-1][2] is kinds[month] and runs[-1][1] + 1 == month:
            runs[-1] = (runs[-1][0], month, kinds[month])
        else:
            runs.append((month, month, kinds[month]))
    return tuple(Segment(MonthRange(RocMonth.from_index(first), RocMonth.from_index(last)), kind) for first, last, kind in runs)


def build_timeline(ctx: AuditContext, as_of: Quarter, selection: Selection) -> Timeline:
    """The chart's rows for the selection, judged as of `as_of`."""
    selection.check(ctx)
    if selection.start and selection.end and selection.end < selection.start:
        raise SixcoreUserError(f"--to {selection.end} 早於 --from {selection.start} / --to is before --from")
    judged = Standings.of(ctx, as_of)
    standings, programme = judged.items, judged.programme
    if not any(placed.work_item.schedule for placed in ctx.plan.placed_work_items()):
        raise SixcoreUserError(f"{programme.name.zh}未列任何有期程的重點工作項目（plan/industries/ 無辦理重點及期程表），沒有可繪的甘特圖"
                               f" / {programme.name.en} sets no dated work items (no schedule tables in plan/industries/): there is no chart to draw")
    chosen = [placed for placed in ctx.plan.placed_work_items() if selection.includes_item(ctx, placed)]
    dated = [placed for placed in chosen if placed.work_item.schedule]
    if not dated:
        raise SixcoreUserError("沒有符合條件且有期程的工作項目；請放寬 --measure / --industry / --agency"
                               " / no dated work item matches; widen --measure / --industry / --agency")
    rows: dict[int, list[Bar]] = {}
    by_measure: dict[str, list[PlacedWorkItem]] = {}  # in plan order, as the measures first appear
    for placed in dated:
        by_measure.setdefault(placed.measure.id, []).append(placed)
    for items in by_measure.values():
        measure = items[0].measure
        bars = rows.setdefault(items[0].industry.industry, [])
        bars.append(Bar(BarLevel.measure, measure.id, measure.title, measure_state([standings[placed.id].state for placed in items]),
                        rollup([standings[placed.id].light for placed in items], judged.rules.measures),
                        measure_segments(phase for placed in items for phase in placed.work_item.schedule)))
        if selection.detail:
            bars += [Bar(BarLevel.work_item, placed.id, placed.work_item.text, standings[placed.id].state, standings[placed.id].light,
                         item_segments(placed.work_item.schedule)) for placed in items]
    span = MonthRange(min(bar.span.start for bars in rows.values() for bar in bars), max(bar.span.end for bars in rows.values() for bar in bars))
    start, end = selection.start or span.start, selection.end or span.end
    window = MonthRange(start, end) if start <= end else None  # only --from or only --to can put the window out of the span
    names = {loaded.model.industry: loaded.model.name for loaded in ctx.plan.industries}
    shown = {number: tuple(bar for bar in bars if window and bar.span.overlaps(window)) for number, bars in sorted(rows.items())}
    hidden = sum(len(bars) for bars in rows.values()) - sum(len(bars) for bars in shown.values())
    industries = tuple(IndustryRows(number, names[number], bars) for number, bars in shown.items() if bars)
    if window is None or not industries:
        raise SixcoreUserError(f"顯示期間 {start}-{end} 內沒有工作項目（期程為 {span}）/ nothing is scheduled in {start}-{end} (the schedule is {span})")
    filed_any = any(status.quarter <= as_of for status in ctx.statuses)
    undated = tuple(placed for placed in chosen if not placed.work_item.schedule)
    return Timeline(programme.name, as_of, window, industries, undated, filed_any, hidden)


def default_out(root: Path, as_of: Quarter, selection: Selection, lang: Lang, suffix: str) -> Path:
    """reports/gantt-113Q2.html, or reports/gantt-113Q2-measure-1-2-detail-en.html, so no narrowed chart overwrites another."""
    parts = ["gantt", str(as_of), *selection.name_parts()]
    parts += [f"from-{selection.start.year}-{selection.start.month}"] if selection.start else []
    parts += [f"to-{selection.end.year}-{selection.end.month}"] if selection.end else []
    parts += ["detail"] if selection.detail else []
    parts += ["en"] if lang is Lang.en else []
    return root / "reports" / ("-".join(parts) + suffix)

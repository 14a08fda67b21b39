"""Write a SYNTHETIC demo status set (110Q1 … 113Q4) next to a copy of the repository's plan/.

    python tests/synthetic/make_demo.py OUTDIR

creates OUTDIR/plan (a copy of plan/) and OUTDIR/status/<quarter>/<agency>.yaml. Nothing in the
status files is a real report: every status, figure, date and sentence is invented, deterministically
(no randomness), so that `sixcore check` and the tests have something realistic-looking to judge.

Who files (agency ids from plan/agencies.yaml):
  moea   經濟部     every quarter; in 110Q3 its 工業局 (moea-idb) files the 工業局 items separately;
                    it also files the items of 台電 and 中油 (they report through 經濟部)
  most   科技部     110Q1 … 111Q2, then nstc 國科會 from 111Q3 (科技部 became 國科會 on 111/7/27)
  mohw   衛福部     every quarter except 112Q3 (it files nothing then); English status words from 113Q1
  motc   交通部     every quarter; also the items of 臺灣港務公司 (it reports through 交通部)
  ndc    國發會     every quarter: its own items, the guarantee mechanism's executing unit's (it reports
                    through 國發會), and as 主政單位 of industries 2 and 6 items other bodies lead
  moea-idb 工業局   110Q3 only: the items 工業局 leads, filed by the unit (it counts for moea)

Each dated work item of industries 1, 2, 3 and 6 (INDUSTRIES; the others are left out to keep the set
small, and are never reported unless scripted below) led by one of these bodies is reported by one of
them only (the first of its leads that files here; e.g. 3-1/1.1.1, led by 衛福部 and 科技部生科司, by mohw
alone) and follows a scenario chosen by its position among that body's items (a cycle of ten):
  0-3 on-time     reported every quarter with rising progress; 完成 in the quarter of its last month
  4   early       完成 one quarter before the quarter of its last month
  5   late        落後 (with 落後原因 and 因應對策) from two thirds of the way; 完成 two quarters late
  6   stalled     落後 from two thirds of the way and never 完成 (overdue once its schedule ends)
  7   unmarked    progress reaches 100 % but nobody sets 完成 (overdue once its schedule ends)
  8   gappy       like on-time, but left out of some quarters' files (unreported there)
  9   silent      never reported by its lead (unreported while active, overdue once ended)
moea also reports, as 協辦 (co agency), a few items other bodies lead; one of them, which its lead
never reports, moea marks 完成, so it is not overdue although its lead stayed silent.

Scripted items (SCRIPTS; taken out of the cycle above), one rule of the README's "States" each:
  reopened        1-3/1.1.1 完成 111Q4, 進行中 112Q1 (overdue again), left out 112Q2, 完成 112Q3;
                  1-3/2.1.1 完成 111Q2 (early), 進行中 from 111Q3, 完成 112Q4
  lead vs co      6-2/2.1.1 in 110Q4 衛福部 (lead) says 進行中 97 % and 經濟部 (co) says 完成: the lead's
                  word decides (overdue); 衛福部 says 完成 in 111Q1
  co, lead silent 6-2/2.1.2 衛福部 reports it to 110Q3 and leaves it out of 110Q4, when 經濟部 (co) says 完成
  recurring       2-4/2.2.1 and 2-4/2.2.2 (每年, 110/1-114/12, lead 資安處 → 數發部, which files nothing),
                  reported by 國發會 as 主政單位 of industry 2: 完成 in some rounds (2.2.1: 110, 112, 113;
                  2.2.2: 111, 112), a round's Q4 without 完成 (2.2.1: 111Q4; 2.2.2: 110Q4, 113Q4), and
                  some quarters left out (2.2.1: 112Q3; 2.2.2: 113Q1)
  停辦            1-3/2.2.1 停辦 111Q3, nothing 111Q4-112Q1, resumes 112Q2, 完成 113Q1 (late);
                  1-1/3.2.1 停辦 111Q2 (filed by 科技部) and never resumed (ends 112/12, never overdue)
  before the plan (schedules ended before 110/1; due at the first review, 110Q2)
                  6-6/2.2.4 完成 in 110Q1; 6-6/1.1.1 完成 in 110Q2; 6-6/2.2.2 進行中 in 110Q1, 完成 in 110Q2;
                  5-3/2.3.1 (executing unit → 國發會) and 6-4/1.1.1 (農委會, filed by 國發會 as 主政單位)
                  完成 in 110Q2; 5-3/2.1.1 完成 in 110Q3 (late); 6-6/2.2.3, 5-3/2.1.2, 5-3/2.1.3 and
                  6-4/2.1.1 never reported (overdue from 110Q2)
  reports through 6-1/1.1.1 (中油) and 6-1/1.3.1 (台電) by 經濟部, 完成 113Q4; 5-7/2.1.1 (台電) 完成 112Q4;
                  5-1/2.1.2 (港務公司) 完成 110Q1, 5-1/2.1.1 完成 112Q1, 5-1/2.1.3 落後 111Q2-112Q1 and
                  完成 112Q2, by 交通部; 5-3/2.3.2 (executing unit) by 國發會, 完成 113Q4
  主政單位        6-8/2.1.1 (農委會) reported by 國發會 from 110Q2, 完成 113Q4; 6-4/2.1.2 完成 111Q4;
                  3-2/2.1.1 (衛福部) reported by 國科會 (主政單位 of industry 3) in 112Q3, when 衛福部 files nothing

Items led only by bodies that file nothing here (ncc, moda, moa …) are never reported, except as scripted.
KPI actual values (one per sub-target) rise over each year; some Q4 values fall short of the yearly target on purpose;
milestone KPIs are 部分達成 until Q4, then 達成 with evidence or 未達成 with an explanation.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
MARKER = ".sixcore-synthetic-demo"

FIRST, LAST = "110Q1", "113Q4"
BODIES = ("moea", "nstc", "mohw", "motc", "ndc")  # the reporting bodies that file in the demo
SCENARIOS = ("on-time", "on-time", "on-time", "on-time", "early", "late", "stalled", "unmarked", "gappy", "silent")
ENGLISH = {"完成": "done", "進行中": "on-track", "落後": "behind", "未開始": "not-started", "停辦": "suspended"}
KPIS_PER_BODY = 8
ACHIEVEMENT_KPIS = 2  # of them, milestones judged by achievement
# The demo's agencies report on these industries' work items only (to keep the set, and the tests, small);
# their items in the other industries are never reported, like the "silent" ones.
INDUSTRIES = (1, 2, 3, 6)
# 經費執行 (synthetic): each body's approved amount as a share of 表 3's figure for the industry and year; the share of
# the allocation executed is 95 % but where BUDGET_LOW says otherwise (those get a note, as SC222 asks).
BUDGET_SHARES = {"moea": {"1": 0.3, "4": 0.5, "5": 0.6}, "nstc": {"1": 0.2, "3": 0.4}, "mohw": {"3": 0.5}}
BUDGET_LOW = {("mohw", "3", 2): 0.85, ("nstc", "3", 3): 0.7, ("moea", "5", 1): 0.5}  # (body, industry, quarter number)

HEADER = """\
# SYNTHETIC demo/test data — NOT a real agency report. Invented by tests/synthetic/make_demo.py.
# 虛構之示範／測試資料，並非機關實際填報；所有狀態、數值、日期與文字皆為程式產生。
# Regenerate: python tests/synthetic/make_demo.py OUTDIR
"""

DELAY_REASONS = (
    "（虛構）廠商交貨延遲，影響設備建置期程",
    "（虛構）招標流標二次，重新辦理採購",
    "（虛構）合作單位人力調整，審查作業延後",
    "（虛構）法規修正草案尚在預告，配套措施順延",
)
COUNTERMEASURES = (
    "（虛構）每月召開進度檢討會議，督促廠商趕工",
    "（虛構）調整招標規格並縮短公告期間",
    "（虛構）增派人力並採平行作業",
    "（虛構）先行辦理可獨立執行之項目",
)
SUSPEND_REASON = "（虛構）配合政策檢討暫停辦理，俟檢討結果再行評估"
REOPEN_NOTE = "（虛構）驗收發現缺失，重新辦理，進度下修"


@dataclass(frozen=True)
class Say:
    """One scripted report: in `quarter`, `body` (a reporting body; it files under its id of the quarter) says `word`."""

    quarter: str
    body: str
    word: str  # 完成 / 進行中 / 落後 / 停辦 (mohw's files put them in English from 113Q1)
    actual: float | None = None  # None: the planned progress (完成: 100)
    day: str | None = None  # 完成: the completion day (default: the 15th of the quarter's middle month)
    note: str | None = None


def _each(body: str, first: str, last: str, word: str = "進行中", skip: tuple[str, ...] = ()) -> list[Say]:
    """`body` says `word` every quarter from `first` to `last`, except those in `skip`."""
    from sixcore.calendar import Quarter

    quarter, end, says = Quarter.parse(first), Quarter.parse(last), []
    while quarter <= end:
        if str(quarter) not in skip:
            says.append(Say(str(quarter), body, word))
        quarter = quarter.next()
    return says


def _scripts() -> dict[str, tuple[str, list[Say]]]:
    """The scripted items: id -> (scenario, reports). See the module docstring."""
    done = "完成"
    return {
        # reopened: the latest word decides (完成 then 進行中 is not 完成)
        "1-3/1.1.1": ("reopened", [*_each("moea", "110Q1", "111Q3"), Say("111Q4", "moea", done, day="111/12/20"),
                                   Say("112Q1", "moea", "進行中", actual=90, note=REOPEN_NOTE), Say("112Q3", "moea", done, day="112/8/15")]),
        "1-3/2.1.1": ("reopened", [*_each("moea", "110Q1", "111Q1"), Say("111Q2", "moea", done, day="111/5/15"),
                                   Say("111Q3", "moea", "進行中", actual=58, note=REOPEN_NOTE), *_each("moea", "111Q4", "112Q3"),
                                   Say("112Q4", "moea", done, day="112/12/20")]),
        # within a quarter the lead's report is the word; a co-agency's only where no lead report names the item
        "6-2/2.1.1": ("lead vs co", [*_each("mohw", "110Q1", "110Q3"), Say("110Q4", "mohw", "進行中", actual=97),
                                     Say("110Q4", "moea", done, day="110/12/20"), Say("111Q1", "mohw", done, day="111/2/15")]),
        "6-2/2.1.2": ("co, lead silent", [*_each("mohw", "110Q1", "110Q3"), Say("110Q4", "moea", done, day="110/12/20")]),
        # recurring (每年) work, reported by 國發會 as the industry's 主政單位
        "2-4/2.2.1": ("recurring", [*_each("ndc", "110Q1", "110Q3"), Say("110Q4", "ndc", done, day="110/12/15"),
                                    *_each("ndc", "111Q1", "111Q4"),
                                    *_each("ndc", "112Q1", "112Q2"), Say("112Q4", "ndc", done, day="112/12/15"),
                                    *_each("ndc", "113Q1", "113Q3"), Say("113Q4", "ndc", done, day="113/12/15")]),
        "2-4/2.2.2": ("recurring", [*_each("ndc", "110Q1", "111Q3"), Say("111Q4", "ndc", done, day="111/12/15"),
                                    *_each("ndc", "112Q1", "112Q3"), Say("112Q4", "ndc", done, day="112/12/15"),
                                    *_each("ndc", "113Q2", "113Q4")]),
        # 停辦: owed nothing while it is the latest word; a later report resumes the item
        "1-3/2.2.1": ("suspended, resumed", [*_each("moea", "110Q1", "111Q2"), Say("111Q3", "moea", "停辦"),
                                             *_each("moea", "112Q2", "112Q4"), Say("113Q1", "moea", done, day="113/2/15")]),
        "1-1/3.2.1": ("suspended", [*_each("nstc", "110Q1", "111Q1"), Say("111Q2", "nstc", "停辦")]),
        # before the plan: due at the first review (110Q2)
        "6-6/2.2.4": ("before the plan", [Say("110Q1", "moea", done, day="110/2/15")]),
        "6-6/1.1.1": ("before the plan", [Say("110Q2", "moea", done, day="110/5/10")]),
        "6-6/2.2.2": ("before the plan", [Say("110Q1", "moea", "進行中", actual=90), Say("110Q2", "moea", done, day="110/4/30")]),
        "5-3/2.3.1": ("before the plan", [Say("110Q2", "ndc", done, day="110/5/20")]),
        "6-4/1.1.1": ("before the plan", [Say("110Q2", "ndc", done, day="110/6/10")]),
        "5-3/2.1.1": ("before the plan", [Say("110Q3", "ndc", done, day="110/8/15")]),
        # reports through: a state-owned company's items are filed by its ministry
        "6-1/1.1.1": ("reports through", [*_each("moea", "110Q1", "113Q3"), Say("113Q4", "moea", done, day="113/12/20")]),
        "6-1/1.3.1": ("reports through", [*_each("moea", "110Q1", "113Q3"), Say("113Q4", "moea", done, day="113/12/20")]),
        "5-7/2.1.1": ("reports through", [*_each("moea", "110Q1", "112Q3"), Say("112Q4", "moea", done, day="112/12/20")]),
        "5-1/2.1.2": ("reports through", [Say("110Q1", "motc", done, day="110/2/20")]),
        "5-1/2.1.1": ("reports through", [*_each("motc", "110Q1", "111Q4"), Say("112Q1", "motc", done, day="112/3/20")]),
        "5-1/2.1.3": ("reports through", [*_each("motc", "110Q1", "111Q1"), Say("111Q2", "motc", "落後", actual=86),
                                          Say("111Q3", "motc", "落後", actual=88), Say("111Q4", "motc", "落後", actual=90),
                                          Say("112Q1", "motc", "落後", actual=95), Say("112Q2", "motc", done, day="112/5/15")]),
        "5-3/2.3.2": ("reports through", [*_each("ndc", "110Q1", "113Q3"), Say("113Q4", "ndc", done, day="113/12/20")]),
        # the industry's 主政單位 reports an item another body leads; it counts as the lead's
        "6-8/2.1.1": ("主政單位", [*_each("ndc", "110Q2", "113Q3"), Say("113Q4", "ndc", done, day="113/12/20")]),
        "6-4/2.1.2": ("主政單位", [*_each("ndc", "110Q1", "111Q3"), Say("111Q4", "ndc", done, day="111/12/20")]),
        "3-2/2.1.1": ("主政單位", [*_each("mohw", "110Q1", "113Q3", skip=("112Q3",)), Say("112Q3", "nstc", "進行中"),
                                   Say("113Q4", "mohw", done, day="113/12/20")]),
        # never reported, though due at the first review
        "6-6/2.2.3": ("before the plan", []),
        "5-3/2.1.2": ("before the plan", []),
        "5-3/2.1.3": ("before the plan", []),
        "6-4/2.1.1": ("before the plan", []),
    }


def _quarters():
    from sixcore.calendar import Quarter

    quarter, last = Quarter.parse(FIRST), Quarter.parse(LAST)
    result = [quarter]
    while result[-1] < last:
        result.append(result[-1].next())
    return result


def filer(body: str, quarter) -> str | None:
    """The agency id that files for `body` in `quarter` (None: nothing filed)."""
    from sixcore.calendar import Quarter

    if body == "nstc":
        return "most" if quarter < Quarter.parse("111Q3") else "nstc"
    if body == "mohw" and quarter == Quarter.parse("112Q3"):
        return None
    return body


def _number(value: float) -> float | int:
    value = round(value, 1)
    return int(value) if value == int(value) else value


def _day(month, day: int) -> str:
    from sixcore.calendar import last_day_of_month

    return f"{month.year}/{month.month}/{min(day, last_day_of_month(month.year, month.month))}"


def _middle_month(quarter):
    return quarter.months.start.shift(1)


@dataclass
class Plan:
    """What the generator needs to know about one work item."""

    id: str
    text: str
    start: object  # RocMonth
    end: object  # RocMonth
    lead_ids: list[str]
    spans: list[object]  # MonthRange
    scenario: str = ""
    index: int = 0
    entries: dict = field(default_factory=dict)  # quarter -> report dict


def _progress(item: Plan, quarter) -> int:
    total = item.end.index - item.start.index + 1
    elapsed = min(quarter.months.end.index, item.end.index) - item.start.index + 1
    return max(0, min(100, round(100 * elapsed / total)))


def _plan_items(plan, body_of, scripted):
    """Dated work items whose lead includes a demo body, grouped by their primary body, in plan order (scripted
    items left out)."""
    grouped: dict[str, list[Plan]] = {body: [] for body in BODIES}
    for placed in plan.placed_work_items():
        work_item = placed.work_item
        if not work_item.schedule or placed.industry.industry not in INDUSTRIES or placed.id in scripted:
            continue
        leads = [body_of(agency) for agency in work_item.lead]
        primary = next((body for body in leads if body in BODIES), None)
        if primary is None:
            continue
        item = Plan(placed.id, work_item.text, work_item.start, work_item.end, list(work_item.lead),
                    [phase.span for phase in work_item.schedule])
        item.index = len(grouped[primary])
        item.scenario = SCENARIOS[item.index % len(SCENARIOS)]
        grouped[primary].append(item)
    return grouped


def _schedule_item(item: Plan, body: str, quarters) -> None:
    """Fill item.entries: the report dict for every quarter the primary body reports it."""
    first_q, last_q = quarters[0], quarters[-1]
    filed = [quarter for quarter in quarters if filer(body, quarter) is not None]
    start_q, end_q = item.start.quarter, item.end.quarter
    begin = max(start_q, first_q)
    if item.scenario == "silent" or begin > last_q:
        return

    def first_filed_from(quarter):
        return next((q for q in filed if q >= quarter), None)

    target = None  # the quarter the item is marked 完成 in
    if item.scenario in ("on-time", "gappy"):
        target = first_filed_from(max(end_q, begin))
    elif item.scenario == "early":
        early = end_q.previous()
        target = first_filed_from(early if early >= begin else max(end_q, begin))
    elif item.scenario == "late":
        target = first_filed_from(max(end_q.next().next(), begin))
    behind_from = None
    if item.scenario in ("late", "stalled"):
        span = [q for q in quarters if begin <= q <= max(end_q, begin)]
        behind_from = span[(2 * len(span)) // 3] if span else begin

    previous_actual = 0.0
    behind_count = 0
    for position, quarter in enumerate(q for q in filed if q >= begin):
        if target is not None and quarter > target:
            break
        if item.scenario == "gappy" and quarter != target and position > 0 and (quarter.year * 4 + quarter.number + item.index) % 3 == 0:
            continue
        planned = _progress(item, quarter)
        entry: dict = {}
        if quarter == target:
            month = item.end if quarter == end_q else _middle_month(quarter)
            day = 20 if quarter == end_q else 15
            entry = {"status": "完成", "planned": planned, "actual": 100, "completed": _day(month, day),
                     "done": "（虛構）已完成本項工作並辦理結案"}
        elif behind_from is not None and quarter >= behind_from:
            behind_count += 1
            actual = max(previous_actual, min(planned - 15 - 5 * behind_count, 95))
            reason = DELAY_REASONS[(item.index + behind_count) % len(DELAY_REASONS)]
            entry = {"status": "落後", "planned": planned, "actual": _number(actual),
                     "done": f"（虛構）持續辦理中，累計進度 {_number(actual)}%",
                     "delay_reason": reason, "countermeasure": COUNTERMEASURES[(item.index + behind_count) % len(COUNTERMEASURES)]}
            previous_actual = actual
        else:
            actual = max(previous_actual, min(100, planned + (5 if item.scenario == "early" else 0)))
            entry = {"status": "進行中", "planned": planned, "actual": _number(actual)}
            if quarter.number == 4:  # keep the files small: a sentence once a year for items on track
                entry["done"] = f"（虛構）依期程辦理，累計進度 {_number(actual)}%"
            previous_actual = actual
        item.entries[quarter] = entry


def _co_items(plan, body_of, grouped) -> list[tuple[Plan, bool]]:
    """Items moea reports as co agency: (item, marks 完成). Two its lead never reports, two others."""
    primary = {item.id: item for items in grouped.values() for item in items}
    silent, other = [], []
    for placed in plan.placed_work_items():
        item = primary.get(placed.id)
        if item is None or item in grouped["moea"]:
            continue
        co = {body_of(agency) for agency in placed.work_item.co}
        if "moea" not in co or "moea" in {body_of(agency) for agency in placed.work_item.lead}:
            continue
        (silent if item.scenario == "silent" else other).append(item)
    chosen = [(item, False) for item in other[:2]]
    completing = next((item for item in silent if item.end.quarter <= _quarters()[-1]), None)
    if completing is not None:
        chosen.append((completing, True))
    chosen += [(item, False) for item in silent if item is not completing][:1]
    return chosen


def _scripted_entries(plan, scripts) -> dict[tuple[object, str], dict[str, dict]]:
    """(quarter, body) -> {item id: report} for the scripted items."""
    from sixcore.calendar import Quarter

    entries: dict[tuple[object, str], dict[str, dict]] = {}
    for item_id, (_, says) in scripts.items():
        placed = plan.work_item_by_id[item_id]  # a KeyError here: the plan no longer has a scripted item
        work_item = placed.work_item
        item = Plan(item_id, work_item.text, work_item.start, work_item.end, list(work_item.lead), [phase.span for phase in work_item.schedule])
        recurring = any(phase.recurring for phase in work_item.schedule)
        for say in says:
            quarter = Quarter.parse(say.quarter)
            planned = None if recurring else _progress(item, quarter)
            entry: dict = {"status": say.word}
            if say.word == "完成":
                entry |= {"planned": planned, "actual": None if recurring else 100,
                          "completed": say.day or _day(_middle_month(quarter), 15), "done": "（虛構）已完成本項工作並辦理結案"}
            elif say.word == "停辦":
                entry |= {"done": "（虛構）本季暫停辦理", "suspend_reason": SUSPEND_REASON}
            else:
                actual = say.actual if say.actual is not None else planned
                entry |= {"planned": planned, "actual": None if actual is None else _number(actual)}
                if say.word == "落後":
                    entry |= {"done": f"（虛構）持續辦理中，累計進度 {_number(actual or 0)}%",
                              "delay_reason": DELAY_REASONS[0], "countermeasure": COUNTERMEASURES[0]}
                elif recurring:
                    entry["done"] = f"（虛構）辦理 {quarter.year} 年度工作"
            if say.note:
                entry["note"] = say.note
            entry = {key: value for key, value in entry.items() if value is not None}
            found = entries.setdefault((quarter, say.body), {})
            assert item_id not in found, (item_id, say)
            found[item_id] = entry
    return entries


def _kpi_values(plan, body_of) -> dict[str, list[tuple[str, object]]]:
    """Per body, up to KPIS_PER_BODY KPIs (id, Kpi) it owns: the first with figures, then ACHIEVEMENT_KPIS milestones."""
    chosen: dict[str, list] = {body: [] for body in BODIES}
    milestones: dict[str, list] = {body: [] for body in BODIES}
    for placed in plan.placed_kpis():
        owners = {body_of(agency) for agency in (placed.kpi.agencies or placed.strategy.agencies)}
        for body in BODIES:
            if body not in owners:
                continue
            if placed.kpi.qualitative:
                if len(milestones[body]) < ACHIEVEMENT_KPIS:
                    milestones[body].append((placed.id, placed.kpi))
            elif len(chosen[body]) < KPIS_PER_BODY - ACHIEVEMENT_KPIS:
                chosen[body].append((placed.id, placed.kpi))
    return {body: chosen[body] + milestones[body] for body in BODIES}


def _kpi_entry(kpi, position: int, quarter, english: bool) -> dict | None:
    """One KPI's report for the quarter: each sub-target's figure, or how far a milestone got; None when the year asks nothing.
    Figures rise over the year; every third KPI-year falls short (SC304 in Q4). A milestone is 部分達成 until Q4, then 達成
    with evidence, or (every third KPI-year) 未達成 with an explanation."""
    from sixcore.model.kpi import ACHIEVEMENT, sub_target_keys

    asked = kpi.targets_in(quarter.year)
    if asked is None:
        return None
    short = (position + quarter.year) % 3 == 0
    if asked == ACHIEVEMENT:
        if quarter.number != 4:
            return {"achieved": "partly achieved" if english else "部分達成", "note": "（虛構）辦理中"}
        if short:
            return {"achieved": "not achieved" if english else "未達成", "note": "（虛構）未達原因：廠商交期延後；因應：次年第 2 季完成"}
        return {"achieved": "achieved" if english else "達成", "evidence": "（虛構）成果報告及驗收紀錄"}
    figures = {}
    for position, (key, sub) in enumerate(zip(sub_target_keys(asked), asked, strict=True)):
        start = kpi.asked_before(quarter.year, asked, position) if sub.cumulative else 0.0
        base = start if start <= sub.value else 0.0
        reached = base + (sub.value - base) * 0.8 if short else sub.value
        figures[key] = _number(base + (reached - base) * quarter.number / 4)
    entry: dict = {"actual": figures[sub_target_keys(asked)[0]]} if len(figures) == 1 else {"actuals": figures}
    if short and quarter.number == 4:
        entry["note"] = "（虛構）未達原因：計畫延後發包；因應：次年加速辦理"
    return entry



def _dump(data: dict) -> str:
    # libyaml's dumper when present (same text as the pure-Python one, several times faster)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def make_demo(outdir: Path) -> Path:
    """Write the demo set into `outdir` (created; a previous demo there is replaced) and return it."""
    from sixcore.load.loader import load_plan

    outdir = Path(outdir)
    if outdir.exists() and any(outdir.iterdir()) and not (outdir / MARKER).exists():
        raise SystemExit(f"{outdir} is not empty and holds no earlier demo ({MARKER}); refusing to write there")
    for folder in ("plan", "status"):
        if (outdir / folder).exists():
            shutil.rmtree(outdir / folder)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / MARKER).write_text("SYNTHETIC demo/test data written by tests/synthetic/make_demo.py\n", encoding="utf-8")
    shutil.copytree(REPO / "plan", outdir / "plan")

    plan = load_plan(outdir)
    if plan.agencies is None:
        raise SystemExit("plan/agencies.yaml did not load")
    registry = plan.agencies.model
    names = plan.agency_by_id
    body_of = registry.reporting_body
    quarters = _quarters()
    from sixcore.calendar import Quarter

    english_from = Quarter.parse("113Q1")
    scripts = _scripts()
    scripted = _scripted_entries(plan, scripts)
    grouped = _plan_items(plan, body_of, scripts)
    for body, items in grouped.items():
        for item in items:
            _schedule_item(item, body, quarters)
    co_reports = _co_items(plan, body_of, grouped)
    kpis = _kpi_values(plan, body_of)
    unit_file = ("moea-idb", Quarter.parse("110Q3"))  # 工業局 files its own items this quarter

    for quarter in quarters:
        files: dict[str, dict] = {}
        for body in BODIES:
            agency = filer(body, quarter)
            if agency is None:
                continue
            english = body == "mohw" and quarter >= english_from

            def words(word: str, english: bool = english) -> str:
                return ENGLISH[word] if english else word

            work_items: dict[str, dict] = {}
            unit_items: dict[str, dict] = {}
            for item in grouped[body]:
                entry = item.entries.get(quarter)
                if entry is None:
                    continue
                entry = {**entry, "status": words(entry["status"])}
                if body == "moea" and quarter == unit_file[1] and unit_file[0] in item.lead_ids:
                    unit_items[item.id] = entry
                else:
                    work_items[item.id] = entry
            if body == "moea":
                for item, completes in co_reports:
                    active = any(span.overlaps(quarter.months) for span in item.spans)
                    done_before = completes and quarter > item.end.quarter
                    if not active or done_before:
                        continue
                    if completes and quarter == item.end.quarter:
                        work_items[item.id] = {"status": "完成", "completed": _day(item.end, 20), "done": "（虛構）協辦部分已完成並函報主辦機關"}
                    else:
                        work_items[item.id] = {"status": "進行中", "done": "（虛構）協辦：配合主辦機關辦理"}
            for item_id, entry in scripted.get((quarter, body), {}).items():
                assert item_id not in work_items, (item_id, quarter, body)
                work_items[item_id] = {**entry, "status": words(entry["status"])}
            entries = {kpi_id: _kpi_entry(kpi, position, quarter, english) for position, (kpi_id, kpi) in enumerate(kpis[body])}
            year_kpis = {kpi_id: entry for kpi_id, entry in entries.items() if entry is not None}
            files[agency] = _status(agency, quarter, names[agency].short, work_items, year_kpis)
            files[agency]["budget"] = _budget(plan, body, quarter)
            if unit_items:
                files[unit_file[0]] = _status(unit_file[0], quarter, names[unit_file[0]].short, unit_items, {})
        unfiled = [(quarter, body) for (when, body) in scripted if when == quarter and filer(body, quarter) is None]
        assert not unfiled, f"scripted reports for a body that files nothing: {unfiled}"
        folder = outdir / "status" / str(quarter)
        folder.mkdir(parents=True, exist_ok=True)
        for agency, data in sorted(files.items()):
            (folder / f"{agency}.yaml").write_text(HEADER + "\n" + _dump(data), encoding="utf-8")
    return outdir


def _budget(plan, body: str, quarter) -> dict[str, dict]:
    """Year-to-date figures (億元): approved a share of 表 3, allocated a quarter of it per quarter, executed 95 % of that."""
    rows = {str(row.industry): row for row in plan.budget.model.rows}
    figures = {}
    for industry, share in BUDGET_SHARES.get(body, {}).items():
        table3 = rows[industry].amount_in(quarter.year)
        if table3 is None:
            continue
        approved = round(float(table3) * share, 2)
        allocated = round(approved * quarter.number / 4, 2)
        executed = BUDGET_LOW.get((body, industry, quarter.number), 0.95)
        entry = {"approved": approved, "allocated": allocated, "spent": round(allocated * (executed - 0.02), 2),
                 "payable": round(allocated * 0.02, 2), "saved": 0}
        if executed < 0.9:
            entry["note"] = "（虛構）採購延宕，已督促廠商趕辦"
        figures[industry] = entry
    return figures


def _status(agency: str, quarter, short: str, work_items: dict, kpis: dict) -> dict:
    states = [entry["status"] for entry in work_items.values()]
    done = sum(state in ("完成", "done") for state in states)
    behind = sum(state in ("落後", "behind") for state in states)
    report_month = quarter.next().months.start
    return {
        "quarter": str(quarter),
        "agency": agency,
        "reported": f"{report_month.year}/{report_month.month}/10",
        "contact": "示範聯絡人（虛構）",
        "summary": f"（虛構示範資料，非真實填報）{short}{quarter.label_zh}：填報重點工作 {len(work_items)} 項，完成 {done} 項、落後 {behind} 項。",
        "highlights": [f"（虛構）{short}本季亮點一", f"（虛構）{short}本季亮點二"],
        "next_quarter": [f"（虛構）{short}下一季持續推動各項工作"],
        "work_items": work_items,
        "kpis": kpis,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/synthetic/make_demo.py OUTDIR", file=sys.stderr)
        return 2
    root = make_demo(Path(argv[0]))
    count = len(list((root / "status").glob("*/*.yaml")))
    print(f"wrote {count} SYNTHETIC status files under {root / 'status'} (plan copied to {root / 'plan'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

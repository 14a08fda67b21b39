"""An independent reading of the README's "States" rules, from the exported plan and the raw YAML files.

Written without sixcore's models, loaders or judgments (nothing here imports sixcore), so that tests can compare
what sixcore judges with what the README says. The rules, as this module reads them (README, "The quarterly
report", **States.**):

- Who speaks. A body files under its id of the quarter: a file under an id whose successor had taken over before
  the quarter began, or under a body that reports through another, is refused (SC210) and is nobody's word.
  Units count for their body; ids map to the body that files today by following successor, parent and
  reports_through. A report counts for an item when its body is on the item's *lead side* (a lead's body, or the
  body of one of the industry's 主政單位) or is a co-agency's body.
- The word of a quarter is the lead side's report; a co-agency's only when no lead-side report that quarter names
  the item. The latest word up to the quarter decides.
- Schedule. Each phase spans its range; a deadline alone (`by:`) spans from the programme's start (or the month
  after the previous phase) to the deadline. The item is due at the end of its last month's quarter, or at the
  first review if that is later. Recurring phases (每年 …) are done in rounds (calendar years …); a 完成 completes
  the item only when reported in a quarter reaching into the last round (or later); a round's last quarter
  (rounds before the last) reported without 完成 is 落後.
- Owed: reviewed (from the first review), active in the quarter or past due, and the latest word up to the
  quarter before neither completes the item nor is 停辦. The lead bodies (not the 主政單位) are due to file.
- 未填報: owed and no word in the quarter. 逾期: reviewed, past due, latest word neither completing nor 停辦.
- State, first that applies: undated; completed; suspended; overdue; unreported; never reported → not started
  (schedule starts after the quarter), not reviewed (before the first review), idle (between phases); behind
  (latest word 落後, planned − actual above plan/lights.yaml's threshold, or a round's last quarter without 完成);
  otherwise on schedule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DONE = {"完成", "done"}
WORDS = {"done": "完成", "on-track": "進行中", "behind": "落後", "not-started": "未開始", "suspended": "停辦"}
ROUND_MONTHS = {"每年": 12, "每半年": 6, "每季": 3, "每月": 1}
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # yaml.safe_load, with libyaml when present (faster)


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)


QuarterKey = tuple[int, int]  # (ROC year, quarter number)


def quarter_key(text: str) -> QuarterKey:
    match = re.fullmatch(r"(\d{1,3})Q([1-4])", str(text))
    assert match, text
    return int(match[1]), int(match[2])


def quarter_text(quarter: QuarterKey) -> str:
    return f"{quarter[0]}Q{quarter[1]}"


def previous_quarter(quarter: QuarterKey) -> QuarterKey:
    year, number = quarter
    return (year - 1, 4) if number == 1 else (year, number - 1)


def next_quarter(quarter: QuarterKey) -> QuarterKey:
    year, number = quarter
    return (year + 1, 1) if number == 4 else (year, number + 1)


def quarters_between(first: str, last: str) -> list[QuarterKey]:
    result, current, end = [], quarter_key(first), quarter_key(last)
    while current <= end:
        result.append(current)
        current = next_quarter(current)
    return result


def month_index(text: str) -> int:
    """ROC "YYY/M" (or "YYY/M/D") → months since year 0, for comparing."""
    year, month = (int(part) for part in str(text).split("/")[:2])
    return year * 12 + month - 1


def quarter_months(quarter: QuarterKey) -> tuple[int, int]:
    year, number = quarter
    first = year * 12 + (number - 1) * 3
    return first, first + 2


def quarter_of_month(index: int) -> QuarterKey:
    return index // 12, (index % 12) // 3 + 1


def day_key(text: str) -> tuple[int, int, int]:
    year, month, day = (int(part) for part in str(text).split("/"))
    return year, month, day


def word_of(report: dict) -> str:
    """The status in the plan's words, whichever language the file used."""
    status = str(report.get("status"))
    return WORDS.get(status, status)


@dataclass(frozen=True)
class Filed:
    quarter: QuarterKey
    body: str
    work_items: dict[str, dict]
    agency: str
    kpis: dict[str, dict]
    refused: bool = False  # SC210: filed under an id that does not file for this quarter
    budget: dict[str, dict] = field(default_factory=dict)


@dataclass
class Item:
    """One work item as the README's rules need it."""

    id: str
    industry: int
    lead_bodies: set[str]
    lead_side: set[str]  # lead bodies and the industry's 主政單位 bodies: their reports are the lead's word
    co_bodies: set[str]
    spans: list[tuple[int, int]]  # month indexes, inclusive
    due: QuarterKey | None
    round_ends: set[QuarterKey] = field(default_factory=set)  # quarters closing a round before the last
    last_round_start: int | None = None  # a 完成 completes the item only from a quarter reaching this month

    @property
    def dated(self) -> bool:
        return bool(self.spans)

    @property
    def first_month(self) -> int:
        return min(start for start, _ in self.spans)

    def active(self, quarter: QuarterKey) -> bool:
        first, last = quarter_months(quarter)
        return any(start <= last and end >= first for start, end in self.spans)

    def completes(self, quarter: QuarterKey, report: dict) -> bool:
        if word_of(report) != "完成":
            return False
        return self.last_round_start is None or quarter_months(quarter)[1] >= self.last_round_start


def rounds(start: int, end: int, size: int) -> list[tuple[int, int]]:
    result = []
    while start <= end:
        round_end = min((start // size + 1) * size - 1, end)  # months of a calendar year / half / quarter
        result.append((start, round_end))
        start = round_end + 1
    return result


class Ambiguous(AssertionError):
    """Two different reports would both be an item's word in one quarter: the README does not say which."""


@dataclass(frozen=True)
class Kpi:
    """One KPI row as the README's KPI rules need it."""

    lead_body: str | None
    owners: set[str]  # bodies of its 主協辦機關
    asks: dict[int, list[str | None]]  # year → what a report must fill in: each sub-target's figure by key, or None: achieved


def kpi_rows(plan: Path, body) -> dict[str, Kpi]:
    """Every KPI row of plan/kpis, read from the YAML (the real plan decides every cell: yearly_targets or qualitative)."""
    rows = {}
    for path in sorted((plan / "kpis").glob("*.yaml")):
        data = load_yaml(path)
        for table in data.get("tables") or [data]:
            for strategy in table["strategies"]:
                for row in strategy["kpis"]:
                    agencies = row.get("agencies") or strategy["agencies"]
                    asks = {}
                    for year, cell in (row.get("yearly") or {}).items():
                        if not cell:
                            continue
                        decided = "achievement" if row.get("qualitative") else (row.get("yearly_targets") or {}).get(str(year))
                        assert decided is not None, (row["label"], year)  # undecided cells: not in the real plan
                        if decided == "achievement":
                            asks[int(year)] = [None]
                            continue
                        units = [sub["unit"] for sub in decided]
                        asks[int(year)] = [unit if units.count(unit) == 1 else f"{unit}{units[:n + 1].count(unit)}" for n, unit in enumerate(units)]
                    rows[row.get("id") or row["label"]] = Kpi(body(agencies[0]) if agencies else None, {body(agency) for agency in agencies}, asks)
    return rows


def fills(report: dict, key: str | None, first: bool) -> bool:
    """Whether a KPI report gives the achievement (key None) or the figure of the sub-target `key` (README, "KPIs":
    by unit under `actuals`, or `actual` for the first)."""
    if key is None:
        return report.get("achieved") is not None
    actuals = report.get("actuals") or {}
    return (actuals[key] if key in actuals else report.get("actual") if first else None) is not None


@dataclass
class Independent:
    work_items: list[dict]  # as exported
    bodies: dict[str, str]  # agency id -> reporting body
    filed: list[Filed]  # every status file, refused ones included (see .counted)
    items: dict[str, Item]
    first_review: QuarterKey | None
    behind_above: float
    kpis: dict[str, Kpi] = field(default_factory=dict)
    _words: dict[str, dict[QuarterKey, dict]] = field(default_factory=dict)
    _states: dict[QuarterKey, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path, exported: dict) -> Independent:
        plan = root / "plan"
        agencies = {agency["id"]: agency for agency in load_yaml(plan / "agencies.yaml")["agencies"]}

        def body(agency_id: str) -> str:
            current, seen = agency_id, set()
            while current in agencies and current not in seen:
                seen.add(current)
                entry = agencies[current]
                following = entry.get("successor") or entry.get("parent") or entry.get("reports_through")
                if not following:
                    break
                current = following
            return current

        def refused(agency_id: str, quarter: QuarterKey) -> bool:
            """A body superseded before the quarter began, or one that reports through another, does not file."""
            entry = agencies.get(agency_id)
            if entry is None:
                return False
            if entry.get("reports_through"):
                return True
            effective = entry.get("effective")
            if entry.get("successor") and effective:
                year, number = quarter
                return day_key(effective) <= (year, (number - 1) * 3 + 1, 1)
            return False

        programme_path = plan / "programme.yaml"
        programme = load_yaml(programme_path) if programme_path.exists() else {}
        period = programme.get("period")
        # the README: the programme starts in January of its period's first year; without first_review it is reviewed from then
        programme_start = month_index(f"{period['first']}/1") if period else None
        first_review = quarter_key(programme.get("first_review") or f"{period['first']}Q1") if period else None
        lights = load_yaml(plan / "lights.yaml")
        behind_above = float(lights["work_items"]["behind_above"])
        industry_leads: dict[int, list[str]] = {}
        for path in sorted((plan / "industries").glob("*.yaml")):
            data = load_yaml(path)
            industry_leads[int(data["industry"])] = list(data.get("lead") or [])

        bodies = {agency_id: body(agency_id) for agency_id in agencies}
        items = {}
        for exported_item in exported["work_items"]:
            lead_bodies = {body(agency) for agency in exported_item["lead_ids"]}
            leaders = {body(agency) for agency in industry_leads.get(exported_item["industry"], [])}
            spans: list[tuple[int, int]] = []
            round_list: list[tuple[int, int]] = []
            for phase in exported_item["phases"]:
                end = month_index(phase["end"])
                if phase["start"] is not None:
                    start = month_index(phase["start"])
                else:  # a deadline: pending from the programme's start or the end of the previous phase
                    start = spans[-1][1] + 1 if spans else programme_start if programme_start is not None else end
                    start = min(start, end)
                spans.append((start, end))
                if phase.get("recurring"):
                    round_list += rounds(start, end, ROUND_MONTHS[phase["recurring"]])
            due = None
            last_round_start = None
            round_ends: set[QuarterKey] = set()
            if spans:
                last = max(end for _, end in spans)
                due = quarter_of_month(last)
                if first_review is not None and due < first_review:
                    due = first_review
                final = round_list[-1] if round_list and round_list[-1][1] == last else None
                last_round_start = final[0] if final else None
                round_ends = {quarter_of_month(end) for start, end in round_list if (start, end) != final}
            items[exported_item["id"]] = Item(
                exported_item["id"], exported_item["industry"], lead_bodies, lead_bodies | leaders,
                {body(agency) for agency in exported_item["co_ids"]}, spans, due, round_ends, last_round_start)

        filed = []
        for path in sorted((root / "status").glob("*/*.yaml")):
            data = load_yaml(path)
            assert data["agency"] == path.stem and str(data["quarter"]) == path.parent.name, path
            quarter = quarter_key(path.parent.name)
            filed.append(Filed(quarter, body(data["agency"]), data.get("work_items") or {}, data["agency"], data.get("kpis") or {},
                               refused(data["agency"], quarter), {str(key): value for key, value in (data.get("budget") or {}).items()}))
        result = cls(exported["work_items"], bodies, filed, items, first_review, behind_above, kpi_rows(plan, body))
        result._words = result._all_words()
        return result

    def body(self, agency_id: str) -> str:
        return self.bodies.get(agency_id, agency_id)

    @property
    def counted(self) -> list[Filed]:
        """The files whose reports count (not refused under SC210)."""
        return [f for f in self.filed if not f.refused]

    # --- words ---

    def _all_words(self) -> dict[str, dict[QuarterKey, dict]]:
        reports: dict[tuple[str, QuarterKey], list[Filed]] = {}
        for f in self.counted:
            for item_id in f.work_items:
                if item_id in self.items:
                    reports.setdefault((item_id, f.quarter), []).append(f)
        words: dict[str, dict[QuarterKey, dict]] = {}
        for (item_id, quarter), files in reports.items():
            item = self.items[item_id]
            for side in (item.lead_side, item.co_bodies):
                said = [f.work_items[item_id] for f in files if f.body in side]
                if said:
                    if any(report != said[0] for report in said[1:]):
                        raise Ambiguous(f"{item_id} in {quarter_text(quarter)}: {said}")
                    words.setdefault(item_id, {})[quarter] = said[0]
                    break
        return words

    def word_in(self, item_id: str, quarter: QuarterKey) -> dict | None:
        return self._words.get(item_id, {}).get(quarter)

    def latest_word(self, item_id: str, quarter: QuarterKey) -> tuple[QuarterKey, dict] | None:
        found = [(when, report) for when, report in self._words.get(item_id, {}).items() if when <= quarter]
        return max(found, key=lambda pair: pair[0]) if found else None

    def latest(self, item_id: str, quarter: QuarterKey) -> dict | None:
        found = self.latest_word(item_id, quarter)
        return found[1] if found else None

    def completed(self, item_id: str, quarter: QuarterKey) -> bool:
        found = self.latest_word(item_id, quarter)
        return found is not None and self.items[item_id].completes(*found)

    def suspended(self, item_id: str, quarter: QuarterKey) -> bool:
        found = self.latest_word(item_id, quarter)
        return found is not None and word_of(found[1]) == "停辦"

    # --- the judgments ---

    def reviewed(self, quarter: QuarterKey) -> bool:
        return self.first_review is None or quarter >= self.first_review

    def is_overdue(self, item_id: str, quarter: QuarterKey) -> bool:
        item = self.items[item_id]
        return (item.due is not None and self.reviewed(quarter) and quarter >= item.due
                and not self.completed(item_id, quarter) and not self.suspended(item_id, quarter))

    def is_owed(self, item_id: str, quarter: QuarterKey) -> bool:
        item = self.items[item_id]
        if item.due is None or not self.reviewed(quarter):
            return False
        before = previous_quarter(quarter)
        if self.completed(item_id, before) or self.suspended(item_id, before):
            return False
        return item.active(quarter) or quarter >= item.due

    def is_unreported(self, item_id: str, quarter: QuarterKey) -> bool:
        return self.is_owed(item_id, quarter) and self.word_in(item_id, quarter) is None

    def overdue(self, quarter: QuarterKey) -> set[str]:
        return {item_id for item_id in self.items if self.is_overdue(item_id, quarter)}

    def unreported(self, quarter: QuarterKey) -> set[str]:
        return {item_id for item_id in self.items if self.is_unreported(item_id, quarter)}

    def owed(self, quarter: QuarterKey) -> set[str]:
        return {item_id for item_id in self.items if self.is_owed(item_id, quarter)}

    def state(self, item_id: str, quarter: QuarterKey) -> str:
        item = self.items[item_id]
        if not item.dated:
            return "undated"
        if self.completed(item_id, quarter):
            return "completed"
        if self.suspended(item_id, quarter):
            return "suspended"
        if self.is_overdue(item_id, quarter):
            return "overdue"
        if self.is_unreported(item_id, quarter):
            return "unreported"
        report = self.latest(item_id, quarter)
        _, last = quarter_months(quarter)
        if report is None:
            if last < item.first_month:
                return "not_started"
            return "not_reviewed" if not self.reviewed(quarter) else "idle"
        planned, actual = report.get("planned"), report.get("actual")
        lag = planned - actual if planned is not None and actual is not None else None
        if word_of(report) == "落後" or (lag is not None and lag > self.behind_above):
            return "behind"
        this_quarter = self.word_in(item_id, quarter)
        if quarter in item.round_ends and this_quarter is not None and word_of(this_quarter) != "完成":
            return "behind"
        return "on_schedule"

    def states(self, quarter: QuarterKey) -> dict[str, str]:
        """Every work item's state as of the quarter."""
        if quarter not in self._states:
            self._states[quarter] = {item_id: self.state(item_id, quarter) for item_id in self.items}
        return self._states[quarter]

    # --- who files ---

    def filers(self, quarter: QuarterKey) -> set[str]:
        """The bodies that filed (a file that counts) for the quarter."""
        return {f.body for f in self.counted if f.quarter == quarter}

    def owed_by(self, body: str, quarter: QuarterKey) -> set[str]:
        """The items `body` is due to file for: owed items it leads (or the lead reports through it)."""
        return {item_id for item_id in self.owed(quarter) if body in self.items[item_id].lead_bodies}

    def owing(self, quarter: QuarterKey) -> set[str]:
        """The bodies due to file for the quarter: lead bodies of owed items."""
        return {body for item_id in self.owed(quarter) for body in self.items[item_id].lead_bodies}

    def budget_execution(self, quarter: QuarterKey, behind_below: float = 0.9, severe_below: float = 0.8) -> dict[tuple[int, str], dict]:
        """(industry, body) → year-to-date figures of the body's latest counted filing that year up to the quarter,
        with 執行率 (executed ÷ allocated) and 達成率 (executed ÷ approved) and the light of 執行率."""
        latest: dict[tuple[int, str], tuple[QuarterKey, dict]] = {}
        for f in sorted(self.counted, key=lambda f: f.quarter):
            if f.quarter[0] == quarter[0] and f.quarter <= quarter:
                for industry, figures in f.budget.items():
                    latest[(int(industry), f.body)] = (f.quarter, figures)
        result = {}
        for key, (_, figures) in latest.items():
            parts = [figures.get(name) for name in ("spent", "payable", "saved") if figures.get(name) is not None]
            executed = sum(parts) if parts else None
            allocated, approved = figures.get("allocated"), figures.get("approved")
            execution = round(executed / allocated, 4) if executed is not None and allocated else None
            light = "none" if execution is None else "green" if execution >= behind_below else "yellow" if execution >= severe_below else "red"
            result[key] = {"approved": approved, "allocated": allocated, "executed": executed, "execution_rate": execution,
                           "achievement_rate": round(executed / approved, 4) if executed is not None and approved else None, "light": light}
        return result

    def kpis_owed_by(self, body: str, quarter: QuarterKey) -> set[str]:
        """KPI ids `body` owns whose 分年目標 asks something in the quarter's year, from the first review on."""
        return {kpi_id for kpi_id, kpi in self.kpis.items() if body in kpi.owners and quarter[0] in kpi.asks and self.reviewed(quarter)}

    def kpis_unreported(self, quarter: QuarterKey) -> set[str]:
        """KPI ids whose 分年目標 asks something in the quarter's year (from the first review on) and whose report of
        the quarter (its lead's, when several bodies filed one) leaves a figure or the achievement out."""
        if not self.reviewed(quarter):
            return set()
        unreported = set()
        for kpi_id, kpi in self.kpis.items():
            asks = kpi.asks.get(quarter[0])
            if asks is None:
                continue
            reports = sorted((f for f in self.counted if f.quarter == quarter and kpi_id in f.kpis), key=lambda f: f.agency)
            chosen = next((f for f in reports if f.body == kpi.lead_body), reports[0] if reports else None)
            if chosen is None or not all(fills(chosen.kpis[kpi_id] or {}, key, n == 0) for n, key in enumerate(asks)):
                unreported.add(kpi_id)
        return unreported

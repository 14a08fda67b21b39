"""An independent computation of what sixcore judges, from the exported plan and the raw status YAML.

Written without sixcore's models or judgments, so tests can compare sixcore's counts with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DONE = {"完成", "done"}
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # yaml.safe_load, with libyaml when present (faster)


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)


QuarterKey = tuple[int, int]  # (ROC year, quarter number)


def quarter_key(text: str) -> QuarterKey:
    match = re.fullmatch(r"(\d{1,3})Q([1-4])", text)
    assert match, text
    return int(match[1]), int(match[2])


def previous_quarter(quarter: QuarterKey) -> QuarterKey:
    year, number = quarter
    return (year - 1, 4) if number == 1 else (year, number - 1)


def month_index(text: str) -> int:
    """ROC "YYY/M" → months since year 0, for comparing."""
    year, month = (int(part) for part in text.split("/"))
    return year * 12 + month - 1


def quarter_months(quarter: QuarterKey) -> tuple[int, int]:
    year, number = quarter
    first = year * 12 + (number - 1) * 3
    return first, first + 2


@dataclass(frozen=True)
class Filed:
    quarter: QuarterKey
    body: str
    work_items: dict[str, dict]
    agency: str
    kpis: dict[str, dict]


@dataclass
class Independent:
    work_items: list[dict]
    bodies: dict[str, str]  # agency id -> reporting body
    filed: list[Filed]

    @classmethod
    def read(cls, root: Path, exported: dict) -> Independent:
        agencies = {agency["id"]: agency for agency in load_yaml(root / "plan" / "agencies.yaml")["agencies"]}

        def body(agency_id: str) -> str:
            current, seen = agency_id, set()
            while current in agencies and current not in seen:
                seen.add(current)
                following = agencies[current].get("successor") or agencies[current].get("parent")
                if not following:
                    break
                current = following
            return current

        bodies = {agency_id: body(agency_id) for agency_id in agencies}
        filed = []
        for path in sorted((root / "status").glob("*/*.yaml")):
            data = load_yaml(path)
            assert data["agency"] == path.stem and data["quarter"] == path.parent.name
            filed.append(Filed(quarter_key(path.parent.name), bodies.get(data["agency"], data["agency"]), data.get("work_items") or {},
                               data["agency"], data.get("kpis") or {}))
        return cls(exported["work_items"], bodies, filed)

    def body(self, agency_id: str) -> str:
        return self.bodies.get(agency_id, agency_id)

    def done_by(self, item_id: str, quarter: QuarterKey) -> bool:
        return any(f.quarter <= quarter and str(f.work_items.get(item_id, {}).get("status")) in DONE for f in self.filed)

    @staticmethod
    def last_month(item: dict) -> int | None:
        return max((month_index(end) for _, end in item["ranges"]), default=None)

    @staticmethod
    def active(item: dict, quarter: QuarterKey) -> bool:
        first, last = quarter_months(quarter)
        for start, end in item["ranges"]:
            end_index = month_index(end)
            start_index = month_index(start) if start is not None else end_index  # a deadline: just its month
            if start_index <= last and end_index >= first:
                return True
        return False

    def overdue(self, quarter: QuarterKey) -> set[str]:
        _, last = quarter_months(quarter)
        return {
            item["id"] for item in self.work_items
            if (end := self.last_month(item)) is not None and end <= last and not self.done_by(item["id"], quarter)
        }

    def unreported(self, quarter: QuarterKey) -> set[str]:
        late = self.overdue(quarter)
        result = set()
        for item in self.work_items:
            if not (self.active(item, quarter) or item["id"] in late):
                continue
            if self.done_by(item["id"], previous_quarter(quarter)):
                continue
            leads = {self.body(agency) for agency in item["lead_ids"]}
            if not any(f.quarter == quarter and f.body in leads and item["id"] in f.work_items for f in self.filed):
                result.add(item["id"])
        return result

    # --- for the report: states, filers, KPI reports ---

    def latest(self, item_id: str, quarter: QuarterKey) -> dict | None:
        reports = [(f.quarter, f.work_items[item_id]) for f in self.filed if f.quarter <= quarter and item_id in f.work_items]
        return max(reports, key=lambda pair: pair[0])[1] if reports else None

    def states(self, quarter: QuarterKey) -> dict[str, str]:
        """Every work item's state as the report defines it, by its own reading of the rules."""
        late, missing = self.overdue(quarter), self.unreported(quarter)
        _, last = quarter_months(quarter)
        result = {}
        for item in self.work_items:
            item_id = item["id"]
            report = self.latest(item_id, quarter)
            first = min((month_index(start or end) for start, end in item["ranges"]), default=None)
            if first is None:
                state = "undated"
            elif self.done_by(item_id, quarter):
                state = "completed"
            elif item_id in late:
                state = "overdue"
            elif item_id in missing:
                state = "unreported"
            elif report is None:
                state = "not_started" if first > last else "idle"
            elif report["status"] in ("停辦", "suspended"):
                state = "suspended"
            elif report["status"] in ("落後", "behind") or (report.get("planned") or 0) - (report.get("actual") or 0) > 0:
                state = "behind"
            else:
                state = "on_schedule"
            result[item_id] = state
        return result

    def filers(self, quarter: QuarterKey) -> set[str]:
        return {f.body for f in self.filed if f.quarter == quarter}

    def owing(self, quarter: QuarterKey) -> set[str]:
        """Bodies leading a work item active or overdue in the quarter and not completed before it."""
        late = self.overdue(quarter)
        return {
            self.body(agency) for item in self.work_items
            if (self.active(item, quarter) or item["id"] in late) and not self.done_by(item["id"], previous_quarter(quarter))
            for agency in item["lead_ids"]
        }

    def kpis_reported(self, quarter: QuarterKey) -> set[str]:
        """KPI ids with a reported actual in the quarter's year, up to the quarter."""
        return {kpi_id for f in self.filed if f.quarter[0] == quarter[0] and f.quarter <= quarter
                for kpi_id, report in f.kpis.items() if report.get("actual") is not None}

"""Loading status/: every status/<quarter>/<agency>.yaml into a StatusFile, with problems for the rest."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sixcore.calendar import Quarter, RocDateError
from sixcore.load.loader import Loaded, LoadedPlan, load_model
from sixcore.model.plan import WorkItem
from sixcore.model.status import StatusFile, WorkItemReport
from sixcore.problem import Problem, Severity

STATUS_DIR = Path("status")


@dataclass(frozen=True)
class FiledStatus:
    """A loaded status file and the quarter and agency its path names."""

    loaded: Loaded[StatusFile]
    folder_quarter: Quarter | None
    file_agency: str

    @property
    def model(self) -> StatusFile:
        return self.loaded.model

    @property
    def quarter(self) -> Quarter:
        return self.folder_quarter or self.model.quarter


def quarter_folders(root: Path) -> list[Quarter]:
    """The quarters that have a folder under status/, in order (folders not named like 113Q2 are skipped)."""
    quarters = []
    for folder in (root / STATUS_DIR).glob("*"):
        if folder.is_dir():
            try:
                quarters.append(Quarter.parse(folder.name))
            except RocDateError:
                continue
    return sorted(quarters)


def load_status(root: Path) -> tuple[list[FiledStatus], list[Problem]]:
    filed: list[FiledStatus] = []
    problems: list[Problem] = []
    for path in sorted((root / STATUS_DIR).glob("*/*.y*ml")):
        try:
            folder_quarter: Quarter | None = Quarter.parse(path.parent.name)
        except RocDateError:
            folder_quarter = None
            problems.append(Problem(path, 1, 1, "SC201", Severity.ERROR, {"folder": path.parent.name, "quarter": "?"}))
        # an agency should see every problem in one run: judge what is valid even after a schema error
        loaded, found = load_model(path, StatusFile, salvage=_without_invalid_entries)
        problems += found
        if loaded is not None:
            filed.append(FiledStatus(loaded, folder_quarter, path.stem))
    return filed, problems


def _without_invalid_entries(data: object, error: ValidationError) -> object:
    """The file's data without the work items, KPIs and optional fields that failed validation."""
    if not isinstance(data, dict):
        return data
    pruned = {key: (dict(value) if isinstance(value, dict) else value) for key, value in data.items()}
    for detail in error.errors():
        location = detail["loc"]
        if len(location) >= 2 and location[0] in ("work_items", "kpis") and isinstance(pruned.get(location[0]), dict):
            pruned[location[0]].pop(location[1], None)
        elif location and location[0] not in ("quarter", "agency"):
            pruned.pop(location[0], None)
    return pruned


@dataclass
class AuditContext:
    """What status rules judge: the plan, every status file, and the as-of quarter (judged at its last day)."""

    plan: LoadedPlan
    statuses: list[FiledStatus] = field(default_factory=list)
    as_of: Quarter | None = None
    # what sixcore.standing judged from this context, per quarter, so check's rules, report and gantt share it
    judged: dict[Quarter, Any] = field(default_factory=dict, repr=False, compare=False)

    def body(self, agency_id: str) -> str:
        return self.plan.agencies.model.reporting_body(agency_id) if self.plan.agencies else agency_id

    def lead_bodies(self, work_item: WorkItem) -> set[str]:
        return {self.body(agency) for agency in work_item.lead}

    def co_bodies(self, work_item: WorkItem) -> set[str]:
        return {self.body(agency) for agency in work_item.co}

    def filed_in(self, quarter: Quarter) -> list[FiledStatus]:
        return [status for status in self.statuses if status.quarter == quarter]

    @cached_property
    def _reports_by_item(self) -> dict[str, list[tuple[FiledStatus, WorkItemReport]]]:
        reports: dict[str, list[tuple[FiledStatus, WorkItemReport]]] = {}
        for status in sorted(self.statuses, key=lambda s: s.quarter):
            for item_id, report in status.model.work_items.items():
                reports.setdefault(item_id, []).append((status, report))
        return reports

    def reports_of(self, work_item_id: str) -> Iterator[tuple[FiledStatus, WorkItemReport]]:
        """Every report of a work item, oldest quarter first."""
        yield from self._reports_by_item.get(work_item_id, [])

"""Loading status/: every status/<quarter>/<agency>.yaml into a StatusFile, with problems for the rest."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sixcore.calendar import Quarter, RocDateError
from sixcore.load.loader import Loaded, LoadedPlan, load_model
from sixcore.model.plan import WorkItem
from sixcore.model.status import StatusFile
from sixcore.problem import Problem, Severity

STATUS_DIR = Path("status")


@dataclass(frozen=True)
class FiledStatus:
    """A loaded status file and the quarter and agency its path names."""

    loaded: Loaded[StatusFile]
    folder_quarter: Quarter
    file_agency: str

    @property
    def model(self) -> StatusFile:
        return self.loaded.model

    @property
    def quarter(self) -> Quarter:
        return self.folder_quarter

    @property
    def named_items(self) -> set[str]:
        """The work-item ids the file names, valid entries or not (an entry with an error is still the agency's answer)."""
        data = self.loaded.document.data
        entries = data.get("work_items") if isinstance(data, dict) else None
        return {str(key) for key in entries} if isinstance(entries, dict) else set()


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


STATUS_SUFFIXES = (".yaml", ".yml")
# files that may sit in status/ without being filings: its guide, and hidden files such as .gitkeep
NOT_FILINGS = ("README.md",)


def filing_place(root: Path, path: Path) -> dict[str, str] | None:
    """None when `path` is where a filing counts (status/<quarter>/<agency>.yaml under `root`); otherwise why not,
    as facts for the misplaced-file message (SC213): `reason` and, when it can be told, the `target` path."""
    status_dir = Path(os.path.realpath(root / STATUS_DIR))
    try:  # the file's own place: a link is judged where it sits (and refused elsewhere if it leads out)
        parts = (Path(os.path.realpath(path.parent)) / path.name).relative_to(status_dir).parts
    except ValueError:
        return {"reason": "outside", "target": _target_from_content(path, root)}
    return _place(parts)


def _place(parts: tuple[str, ...]) -> dict[str, str] | None:
    """filing_place for a path given as its parts under status/."""
    if len(parts) != 2:
        return {"reason": "depth", "target": (STATUS_DIR / "<季別>" / parts[-1]).as_posix() if len(parts) == 1 else
                (STATUS_DIR / parts[0] / parts[-1]).as_posix()}
    folder, name = parts
    if Path(name).suffix not in STATUS_SUFFIXES:
        return {"reason": "extension", "target": (STATUS_DIR / folder / (Path(name).stem + ".yaml")).as_posix()}
    try:
        Quarter.parse(folder)
    except RocDateError:
        suggested = _quarter_like(folder)
        return {"reason": "folder", "folder": folder,
                "target": (STATUS_DIR / (str(suggested) if suggested else "<季別>") / name).as_posix()}
    return None


WORKBOOK_SUFFIXES = (".ods", ".xlsx")


def workbook_problem(root: Path, path: Path) -> Problem | None:
    """SC214 at a workbook in a status/<quarter>/ folder: it is no filing until imported (sixcore status import).

    A workbook is judged only by import, never counted by check: the filing of record is the YAML file, which
    reviewers read in a pull request's diff and pr-scope and CI judge; a binary workbook beside it would be a second,
    unreviewable version of the same filing. An error while no YAML file sits beside it, info once one does."""
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return None
    place = filing_place(root, path.with_suffix(".yaml"))
    if place is not None:
        return None
    relative = (Path(os.path.realpath(path.parent)) / path.name).relative_to(os.path.realpath(root / STATUS_DIR))
    yaml_file = path.with_suffix(".yaml")
    imported = yaml_file.is_file()
    return Problem(path, 1, 1, "SC214", Severity.INFO if imported else Severity.ERROR, {
        "file": (STATUS_DIR / relative).as_posix(), "target": (STATUS_DIR / relative).with_suffix(".yaml").as_posix(), "imported": imported})


def _quarter_like(text: str) -> Quarter | None:
    """A folder name meant as a quarter (113-Q3, 113q3, 113 Q3, １１３Q3), read leniently to suggest the right name."""
    squeezed = unicodedata.normalize("NFKC", text).replace("-", "").replace("_", "").replace(" ", "").upper()
    try:
        return Quarter.parse(squeezed)
    except RocDateError:
        return None


def _target_from_content(path: Path, root: Path) -> str:
    """Where a file outside status/ should go, from its own `quarter:` and `agency:` lines when both are valid."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        text = ""
    quarter = re.search(r"^quarter:\s*\"?([^\s\"#]+)", text, re.MULTILINE)
    agency = re.search(r"^agency:\s*\"?([a-z][a-z0-9-]*)", text, re.MULTILINE)
    found = _quarter_like(quarter[1]) if quarter else None
    if found is None or agency is None:
        return (STATUS_DIR / "<季別>" / "<機關代碼>.yaml").as_posix()
    return (STATUS_DIR / str(found) / f"{agency[1]}.yaml").as_posix()


def _status_paths(status_dir: Path) -> Iterator[Path]:
    """Every file under status/, and every entry where a filing would sit (status/<folder>/<name>.yaml) even when it
    is a folder or a broken link, so the loader can say why it is no filing. A linked quarter folder is looked
    into (its files are then refused if they lead out of the repository); deeper links are not followed."""
    if not status_dir.is_dir():
        return
    for first in sorted(status_dir.iterdir()):
        if not first.is_dir():
            yield first
            continue
        for second in sorted(first.iterdir()):
            if second.is_dir() and not second.is_symlink() and second.suffix not in STATUS_SUFFIXES:
                yield from (deeper for deeper in sorted(second.rglob("*")) if not deeper.is_dir() or deeper.is_symlink())
            else:
                yield second


def load_status(root: Path) -> tuple[list[FiledStatus], list[Problem]]:
    """Every filing under status/, and a problem at every other file there (it would silently not count)."""
    filed: list[FiledStatus] = []
    problems: list[Problem] = []
    status_dir = root / STATUS_DIR
    for path in _status_paths(status_dir):
        relative = path.relative_to(status_dir)
        if any(part.startswith(".") for part in relative.parts) or relative.as_posix() in NOT_FILINGS:
            continue
        workbook = workbook_problem(root, path)
        if workbook is not None:
            problems.append(workbook)
            continue
        misplaced = _place(relative.parts)  # where it sits; what a link leads to is the loader's to judge
        if misplaced is not None:
            problems.append(Problem(path, 1, 1, "SC213", Severity.ERROR, {"file": (STATUS_DIR / relative).as_posix(), **misplaced}))
            continue
        # an agency should see every problem in one run: judge what is valid even after a schema error
        loaded, found = load_model(path, StatusFile, salvage=_without_invalid_entries, root=root)
        problems += found
        if loaded is not None:
            filed.append(FiledStatus(loaded, Quarter.parse(path.parent.name), path.stem))
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
    # sixcore.standing.counts of each file, by id (with the file, so a reused id is not mistaken for it)
    counted: dict[int, tuple[FiledStatus, bool]] = field(default_factory=dict, repr=False, compare=False)

    def body(self, agency_id: str) -> str:
        return self.plan.agencies.model.reporting_body(agency_id) if self.plan.agencies else agency_id

    def lead_bodies(self, work_item: WorkItem) -> set[str]:
        return {self.body(agency) for agency in work_item.lead}

    def co_bodies(self, work_item: WorkItem) -> set[str]:
        return {self.body(agency) for agency in work_item.co}

    def filed_in(self, quarter: Quarter) -> list[FiledStatus]:
        return [status for status in self.statuses if status.quarter == quarter]

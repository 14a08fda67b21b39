"""Loading the plan: every YAML file under plan/ into validated models, every defect into Problems."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from sixcore.load.limits import MAX_PROBLEMS_PER_FILE
from sixcore.load.marked import MarkedDocument, PathKey, load_marked
from sixcore.model.agency import Agency, AgencyRegistry
from sixcore.model.kpi import Budget, Kpi, KpiStrategy, KpiTable, KpiTableSet
from sixcore.model.lights import LightRules
from sixcore.model.plan import Approach, Industry, Item, Measure, Programme, WorkItem
from sixcore.problem import Problem, Severity

M = TypeVar("M", bound=BaseModel)

AGENCIES_FILE = Path("plan/agencies.yaml")
BUDGET_FILE = Path("plan/budget.yaml")
LIGHTS_FILE = Path("plan/lights.yaml")
PROGRAMME_FILE = Path("plan/programme.yaml")
INDUSTRIES_DIR = Path("plan/industries")
KPIS_DIR = Path("plan/kpis")

KpiFile = KpiTable | KpiTableSet


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model and the marked document it came from."""

    document: MarkedDocument
    model: M

    def problem(self, location: PathKey, prefer_key: bool = False, **params: Any) -> Problem:
        """A finding at `location` inside this file; the rule runner fills in code and severity."""
        mark = self.document.locate(location, prefer_key=prefer_key)
        return Problem(self.document.path, mark.line, mark.column, "", Severity.ERROR, params)


@dataclass(frozen=True)
class PlacedWorkItem:
    """A work item with everything above it and where it is written."""

    id: str
    industry: Industry
    measure: Measure
    item: Item
    approach: Approach
    work_item: WorkItem
    source: Loaded[Industry]
    location: PathKey


@dataclass(frozen=True)
class PlacedKpi:
    id: str
    table: KpiTable
    strategy: KpiStrategy
    kpi: Kpi
    source: Loaded[KpiFile]
    location: PathKey

    @property
    def agencies(self) -> list[str]:
        """主協辦機關: the row's own when printed there, else its strategy's; the first leads."""
        return self.kpi.agencies or self.strategy.agencies


@dataclass
class LoadedPlan:
    """Everything under plan/ that loaded, plus the problems met on the way."""

    root: Path
    agencies: Loaded[AgencyRegistry] | None = None
    industries: list[Loaded[Industry]] = field(default_factory=list)
    kpi_files: list[Loaded[KpiFile]] = field(default_factory=list)
    budget: Loaded[Budget] | None = None
    lights: Loaded[LightRules] | None = None
    programme: Loaded[Programme] | None = None
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def agency_by_id(self) -> dict[str, Agency]:
        return {agency.id: agency for agency in self.agencies.model.agencies} if self.agencies else {}

    def placed_work_items(self) -> list[PlacedWorkItem]:
        """Every work item in plan order, a repeated id as often as it is written (made once: the rules, the judge
        and the renderers each walk them all)."""
        return self._placed_work_items

    @cached_property
    def _placed_work_items(self) -> list[PlacedWorkItem]:
        return list(self._place_work_items())

    def _place_work_items(self) -> Iterator[PlacedWorkItem]:
        for loaded in self.industries:
            industry = loaded.model
            for m, measure in enumerate(industry.measures):
                for i, item in enumerate(measure.items):
                    for a, approach in enumerate(item.approaches):
                        for w, work_item in enumerate(approach.work_items):
                            yield PlacedWorkItem(
                                f"{measure.id}/{work_item.key}", industry, measure, item, approach, work_item, loaded,
                                ("measures", m, "items", i, "approaches", a, "work_items", w),
                            )

    @cached_property
    def work_item_by_id(self) -> dict[str, PlacedWorkItem]:
        return {placed.id: placed for placed in self.placed_work_items()}

    @cached_property
    def measure_by_id(self) -> dict[str, tuple[Industry, Measure]]:
        return {measure.id: (loaded.model, measure) for loaded in self.industries for measure in loaded.model.measures}

    def kpi_tables(self) -> Iterator[tuple[Loaded[KpiFile], KpiTable, PathKey]]:
        for loaded in self.kpi_files:
            if isinstance(loaded.model, KpiTableSet):
                for t, table in enumerate(loaded.model.tables):
                    yield loaded, table, ("tables", t)
            else:
                yield loaded, loaded.model, ()

    def placed_kpis(self) -> Iterator[PlacedKpi]:
        for loaded, table, prefix in self.kpi_tables():
            for s, strategy in enumerate(table.strategies):
                for k, kpi in enumerate(strategy.kpis):
                    yield PlacedKpi(kpi.key, table, strategy, kpi, loaded, prefix + ("strategies", s, "kpis", k))

    @cached_property
    def kpi_by_id(self) -> dict[str, PlacedKpi]:
        return {placed.id: placed for placed in self.placed_kpis()}


def problems_from_validation(error: ValidationError, document: MarkedDocument, prefix: PathKey = ()) -> list[Problem]:
    """One Problem per pydantic error, placed at the offending value (or the key, for an unknown key).

    Past MAX_PROBLEMS_PER_FILE errors the rest are only counted, in one SC023 problem: no more are listed per
    file (sixcore.problem.limit_per_file), and placing 50,000 of them is most of the time a hostile file takes.
    """
    problems = []
    details = error.errors(include_url=False)
    if len(details) > MAX_PROBLEMS_PER_FILE:
        mark = document.locate(prefix + tuple(details[MAX_PROBLEMS_PER_FILE]["loc"]))
        more = {"count": len(details) - MAX_PROBLEMS_PER_FILE, "limit": MAX_PROBLEMS_PER_FILE}
        problems.append(Problem(document.path, mark.line, mark.column, "SC023", Severity.ERROR, more))
        details = details[:MAX_PROBLEMS_PER_FILE]
    for detail in details:
        location = prefix + tuple(detail["loc"])
        if detail["type"] == "unexpected_keyword_argument":  # what an entry_model calls an unknown key: said as a Model says it
            detail["type"], detail["msg"] = "extra_forbidden", "Extra inputs are not permitted"
        unknown_key = detail["type"] == "extra_forbidden"
        mark = document.locate(location, prefer_key=unknown_key)
        code = "SC103" if detail["type"] == "roc_date" else "SC010"
        params = {
            "field": ".".join(str(part) for part in detail["loc"]) or "(file)",
            "type": detail["type"],
            "detail": detail["msg"],
            **{key: value for key, value in (detail.get("ctx") or {}).items() if isinstance(value, (str, int, float))},
        }
        if detail["type"] not in ("missing", "extra_forbidden") and isinstance(detail.get("input"), (str, int, float, bool)):
            params["input"] = detail["input"]
        problems.append(Problem(document.path, mark.line, mark.column, code, Severity.ERROR, params))
    return problems


def load_model(
    path: Path,
    model: type[M] | Callable[[Any], type[M]],
    salvage: Callable[[Any, ValidationError], Any] | None = None,
    root: Path | None = None,
) -> tuple[Loaded[M] | None, list[Problem]]:
    """Load one YAML file as `model` (or the model `model(data)` picks); failures become Problems.

    With `salvage`, a file with schema errors is validated once more without the entries that failed,
    so the other rules can still judge the rest of it. With `root`, a file that is a link out of that
    repository is refused unread (sixcore.load.marked.outside_repository).
    """
    document, problems = load_marked(path, root)
    if document is None:
        return None, problems
    kind: type[M] = model if isinstance(model, type) else model(document.data)
    try:
        return Loaded(document, kind.model_validate(document.data)), problems
    except ValidationError as error:
        problems = problems + problems_from_validation(error, document)
        if salvage is None:
            return None, problems
        remainder = salvage(document.data, error)
    try:
        return Loaded(document, kind.model_validate(remainder)), problems
    except ValidationError:
        return None, problems  # required fields themselves are wrong: nothing left to judge


def _kpi_file_kind(data: Any) -> type[KpiFile]:
    """Industry 4 has two KPI tables in one file, under `tables:`."""
    return KpiTableSet if isinstance(data, dict) and "tables" in data else KpiTable


def load_plan(root: Path) -> LoadedPlan:
    """Load plan/ under `root`. Missing required files are problems, not exceptions."""
    plan = LoadedPlan(root)

    def required(relative: Path) -> Path | None:
        path = root / relative
        if not path.is_file():
            plan.problems.append(Problem(path, 1, 1, "SC007", Severity.ERROR, {"file": str(relative)}))
            return None
        return path

    if path := required(AGENCIES_FILE):
        plan.agencies, problems = load_model(path, AgencyRegistry, root=root)
        plan.problems += problems
    for path in sorted((root / INDUSTRIES_DIR).glob("*.yaml")):
        loaded, problems = load_model(path, Industry, root=root)
        plan.problems += problems
        if loaded:
            plan.industries.append(loaded)
    for path in sorted((root / KPIS_DIR).glob("*.yaml")):
        kpi_file: Loaded[KpiFile] | None  # either model; said here so the checker does not settle on their common base
        kpi_file, problems = load_model(path, _kpi_file_kind, root=root)
        plan.problems += problems
        if kpi_file:
            plan.kpi_files.append(kpi_file)
    if (root / BUDGET_FILE).is_file() or (root / BUDGET_FILE).is_symlink():  # optional: a programme may set no budget table
        plan.budget, problems = load_model(root / BUDGET_FILE, Budget, root=root)
        plan.problems += problems
    if path := required(LIGHTS_FILE):
        plan.lights, problems = load_model(path, LightRules, root=root)
        plan.problems += problems
    if path := required(PROGRAMME_FILE):
        plan.programme, problems = load_model(path, Programme, root=root)
        plan.problems += problems
    return plan

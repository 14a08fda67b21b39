"""The audit: load the repository and run every rule over it, collecting Problems."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sixcore.calendar import Quarter
from sixcore.errors import SixcoreUserError
from sixcore.load.limits import MAX_PROBLEMS_PER_FILE
from sixcore.load.loader import LoadedPlan, load_plan
from sixcore.load.status import AuditContext, filing_place, load_status, quarter_folders, workbook_problem
from sixcore.problem import Problem, Severity, limit_per_file, sort_problems
from sixcore.rules import run_plan_rules, run_rules


@dataclass(frozen=True)
class AuditResult:
    context: AuditContext
    problems: list[Problem]

    @property
    def plan(self) -> LoadedPlan:
        return self.context.plan


def find_root(start: Path) -> Path:
    """The repository root: `start` or the nearest parent holding plan/ (so sixcore works from any subfolder)."""
    for candidate in (start, *start.resolve().parents):
        if (candidate / "plan").is_dir():
            return candidate
    raise SixcoreUserError("找不到 plan/ 資料夾；請在方案資料庫中執行，或以 --root 指定 / no plan/ folder here; run inside the plan repository or pass --root", path=start)


def latest_quarter(root: Path) -> Quarter | None:
    """The default as-of quarter: the latest quarter folder in status/ (none when nothing was filed)."""
    folders = quarter_folders(root)
    return folders[-1] if folders else None


class Chosen(str, Enum):
    """Why a command judges the quarter it does (the report says so)."""

    given = "given"  # --quarter
    latest_filed = "latest_filed"  # the latest folder in status/
    current = "current"  # nothing filed: the quarter we are in
    programme_end = "programme_end"  # nothing filed and the programme has ended: its last quarter


def default_quarter(root: Path, today: dt.date | None = None, last: Quarter | None = None) -> tuple[Quarter, Chosen]:
    """The quarter to judge when none is given, and why: the latest one filed, else the quarter we are in, but
    never after `last`, the programme's last quarter (a report on 115Q4 of a programme that ended in 113 would
    call every item overdue for years)."""
    filed = latest_quarter(root)
    if filed is not None:
        return filed, Chosen.latest_filed
    current = Quarter.containing(today or dt.date.today())
    if last is not None and last < current:
        return last, Chosen.programme_end
    return current, Chosen.current


def check_plan(root: Path) -> tuple[LoadedPlan, list[Problem]]:
    """plan/ alone, loaded and judged by the plan rules: what a command that builds on the plan only (export) refuses
    on, without loading and judging every status file."""
    plan = load_plan(root)
    return plan, sort_problems([*plan.problems, *run_plan_rules(plan)])


def load_for_command(root: Path) -> tuple[AuditContext, list[Problem]]:
    """What report, gantt and status new build on, with the problems that may stop them: every loading problem and
    the plan rules' errors (a plan with a repeated id or an unknown agency is refused, as export refuses it; the
    rules' warnings are check's to list)."""
    context, problems = load_context(root)
    return context, [*problems, *(problem for problem in run_plan_rules(context.plan) if problem.severity is Severity.ERROR)]


def load_context(root: Path, as_of: Quarter | None = None) -> tuple[AuditContext, list[Problem]]:
    plan = load_plan(root)
    statuses, problems = load_status(root)
    return AuditContext(plan, statuses, as_of if as_of is not None else latest_quarter(root)), [*plan.problems, *problems]


def _misplaced(root: Path, files: Sequence[Path], reported: set[Path]) -> list[Problem]:
    """A problem at each named file that is neither in plan/ nor where a filing counts (and not yet reported)."""
    plan_dir = Path(os.path.realpath(root / "plan"))
    found = []
    for file in files:
        resolved = _where(file)
        if plan_dir in resolved.parents or resolved in reported:
            continue
        if (workbook := workbook_problem(root, file)) is not None:
            found.append(dataclasses.replace(workbook, path=file))
            continue
        misplaced = filing_place(root, file)
        if misplaced is not None:
            found.append(Problem(file, 1, 1, "SC213", Severity.ERROR, {"file": str(file), **misplaced}))
    return found


def check_repo(root: Path, as_of: Quarter | None = None, files: Sequence[Path] = ()) -> AuditResult:
    """Load plan/ and status/ and run all rules, judging as of `as_of` (default: latest status quarter).

    With `files` (as pre-commit and CI pass them, relative to the working directory), only problems in
    those files are kept, plus any error in plan/, without which the files cannot be judged.
    """
    # a link is judged (and refused if it leads out of the repository), not mistaken for a missing file
    missing = [str(file) for file in files if not file.is_file() and not file.is_symlink()]
    if missing:
        raise SixcoreUserError(f"找不到檔案 / no such file: {', '.join(missing)}")
    context, problems = load_context(root, as_of)
    problems = [*problems, *_misplaced(root, files, {_where(problem.path) for problem in problems if problem.code in ("SC213", "SC214")})]
    problems = sort_problems([*problems, *run_rules(context)])
    if files:
        # file names are as the user typed them, relative to where sixcore runs, not to the root
        wanted = {_where(file) for file in files}
        plan_dir = Path(os.path.realpath(root / "plan"))
        problems = [
            problem for problem in problems
            if _where(problem.path) in wanted or (problem.severity is Severity.ERROR and plan_dir in _where(problem.path).parents)
        ]
    return AuditResult(context, limit_per_file(problems, MAX_PROBLEMS_PER_FILE))


def _where(path: Path) -> Path:
    """A file's place with the folders on its way resolved, but not the file itself: a link is the link's place
    (and Path.resolve would raise on a link loop)."""
    return Path(os.path.realpath(path.parent)) / path.name

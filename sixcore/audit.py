"""The audit: load the repository and run every rule over it, collecting Problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sixcore.errors import SixcoreUserError
from sixcore.load.loader import LoadedPlan, load_plan
from sixcore.problem import Problem, sort_problems
from sixcore.rules import run_plan_rules


@dataclass(frozen=True)
class AuditResult:
    plan: LoadedPlan
    problems: list[Problem]


def find_root(start: Path) -> Path:
    """The repository root: `start` or the nearest parent holding plan/ (so sixcore works from any subfolder)."""
    for candidate in (start, *start.resolve().parents):
        if (candidate / "plan").is_dir():
            return candidate
    raise SixcoreUserError("找不到 plan/ 資料夾；請在方案資料庫中執行，或以 --root 指定 / no plan/ folder here; run inside the plan repository or pass --root", path=start)


def check_repo(root: Path) -> AuditResult:
    """Load plan/ and run all plan rules."""
    plan = load_plan(root)
    return AuditResult(plan, sort_problems([*plan.problems, *run_plan_rules(plan)]))

"""The rule registry: one module per rule, each with CODE, NAME, DEFAULT_SEVERITY and check(plan)."""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType
from typing import Iterator

from sixcore.load.loader import LoadedPlan
from sixcore.problem import Problem, Severity
from sixcore.rules import (
    budget_sums,
    duplicate_id,
    schedule_outside_plan,
    undated_work_item,
    unknown_agency,
    unknown_reference,
)

PLAN_RULES: dict[str, ModuleType] = {
    rule.CODE: rule
    for rule in (duplicate_id, unknown_agency, unknown_reference, schedule_outside_plan, undated_work_item, budget_sums)
}


def run_plan_rules(plan: LoadedPlan) -> Iterator[Problem]:
    """Every plan rule's findings, with the rule's code and severity."""
    for code, rule in PLAN_RULES.items():
        severity: Severity = rule.DEFAULT_SEVERITY
        for finding in rule.check(plan):
            yield replace(finding, code=code, severity=severity)

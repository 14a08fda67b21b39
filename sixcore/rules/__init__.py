"""The rule registry: one module per rule, each with CODE, NAME, DEFAULT_SEVERITY and check().

Plan rules check plan/ alone; status rules check status/ against the plan as of a quarter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from types import ModuleType

from sixcore.load.loader import LoadedPlan
from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity
from sixcore.rules import (
    achieved_without_evidence,
    behind_without_reason,
    budget_behind_without_note,
    budget_decreased,
    budget_exceeds,
    budget_negative,
    budget_over_table,
    budget_sums,
    completed_after_quarter,
    completed_without_date,
    duplicate_id,
    kpi_behind,
    not_responsible,
    overdue_work_item,
    progress_decreased,
    progress_range,
    quarter_texts_missing,
    schedule_outside_plan,
    status_agency,
    status_missing,
    status_quarter,
    superseded_agency,
    suspended_without_reason,
    undated_work_item,
    unknown_agency,
    unknown_reference,
    unknown_status_id,
    unknown_sub_target,
    unreported_kpi,
    unreported_work_item,
    year_outside_period,
)

PLAN_RULES: dict[str, ModuleType] = {
    rule.CODE: rule
    for rule in (duplicate_id, unknown_agency, unknown_reference, schedule_outside_plan, undated_work_item, budget_sums, year_outside_period)
}
STATUS_RULES: dict[str, ModuleType] = {
    rule.CODE: rule
    for rule in (
        status_quarter, status_agency, superseded_agency, unknown_status_id, not_responsible, status_missing, progress_range, completed_without_date,
        completed_after_quarter, behind_without_reason, suspended_without_reason, overdue_work_item, unreported_work_item, progress_decreased, kpi_behind,
        unreported_kpi, achieved_without_evidence, unknown_sub_target,
        quarter_texts_missing, budget_negative, budget_exceeds, budget_behind_without_note, budget_decreased, budget_over_table,
    )
}


def run_rules(ctx: AuditContext) -> Iterator[Problem]:
    """Every rule's findings, with the rule's code and severity."""
    yield from _run(PLAN_RULES, ctx.plan)
    yield from _run(STATUS_RULES, ctx)


def run_plan_rules(plan: LoadedPlan) -> Iterator[Problem]:
    """The plan rules' findings: what a command that builds on the plan alone needs judged."""
    return _run(PLAN_RULES, plan)


def _run(registry: dict[str, ModuleType], subject: LoadedPlan | AuditContext) -> Iterator[Problem]:
    for code, rule in registry.items():
        severity: Severity = rule.DEFAULT_SEVERITY
        for finding in rule.check(subject):
            yield replace(finding, code=code, severity=severity)

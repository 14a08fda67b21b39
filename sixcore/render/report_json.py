"""report.json: the report as data for other tools (`sixcore report --format json` prints the same).

The contract: quarter, as_of, overdue, unreported, completed (work item ids), work_items, kpis; overdue and
unreported mean exactly what `sixcore check` reports as SC301 and SC302. Keys are only ever added.
progress_curves: the programme's (industry null), then each industry's 管考 curve, mean planned and actual
cumulative progress (%) per quarter from the first review (see sixcore.report.ProgressCurve).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sixcore.report import QuarterReport
from sixcore.standing import ItemStanding, KpiStanding, State


def _number(value: float | Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _work_item(report: QuarterReport, standing: ItemStanding) -> dict[str, Any]:
    work_item = standing.placed.work_item
    last = standing.report
    return {
        "id": standing.id, "industry": standing.placed.industry.industry, "measure": standing.placed.measure.id,
        "text": work_item.text,
        "schedule": [phase.printed or str(phase.range) for phase in work_item.schedule],
        "due": str(work_item.end) if work_item.end else None,
        "lead": [name.now.zh for name in report.lead_names(standing)], "lead_ids": work_item.lead,
        "state": standing.state.value, "light": standing.light.value,
        "overdue": standing.is_overdue, "unreported": standing.is_unreported, "owed": standing.owed,
        "continuously_behind": standing.continuously_behind,
        "behind_quarters": report.behind_quarters.get(standing.id),  # 連續 n 季, for an item continuously behind
        "lag": standing.lag,
        "last_report": None if last is None else {
            "quarter": str(standing.reported_in), "status": last.state, "planned": last.planned, "actual": last.actual,
            "completed": str(last.completed) if last.completed else None,
            "delay_reason": last.delay_reason, "countermeasure": last.countermeasure, "suspend_reason": last.suspend_reason,
        },
    }


def _kpi(standing: KpiStanding) -> dict[str, Any]:
    first = standing.sub_targets[0] if standing.sub_targets else None  # target … cumulative: the first sub-target, as before sub-targets
    report = standing.report
    return {
        "id": standing.id, "industry": standing.placed.table.industry, "year": standing.year, "full_target": standing.placed.kpi.full_target,
        "yearly_target": standing.placed.kpi.yearly_target(standing.year),
        "target": first.target.value if first else None, "expected": first.expected if first else None,
        "actual": first.actual if first else report.actual if report else None, "cumulative": bool(first and first.target.cumulative),
        "qualitative": standing.by_achievement, "light": standing.light.value, "reason": standing.reason.value,
        "owed": standing.owed, "unreported": standing.is_unreported, "missing": standing.missing,
        "sub_targets": [{"key": sub.key, "target": sub.target.value, "unit": sub.target.unit, "cumulative": sub.target.cumulative,
                         "expected": sub.expected, "actual": sub.actual, "light": sub.light.value} for sub in standing.sub_targets],
        "achieved": report.achievement if report else None, "evidence": report.evidence if report else None,
        "note": report.note if report else None,
        "reported_by": standing.reported_by, "reported_in": str(standing.reported_in) if standing.reported_in else None,
    }


def report_data(report: QuarterReport) -> dict[str, Any]:
    rules = report.rules
    return {
        "quarter": str(report.quarter),
        "as_of": report.as_of,
        "previous_quarter": str(report.quarter.previous()),
        "scope": {"industries": list(report.scope.industries), "measures": list(report.scope.measures), "agencies": list(report.scope.agencies)},
        "nothing_filed": report.nothing_filed,
        "agencies": [
            {"id": agency.body, "name": agency.name.zh, "name_en": agency.name.en, "expected_items": agency.expected_items, "owed": [standing.id for standing in agency.owed], "filed": agency.status is not None,
             "summary": agency.status.model.summary if agency.status else None,
             "highlights": agency.status.model.highlights if agency.status else [],
             "next_quarter": agency.status.model.next_quarter if agency.status else []}
            for agency in report.agencies
        ],
        "counts": {state.value: report.states[state] for state in State},
        "overdue": [standing.id for standing in report.overdue],
        "unreported": [standing.id for standing in report.unreported],
        "completed": [standing.id for standing in report.items if standing.state is State.completed],
        "suspended": [standing.id for standing in report.suspended],
        "continuously_behind": [standing.id for standing in report.continuously_behind()],
        "work_items": [_work_item(report, standing) for standing in report.items],
        "measures": [
            {"id": measure.measure.id, "industry": industry.industry.industry, "state": measure.state.value, "light": measure.light.value,
             "counts": {state.value: measure.states[state] for state in State}, "continuously_behind": measure.continuously_behind}
            for industry in report.industries for measure in industry.measures
        ],
        "industries": [{"industry": industry.industry.industry, "state": industry.state.value, "light": industry.light.value}
                       for industry in report.industries],
        "kpis": [_kpi(standing) for standing in report.kpis],
        "changes": {
            "newly_completed": [standing.id for standing in report.newly_completed],
            "newly_overdue": [standing.id for standing in report.newly_overdue],
            "light_changes": [{"id": change.now.id, "before": change.before.value, "now": change.now.light.value} for change in report.light_changes],
        },
        "budget": {
            "table": report.budget.name.zh if report.budget else None,
            "unit": report.budget.unit if report.budget else "", "year": report.quarter.year,
            "rows": [{"industry": line.industry, "name": line.name, "year": _number(line.year), "programme": _number(line.programme)}
                     for line in (report.budget.lines if report.budget else [])],
        },
        "budget_execution": [
            {"industry": line.industry, "agency": line.body, "table3": _number(line.table3), "approved": _number(line.approved),
             "allocated": _number(line.allocated), "executed": _number(line.executed), "execution_rate": line.execution_rate,
             "achievement_rate": line.achievement_rate, "light": line.light.value,
             "reported_in": str(line.reported_in) if line.reported_in else None, "note": line.note}
            for line in report.execution
        ],
        "progress_curves": [
            {"industry": curve.industry.industry if curve.industry else None, "items": curve.items,
             "points": [{"quarter": str(point.quarter), "planned": round(point.planned, 2), "actual": round(point.actual, 2)} for point in curve.points]}
            for curve in report.progress_curves
        ],
        "thresholds": rules.model_dump(),
        "programme": report.programme.model_dump(mode="json", include={"name", "period"}),
    }


def format_report_json(report: QuarterReport) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"

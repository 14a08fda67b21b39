"""The normalised plan as plain data (the stable contract of `sixcore export --format json`)."""

from __future__ import annotations

from typing import Any

from sixcore.load.loader import LoadedPlan
from sixcore.model.agency import Agency
from sixcore.model.kpi import YearlyText
from sixcore.model.plan import Phase


def _body(agency_id: str, agencies: dict[str, Agency]) -> Agency | None:
    agency = agencies.get(agency_id)
    while agency is not None and agency.parent is not None and agency.parent in agencies:
        agency = agencies[agency.parent]
    return agency


def agency_names(ids: list[str], agencies: dict[str, Agency]) -> list[str]:
    """The bodies' names as the tables print them (經濟部 for 經濟部工業局), without repeats."""
    names: list[str] = []
    for agency_id in ids:
        body = _body(agency_id, agencies)
        name = body.short if body else agency_id
        if name not in names:
            names.append(name)
    return names


def agency_labels(ids: list[str], agencies: dict[str, Agency]) -> list[str]:
    """Body and unit, as printed: 經濟部(工業局)."""
    labels = []
    for agency_id in ids:
        agency = agencies.get(agency_id)
        if agency is None:
            labels.append(agency_id)
        elif agency.parent and agency.parent in agencies:
            labels.append(f"{agencies[agency.parent].short}({agency.short})")
        else:
            labels.append(agency.short)
    return labels


def _phase(phase: Phase) -> dict[str, Any]:
    return {
        "label": phase.label,
        "start": str(phase.start) if phase.start else None,
        "end": str(phase.end),
        "by": str(phase.by) if phase.by else None,
        "recurring": phase.recurring,
        "printed": phase.printed,
    }


def _yearly_text(value: YearlyText) -> str | None:
    return "\n".join(value) if isinstance(value, list) else value


def export_plan(plan: LoadedPlan) -> dict[str, Any]:
    agencies = plan.agency_by_id
    programme = plan.programme.model if plan.programme else None
    years = programme.period.years if programme else []  # every KPI lists the programme's years, null where it sets none
    measures = [
        {
            "id": measure.id, "industry": industry.industry, "industry_name": industry.name, "title": measure.title,
            "strategy": measure.strategy, "agencies": agency_names(measure.agencies, agencies),
            "source": list(measure.source),
        }
        for loaded in plan.industries for industry in [loaded.model] for measure in industry.measures
    ]
    work_items = [
        {
            "id": placed.id, "measure": placed.measure.id, "industry": placed.industry.industry,
            "item": placed.item.number, "approach": placed.approach.number, "number": placed.work_item.number,
            "text": placed.work_item.text,
            "ranges": [[str(phase.start) if phase.start else None, str(phase.end)] for phase in placed.work_item.schedule],
            "phases": [_phase(phase) for phase in placed.work_item.schedule],
            "lead": agency_names(placed.work_item.lead, agencies), "co": agency_names(placed.work_item.co, agencies),
            "lead_units": agency_labels(placed.work_item.lead, agencies), "co_units": agency_labels(placed.work_item.co, agencies),
            "lead_ids": placed.work_item.lead, "co_ids": placed.work_item.co,
            "note": placed.work_item.note,
        }
        for placed in plan.placed_work_items()
    ]
    kpis = [
        {
            "id": placed.id, "label": placed.kpi.label, "industry": placed.table.industry, "sector": placed.table.sector,
            "strategy": f"{placed.strategy.label} {placed.strategy.title}", "measures": placed.strategy.measures,
            "agencies": agency_names(placed.agencies, agencies),
            "full_target": placed.kpi.full_target,
            "yearly": {year: _yearly_text(placed.kpi.yearly.get(year)) for year in years},
            "yearly_items": {year: value for year, value in placed.kpi.yearly.items() if isinstance(value, list)},
            "target": placed.kpi.target.model_dump(mode="json", exclude_none=True) if placed.kpi.target else None,
            "qualitative": placed.kpi.qualitative,
            # how each year is judged (README: KPIs), so a tool reading the export judges as sixcore does
            "yearly_targets": {year: targets if isinstance(targets, str) else [target.model_dump(mode="json") for target in targets]
                               for year, targets in placed.kpi.yearly_targets.items()},
            "reason": placed.kpi.reason,
            "seed_line": placed.kpi.seed_line,
        }
        for placed in plan.placed_kpis()
    ]
    budget: dict[str, Any] = {}
    if plan.budget:
        model = plan.budget.model
        for row in model.rows:
            budget[str(row.industry)] = {**{year: float(value) for year, value in row.amounts.items()}, "subtotal": float(row.subtotal)}
        budget["total"] = {**{year: float(value) for year, value in model.total.amounts.items()}, "subtotal": float(model.total.subtotal)}
    industries = [
        {
            "industry": industry.industry, "name": industry.name, "vision": industry.vision, "lead": agency_names(industry.lead, agencies),
            "strategies": [{"number": strategy.number, "title": strategy.title, "sector": strategy.sector, "actions": strategy.actions}
                           for strategy in industry.strategies],
        }
        for loaded in plan.industries for industry in [loaded.model]
    ]
    about = programme.model_dump(mode="json", include={"name", "period"}) if programme else None
    return {"measures": measures, "work_items": work_items, "kpis": kpis, "budget": budget, "industries": industries, "programme": about}


def agency_rows(plan: LoadedPlan) -> list[list[str]]:
    """One row per agency for `sixcore agencies`: id, short and full name, parent, successor (since when), files through."""
    rows = []
    for agency in plan.agencies.model.agencies if plan.agencies else []:
        successor = f"{agency.successor}（{agency.effective}）" if agency.successor and agency.effective else agency.successor or ""
        rows.append([agency.id, agency.short, agency.name, agency.parent or "", successor, agency.reports_through or ""])
    return rows

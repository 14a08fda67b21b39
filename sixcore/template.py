"""`sixcore status new`: a ready-to-fill status file for one agency and quarter, written without overwriting."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import yaml

from sixcore.calendar import Quarter, RocDay
from sixcore.errors import SixcoreUserError
from sixcore.load.status import STATUS_DIR, AuditContext
from sixcore.messages import Lang, describe, hint
from sixcore.model.status import ACHIEVEMENT_PLAN_WORDS, BUDGET_FIGURES, PLAN_WORDS, BudgetReport, KpiReport, WorkItemReport
from sixcore.problem import Problem, Severity
from sixcore.standing import KpiStanding, Standings, SubTargetStanding
from sixcore.writing import write_atomically

HEADER = """\
# yaml-language-server: $schema=../../schema/status.schema.json
# {programme} 季度填報 — {quarter_zh}（{quarter}）— {agency_name}（{agency}）
#
# 填寫說明（每季 1、4、7、10 月填報上一季{basis}）：
#   summary        辦理情形（本季整體說明）
#   highlights     重要執行亮點（每點一行，以 - 開頭）
#   next_quarter   下一季重點工作（每點一行，以 - 開頭）
#   work_items     重點工作項目，以編號（如 1-2/2.1.1）列出：
#     status         必填：完成 / 進行中 / 落後 / 未開始 / 停辦（留空即視為未填報，檢查不會通過）
#     planned        預定累計進度 %（0–100）
#     actual         實際累計進度 %（0–100）
#     completed      實際完成日期，如 113/6/28（「完成」時必填）
#     done           本季辦理情形
#     delay_reason   落後原因（「落後」時必填）
#     countermeasure 因應對策（「落後」時必填）
#     suspend_reason 停辦原因（「停辦」時必填；停辦期間免填報，恢復辦理時再列入）
#     note           備註（進度較上季下降時請說明）
#   kpis           本季應填之 KPI（該年有分年目標者），依編號列出：
#     actual         實際值：註明「累計」者填至本季之累計值，否則填當年度至本季之值
#     actuals        分年目標有多項數值（子目標）者，依單位逐項填實際值（單位重複者為 案1、案2）
#     achieved       分年目標無數值（里程碑）者填 {achieved}；於該年第 4 季評定
#     evidence       佐證（「達成」時必填）
#     note           說明（未達目標時請說明原因及因應）
#   budget         經費執行，依產業編號（"1" …），年度累計、億元：approved 核定數、allocated 累計分配數、
#                  spent 實支數、payable 應付未付數、saved 賸餘數；執行率偏低或數字異常時以 note 說明
# 列出本季應填報的項目（期程進行中或已到期而尚未完成者），依措施與事項分組。
# 標有「上季」的數值帶自上一季填報，請逐項確認更新。填寫後執行：sixcore check {path}
"""


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return format(value, "f")  # exact, never 5.1000000001
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 60, as the agency wrote it, not 60.0
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def _carried(key: str, value: object) -> str:
    """A field with last quarter's value, marked as carried forward so the agency checks it."""
    return f"    {key}: {_scalar(value)}" + ("  # 上季" if value is not None else "")


def _comment(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def carried_forward(ctx: AuditContext, quarter: Quarter, body: str) -> tuple[dict[str, WorkItemReport], dict[str, KpiReport],
                                                                            dict[str, BudgetReport]]:
    """What `body` filed the quarter before (work items, KPIs, budget), which status new carries forward."""
    work_items: dict[str, WorkItemReport] = {}
    kpis: dict[str, KpiReport] = {}
    budget: dict[str, BudgetReport] = {}
    for status in ctx.filed_in(quarter.previous()):
        if ctx.body(status.model.agency) == body:
            work_items.update(status.model.work_items)
            kpis.update(status.model.kpis)
            budget.update(status.model.budget)
    return work_items, kpis, budget


def render_status_template(ctx: AuditContext, quarter: Quarter, agency_id: str, path: Path) -> str:
    """The text of the template: the agency's work items active in or overdue by the quarter, and its KPIs."""
    registry = ctx.plan.agency_by_id
    body = ctx.body(agency_id)
    previous, previous_kpis, previous_budget = carried_forward(ctx, quarter, body)
    standings = Standings.of(ctx, quarter)
    programme = standings.programme
    basis = f"；依方案「{programme.review.part}、{programme.review.title}」" if programme.review else ""
    lines = [HEADER.format(achieved=ACHIEVEMENT_PLAN_WORDS, programme=programme.name.zh, basis=basis, quarter=quarter, quarter_zh=quarter.label_zh, agency=agency_id,
                           agency_name=registry[agency_id].name, path=path.as_posix())]
    lines += [f"quarter: {quarter}", f"agency: {agency_id}",
              "reported: null        # 填報日期（民國），如 113/10/8",
              "contact: null         # 聯絡人（選填）",
              "summary: null         # 辦理情形",
              "highlights: []        # 重要執行亮點",
              "next_quarter: []      # 下一季重點工作",
              "work_items:"]
    owed = list(standings.owed_by(body))
    heading: tuple[str, str] | None = None
    for placed in owed:
        if heading != (placed.measure.id, placed.item.number):
            heading = (placed.measure.id, placed.item.number)
            lines += [f"  # ── {placed.measure.id} {_comment(placed.measure.title, 40)} ／ {placed.item.number}. {_comment(placed.item.title, 40)}"]
        schedule = "、".join(phase.printed or str(phase.span) for phase in placed.work_item.schedule)
        last = previous.get(placed.id)
        lines += [
            f'  "{placed.id}":  # {_comment(placed.work_item.text)}（期程 {schedule}）',
            f"    status:          # 必填：{PLAN_WORDS}" + (f"（上季：{last.state}）" if last and last.state else ""),
            _carried("planned", last.planned if last else None),
            _carried("actual", last.actual if last else None),
            "    completed: null  # 完成時必填，如 113/6/28",
            "    done: null",
            _carried("delay_reason", last.delay_reason if last else None),
            _carried("countermeasure", last.countermeasure if last else None),
            _carried("suspend_reason", last.suspend_reason if last else None),
        ]
    if not owed:
        lines[-1] = "work_items: {}      # 本季無應填報的重點工作項目"
    kpi_lines = []
    for standing in listed_kpis(standings, body):
        carried = previous_kpis.get(standing.id, KpiReport()) if quarter.number != 1 else KpiReport()  # a new year starts afresh
        kpi_lines += [f'  "{standing.id}":  # {kpi_target_text(standing, _comment)}', *_kpi_fields(standing, carried), "    note: null"]
    lines += ["kpis:", *kpi_lines] if kpi_lines else ["kpis: {}"]
    lines += _budget_lines(previous_budget if quarter.number != 1 else {})  # year-to-date figures start afresh each year
    return "\n".join(lines) + "\n"


def listed_kpis(standings: Standings, body: str) -> list[KpiStanding]:
    """The KPIs status new lists for `body` (as YAML or as a workbook): those owed the quarter, and those without any
    分年目標, with their full-period target. A year without a target asks nothing."""
    return [standing for standing in standings.kpis_owned_by(body) if standing.owed or not standing.placed.kpi.yearly]


def kpi_target_text(standing: KpiStanding, shorten: Callable[[str], str]) -> str:
    """What the KPI asks, as shown beside it: the year's 分年目標 cell, or the full-period target when it has none."""
    kpi = standing.placed.kpi
    if not kpi.yearly:
        return f"全期目標：{shorten(kpi.full_target)}"
    target = kpi.yearly_target(standing.year)
    return f"{standing.year} 年目標：{shorten('；'.join(target) if isinstance(target, list) else target or '-')}"


def sub_target_text(sub: SubTargetStanding) -> str:
    """One sub-target's figure for the year, with its unit: 目標 4 處（累計）."""
    return f"目標 {sub.target.value:g} {sub.target.unit}" + ("（累計）" if sub.target.cumulative else "（當年度）")


def _kpi_fields(standing: KpiStanding, carried: KpiReport) -> list[str]:
    """What the KPI asks this year: the achievement and its evidence, the one figure, or each sub-target's figure."""
    if standing.by_achievement:
        return [f"    achieved: {_scalar(carried.achieved)}  # 必填：{ACHIEVEMENT_PLAN_WORDS}" + ("（上季）" if carried.achieved else ""),
                _carried("evidence", carried.evidence)]
    if not standing.sub_targets:  # asks nothing this year (a KPI without 分年目標): the figure toward the full-period target
        return [_carried("actual", carried.actual)]
    fields = []
    for position, sub in enumerate(standing.sub_targets):
        last = carried.figure(sub.key, first=position == 0)
        asked = sub_target_text(sub) + ("，上季" if last is not None else "")
        fields.append(f"{sub.key}: {_scalar(last)}  # {asked}")
    if len(fields) == 1:
        return ["    actual" + fields[0].removeprefix(standing.sub_targets[0].key)]
    return ["    actuals:", *(f"      {field}" for field in fields)]


def _budget_lines(carried: dict[str, BudgetReport]) -> list[str]:
    """The budget section: last quarter's figures carried forward within the year, else an example in a comment."""
    if not carried:
        return ["budget: {}           # 經費執行（選填，億元，年度累計），如：",
                '#  "1": {approved: 12.5, allocated: 6, spent: 5.1, payable: 0.3, saved: 0, note: null}']
    lines = ["budget:               # 經費執行（億元，年度累計）：核定數、累計分配數、實支數、應付未付數、賸餘數"]
    for industry, report in carried.items():
        lines += [f'  "{industry}":', *(_carried(field, getattr(report, field)) for field in BUDGET_FIGURES), "    note: null"]
    return lines


def check_agency_may_file(ctx: AuditContext, quarter: Quarter, agency_id: str) -> None:
    """A user error unless `agency_id` is registered and files under its own id in `quarter` (SC210 otherwise)."""
    if agency_id not in ctx.plan.agency_by_id:
        raise SixcoreUserError(f"未知的機關代碼「{agency_id}」，請用 plan/agencies.yaml 中的代碼 / unknown agency id {agency_id!r}")
    relative = STATUS_DIR / str(quarter) / f"{agency_id}.yaml"
    registry = ctx.plan.agencies.model if ctx.plan.agencies else None
    instead = registry.files_instead(agency_id, RocDay.from_date(quarter.first_day)) if registry else None
    if registry is not None and instead is not None:
        refused = Problem(relative, 1, 1, "SC210", Severity.ERROR, {
            "agency": agency_id, "name": registry.by_id[agency_id].name, "quarter": str(quarter), "instead": instead,
            "instead_name": registry.by_id[instead].name if instead in registry.by_id else instead})
        raise SixcoreUserError(f"{describe(refused)}；{hint(refused)} / {describe(refused, Lang.en)}")


def write_status_template(ctx: AuditContext, root: Path, quarter: Quarter, agency_id: str) -> Path:
    """Write status/<quarter>/<agency>.yaml atomically; refuse to overwrite an existing file."""
    check_agency_may_file(ctx, quarter, agency_id)
    relative = STATUS_DIR / str(quarter) / f"{agency_id}.yaml"
    target = root / relative
    if target.exists():
        raise SixcoreUserError("檔案已存在，未覆蓋；請直接編輯 / the file exists and was not overwritten; edit it instead", path=relative)
    text = render_status_template(ctx, quarter, agency_id, relative)
    write_atomically(target, text.encode(), relative)
    return relative

"""The quarterly status as a workbook: `status new --format ods|xlsx`, `status import`, `status export-sheet`.

Reading turns the workbook into the same data a status YAML file holds, and records for every data path
(("work_items", "1-1/1.1.1", "status") …) the cell it came from. That data is judged exactly as `check` judges
YAML — the same pydantic model, the same rules, over the repository's other filings — and each problem is then
moved from the data path to its cell: Problem.cell ("工作項目!G5"), with line and column holding the cell's row
and column number. What is wrong with the workbook itself (a sheet or column missing, a merged cell, a formula,
a spreadsheet date, an empty row) gets codes of its own, SC230–SC236, at the cell.
"""

from __future__ import annotations

import dataclasses
import os
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sixcore.calendar import Quarter, RocDateError, RocDay
from sixcore.errors import SixcoreUserError
from sixcore.load.loader import Loaded, problems_from_validation
from sixcore.load.marked import Mark, MarkedDocument, PathKey
from sixcore.load.status import STATUS_DIR, AuditContext, FiledStatus, _without_invalid_entries
from sixcore.model.status import ACHIEVEMENT_PLAN_WORDS, BUDGET_FIGURES, PLAN_WORDS, KpiReport, StatusFile
from sixcore.problem import Problem, Severity
from sixcore.rules import run_rules
from sixcore.sheet.grid import (
    CHOICE,
    DATE,
    LOCKED,
    NUMBER,
    SUFFIXES,
    TEXT,
    Cell,
    Column,
    Sheet,
    SheetSpec,
    Value,
    WorkbookUnreadable,
    column_letter,
    read_workbook,
    write_workbook,
)
from sixcore.standing import KpiStanding, Standings
from sixcore.template import carried_forward, kpi_target_text, listed_kpis, sub_target_text
from sixcore.writing import write_atomically

GUIDE, ITEMS, KPIS, TEXTS, BUDGET = "填寫說明", "工作項目", "KPI", "辦理情形", "經費"
CHOICES = ("完成", "進行中", "落後", "未開始", "停辦")

# 工作項目: (header, field of WorkItemReport or None for a locked column, kind, width in CJK characters)
ITEM_COLUMNS: list[tuple[str, str | None, str, int]] = [
    ("編號", None, LOCKED, 9), ("措施", None, LOCKED, 12), ("事項", None, LOCKED, 12), ("工作項目", None, LOCKED, 24),
    ("期程", None, LOCKED, 9), ("上季狀態", None, LOCKED, 5),
    ("狀態", "status", CHOICE, 5), ("預定進度%", "planned", NUMBER, 5), ("實際進度%", "actual", NUMBER, 5),
    ("完成日期", "completed", DATE, 7), ("本季辦理情形", "done", TEXT, 20), ("落後原因", "delay_reason", TEXT, 14),
    ("因應對策", "countermeasure", TEXT, 14), ("停辦原因", "suspend_reason", TEXT, 12), ("備註", "note", TEXT, 12),
]
ITEM_FIELDS = ("status", "planned", "actual", "completed", "done", "delay_reason", "countermeasure", "suspend_reason")  # as the YAML template lists them
CARRIED_FIELDS = ("planned", "actual", "delay_reason", "countermeasure", "suspend_reason")
# KPI: one row per thing a KPI asks the year, as the YAML template asks it; 填報項目 says which. A KPI with several
# sub-targets gets a row per sub-target, not a column per figure: each figure's unit and target sit beside the cell it
# goes in, and the sheet keeps one set of headers however many sub-targets a KPI has.
KPI_COLUMNS: list[tuple[str, str | None, str, int]] = [
    ("編號", None, LOCKED, 6), ("指標", None, LOCKED, 24), ("年度目標", None, LOCKED, 16), ("填報項目", None, LOCKED, 6),
    ("實際值", "actual", NUMBER, 7), ("達成情形", "achieved", CHOICE, 6), ("佐證", "evidence", TEXT, 16), ("說明", "note", TEXT, 20)]
ACTUAL, ACHIEVED = "實際值", "達成情形"  # 填報項目 of a KPI's one figure, and of its achievement; a sub-target's is its key (案1)
ACHIEVEMENTS = ("達成", "部分達成", "未達成")
BUDGET_COLUMNS: list[tuple[str, str | None, str, int]] = [
    ("產業", None, TEXT, 4), ("核定數", "approved", NUMBER, 6), ("累計分配數", "allocated", NUMBER, 6), ("實支數", "spent", NUMBER, 6),
    ("應付未付數", "payable", NUMBER, 6), ("賸餘數", "saved", NUMBER, 6), ("說明", "note", TEXT, 24)]
# 辦理情形: label in column A, answer in column B
TEXT_ROWS: list[tuple[str, str, str]] = [
    ("季別", "quarter", LOCKED), ("機關代碼", "agency", LOCKED), ("填報日期", "reported", DATE), ("聯絡人", "contact", TEXT),
    ("辦理情形", "summary", TEXT), ("重要執行亮點", "highlights", TEXT), ("下一季重點工作", "next_quarter", TEXT)]
LISTS = ("highlights", "next_quarter")

GUIDE_LINES = """\
{programme} 季度填報（管考表）— {quarter_zh}（{quarter}）— {agency_name}（{agency}）

本活頁簿是填報檔的試算表版本，可用 Excel 或 LibreOffice Calc 填寫。填好後交由資訊同仁執行：
    sixcore status import {path}
轉成 status/{quarter}/{agency}.yaml 並檢查；有錯誤時會指出工作表與儲存格（例如 工作項目!G5）。

怎麼填：
1.「工作項目」工作表：每列是貴機關本季應填報的一個重點工作項目。灰底欄（編號、措施、事項、工作項目、期程、上季狀態）不可修改。
2.「狀態」欄必填，請從下拉選單選：完成、進行中、落後、未開始、停辦。未填狀態視同未填報。
   ・完成：須填「完成日期」。
   ・落後：須填「落後原因」與「因應對策」。
   ・停辦：須填「停辦原因」；停辦期間免填報。
3.「預定進度%」「實際進度%」填累計百分比的數字，例如 50（0 到 100）。
4. 日期一律填民國年文字，例如 113/9/30（不要用西元年，也不要讓試算表改成日期格式；已設為文字格式）。
5. 黃底的數值是上一季填報的內容，請逐項確認，必要時修改。
6.「KPI」工作表每列是 KPI 本年度要填的一項，「填報項目」欄說明填什麼：
   ・實際值：填當年度實際值（目標註明「累計」者填至本季之累計值）。
   ・子目標（單位，如 處、案1）：分年目標有多項數值者，每項一列，依同列「年目標」欄的目標填該項實際值。
   ・達成情形：分年目標無數值（里程碑）者，從下拉選單選 達成、部分達成、未達成；選「達成」須填「佐證」。
   「說明」填在該 KPI 的第一列（未達目標時請說明原因及因應）。灰底的格不需填寫。
7.「辦理情形」工作表填填報日期、辦理情形、重要執行亮點、下一季重點工作（每點一行，同一格內換行：Excel 按 Alt+Enter，Calc 按 Ctrl+Enter）。
8.「經費」工作表依產業編號（{industries}）各填一列，年度累計、單位億元；執行率偏低或數字異常時請於「說明」欄說明。
9. 請勿新增、刪除或搬移工作表與欄位，不要合併儲存格、不要輸入公式、列與列之間不要留空白列。
"""


def _normal(text: object) -> str:
    """A header or label as compared: full-width folded, spaces, brackets and % dropped (預定進度 (%) = 預定進度%)."""
    folded = unicodedata.normalize("NFKC", str(text))
    return "".join(char for char in folded if not char.isspace() and char not in "()%[]【】")


# ── writing ────────────────────────────────────────────────────────────────────────────────────────────────────


def _plain(value: Any) -> Value:
    """A YAML value as a cell holds it: numbers as numbers (60, not 60.0), everything else as text."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value).lower()
    if isinstance(value, (int, float, Decimal)):
        number = float(value)
        return int(number) if number.is_integer() else number
    if isinstance(value, list):
        return "\n".join(str(each) for each in value) or None
    return str(value)


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def workbook_specs(ctx: AuditContext, quarter: Quarter, agency_id: str, path: Path, answers: dict[str, Any] | None = None) -> list[SheetSpec]:
    """The sheets for `agency_id`'s filing of `quarter`.

    Without `answers` (status new), last quarter's values are carried forward and shaded, as the YAML template marks them
    `# 上季`; with `answers` (the raw data of a status file, for export-sheet) the cells hold those answers as written.
    """
    body = ctx.body(agency_id)
    previous, previous_kpis, previous_budget = carried_forward(ctx, quarter, body)
    registry = ctx.plan.agency_by_id
    programme = Standings.of(ctx, quarter).programme.name.zh
    industries = "、".join(str(loaded.model.industry) for loaded in ctx.plan.industries)
    guide = GUIDE_LINES.format(programme=programme, industries=industries, quarter=quarter, quarter_zh=quarter.label_zh, agency=agency_id,
                               agency_name=registry[agency_id].name if agency_id in registry else agency_id, path=path.as_posix())
    specs = [SheetSpec(GUIDE, [Column("說明", 60, LOCKED)], [[line] for line in guide.splitlines()])]

    given = answers or {}
    given_items = _mapping(given.get("work_items"))
    items = SheetSpec(ITEMS, [Column(header, width, kind) for header, _, kind, width in ITEM_COLUMNS], choices=CHOICES,
                      choice_message=f"請選 {PLAN_WORDS} 其中之一")
    owed = [placed.id for placed in Standings.of(ctx, quarter).owed_by(body)]
    ids = owed + [str(key) for key in given_items if str(key) not in owed] if answers is not None else owed
    for item_id in ids:
        placed = ctx.plan.work_item_by_id.get(item_id)
        last = previous.get(item_id)
        row: list[Value] = [
            item_id,
            f"{placed.measure.id} {placed.measure.title}" if placed else None,
            f"{placed.item.number}. {placed.item.title}" if placed else None,
            _short(placed.work_item.text, 200) if placed else None,
            "、".join(phase.printed or str(phase.span) for phase in placed.work_item.schedule) if placed else None,
            last.state if last else None,
        ]
        entry = given_items.get(item_id) if answers is not None else None
        for header, name, _, _ in ITEM_COLUMNS[6:]:
            assert name is not None, header
            if answers is not None:
                row.append(_plain(entry.get(name)) if isinstance(entry, dict) else None)
            elif last is not None and name in CARRIED_FIELDS and getattr(last, name) is not None:
                items.carried.add((len(items.rows), len(row)))
                row.append(_plain(getattr(last, name)))
            else:
                row.append(None)
        items.rows.append(row)
    specs.append(items)

    specs.append(_kpi_sheet(Standings.of(ctx, quarter), body, previous_kpis if quarter.number != 1 else {},  # a new year starts afresh
                            _mapping(given.get("kpis")) if answers is not None else None))

    texts = SheetSpec(TEXTS, [Column("項目", 8, LOCKED), Column("填寫內容", 50, TEXT)])
    for label, name, _ in TEXT_ROWS:
        value: Value = str(quarter) if name == "quarter" else agency_id if name == "agency" else _plain(given.get(name)) if answers is not None else None
        texts.rows.append([label, value])
    specs.append(texts)

    budget = SheetSpec(BUDGET, [Column(header, width, kind) for header, _, kind, width in BUDGET_COLUMNS], protect=False, spare_rows=6)
    given_budget = _mapping(given.get("budget"))
    rows_budget = given_budget if answers is not None else {key: report.model_dump() for key, report in previous_budget.items()} if quarter.number != 1 else {}
    for industry, entry in rows_budget.items():
        row = [str(industry)]
        for _, name, _, _ in BUDGET_COLUMNS[1:]:
            if answers is None and name in BUDGET_FIGURES and isinstance(entry, dict) and entry.get(name) is not None:
                budget.carried.add((len(budget.rows), len(row)))
            row.append(_plain(entry.get(name)) if isinstance(entry, dict) and (answers is not None or name != "note") else None)
        budget.rows.append(row)
    specs.append(budget)
    return specs


def _asked_rows(standing: KpiStanding) -> list[tuple[str, str]]:
    """(填報項目, target shown) of each row the KPI asks this year, as the YAML template asks it: the achievement, the one
    figure, or a figure per sub-target."""
    if standing.by_achievement:  # the year's cell under the header that names the year
        return [(ACHIEVED, kpi_target_text(standing, _short).removeprefix(f"{standing.year} 年目標："))]
    if not standing.sub_targets:  # no 分年目標 at all: the figure toward the full-period target
        return [(ACTUAL, kpi_target_text(standing, _short))]
    if len(standing.sub_targets) == 1:
        return [(ACTUAL, sub_target_text(standing.sub_targets[0]))]
    return [(sub.key, sub_target_text(sub)) for sub in standing.sub_targets]


def _given_rows(entry: dict[Any, Any], asked: list[str]) -> list[str]:
    """填報項目 of what a filed entry holds beyond the rows the plan asks, so that export-sheet loses none of it."""
    extra = [ACTUAL] if entry.get("actual") is not None else []
    extra += [str(key) for key in _mapping(entry.get("actuals"))]
    extra += [ACHIEVED] if entry.get("achieved") is not None or entry.get("evidence") is not None else []
    return [item for item in extra if item not in asked]


def _filed_cells(item: str, entry: dict[Any, Any]) -> list[Any]:
    """[實際值, 達成情形, 佐證] of the row `item`, from a KPI's entry as filed."""
    if item == ACHIEVED:
        return [None, entry.get("achieved"), entry.get("evidence")]
    return [entry.get("actual") if item == ACTUAL else _mapping(entry.get("actuals")).get(item), None, None]


def _carried_cells(standing: KpiStanding, item: str, position: int, carried: KpiReport) -> list[Any]:
    """[實際值, 達成情形, 佐證] of the row `item` carried from last quarter, as the YAML template carries them."""
    if item == ACHIEVED:
        return [None, carried.achieved, carried.evidence]
    if not standing.sub_targets:
        return [carried.actual, None, None]
    return [carried.figure(standing.sub_targets[position].key, first=position == 0), None, None]


def _kpi_sheet(standings: Standings, body: str, previous: dict[str, KpiReport], given: dict[Any, Any] | None) -> SheetSpec:
    """The KPI sheet: the KPIs the YAML template lists, a row for each thing one asks. Without `given` (status new)
    last quarter's answers are carried forward; with it (export-sheet) the rows hold the filed answers, and any KPI or
    figure filed beyond what the plan asks gets a row of its own."""
    headers = [f"{standings.quarter.year} 年目標" if header == "年度目標" else header for header, _, _, _ in KPI_COLUMNS]
    sheet = SheetSpec(KPIS, [Column(header, width, kind) for header, (_, _, kind, width) in zip(headers, KPI_COLUMNS, strict=True)],
                      choices=ACHIEVEMENTS, choice_title=ACHIEVED, choice_message=f"請選 {ACHIEVEMENT_PLAN_WORDS} 其中之一")
    listed = {standing.id: standing for standing in listed_kpis(standings, body)}
    ids = [*listed, *(str(key) for key in given or {} if str(key) not in listed)]
    answers = headers.index(ACTUAL)  # 實際值, 達成情形, 佐證, 說明 follow one another
    for kpi_id in ids:
        standing = listed.get(kpi_id)
        placed = standing.placed if standing else standings.ctx.plan.kpi_by_id.get(kpi_id)
        rows = _asked_rows(standing) if standing else []
        entry = _mapping(given.get(kpi_id)) if given is not None else {}
        if given is not None:
            rows += [(item, "") for item in _given_rows(entry, [item for item, _ in rows])]
            rows = rows or [(ACTUAL, "")]  # a KPI filed with a 說明 alone
        for position, (item, target) in enumerate(rows):
            if given is not None or standing is None:
                cells = _filed_cells(item, entry)
            else:
                cells = _carried_cells(standing, item, position, previous.get(kpi_id, KpiReport()))
            note = entry.get("note") if position == 0 else None  # a KPI's 說明 on its first row; status new asks it afresh
            here = len(sheet.rows)
            figure_row = item != ACHIEVED
            for offset, (value, asked) in enumerate(zip([*cells, note], [figure_row, not figure_row, not figure_row, position == 0], strict=True)):
                if not asked:
                    sheet.locked.add((here, answers + offset))
                elif value is not None and given is None:
                    sheet.carried.add((here, answers + offset))
            sheet.rows.append([kpi_id, _short(placed.kpi.full_target, 120) if placed else None, target or None, item, *map(_plain, [*cells, note])])
    return sheet


def write_status_workbook(ctx: AuditContext, root: Path, quarter: Quarter, agency_id: str, suffix: str) -> Path:
    """status new --format ods|xlsx: status/<quarter>/<agency>.<suffix>, never overwriting."""
    from sixcore.template import check_agency_may_file

    check_agency_may_file(ctx, quarter, agency_id)
    relative = STATUS_DIR / str(quarter) / f"{agency_id}{suffix}"
    target = root / relative
    filed = relative.with_suffix(".yaml")
    if (root / filed).exists():
        raise SixcoreUserError(f"已有填報檔 {filed.as_posix()}；要以試算表修改它，請執行 sixcore status export-sheet {filed.as_posix()} --format {suffix[1:]}"
                               f" / {filed.as_posix()} is already filed; to edit it as a workbook run sixcore status export-sheet {filed.as_posix()}", path=relative)
    if target.exists():
        raise SixcoreUserError("檔案已存在，未覆蓋 / the file exists and was not overwritten", path=relative)
    write_atomically(target, write_workbook(target, workbook_specs(ctx, quarter, agency_id, relative)), relative, force=False)
    return relative


def export_status_workbook(ctx: AuditContext, root: Path, source: Path, suffix: str, force: bool = False) -> Path:
    """export-sheet: an existing status YAML file as a workbook beside it, holding its answers as written."""
    wanted = source.resolve()
    filed = next((status for status in ctx.statuses if status.loaded.document.path.resolve() == wanted), None)
    if filed is None:
        raise SixcoreUserError("不是可讀取的填報檔（須位於 status/<季別>/<機關代碼>.yaml，且通過 YAML 語法檢查；請先執行 sixcore check）"
                               " / not a loadable status file (status/<quarter>/<agency>.yaml without syntax errors; run sixcore check)", path=source)
    data = filed.loaded.document.data
    target = source.with_suffix(suffix)
    shown = Path(os.path.relpath(target, Path.cwd())) if target.is_absolute() else target
    specs = workbook_specs(ctx, filed.quarter, filed.file_agency, shown, answers=data if isinstance(data, dict) else {})
    write_atomically(target, write_workbook(target, specs), shown, force=force)
    return shown


# ── reading ────────────────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class CellRef:
    sheet: str
    row: int
    column: int

    @property
    def name(self) -> str:
        return f"{self.sheet}!{column_letter(self.column)}{self.row}"


@dataclass
class Reading:
    """A workbook read as status data: the data, the cell of every data path, and what is wrong with the workbook itself."""

    path: Path
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[PathKey, CellRef] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, at: CellRef, code: str, severity: Severity = Severity.ERROR, **params: Any) -> None:
        self.problems.append(Problem(self.path, at.row, at.column, code, severity, {"sheet": at.sheet, **params}, cell=at.name))

    @property
    def readable(self) -> bool:
        """No error in the workbook itself: its data says what the agency meant."""
        return not any(problem.severity is Severity.ERROR for problem in self.problems)


def _value(reading: Reading, cell: Cell, at: CellRef, kind: str) -> Any:
    """A cell's answer as YAML would hold it; problems for a merged cell, a formula, a spreadsheet date."""
    if cell.merged:
        reading.problem(at, "SC233")
    if cell.formula:
        reading.problem(at, "SC234", formula=str(cell.value or ""))
        return None
    if cell.date is not None:
        roc = RocDay.from_date(cell.date) if cell.date.year > 1911 else None
        reading.problem(at, "SC235", Severity.WARNING if roc else Severity.ERROR, date=cell.date.isoformat(), roc=str(roc) if roc else "113/9/30")
        return str(roc) if roc else None
    value = cell.value
    if value is None:
        return None
    if isinstance(value, float):
        if kind == NUMBER:
            return int(value) if value.is_integer() else value
        return str(int(value)) if value.is_integer() else str(value)  # 1130930 in a date column, 100 in a text column
    text = value.strip()
    return text or None


def _sheet(reading: Reading, sheets: dict[str, Sheet], name: str) -> Sheet | None:
    found = next((sheet for key, sheet in sheets.items() if _normal(key) == _normal(name)), None)
    if found is None:
        reading.problems.append(Problem(reading.path, 1, 1, "SC231", Severity.ERROR, {"sheet": name, "found": "、".join(sheets) or "-"}, cell=f"{name}!A1"))
    return found


def _columns(reading: Reading, sheet: Sheet, wanted: list[tuple[str, str | None, str, int]]) -> dict[str, int] | None:
    """The column number of each wanted header, found by its text in row 1 wherever it was moved."""
    headers = {_normal(cell.value): index for index, cell in enumerate(sheet.rows[0] if sheet.rows else [], start=1) if isinstance(cell.value, str)}
    found = {}
    for header, _, _, _ in wanted:
        key = _normal(header)
        index = headers.get(key) or next((i for text, i in headers.items() if text.endswith("年目標") and key == "年度目標"), None)
        if index is None:
            reading.problems.append(Problem(reading.path, 1, 1, "SC232", Severity.ERROR, {"sheet": sheet.name, "column": header}, cell=f"{sheet.name}!1:1"))
        else:
            found[header] = index
    return found if len(found) == len(wanted) else None


def _rows(reading: Reading, sheet: Sheet, key_column: int, used: list[int]) -> list[tuple[int, str]]:
    """(row number, key) of every filled row below the header; a problem at an empty row between filled ones, and at a
    row filled without its key (編號, 產業)."""
    found: list[tuple[int, str]] = []
    gap: int | None = None
    for number in range(2, len(sheet.rows) + 1):
        cells = [sheet.cell(number, column) for column in used]
        if all(cell.empty and not cell.merged for cell in cells):
            gap = gap or number
            continue
        if gap is not None:
            reading.problem(CellRef(sheet.name, gap, 1), "SC236", what="empty")
            gap = None
        key = _value(reading, sheet.cell(number, key_column), CellRef(sheet.name, number, key_column), TEXT)
        if key is None:
            reading.problem(CellRef(sheet.name, number, key_column), "SC236", what="key")
            continue
        found.append((number, str(key)))
    return found


def _table(reading: Reading, sheet: Sheet, columns: list[tuple[str, str | None, str, int]], section: str,
           always: tuple[str, ...]) -> None:
    where = _columns(reading, sheet, columns)
    if where is None:
        return
    key_column = where[columns[0][0]]
    entries: dict[str, Any] = {}
    reading.data[section] = entries
    reading.cells[(section,)] = CellRef(sheet.name, 1, key_column)
    first: dict[str, int] = {}
    for number, key in _rows(reading, sheet, key_column, list(where.values())):
        at = CellRef(sheet.name, number, key_column)
        if key in entries:
            reading.problem(at, "SC002", key=key, first_line=first[key])
            continue
        first[key] = number
        entry: dict[str, Any] = {}
        reading.cells[(section, key)] = at
        for header, name, kind, _ in columns:
            if name is None:
                continue
            cell_at = CellRef(sheet.name, number, where[header])
            value = _value(reading, sheet.cell(number, where[header]), cell_at, kind)
            if value is not None or name in always:
                entry[name] = value
            reading.cells[(section, key, name)] = cell_at
        entries[key] = entry


def _kpi_table(reading: Reading, sheet: Sheet) -> None:
    """The KPI sheet as the YAML template holds it: each row fills in what its 填報項目 names (actual, a sub-target's
    figure under actuals, or achieved and evidence); a KPI's note is on its first row. A value in a cell its row does
    not ask (shaded, so only typed in after lifting the protection) is a problem, never silently dropped or guessed at."""
    where = _columns(reading, sheet, KPI_COLUMNS)
    if where is None:
        return
    key_column = where["編號"]
    entries: dict[str, dict[str, Any]] = {}
    reading.data["kpis"] = entries
    reading.cells[("kpis",)] = CellRef(sheet.name, 1, key_column)
    first: dict[tuple[str, str], int] = {}
    for number, kpi_id in _rows(reading, sheet, key_column, list(where.values())):
        cells = {header: CellRef(sheet.name, number, where[header]) for header, _, _, _ in KPI_COLUMNS}
        values = {header: _value(reading, sheet.cell(number, where[header]), cells[header], kind)
                  for header, name, kind, _ in KPI_COLUMNS if name is not None or header == "填報項目"}
        item = str(values["填報項目"] or ACTUAL)
        if (kpi_id, item) in first:
            reading.problem(cells["編號"], "SC002", key=f"{kpi_id} {item}", first_line=first[(kpi_id, item)])
            continue
        first[(kpi_id, item)] = number
        opening = kpi_id not in entries
        entry = entries.setdefault(kpi_id, {})
        asked = ["達成情形", "佐證"] if item == ACHIEVED else ["實際值"]
        reading.cells.setdefault(("kpis", kpi_id), cells[asked[0]])  # a KPI left out: the cell to fill
        for header, name, _, _ in KPI_COLUMNS[4:]:
            assert name is not None, header
            value, at = values[header], cells[header]
            if header in asked:
                path: PathKey = ("kpis", kpi_id, name)
                if item not in (ACTUAL, ACHIEVED):
                    entry.setdefault("actuals", {})[item] = value
                    reading.cells.setdefault(("kpis", kpi_id, "actuals"), at)
                    path = ("kpis", kpi_id, "actuals", item)
                else:
                    entry[name] = value
                reading.cells[path] = at
            elif name == "note" and opening:
                reading.cells[("kpis", kpi_id, "note")] = at
                entry["note"] = value
            elif value is not None:
                reading.problem(at, "SC237", item=item, column=header)
    for entry in entries.values():  # note last, as the template writes it
        entry["note"] = entry.pop("note", None)


def _texts(reading: Reading, sheet: Sheet) -> None:
    labels = {_normal(row[0].value): number for number, row in enumerate(sheet.rows, start=1) if row and isinstance(row[0].value, str)}
    for label, name, kind in TEXT_ROWS:
        number = labels.get(_normal(label))
        if number is None:
            reading.problems.append(Problem(reading.path, 1, 1, "SC232", Severity.ERROR, {"sheet": sheet.name, "column": label}, cell=f"{sheet.name}!A:A"))
            continue
        at = CellRef(sheet.name, number, 2)
        value = _value(reading, sheet.cell(number, 2), at, kind)
        reading.cells[(name,)] = at
        if name in LISTS:
            points = [line.strip().lstrip("-•・●*＊－").strip() for line in str(value or "").splitlines()]
            reading.data[name] = [point for point in points if point]
            for index in range(len(reading.data[name])):
                reading.cells[(name, index)] = at
        else:
            reading.data[name] = value


def read_status_workbook(path: Path) -> Reading:
    """The workbook at `path` as status data, in the order of the YAML template's keys."""
    reading = Reading(path)
    try:
        sheets = {sheet.name: sheet for sheet in read_workbook(path)}
    except WorkbookUnreadable as error:
        reading.problems.append(Problem(path, 1, 1, "SC230", Severity.ERROR, {"reason": error.reason, "detail": error.detail}, cell=""))
        return reading
    reading.cells[()] = CellRef(TEXTS, 1, 1)
    texts = _sheet(reading, sheets, TEXTS)
    if texts is not None:
        _texts(reading, texts)
    items = _sheet(reading, sheets, ITEMS)
    if items is not None:
        _table(reading, items, ITEM_COLUMNS, "work_items", ITEM_FIELDS)
    kpis = _sheet(reading, sheets, KPIS)
    if kpis is not None:
        _kpi_table(reading, kpis)
    budget = _sheet(reading, sheets, BUDGET)
    if budget is not None:
        _table(reading, budget, BUDGET_COLUMNS, "budget", (*BUDGET_FIGURES, "note"))
    order = ("quarter", "agency", "reported", "contact", "summary", "highlights", "next_quarter", "work_items", "kpis", "budget")
    reading.data = {key: reading.data[key] for key in order if key in reading.data}
    return reading


# ── judging ────────────────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Imported:
    """The outcome of judging a workbook: where its YAML goes, the YAML text, every problem at its cell."""

    target: Path  # the status YAML file, under the root
    text: str | None  # None when the workbook itself could not be read faithfully
    problems: list[Problem]

    @property
    def failed(self) -> bool:
        return any(problem.severity is Severity.ERROR for problem in self.problems)


def yaml_text(data: dict[str, Any], source: str) -> str:
    header = ("# yaml-language-server: $schema=../../schema/status.schema.json\n"
              f"# 由 {source} 匯入（sixcore status import）；之後請修改試算表再匯入，或直接編輯本檔。\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _target(root: Path, path: Path, data: dict[str, Any]) -> tuple[Path, Quarter | None, str]:
    """The YAML file the workbook becomes: beside it when it is in status/<quarter>/, else where its quarter and agency say."""
    try:
        folder = Quarter.parse(path.resolve().parent.name)
        if path.resolve().parent.parent == (root / STATUS_DIR).resolve():
            return path.with_suffix(".yaml"), folder, path.stem
    except RocDateError:
        pass
    try:
        quarter = Quarter.parse(str(data.get("quarter")))
    except RocDateError:
        raise SixcoreUserError("無法判斷季別：請將試算表放在 status/<季別>/ 下再匯入 / cannot tell the quarter: put the workbook in status/<quarter>/", path=path) from None
    agency = str(data.get("agency") or path.stem)
    return root / STATUS_DIR / str(quarter) / f"{agency}.yaml", quarter, agency


def judge_workbook(ctx: AuditContext, root: Path, path: Path) -> Imported:
    """Read and judge the workbook at `path` as `check` would judge its YAML among the repository's filings."""
    if path.suffix.lower() not in SUFFIXES:
        raise SixcoreUserError("只能匯入 .ods 或 .xlsx 試算表 / only .ods and .xlsx workbooks can be imported", path=path)
    if not path.is_file():
        raise SixcoreUserError("找不到檔案 / no such file", path=path)
    reading = read_status_workbook(path)
    if not reading.data or "quarter" not in reading.data:
        return Imported(path.with_suffix(".yaml"), None, _ordered(reading.problems))
    target, quarter, agency = _target(root, path, reading.data)
    refs = [reading.cells[()], *(ref for key, ref in reading.cells.items() if key != ())]
    keys = [(), *(key for key in reading.cells if key != ())]
    marks = {key: Mark(index + 1, 1) for index, key in enumerate(keys)}
    document = MarkedDocument(path, reading.data, values=dict(marks), keys=dict(marks))
    problems: list[Problem] = []
    model: StatusFile | None = None
    try:
        model = StatusFile.model_validate(reading.data)
    except ValidationError as error:
        problems += problems_from_validation(error, document)
        try:
            model = StatusFile.model_validate(_without_invalid_entries(reading.data, error))
        except ValidationError:
            model = None
    if model is not None and quarter is not None:
        wanted = target.resolve()
        ctx.statuses = [status for status in ctx.statuses if status.loaded.document.path.resolve() != wanted]
        ctx.statuses.append(FiledStatus(Loaded(document, model), quarter, agency))
        ctx.judged.clear()
        if ctx.as_of is None or ctx.as_of < quarter:
            ctx.as_of = quarter
        problems += [problem for problem in run_rules(ctx) if problem.path == path]
    placed = [_relocate(problem, refs) for problem in problems]
    text = yaml_text(reading.data, path.name) if reading.readable else None
    return Imported(target, text, _ordered(reading.problems + placed))


def _relocate(problem: Problem, refs: list[CellRef]) -> Problem:
    """A problem found in the data, moved to the cell its data path came from."""
    ref = refs[problem.line - 1] if 0 < problem.line <= len(refs) else refs[0]
    return dataclasses.replace(problem, line=ref.row, column=ref.column, cell=ref.name)


_SHEET_ORDER = {name: index for index, name in enumerate((TEXTS, ITEMS, KPIS, BUDGET))}


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (_SHEET_ORDER.get(str(p.params.get("sheet") or (p.cell or "").partition("!")[0]), 9),
                                           (p.cell or "").partition("!")[0], p.line, p.column, p.code))


def import_workbook(ctx: AuditContext, root: Path, path: Path, force: bool = False) -> tuple[Imported, bool]:
    """status import: judge the workbook; without errors, write its YAML atomically.

    Returns the outcome and whether the file was written (False: an identical file was already there, or errors)."""
    imported = judge_workbook(ctx, root, path)
    if imported.failed or imported.text is None:
        return imported, False
    relative = Path(os.path.relpath(imported.target, root))
    return imported, write_atomically(imported.target, imported.text.encode("utf-8"), relative, force)

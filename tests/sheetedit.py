"""Filling a status workbook as a clerk would, for the tests: by sheet, header text and row, in .ods or .xlsx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sixcore.sheet.grid import column_letter, read_workbook


def find(path: Path, sheet: str, header: str, key: str | None = None, item: str | None = None) -> tuple[int, int]:
    """(row, column) of `header`'s column in the row whose first cell is `key` (row 1 when None) and, on the KPI sheet,
    whose 填報項目 is `item` (實際值, 達成情形, a sub-target's key); in 辦理情形, the label's row."""
    found = next(each for each in read_workbook(path) if each.name == sheet)
    if sheet == "辦理情形":
        return next(number for number, row in enumerate(found.rows, start=1) if row and row[0].value == header), 2
    headers = [cell.value for cell in found.rows[0]]
    column = headers.index(header) + 1
    if key is None:
        return 1, column
    return next(number for number, row in enumerate(found.rows, start=1)
                if row and row[0].value == key and (item is None or found.cell(number, headers.index("填報項目") + 1).value == item)), column


def edit(path: Path, sheet: str, row: int, column: int, value: Any = None, *, formula: str | None = None, merge: bool = False,
         percent: bool = False) -> None:
    """Set one cell: text, a number, a date (dt.date), a formula; or merge it with the cell on its right. With `percent`,
    a number is stored as a spreadsheet stores 50% typed in: 0.5, formatted as a percentage."""
    if path.suffix == ".xlsx":
        _edit_xlsx(path, sheet, row, column, value, formula, merge, percent)
    else:
        _edit_ods(path, sheet, row, column, value, formula, merge, percent)


def _edit_xlsx(path: Path, sheet: str, row: int, column: int, value: Any, formula: str | None, merge: bool, percent: bool) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    worksheet = workbook[sheet]
    cell = worksheet.cell(row=row, column=column)
    cell.value = formula if formula else value
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    if percent:
        cell.value, cell.number_format = value / 100, "0%"
    if merge:
        worksheet.merge_cells(f"{column_letter(column)}{row}:{column_letter(column + 1)}{row}")
    workbook.save(path)


def _edit_ods(path: Path, sheet: str, row: int, column: int, value: Any, formula: str | None, merge: bool, percent: bool) -> None:
    from odf.opendocument import load
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = load(str(path))
    table = next(each for each in document.spreadsheet.getElementsByType(Table) if each.getAttribute("name") == sheet)
    rows = table.getElementsByType(TableRow)
    while len(rows) < row:
        table.addElement(TableRow())
        rows = table.getElementsByType(TableRow)
    target_row = rows[row - 1]
    cells = [node for node in target_row.childNodes if node.qname[1] in ("table-cell", "covered-table-cell")]
    while len(cells) < column + 1:
        target_row.addElement(TableCell())
        cells = [node for node in target_row.childNodes if node.qname[1] in ("table-cell", "covered-table-cell")]
    old = cells[column - 1]
    cell = TableCell(stylename=old.getAttribute("stylename")) if old.getAttribute("stylename") else TableCell()
    if formula:
        cell = TableCell(valuetype="float", value="2", formula="of:" + formula)
        cell.addElement(P(text="2"))
    elif isinstance(value, dt.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=value.isoformat()))
    elif isinstance(value, (int, float)):
        cell = TableCell(valuetype="percentage" if percent else "float", value=str(value / 100 if percent else value))
        cell.addElement(P(text=str(value)))
    elif value is not None:
        cell = TableCell(valuetype="string")
        for line in str(value).split("\n"):
            cell.addElement(P(text=line))
    if merge:
        cell.setAttribute("numbercolumnsspanned", "2")
        target_row.insertBefore(CoveredTableCell(), cells[column])
        target_row.removeChild(cells[column])
    target_row.insertBefore(cell, old)
    target_row.removeChild(old)
    document.save(str(path))


def fill(path: Path, answers: dict[tuple[str, ...], Any]) -> None:
    """Every (sheet, header, row key[, 填報項目]) → value, as typed into the cells."""
    for (sheet, header, key, *item), value in answers.items():
        row, column = find(path, sheet, header, key, *item)
        edit(path, sheet, row, column, value)

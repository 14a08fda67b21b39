"""Workbooks as plain grids: what sixcore writes (SheetSpec) and what it reads back (Sheet of Cells), for .ods and .xlsx.

Both formats meet the rest of sixcore only here: the filing logic (sixcore.sheet.filing) sees neither odfpy nor openpyxl.
A workbook that cannot be read at all raises WorkbookUnreadable with a reason key (corrupt, encrypted, format, large).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tempfile
import warnings
import xml.sax
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

SUFFIXES = (".ods", ".xlsx")
# hostile or runaway workbooks: LibreOffice stores a million repeated empty rows in one element; never expand them
MAX_ROWS = 5000
MAX_COLUMNS = 64
# a status workbook is some tens of kilobytes: refuse a file, or a zip that unpacks to more, before parsing it
MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx, or an old binary .xls


class WorkbookUnreadable(Exception):
    """The file is no workbook sixcore can read; `reason` is corrupt, encrypted, format or large."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Cell:
    """One cell as read: text or a number (None when empty), and what makes it unusable as typed."""

    value: str | float | None = None
    formula: bool = False
    date: dt.date | None = None  # typed as a spreadsheet date rather than text
    merged: bool = False  # part of a merged range

    @property
    def empty(self) -> bool:
        return self.value is None and self.date is None and not self.formula


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]  # rows[0] is row 1

    def cell(self, row: int, column: int) -> Cell:
        """1-based; an empty Cell outside what is stored."""
        if 0 < row <= len(self.rows) and 0 < column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return Cell()


def column_letter(column: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# ── writing ────────────────────────────────────────────────────────────────────────────────────────────────────

LOCKED, TEXT, NUMBER, CHOICE, DATE = "locked", "text", "number", "choice", "date"


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # in CJK characters
    kind: str = TEXT  # locked: shaded and protected; choice: a drop-down of `choices`; date: text typed as 113/9/30


Value = str | int | float | None


@dataclass
class SheetSpec:
    name: str
    columns: list[Column]
    rows: list[list[Value]] = field(default_factory=list)
    carried: set[tuple[int, int]] = field(default_factory=set)  # (row index, column index) of values carried from last quarter
    locked: set[tuple[int, int]] = field(default_factory=set)  # (row index, column index) of cells locked in an open column: not asked on that row
    choices: tuple[str, ...] = ()
    choice_title: str = "狀態"
    choice_message: str = ""
    protect: bool = True
    spare_rows: int = 0  # empty editable rows after the data, for rows the agency adds

    def all_rows(self) -> list[list[Value]]:
        spare: list[Value] = [None] * len(self.columns)
        return [*self.rows, *([list(spare) for _ in range(self.spare_rows)])]


_LOCKED_FILL, _CARRIED_FILL, _HEADER_FILL = "#e7e6e6", "#fff2cc", "#d9e1f2"


def write_workbook(path: Path, sheets: list[SheetSpec]) -> bytes:
    """The workbook's bytes, in the format `path`'s suffix names."""
    return _write_xlsx(sheets) if path.suffix.lower() == ".xlsx" else _write_ods(sheets)


def _write_ods(sheets: list[SheetSpec]) -> bytes:
    from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemMapNamed, ConfigItemSet
    from odf.number import TextContent, TextStyle
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import ContentValidation, ContentValidations, ErrorMessage, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    from sixcore.render.report_ods import _with_fixed_times

    document = OpenDocumentSpreadsheet()
    as_text = TextStyle(name="as-text")
    as_text.addElement(TextContent())
    document.automaticstyles.addElement(as_text)

    def cell_style(name: str, fill: str | None, protect: bool, bold: bool = False, text: bool = False) -> Style:
        style = Style(name=name, family="table-cell", **({"datastylename": "as-text"} if text else {}))
        properties = {"cellprotect": "protected" if protect else "none", "wrapoption": "wrap", "verticalalign": "top"}
        style.addElement(TableCellProperties(backgroundcolor=fill, **properties) if fill else TableCellProperties(**properties))
        if bold:
            style.addElement(TextProperties(fontweight="bold"))
            style.addElement(ParagraphProperties(textalign="center"))
        document.automaticstyles.addElement(style)
        return style

    header = cell_style("header", _HEADER_FILL, True, bold=True)
    locked = cell_style("locked", _LOCKED_FILL, True, text=True)
    open_text = cell_style("open-text", None, False, text=True)
    open_number = cell_style("open-number", None, False)
    carried_text = cell_style("carried-text", _CARRIED_FILL, False, text=True)
    carried_number = cell_style("carried-number", _CARRIED_FILL, False)
    validations = ContentValidations()
    document.spreadsheet.addElement(validations)
    views = ConfigItemMapNamed(name="Tables")
    for sheet in sheets:
        if sheet.choices:
            validation = ContentValidation(
                name=f"choice-{len(validations.childNodes)}", allowemptycell="true", displaylist="unsorted",
                condition="of:cell-content-is-in-list(" + ";".join(f'"{choice}"' for choice in sheet.choices) + ")")
            message = ErrorMessage(display="true", messagetype="stop", title=sheet.choice_title)
            message.addElement(P(text=sheet.choice_message))
            validation.addElement(message)
            validations.addElement(validation)
        table = Table(name=sheet.name, **({"protected": "true"} if sheet.protect else {}))
        for c, column in enumerate(sheet.columns):
            width = Style(name=f"{sheet.name}-col{c}", family="table-column")
            width.addElement(TableColumnProperties(columnwidth=f"{0.42 * column.width + 0.3:.2f}cm"))
            document.automaticstyles.addElement(width)
            table.addElement(TableColumn(stylename=width))
        head = TableRow()
        for column in sheet.columns:
            cell = TableCell(valuetype="string", stylename=header)
            cell.addElement(P(text=column.header))
            head.addElement(cell)
        table.addElement(head)
        for r, values in enumerate(sheet.all_rows()):
            row = TableRow()
            for c, (column, value) in enumerate(zip(sheet.columns, values, strict=False)):
                carried = (r, c) in sheet.carried
                number = column.kind == NUMBER
                shut = column.kind == LOCKED or (r, c) in sheet.locked
                style = locked if shut else (carried_number if number else carried_text) if carried else open_number if number else open_text
                attributes = {"stylename": style}
                if column.kind == CHOICE and sheet.choices and not shut:
                    attributes["contentvalidationname"] = validation.getAttribute("name")
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=str(value), **attributes)
                    cell.addElement(P(text=str(value)))
                elif value is not None:
                    cell = TableCell(valuetype="string", **attributes)
                    for line in str(value).split("\n"):
                        cell.addElement(P(text=line))
                else:
                    cell = TableCell(**attributes)
                row.addElement(cell)
            table.addElement(row)
        document.spreadsheet.addElement(table)
        # the header row frozen: LibreOffice's view settings (VerticalSplit* concern rows)
        view = ConfigItemMapEntry(name=sheet.name)
        for name, kind, value in (("HorizontalSplitMode", "short", "0"), ("VerticalSplitMode", "short", "2"),
                                  ("HorizontalSplitPosition", "int", "0"), ("VerticalSplitPosition", "int", "1"),
                                  ("ActiveSplitRange", "short", "2"), ("PositionLeft", "int", "0"), ("PositionRight", "int", "0"),
                                  ("PositionTop", "int", "0"), ("PositionBottom", "int", "1")):
            item = ConfigItem(name=name, type=kind)
            item.addText(value)
            view.addElement(item)
        views.addElement(view)
    settings = ConfigItemSet(name="ooo:view-settings")
    indexed = ConfigItemMapIndexed(name="Views")
    entry = ConfigItemMapEntry()
    view_id = ConfigItem(name="ViewId", type="string")
    view_id.addText("view1")
    entry.addElement(view_id)
    entry.addElement(views)
    indexed.addElement(entry)
    settings.addElement(indexed)
    document.settings.addElement(settings)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "sheet.ods"
        document.save(str(path))
        return _with_fixed_times(path.read_bytes())


def _write_xlsx(sheets: list[SheetSpec]) -> bytes:
    from datetime import datetime
    from io import BytesIO

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    from sixcore.render.report_ods import _with_fixed_times

    workbook = Workbook()
    workbook.remove(workbook.active)
    fills = {name: PatternFill("solid", fgColor="FF" + color.lstrip("#").upper()) for name, color in
             (("locked", _LOCKED_FILL), ("carried", _CARRIED_FILL), ("header", _HEADER_FILL))}
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for c, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[column_letter(c)].width = 2 * column.width + 2  # a CJK character is two widths
            cell = worksheet.cell(row=1, column=c, value=column.header)
            cell.font, cell.fill, cell.alignment = Font(bold=True), fills["header"], Alignment(horizontal="center", wrap_text=True)
        validation = None
        if sheet.choices:
            validation = DataValidation(type="list", formula1='"' + ",".join(sheet.choices) + '"', allow_blank=True,
                                        showErrorMessage=True, errorTitle=sheet.choice_title, error=sheet.choice_message)
            worksheet.add_data_validation(validation)
        for r, values in enumerate(sheet.all_rows()):
            for c, (column, value) in enumerate(zip(sheet.columns, values, strict=False)):
                cell = worksheet.cell(row=r + 2, column=c + 1, value=value)
                cell.alignment = wrap
                if column.kind != NUMBER:
                    cell.number_format = "@"  # text: 113/9/30 stays as typed, never a date
                if column.kind == LOCKED or (r, c) in sheet.locked:
                    cell.fill = fills["locked"]
                else:
                    cell.protection = Protection(locked=False)
                    if (r, c) in sheet.carried:
                        cell.fill = fills["carried"]
                    if column.kind == CHOICE and validation is not None:
                        validation.add(cell)
        worksheet.freeze_panes = "A2"
        if sheet.protect:
            worksheet.protection.sheet = True
            worksheet.protection.formatColumns = False  # widths may still be changed
            worksheet.protection.formatRows = False
    # The same filing gives the same bytes (export-sheet compares them before it overwrites): openpyxl's own save
    # would stamp the clock into docProps/core.xml and every zip entry, so the times are fixed as in the ODS.
    workbook.properties.created = workbook.properties.modified = datetime(1980, 1, 1)
    output = BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _with_fixed_times(output.getvalue())


# ── reading ────────────────────────────────────────────────────────────────────────────────────────────────────


def read_workbook(path: Path) -> list[Sheet]:
    """Every sheet of the workbook at `path`, by its suffix; WorkbookUnreadable when it cannot be read."""
    try:
        head = path.read_bytes()[:8]
    except OSError as error:
        raise WorkbookUnreadable("corrupt", error.strerror or str(error)) from None
    if head.startswith(_OLE_MAGIC):
        raise WorkbookUnreadable("encrypted")
    if not zipfile.is_zipfile(path):
        raise WorkbookUnreadable("corrupt")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise WorkbookUnreadable("corrupt", str(error)) from None
    if path.stat().st_size > MAX_BYTES or unpacked > MAX_UNPACKED:
        raise WorkbookUnreadable("large")
    return _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_ods(path)


def _trimmed(rows: list[list[Cell]]) -> list[list[Cell]]:
    rows = [list(row) for row in rows]
    for row in rows:
        while row and row[-1].empty and not row[-1].merged:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _read_ods(path: Path) -> list[Sheet]:
    from odf.opendocument import load

    try:
        with zipfile.ZipFile(path) as archive:
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in archive.namelist() else b""
            if b"encryption-data" in manifest:
                raise WorkbookUnreadable("encrypted")
            if "content.xml" not in archive.namelist():
                raise WorkbookUnreadable("format")
            # odfpy prints a damaged part to stdout and carries on with what it got: parse the parts first
            for part in ("content.xml", "styles.xml", "settings.xml"):
                if part in archive.namelist():
                    ElementTree.fromstring(archive.read(part))
        with contextlib.redirect_stdout(io.StringIO()):
            document = load(str(path))
    except (zipfile.BadZipFile, LookupError, ValueError, OSError, AttributeError, SyntaxError, xml.sax.SAXException) as error:
        raise WorkbookUnreadable("corrupt", str(error)) from None
    try:
        return _ods_sheets(document)
    except ValueError as error:  # a repeat count or a number that is not one
        raise WorkbookUnreadable("corrupt", str(error)) from None


def _ods_sheets(document: object) -> list[Sheet]:
    from odf import teletype
    from odf.namespaces import TABLENS
    from odf.table import Table, TableRow

    sheets = []
    for table in document.spreadsheet.getElementsByType(Table):  # type: ignore[attr-defined]
        rows: list[list[Cell]] = []
        for row in table.getElementsByType(TableRow):
            if len(rows) >= MAX_ROWS:
                break
            cells: list[Cell] = []
            for node in row.childNodes:
                if node.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                    continue
                cell = _ods_cell(node, teletype)
                repeat = int(node.getAttribute("numbercolumnsrepeated") or 1)
                cells += [cell] * max(1, min(repeat, MAX_COLUMNS - len(cells)))
                if len(cells) >= MAX_COLUMNS:
                    break
            repeat = int(row.getAttribute("numberrowsrepeated") or 1)
            rows += [cells] * max(1, min(repeat, MAX_ROWS - len(rows)))
        sheets.append(Sheet(str(table.getAttribute("name")), _trimmed(rows)))
    return sheets


def _ods_cell(node: object, teletype: object) -> Cell:
    from odf.namespaces import TABLENS

    get = node.getAttribute  # type: ignore[attr-defined]
    merged = node.qname == (TABLENS, "covered-table-cell") or int(get("numbercolumnsspanned") or 1) > 1 or int(get("numberrowsspanned") or 1) > 1  # type: ignore[attr-defined]
    if node.qname == (TABLENS, "covered-table-cell"):  # type: ignore[attr-defined]
        return Cell(merged=True)
    formula = get("formula") is not None
    kind = get("valuetype")
    if kind == "date":
        text = str(get("datevalue"))[:10]
        try:
            return Cell(date=dt.date.fromisoformat(text), formula=formula, merged=merged)
        except ValueError:
            return Cell(value=text, formula=formula, merged=merged)
    if kind in ("float", "percentage", "currency"):
        number = float(get("value"))
        # 50% typed into a cell is stored as 0.5: the clerk meant 50
        return Cell(value=round(number * 100, 10) if kind == "percentage" else number, formula=formula, merged=merged)
    paragraphs = [teletype.extractText(child) for child in node.childNodes if child.qname[1] == "p"]  # type: ignore[attr-defined]
    text = "\n".join(paragraphs)
    return Cell(value=text if text.strip() else None, formula=formula, merged=merged)


def _read_xlsx(path: Path) -> list[Sheet]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "Data Validation extension is not supported": nothing sixcore needs
            workbook = load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, LookupError, ValueError, OSError, TypeError, AttributeError, SyntaxError, InvalidFileException) as error:
        # SyntaxError: xml.etree's ParseError, for a damaged part of the zip
        raise WorkbookUnreadable("corrupt", str(error)) from None
    sheets = []
    for worksheet in workbook.worksheets:
        merged = {(row, column) for ranges in worksheet.merged_cells.ranges for row, column in ranges.cells}
        rows = []
        for r in range(1, min(worksheet.max_row, MAX_ROWS) + 1):
            cells = []
            for c in range(1, min(worksheet.max_column, MAX_COLUMNS) + 1):
                cell = worksheet.cell(row=r, column=c)
                value = cell.value
                is_merged = (r, c) in merged
                if cell.data_type == "f":
                    cells.append(Cell(value=str(value), formula=True, merged=is_merged))
                elif isinstance(value, (dt.datetime, dt.date)):
                    cells.append(Cell(date=value.date() if isinstance(value, dt.datetime) else value, merged=is_merged))
                elif isinstance(value, bool) or value is None:
                    cells.append(Cell(value=None if value is None else str(value).upper(), merged=is_merged))
                elif isinstance(value, (int, float)):
                    percent = "%" in str(cell.number_format)  # 50% typed into a cell is stored as 0.5: the clerk meant 50
                    cells.append(Cell(value=round(float(value) * 100, 10) if percent else float(value), merged=is_merged))
                else:
                    text = str(value)
                    cells.append(Cell(value=text if text.strip() else None, merged=is_merged))
            rows.append(cells)
        sheets.append(Sheet(worksheet.title, _trimmed(rows)))
    return sheets

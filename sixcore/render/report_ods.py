"""The report's tables as an ODF spreadsheet (.ods, CNS 15251), the format Taiwan's government exchanges documents in.

odfpy writes the workbook; its zip entries carry the wall-clock time, so the archive is rewritten with a
fixed time: the same report gives the same bytes.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TextProperties
from odf.table import Table as OdsTable
from odf.table import TableCell, TableRow
from odf.text import P

from sixcore.render.report_tables import Cell, Mark, Section, Table, cell_text
from sixcore.standing import Light

_FILL = {Light.green: "#d3f0dc", Light.yellow: "#fff1c2", Light.red: "#f8d0d0", Light.done: "#d6e4fb", Light.unreported: "#e9defb",
         Light.none: "#eeeeee"}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]*?:/\\']")


def _styles(document: OpenDocumentSpreadsheet) -> tuple[Style, dict[Light, Style]]:
    header = Style(name="header", family="table-cell")
    header.addElement(TextProperties(fontweight="bold"))
    header.addElement(TableCellProperties(backgroundcolor="#f0f0f0"))
    document.automaticstyles.addElement(header)
    lights = {}
    for light, fill in _FILL.items():
        style = Style(name=f"light-{light.value}", family="table-cell")
        style.addElement(TableCellProperties(backgroundcolor=fill))
        document.automaticstyles.addElement(style)
        lights[light] = style
    return header, lights


def _cell(value: Cell, lights: dict[Light, Style]) -> TableCell:
    if isinstance(value, Mark):
        cell = TableCell(valuetype="string", stylename=lights[value.light])
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=str(value))
    else:
        cell = TableCell(valuetype="string")
    for line in (cell_text(value) or "").split("\n"):
        cell.addElement(P(text=line))
    return cell


def _sheet_name(table: Table, taken: set[str]) -> str:
    name = _SHEET_NAME_FORBIDDEN.sub(" ", table.title)[:31].strip() or table.key
    if name in taken:
        name = f"{name[:24]} {table.key}"[:31]
    taken.add(name)
    return name


def format_report_ods(sections: list[Section], overview_title: str) -> bytes:
    document = OpenDocumentSpreadsheet()
    header_style, light_styles = _styles(document)
    taken: set[str] = set()
    overview = OdsTable(name=_sheet_name(Table("overview", overview_title, [], []), taken))
    for paragraph in (paragraph for section in sections for paragraph in section.paragraphs):
        row = TableRow()
        row.addElement(_cell(paragraph, light_styles))
        overview.addElement(row)
    document.spreadsheet.addElement(overview)
    for table in (table for section in sections for table in section.tables):
        sheet = OdsTable(name=_sheet_name(table, taken))
        head = TableRow()
        for header in table.headers:
            cell = TableCell(valuetype="string", stylename=header_style)
            cell.addElement(P(text=header))
            head.addElement(cell)
        sheet.addElement(head)
        for values in table.rows or ([[table.empty]] if table.empty else []):
            row = TableRow()
            for value in values:
                row.addElement(_cell(value, light_styles))
            sheet.addElement(row)
        document.spreadsheet.addElement(sheet)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "report.ods"
        document.save(str(path))
        return _with_fixed_times(path.read_bytes())


def _with_fixed_times(archive: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01; `mimetype` stays first and stored, as ODF requires."""
    output = BytesIO()
    with zipfile.ZipFile(BytesIO(archive)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, _FIXED_TIME)
            fixed.compress_type = entry.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return output.getvalue()

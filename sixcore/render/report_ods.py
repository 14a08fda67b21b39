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
from typing import Any

from odf import element
from odf.element import _quoteattr, _sanitize
from odf.namespaces import STYLENS
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableCellProperties, TextProperties
from odf.table import Table as OdsTable
from odf.table import TableCell, TableRow
from odf.text import P

from sixcore.render.report_tables import Cell, Mark, Section, Table, cell_text, rendered_once
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


def _cell(value: Cell, lights: dict[Light, str]) -> str:
    """One <table:table-cell>, as odfpy's TableCell(...) with a P per line would write it."""
    if isinstance(value, Mark):
        head = '<table:table-cell office:value-type="string" table:style-name=' + _attribute(lights[value.light]) + ">"
    elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        head = '<table:table-cell office:value-type="float" office:value=' + _attribute(str(value)) + ">"
    else:
        head = '<table:table-cell office:value-type="string">'
    lines = "".join(_paragraph(line) for line in (cell_text(value) or "").split("\n"))
    return head + lines + "</table:table-cell>"


def _attribute(value: str) -> str:
    """An attribute value quoted as odfpy quotes it."""
    quoted: str = _quoteattr(value)
    return quoted


def _paragraph(text: str) -> str:
    """P(text=text) as odfpy writes it: characters XML 1.0 forbids or discourages as U+FFFD, then &, < and > escaped."""
    if not text:
        return "<text:p/>"
    escaped: str = _sanitize(text)
    return f"<text:p>{escaped}</text:p>"


def _row(cells: list[str]) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>" if cells else "<table:table-row/>"


class _Rows(element.Text):  # type: ignore[misc]  # odfpy has no type hints
    """Rows already written as XML, inside an odfpy table: odfpy's element for each cell made writing a report's
    tens of thousands of cells slow, and the XML written here is the XML it writes."""

    def toXml(self, level: int, f: Any) -> None:
        f.write(self.data)


def _sheet_name(table: Table, taken: set[str]) -> str:
    """The table's sheet name or title as a sheet name (at most 31 characters, none of []*?:/\\'), made unique with a number if need be."""
    name = _SHEET_NAME_FORBIDDEN.sub(" ", table.sheet or table.title)[:31].strip() or table.key
    if name in taken:
        name = f"{name[:24]} {table.key}"[:31]
    number = 2
    while name in taken:  # long titles cut to the same 31 characters (two agencies' long English names)
        suffix = f" ({number})"
        name = f"{name[:31 - len(suffix)]}{suffix}"
        number += 1
    taken.add(name)
    return name


def format_report_ods(sections: list[Section], overview_title: str) -> bytes:
    document = OpenDocumentSpreadsheet()
    header_style, light_styles = _styles(document)
    lights = {light: style.getAttrNS(STYLENS, "name") for light, style in light_styles.items()}
    header = '<table:table-cell office:value-type="string" table:style-name=' + _attribute(header_style.getAttrNS(STYLENS, "name")) + ">"
    used: set[str] = set()
    taken: set[str] = set()
    primed: list[Any] = []

    def add_sheet(name: str, rows: list[str]) -> None:
        sheet = OdsTable(name=name)
        if rows:
            if not primed:
                # odfpy declares, on each part's root, every namespace its elements have used so far in the process,
                # in the order first used: a row, a cell and a paragraph made here keep that order as it was
                primed.append(P(text="x", parent=TableCell(valuetype="string", parent=TableRow())))
            sheet.appendChild(_Rows("".join(rows)))
        document.spreadsheet.addElement(sheet)

    rendered = rendered_once(lambda value: _cell(value, lights))

    def cell(value: Cell) -> str:
        if isinstance(value, Mark):
            used.add(lights[value.light])
        return rendered(value)

    paragraphs = [paragraph for section in sections for paragraph in section.paragraphs]
    add_sheet(_sheet_name(Table("overview", overview_title, [], []), taken), [_row([cell(paragraph)]) for paragraph in paragraphs])
    for table in (table for section in sections for table in section.tables):
        name = _sheet_name(table, taken)
        if table.headers:
            used.add(header_style.getAttrNS(STYLENS, "name"))
        rows = [_row([f"{header}{_paragraph(text)}</table:table-cell>" for text in table.headers])]
        rows += [_row([cell(value) for value in values]) for values in table.rows or ([] if table.note else [[table.empty]] if table.empty else [])]
        if table.note:
            rows.append(_row([cell(str(table.note))]))
        add_sheet(name, rows)
    odfpy_used_styles = document._used_auto_styles

    def used_auto_styles(segments: list[Any]) -> list[Any]:
        """odfpy's list (styles its elements name), with the styles the rows written here name, in its order."""
        found: list[Any] = odfpy_used_styles(segments)
        if not any(segment is document.body for segment in segments):
            return found
        names = {style.getAttrNS(STYLENS, "name") for style in found} | used
        return [style for style in document.automaticstyles.childNodes
                if isinstance(style, element.Element) and style.getAttrNS(STYLENS, "name") in names]

    document._used_auto_styles = used_auto_styles
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

"""items.csv: one row per work item with its state and light, UTF-8 with BOM so Excel and LibreOffice read the Chinese."""

from __future__ import annotations

import csv
from io import StringIO

from sixcore.render.report_tables import Section, cell_text

ITEMS_TABLE = "items"


def format_items_csv(sections: list[Section]) -> bytes:
    table = next(table for section in sections for table in section.tables if table.key == ITEMS_TABLE)
    buffer = StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends, as Excel writes them
    writer.writerow(table.headers)
    writer.writerows([cell_text(value) for value in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")

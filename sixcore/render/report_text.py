"""The report on screen (rich): the body (headline first), tables fitted to the terminal, CJK aligned by display width.

Long lists are cut to `max_rows` with a line saying how many more there are and where the full report is; the
appendices (hundreds of rows) are named, not shown, with where to read them.
"""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from sixcore.messages import Lang
from sixcore.render.report_tables import Cell, Mark, Section, Table, cell_text
from sixcore.standing import Light

LIGHT_STYLE = {Light.green: "green", Light.yellow: "yellow", Light.red: "bold red", Light.done: "blue", Light.unreported: "magenta",
               Light.none: "dim"}
# Overviews shown whole however long; the other tables are lists cut to max_rows.
_WHOLE = {"items_by_state", "kpis_by_light", "measures", "not_filed", "budget"}
_LONG_TEXT = 24  # a column with longer text is cut with an ellipsis on screen
_MIN_TEXT = 8
_HEADER_WRAP = 8


def light_text(mark: Mark) -> Text:
    return Text(f"● {mark.text}", style=LIGHT_STYLE[mark.light])


def _cell(value: Cell) -> Text | str:
    return light_text(value) if isinstance(value, Mark) else cell_text(value)


def _table(table: Table, max_rows: int | None, lang: Lang, more_in: str | None, width: int, heading: str) -> list[RichTable | Text]:
    caption = Text(table.title, style="bold") if table.title != heading else None
    if not table.rows:
        said = Text(str(table.note)) if table.note else Text(table.empty, style="italic") if table.empty else None
        return [caption or Text(""), said] if said else []
    shown = table.rows if max_rows is None or table.key in _WHOLE else table.rows[:max_rows]
    rich_table = RichTable(box=box.SIMPLE, show_edge=False, pad_edge=False, expand=False)
    # a header wider than its cells (and than _HEADER_WRAP) wraps onto two lines instead of widening the column
    naturals = [max(min(cell_len(header), _HEADER_WRAP), *(cell_len(str(_cell(row[column]))) for row in shown))
                for column, header in enumerate(table.headers)]
    long_columns = [column for column, natural in enumerate(naturals)
                    if natural > _LONG_TEXT and not any(isinstance(row[column], Mark) for row in shown)]
    # long text gives way first, sharing what the short columns (ids, dates, lights, counts) leave of the width
    short_width = sum(natural + 2 for column, natural in enumerate(naturals) if column not in long_columns)
    share = max(_MIN_TEXT, (width - short_width) // len(long_columns) - 2) if long_columns else 0
    for column, header in enumerate(table.headers):
        if column in long_columns:
            rich_table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=share)
        else:
            rich_table.add_column(header, min_width=naturals[column])
    for row in shown:
        rich_table.add_row(*(_cell(value) for value in row))
    rendered: list[RichTable | Text] = [*([caption] if caption else []), rich_table]
    hidden = len(table.rows) - len(shown)
    if hidden:
        where = f"，完整清單見 {more_in}" if lang is Lang.zh and more_in else f"; the full list is in {more_in}" if more_in else ""
        rendered.append(Text(f"…另有 {hidden} 項{where}" if lang is Lang.zh else f"… {hidden} more{where}", style="dim"))
    if table.note:
        rendered.append(Text(str(table.note)))
    return rendered


def format_report_text(title: str, sections: list[Section], lang: Lang, *, color: bool, width: int,
                       max_rows: int | None = 15, more_in: str | None = None) -> str:
    buffer = StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, emoji=False)
    console.print(Text(title, style="bold"))
    for section in sections:
        if section.appendix is not None:
            continue
        console.print()
        console.rule(Text(section.title, style="bold"), align="left")
        for paragraph in section.paragraphs:
            console.print(paragraph)
        for table in section.tables:
            for renderable in _table(table, max_rows, lang, more_in, width, section.title):
                console.print(renderable)
    if appendices := list(dict.fromkeys(section.appendix for section in sections if section.appendix is not None)):
        console.print()
        console.print(_appendices_line(appendices, lang, more_in), style="dim")
    return buffer.getvalue()


def _appendices_line(appendices: list[str], lang: Lang, more_in: str | None) -> str:
    if lang is Lang.zh:
        return f"{'、'.join(appendices)}：見 {more_in}" if more_in else f"{'、'.join(appendices)}：見書面報告"
    return f"{'; '.join(appendices)}: in {more_in}" if more_in else f"{'; '.join(appendices)}: in the written report"

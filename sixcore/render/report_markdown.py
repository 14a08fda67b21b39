"""The report as Markdown (GitHub-flavoured tables, as tabulate writes them): for pull requests, wikis and e-mail."""

from __future__ import annotations

from tabulate import tabulate

from sixcore.render.report_tables import Cell, Mark, Section, cell_text, rendered_once
from sixcore.standing import Light

# a symbol beside the word, so the light reads in colour and without it
LIGHT_SYMBOL = {Light.green: "🟢", Light.yellow: "🟡", Light.red: "🔴", Light.done: "✅", Light.unreported: "⚪", Light.none: "➖"}


def _markdown_cell(value: Cell) -> str:
    text = f"{LIGHT_SYMBOL[value.light]} {value.text}" if isinstance(value, Mark) else cell_text(value)
    return text.replace("|", "\\|").replace("\n", "<br>")


# what tabulate reads as something other than one line of plain text: ANSI codes (not counted in widths), line
# breaks (a multi-line row) and \x01 (its separating line); with none of them, _github_table writes what it writes
_NOT_PLAIN = ("\x1b", "\r", "\n", "\x01")


def _github_table(headers: list[str], rows: list[list[str]]) -> str:
    """tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True), written directly for cells of plain
    text, as _markdown_cell makes them: each cell stripped and padded to its column's width, which is at least its
    header's and two more. tabulate's general path (a type, an alignment and a width function per cell) was most of
    report.md's time."""
    joined = "".join(headers) + "".join(cell for row in rows for cell in row)
    if any(code in joined for code in _NOT_PLAIN):
        return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    stripped = [[cell.strip() for cell in row] for row in rows]
    widths = [max(len(header) + 2, *(len(row[column]) for row in stripped)) for column, header in enumerate(headers)]
    lines = ["| " + " | ".join(header.ljust(width) for header, width in zip(headers, widths, strict=True)) + " |",
             "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
    lines += ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in stripped]
    return "\n".join(lines)


def format_report_markdown(title: str, sections: list[Section]) -> str:
    lines = [f"# {title}", ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        for table in section.tables:
            if not table.rows and not table.empty and not table.note:
                continue  # nothing to show and nothing to say (as in every format)
            if table.title != section.title:
                lines += [f"### {table.title}", ""]
            if table.rows:
                cell = rendered_once(_markdown_cell)
                rows = [[cell(value) for value in row] for row in table.rows]
                lines += [_github_table(table.headers, rows), ""]
            if table.note:
                lines += [str(table.note), ""]
            elif not table.rows:
                lines += [table.empty, ""]
    return "\n".join(lines)

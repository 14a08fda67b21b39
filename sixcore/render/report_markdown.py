"""The report as Markdown (tabulate, GitHub-flavoured tables): for pull requests, wikis and e-mail."""

from __future__ import annotations

from tabulate import tabulate

from sixcore.render.report_tables import Cell, Mark, Section, cell_text, rendered_once
from sixcore.standing import Light

# a symbol beside the word, so the light reads in colour and without it
LIGHT_SYMBOL = {Light.green: "🟢", Light.yellow: "🟡", Light.red: "🔴", Light.done: "✅", Light.unreported: "⚪", Light.none: "➖"}


def _markdown_cell(value: Cell) -> str:
    text = f"{LIGHT_SYMBOL[value.light]} {value.text}" if isinstance(value, Mark) else cell_text(value)
    return text.replace("|", "\\|").replace("\n", "<br>")


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
                lines += [tabulate(rows, headers=table.headers, tablefmt="github", disable_numparse=True), ""]
            if table.note:
                lines += [str(table.note), ""]
            elif not table.rows:
                lines += [table.empty, ""]
    return "\n".join(lines)

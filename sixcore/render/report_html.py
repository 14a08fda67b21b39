"""The report as one self-contained HTML file: no network, prints on A4, readable by screen readers.

Headings and table headers are real (h1–h3, caption, th scope); a light is a coloured dot *and* its word;
the dot is hidden from assistive technology, the word is not.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from sixcore.messages import Lang
from sixcore.render.report_tables import Cell, Mark, Note, Section, cell_text

_STYLE = """
:root { --green: #1a7f37; --yellow: #b58100; --red: #c62828; --done: #1f5fbf; --unreported: #8250df; --none: #6e7781; }
body { font-family: "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; line-height: 1.5; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #d0d7de; margin-top: 2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .5rem 0 1.25rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.light { white-space: nowrap; font-weight: bold; }
.light .dot { font-size: 1.1em; }
.light-green { color: var(--green); } .light-yellow { color: var(--yellow); } .light-red { color: var(--red); }
.light-done { color: var(--done); } .light-unreported { color: var(--unreported); } .light-none { color: var(--none); font-weight: normal; }
.ids span { white-space: nowrap; }
.notice { border-left: 4px solid var(--red); padding: .5rem 1rem; background: #fff5f5; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; }
  table { font-size: 8pt; width: 100%; }
  thead { display: table-header-group; }
  tr, .light { break-inside: avoid; }
  h2 { break-after: avoid; }
  section.appendix { break-before: page; }
  .light-green, .light-yellow, .light-red, .light-done, .light-unreported { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _cell(value: Cell) -> str:
    if isinstance(value, Mark):
        return (f'<td><span class="light light-{value.light.value}"><span class="dot" aria-hidden="true">●</span> '
                f'{escape(value.text)}</span></td>')
    css = ' class="num"' if isinstance(value, (int, float, Decimal)) else ""
    return f"<td{css}>{escape(cell_text(value)).replace(chr(10), '<br>')}</td>"


def _note(note: Note) -> str:
    """A note's ids each kept on one line in print (1-1/2.2.1, never 1-1/2 and .2.1)."""
    ids = escape(note.separator).join(f"<span>{escape(item_id)}</span>" for item_id in note.ids)
    return f'<p class="ids">{escape(note.text)}{ids}</p>'


def format_report_html(title: str, sections: list[Section], lang: Lang, notice: str | None = None) -> str:
    """`notice`: a paragraph to set apart at the top (e.g. that nothing has been filed)."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-Hant-TW" if lang is Lang.zh else "en"}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>",
        f"<body><main><h1>{escape(title)}</h1>",
    ]
    for section in sections:
        appendix_class = ' class="appendix"' if section.appendix else ""  # each appendix (each agency's) starts a printed page
        parts.append(f'<section id="{section.key}"{appendix_class} aria-labelledby="{section.key}-title"><h2 id="{section.key}-title">{escape(section.title)}</h2>')
        for paragraph in section.paragraphs:
            css = ' class="notice" role="note"' if paragraph == notice else ""
            parts.append(f"<p{css}>{escape(paragraph)}</p>")
        for table in section.tables:
            if not table.rows:
                if table.note or table.empty:
                    said = _note(table.note) if table.note else f"<p>{escape(table.empty)}</p>"
                    parts.append(f"<h3>{escape(table.title)}</h3>{said}")
                continue
            head = "".join(f'<th scope="col">{escape(header)}</th>' for header in table.headers)
            body = "".join("<tr>" + "".join(_cell(value) for value in row) + "</tr>" for row in table.rows)
            parts.append(f'<table id="table-{table.key}"><caption>{escape(table.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
            if table.note:
                parts.append(_note(table.note))
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)

"""The report as one self-contained HTML file: no network, prints on A4, readable by screen readers.

Headings and table headers are real (h1–h3, caption, th scope); a light is a coloured dot *and* its word;
the dot is hidden from assistive technology, the word is not.

On paper (a browser's print, and report.pdf, which is this page printed by Chromium) every table has fixed
column widths worked out from its contents, so ids, lights, numbers and headers are never broken; a table too
wide for a portrait page gets landscape pages of its own; table headers repeat on every page; and the foot of
every page carries its number, the issuing unit and the report's date (CSS page-margin boxes, Chromium ≥ 131).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from sixcore.messages import PRINT_WORDS, Lang, word
from sixcore.render.report_charts import LIGHT_COLOURS
from sixcore.render.report_tables import Cell, Mark, Note, Section, Table, cell_text, rendered_once

# On paper (@media print, and again in the page's margin boxes, which do not inherit it): a TrueType Ming face, which
# Chromium embeds as a real font whose text searches and copies as written; Noto Sans CJK is CFF, embedded as Type 3
# outlines that copy 一 as the radical U+2F00 and 頁 as U+2FB4. No synthesised bold: that too becomes Type 3 outlines.
_PRINT_FONTS = '"AR PL UMing TW", "Noto Sans CJK TC", sans-serif'

_STYLE = """
figure { margin: .75rem 0; break-inside: avoid; } figcaption { font-weight: bold; margin-bottom: .25rem; }
figure svg { max-width: 100%; height: auto; } figure.small { display: inline-block; width: 49%; vertical-align: top; }
.charts > p { break-inside: avoid; break-after: avoid; }
html { font-family: "Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC", sans-serif; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; line-height: 1.5; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #d0d7de; margin-top: 2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .5rem 0 1.25rem; font-size: .9rem; width: 100%; table-layout: fixed; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f6f8fa; word-break: keep-all; overflow-wrap: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.atom, td.num { white-space: nowrap; overflow-wrap: normal; }
.light { white-space: nowrap; font-weight: bold; }
.light .dot { font-size: 1.1em; }
.light-green { color: var(--green); } .light-yellow { color: var(--yellow); } .light-red { color: var(--red); }
.light-done { color: var(--done); } .light-unreported { color: var(--unreported); } .light-none { color: var(--none); font-weight: normal; }
.ids span { white-space: nowrap; }
.notice { border-left: 4px solid var(--red); padding: .5rem 1rem; background: #fff5f5; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@page wide { size: A4 landscape; }
@media print {
  html, figure svg { font-family: %(fonts)s; font-synthesis: none; }
  body { margin: 0; max-width: none; font-size: 9pt; }
  table { font-size: 8pt; }
  th, td { padding: .15em .35em; }
  thead { display: table-header-group; break-inside: avoid; }
  tr, .light { break-inside: avoid; }
  tbody tr:first-child { break-before: avoid; }  /* a header (and caption) never left alone at a page's foot */
  table.short { break-inside: avoid; }  /* a short table is read whole: it moves to the next page rather than split */
  h1, h2, h3, caption { break-after: avoid; }
  .wide { page: wide; }
  section.appendix { break-before: page; }
  .light-green, .light-yellow, .light-red, .light-done, .light-unreported { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".replace("%(fonts)s", _PRINT_FONTS)

# The text width of an A4 page at the tables' printed size (8 pt), in em, less the borders: portrait 186 mm, landscape 273 mm
_PAGE_EM = {"portrait": 64.0, "landscape": 94.0}
_PADDING_EM = 0.9  # a cell's padding and borders on paper
_ATOM_EM = 8.0  # a line of text up to this wide, without spaces (an agency, a state, a date), is never broken
_LONG_EM = 30.0  # a long text's claim on the page is capped, so one long column does not starve the others
_TEXT_EM = 12.0  # a column of running text narrower than this (or than its text, if shorter) reads badly: the table goes landscape
_SHORT_ROWS = 15  # a table this short is kept on one page
_WIDE_ROWS = 4  # a shorter table stays where it is rather than take a landscape page of its own
_MARK_EM = 1.6  # a light's dot and the space after it
_BOLD = 1.05  # bold text (headers, lights) runs about 5 % wider


@dataclass(frozen=True)
class PageFoot:
    """What the foot of every printed page says beside its number: who issues the report, and its date."""

    issued_by: str | None
    dated: str


@dataclass(frozen=True)
class _Column:
    need: float  # em it must have so that nothing in it is broken
    want: float  # em its typical text would fill on one line
    longest: float  # em its longest text would fill on one line (up to _LONG_EM)

    @classmethod
    def of(cls, header: str, values: list[Cell]) -> _Column:
        measured: dict[str, list[tuple[float, bool]]] = {}  # a text's lines: em and whether kept whole; a column repeats its texts

        def measure(text: str) -> list[tuple[float, bool]]:
            found = measured.get(text)
            if found is None:
                found = measured[text] = [(_em(line), _is_atom(line)) for line in _lines(text)]
            return found

        lines = [line for value in values if not isinstance(value, Mark) for line in measure(cell_text(value))]
        # a light is kept whole as the dot, a space and its word in bold
        marks = [_MARK_EM + _BOLD * _em(value.text) for value in values if isinstance(value, Mark)]
        need = max([_header_em(header), *marks, *(em for em, atom in lines if atom)]) + _PADDING_EM
        filled = [*marks, *(min(em, _LONG_EM) for em, _ in lines)]  # empty cells do not make a column of reasons narrow
        typical = sum(filled) / len(filled) if filled else 0.0
        return cls(need, max(need, typical + _PADDING_EM), max([need, *(value + _PADDING_EM for value in filled)]))


class _CharEm(dict[str, float]):
    """Each character's printed width in em, looked up once per character: a report's tables hold millions of them."""

    def __missing__(self, char: str) -> float:
        em = self[char] = 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6
        return em


_CHAR_EM = _CharEm()


def _em(text: str) -> float:
    """Printed width in em: CJK and full-width characters are one em, others about 0.6."""
    return sum(map(_CHAR_EM.__getitem__, text))


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _is_atom(line: str) -> bool:
    """Kept whole on one line: anything without spaces that is short, and any id-like ASCII run (1-2/1.1.1, 113/6/30)."""
    return " " not in line and (line.isascii() or _em(line) <= _ATOM_EM)


def _header_em(header: str) -> float:
    """A header breaks only between words: an English one at its longest word, a Chinese one not at all (5 % for bold)."""
    return _BOLD * (max(_em(part) for part in header.split()) if " " in header.strip() else _em(header))


def _cell(value: Cell) -> str:
    if isinstance(value, Mark):
        return (f'<td><span class="light light-{value.light.value}"><span class="dot" aria-hidden="true">●</span> '
                f'{escape(value.text)}</span></td>')
    text = cell_text(value)
    if isinstance(value, (int, float, Decimal)):
        css = ' class="num"'
    elif all(_is_atom(line) for line in _lines(text)) and value:
        css = ' class="atom"'
    else:
        css = ""
    return f"<td{css}>{escape(text).replace(chr(10), '<br>')}</td>"


def _note(note: Note) -> str:
    """A note's ids each kept on one line in print (1-1/2.2.1, never 1-1/2 and .2.1)."""
    ids = escape(note.separator).join(f"<span>{escape(item_id)}</span>" for item_id in note.ids)
    return f'<p class="ids">{escape(note.text)}{ids}</p>'


def _widths(table: Table) -> tuple[bool, float, list[float]]:
    """Whether the table needs landscape pages, its width (% of the page) and each column's share of it (%): every
    column gets what it needs unbroken, the room left goes to the columns whose text would run longer, in proportion."""
    columns = [_Column.of(header, [row[index] for row in table.rows]) for index, header in enumerate(table.headers)]
    longest = sum(column.longest for column in columns)
    if longest <= _PAGE_EM["portrait"] / 2:  # a small table (counts by state) keeps its own width, not spread over the page
        width = max(longest, _BOLD * _em(table.title) + _PADDING_EM)  # and its caption's, on one line
        return False, 100 * width / _PAGE_EM["portrait"], [100 * column.longest / longest for column in columns]
    portrait = _share(columns, _PAGE_EM["portrait"])
    starved = any(em < min(column.want, _TEXT_EM) for em, column in zip(portrait, columns, strict=True))
    if not starved or len(table.rows) < _WIDE_ROWS:
        return False, 100.0, [100 * em / _PAGE_EM["portrait"] for em in portrait]
    page = max(_PAGE_EM["landscape"], sum(column.need for column in columns))
    return True, 100.0, [100 * em / page for em in _share(columns, page)]


def _share(columns: list[_Column], page: float) -> list[float]:
    """Each column's em on a page `page` em wide (or on what they need, if more)."""
    needed = sum(column.need for column in columns)
    spare = sum(column.want - column.need for column in columns)
    room = max(page - needed, 0.0)
    return [column.need + (room * (column.want - column.need) / spare if spare else room * column.need / needed) for column in columns]


def _table(table: Table) -> tuple[bool, str]:
    """Whether it needs landscape pages, and the table."""
    wide, width, widths = _widths(table)
    columns = "".join(f'<col style="width: {share:.1f}%">' for share in widths)
    style = f' style="width: {width:.1f}%"' if width < 100 else ""
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in table.headers)
    cell = rendered_once(_cell)
    body = "".join("<tr>" + "".join([cell(value) for value in row]) + "</tr>" for row in table.rows)
    short = ' class="short"' if len(table.rows) <= _SHORT_ROWS else ""
    return wide, (f'<table id="table-{table.key}"{short}{style}><caption>{escape(table.title)}</caption><colgroup>{columns}</colgroup>'
                  f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _section(section: Section, notice: str | None) -> str:
    """A section; when its first table needs landscape pages, the whole section starts on one, so its heading is not
    left behind on the page before; a later wide table gets landscape pages of its own."""
    parts = [f'<h2 id="{section.key}-title">{escape(section.title)}</h2>']
    for paragraph in section.paragraphs:
        css = ' class="notice" role="note"' if paragraph == notice else ""
        parts.append(f"<p{css}>{escape(paragraph)}</p>")
    section_wide: bool | None = None  # decided by the first table shown
    for table in section.tables:
        if not table.rows:
            if table.note or table.empty:
                said = _note(table.note) if table.note else f"<p>{escape(table.empty)}</p>"
                parts.append(f"<h3>{escape(table.title)}</h3>{said}")
            continue
        wide, html = _table(table)
        if section_wide is None:
            section_wide = wide
        parts.append(f'<div class="wide">{html}</div>' if wide and not section_wide else html)
        if table.note:
            parts.append(_note(table.note))
    # each appendix (each agency's) starts a printed page
    classes = [name for name, on in (("wide", section_wide), ("appendix", section.appendix)) if on]
    css = f' class="{" ".join(classes)}"' if classes else ""
    return f'<section id="{section.key}"{css} aria-labelledby="{section.key}-title">' + "\n".join(parts) + "</section>"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_foot(foot: PageFoot, lang: Lang) -> str:
    """@page margin boxes: the issuing unit at the left, 第 n 頁，共 N 頁 in the middle, the date at the right."""
    number = " ".join(f"counter({part[1:-1]})" if part in ("{page}", "{pages}") else _css_string(part)
                      for part in re.split(r"(\{pages?\})", word(PRINT_WORDS, "page", lang)) if part)
    boxes = {"bottom-left": _css_string(foot.issued_by) if foot.issued_by else None, "bottom-center": number,
             "bottom-right": _css_string(word(PRINT_WORDS, "as_of", lang).format(day=foot.dated))}
    rules = " ".join(f"@{box} {{ content: {content}; font-family: {_PRINT_FONTS}; font-synthesis: none; font-size: 8pt; color: #57606a; }}" for box, content in boxes.items() if content)
    return f"@page {{ {rules} }}"


def format_report_html(title: str, sections: list[Section], lang: Lang, notice: str | None = None, foot: PageFoot | None = None,
                       charts: str = "") -> str:
    """`notice`: a paragraph to set apart at the top (e.g. that nothing has been filed); `foot`: what every printed page says;
    `charts`: the pictures' section (report_charts.charts_section), after the first section."""
    colours = " ".join(f"--{light.value}: {colour};" for light, colour in LIGHT_COLOURS.items())
    style = f":root {{ {colours} }}" + _STYLE + (_page_foot(foot, lang) + "\n" if foot else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-Hant-TW" if lang is Lang.zh else "en"}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{style}</style></head>",
        f"<body><main><h1>{escape(title)}</h1>",
    ]
    shown = [_section(section, notice) for section in sections]
    parts += [*shown[:1], *([charts] if charts else []), *shown[1:]]
    parts.append("</main></body></html>\n")
    return "\n".join(parts)

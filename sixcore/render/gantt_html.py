"""The timeline as one self-contained SVG (and an HTML page around it) for slides: no network, no fonts or scripts to fetch.

Every colour has words beside it (a state column on each row, a legend), <title> and <desc> describe the chart,
and every bar carries a tooltip with its id, months and state.
"""

from __future__ import annotations

from html import escape

from rich.cells import cell_len

from sixcore.calendar import MonthRange, RocMonth
from sixcore.messages import STATE_WORDS, Lang, word
from sixcore.render.gantt_text import LABEL_MAX, fit, label, wrap
from sixcore.standing import State
from sixcore.timeline import KIND_WORDS, Bar, BarLevel, SegmentKind, Timeline, footnotes, note

COLOURS: dict[State, str] = {  # Okabe–Ito hues (逾期 darkened), told apart with the common colour-vision deficiencies
    State.completed: "#0072B2",
    State.on_schedule: "#009E73",
    State.behind: "#E69F00",
    State.overdue: "#8B1A00",  # a dark vermilion: 落後's orange and this differ in lightness too, for every eye
    State.unreported: "#CC79A7",
    State.suspended: "#666666",
    State.not_started: "#56B4E9",
    State.idle: "#999999",
    State.not_reviewed: "#BBBBBB",
}
FONT = "'Noto Sans CJK TC','Noto Sans TC','Microsoft JhengHei','PingFang TC','Heiti TC',sans-serif"  # local fonts only
FONT_SIZE = 13
CELL = 6.8  # px per terminal cell at FONT_SIZE: a CJK character is two cells
ROW = 22
BAR = 14
PAD = 16
AS_OF_ROW = 16  # the as-of label, above the axis
AXIS = 44  # the year and quarter rows above the chart
CHART_PX = 960  # width the months share, within the bounds below
MONTH_MIN, MONTH_MAX = 6.0, 24.0


def _num(value: float) -> str:
    """Coordinates with at most one decimal, so the same chart gives the same bytes."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Canvas:
    """Coordinates of the chart: months run left to right from the window's first month."""

    def __init__(self, timeline: Timeline, lang: Lang) -> None:
        self.timeline = timeline
        self.lang = lang
        bars = list(timeline.bars())
        self.label_cells = min(max(cell_len(label(bar)) for bar in bars), LABEL_MAX)
        self.range_cells = max(len(str(bar.span)) for bar in bars)
        self.state_cells = max(cell_len(word(STATE_WORDS, bar.state, lang)) for bar in bars)
        self.months = timeline.window.end.index - timeline.window.start.index + 1
        self.month_px = max(MONTH_MIN, min(MONTH_MAX, CHART_PX / self.months))
        self.chart_x = PAD + (self.label_cells + self.range_cells + self.state_cells + 6) * CELL
        self.width = self.chart_x + self.months * self.month_px + PAD

    def x(self, month: RocMonth) -> float:
        return self.chart_x + (month.index - self.timeline.window.start.index) * self.month_px

    def x_after(self, month: RocMonth) -> float:
        return self.x(month) + self.month_px


def _axis(canvas: _Canvas, top: float, bottom: float) -> list[str]:
    """Year labels where a year begins, quarter labels (110Q1 when there is room, else Q1) and grid lines."""
    window = canvas.timeline.window
    parts = []
    quarter_px = 3 * canvas.month_px
    for month in window.months():
        if month.month % 3 != 1 and month != window.start:
            continue
        x = canvas.x(month)
        # the window's first year is labelled only if its label fits before the next January's
        is_year = month.month == 1 or (month == window.start and (13 - month.month) * canvas.month_px >= 30)
        parts.append(f'<line x1="{_num(x)}" y1="{_num(top + 18)}" x2="{_num(x)}" y2="{_num(bottom)}" '
                     f'stroke="{"#bbbbbb" if month.month == 1 else "#e4e4e4"}" stroke-width="1"/>')
        if is_year:
            parts.append(f'<text x="{_num(x + 2)}" y="{_num(top + 14)}" font-weight="bold">{month.year}</text>')
        if quarter_px >= 13:
            quarter = month.quarter
            text = str(quarter) if quarter_px >= 40 else f"Q{quarter.number}"
            parts.append(f'<text x="{_num(x + 2)}" y="{_num(top + 34)}" font-size="10" fill="#555555">{text}</text>')
    return parts


def _as_of(canvas: _Canvas, label_y: float, top: float, bottom: float) -> list[str]:
    """A band over the as-of quarter and a line at its last day, where states are judged, labelled above the axis."""
    window = canvas.timeline.window
    quarter = canvas.timeline.as_of.months
    if not quarter.overlaps(window):
        return []
    start, end = max(quarter.start, window.start), min(quarter.end, window.end)
    mark = escape(note("as_of_mark", canvas.lang, quarter=canvas.timeline.as_of))
    parts = [f'<rect x="{_num(canvas.x(start))}" y="{_num(top)}" width="{_num(canvas.x_after(end) - canvas.x(start))}" '
             f'height="{_num(bottom - top)}" fill="#fff3b0" opacity="0.6"><title>{mark}</title></rect>']
    if end == quarter.end:
        x = canvas.x_after(end)
        parts.append(f'<line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(bottom)}" stroke="#b8860b" stroke-width="1.5"/>')
        parts.append(f'<text x="{_num(x + 5)}" y="{_num(label_y)}" text-anchor="end" font-size="11" fill="#8a6400">{mark} ▼</text>')
    return parts


def _bar(canvas: _Canvas, bar: Bar, y: float) -> list[str]:
    """The segments in start order, so where phases overlap the later one lies on top (as Bar.segment_at says)."""
    window, lang = canvas.timeline.window, canvas.lang
    colour = COLOURS[bar.state]
    parts = []
    for segment in bar.segments:
        if not segment.months.overlaps(window):
            continue
        shown = MonthRange(max(segment.months.start, window.start), min(segment.months.end, window.end))
        x, width = canvas.x(shown.start), canvas.x_after(shown.end) - canvas.x(shown.start)
        phase = segment.label or KIND_WORDS[segment.kind][lang]
        tip = escape(f"{bar.id} {bar.title} · {phase} {segment.months} · {word(STATE_WORDS, bar.state, lang)}")
        style = (f'fill="{colour}" fill-opacity="0.3" stroke="{colour}" stroke-dasharray="3 2"' if segment.kind is SegmentKind.application
                 else f'fill="{colour}" stroke="#ffffff" stroke-width="0.5"')
        height = BAR if bar.level is BarLevel.measure else BAR - 4
        parts.append(f'<rect class="segment {segment.kind.value} {bar.state.value}" data-bar="{escape(bar.id)}" x="{_num(x)}" '
                     f'y="{_num(y + (ROW - height) / 2)}" width="{_num(width)}" height="{height}" {style}><title>{tip}</title></rect>')
    return parts


def _legend(canvas: _Canvas, y: float) -> tuple[list[str], float]:
    timeline, lang = canvas.timeline, canvas.lang
    parts = [f'<text x="{PAD}" y="{_num(y + 12)}" font-weight="bold">{escape(note("legend", lang))}</text>']
    x = PAD + 48.0
    entries = [(f'fill="{COLOURS[state]}"', word(STATE_WORDS, state, lang)) for state in timeline.states()]
    if SegmentKind.application in timeline.kinds():
        entries.append(('fill="#888888" fill-opacity="0.3" stroke="#888888" stroke-dasharray="3 2"', KIND_WORDS[SegmentKind.application][lang]))
    entries.append(('fill="#fff3b0" stroke="#b8860b"', note("as_of_mark", lang, quarter=timeline.as_of)))
    for style, caption in entries:
        if x + 24 + cell_len(caption) * CELL > canvas.width - PAD:
            x, y = PAD + 48.0, y + ROW
        parts.append(f'<rect class="swatch" x="{_num(x)}" y="{_num(y + 2)}" width="18" height="12" {style}/>')
        parts.append(f'<text class="legend-word" x="{_num(x + 24)}" y="{_num(y + 12)}">{escape(caption)}</text>')
        x += 24 + cell_len(caption) * CELL + 18
    return parts, y + ROW


def _rows(canvas: _Canvas, top: float) -> tuple[list[str], float]:
    """Industry headers and one row a bar: label, ROC range, state word in the state's colour, then the bar."""
    lang = canvas.lang
    parts: list[str] = []
    y = top
    range_x = PAD + (canvas.label_cells + 2) * CELL
    state_x = range_x + (canvas.range_cells + 2) * CELL
    for industry in canvas.timeline.industries:
        parts.append(f'<rect x="{PAD}" y="{_num(y)}" width="{_num(canvas.width - 2 * PAD)}" height="{ROW}" fill="#f0f0f0"/>')
        parts.append(f'<text class="industry" x="{PAD + 4}" y="{_num(y + 15)}" font-weight="bold">{industry.number} {escape(industry.name)}</text>')
        y += ROW
        for bar in industry.bars:
            weight = ' font-weight="bold"' if bar.level is BarLevel.measure else ""
            parts.append(f'<g class="row" data-bar="{escape(bar.id)}" data-state="{bar.state.value}">')
            parts.append(f'<text class="label" x="{PAD}" y="{_num(y + 15)}"{weight}>{escape(fit(label(bar), canvas.label_cells).rstrip())}</text>')
            parts.append(f'<text class="range" x="{_num(range_x)}" y="{_num(y + 15)}" fill="#555555">{bar.span}</text>')
            parts.append(f'<text class="state" x="{_num(state_x)}" y="{_num(y + 15)}" fill="{COLOURS[bar.state]}" font-weight="bold">'
                         f'{escape(word(STATE_WORDS, bar.state, lang))}</text>')
            parts += _bar(canvas, bar, y)
            parts.append("</g>")
            y += ROW
    return parts, y


def _notes(canvas: _Canvas, notes: list[str], top: float) -> tuple[list[str], float]:
    """The footnotes, wrapped (SVG text does not wrap by itself), then the work items without dates."""
    timeline, lang = canvas.timeline, canvas.lang
    line_cells = int((canvas.width - 2 * PAD) / CELL)
    parts: list[str] = []
    y = top
    for line in (line for text in notes for line in wrap(text, line_cells)):
        parts.append(f'<text class="note" x="{PAD}" y="{_num(y + 12)}" font-size="11" fill="#444444">{escape(line)}</text>')
        y += 16
    if timeline.undated:
        y += 8
        parts.append(f'<text class="undated" x="{PAD}" y="{_num(y + 12)}" font-weight="bold">{escape(note("undated", lang))}</text>')
        y += ROW
        for placed in timeline.undated:
            text = fit(f"{placed.id} {placed.work_item.text}", line_cells).rstrip()
            parts.append(f'<text class="undated-item" x="{PAD + 12}" y="{_num(y + 12)}">{escape(text)}</text>')
            y += ROW
    return parts, y


def format_gantt_svg(timeline: Timeline, lang: Lang = Lang.zh) -> str:
    canvas = _Canvas(timeline, lang)
    heading = timeline.heading(lang)
    notes = footnotes(timeline, lang)
    chart_top = PAD + 24 + AS_OF_ROW + AXIS
    rows, rows_bottom = _rows(canvas, chart_top)
    legend, y = _legend(canvas, rows_bottom + ROW / 2)
    below, y = _notes(canvas, notes, y)
    body = [f'<text x="{PAD}" y="{PAD + 8}" font-size="16" font-weight="bold">{escape(heading)}</text>',
            *_as_of(canvas, chart_top - AXIS - 4, chart_top - AXIS + 20, rows_bottom),  # under the axis text and the bars
            *_axis(canvas, chart_top - AXIS, rows_bottom), *rows, *legend, *below]
    height = y + PAD
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(canvas.width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(canvas.width)} {_num(height)}" role="img" aria-labelledby="gantt-title gantt-desc" '
        f'font-family="{FONT}" font-size="{FONT_SIZE}" fill="#222222">\n'
        f'<title id="gantt-title">{escape(heading)}</title>\n<desc id="gantt-desc">{escape(" ".join(notes))}</desc>\n'
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def format_gantt_html(timeline: Timeline, lang: Lang = Lang.zh) -> str:
    heading = timeline.heading(lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-Hant-TW" if lang is Lang.zh else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(heading)}</title>\n'
        f'<style>body{{margin:16px;background:#ffffff;font-family:{FONT}}} svg{{max-width:100%;height:auto}}</style>\n'
        f'</head>\n<body>\n<main>\n{format_gantt_svg(timeline, lang)}</main>\n</body>\n</html>\n'
    )

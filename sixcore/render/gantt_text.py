"""The timeline as a terminal chart: fits the width, aligns CJK by display width, reads without colour."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import StringIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from sixcore.calendar import MonthRange, RocMonth
from sixcore.messages import STATE_WORDS, Lang, word
from sixcore.standing import State
from sixcore.timeline import KIND_WORDS, Bar, BarLevel, SegmentKind, Timeline, footnotes, note

# Each state has its own fill character, so the chart reads without colour (NO_COLOR, a pipe, a printout).
GLYPHS: dict[State, str] = {
    State.completed: "█",
    State.on_schedule: "▓",
    State.behind: "▒",
    State.overdue: "!",
    State.unreported: "?",
    State.suspended: "x",
    State.not_started: "░",
    State.idle: "·",
    State.not_reviewed: ":",
}
APPLICATION_GLYPH = "="  # a 受理申請 segment, whatever the state: the state column still says it
AS_OF_GLYPH = "▼"
AS_OF_COLUMN = "┆"  # drawn in empty cells of the as-of column so the eye can follow it down

STYLES: dict[State, str] = {
    State.completed: "blue",
    State.on_schedule: "green",
    State.behind: "yellow",
    State.overdue: "bold red",
    State.unreported: "magenta",
    State.suspended: "bright_black",
    State.not_started: "cyan",
    State.idle: "bright_black",
    State.not_reviewed: "bright_black",
}

MONTHS_PER_CELL = (1, 3, 6, 12)  # all divide a year, so cells never straddle a quarter or year boundary
LABEL_MIN, LABEL_MAX = 16, 44
GAP = 1


@dataclass(frozen=True)
class Grid:
    """Chart columns: cell i covers the months of block (first + i) of `months_per_cell` months, clipped to the window."""

    window: MonthRange
    months_per_cell: int

    @property
    def first_block(self) -> int:
        return self.window.start.index // self.months_per_cell

    @property
    def cells(self) -> int:
        return self.window.end.index // self.months_per_cell - self.first_block + 1

    def months(self, cell: int) -> list[RocMonth]:
        first = (self.first_block + cell) * self.months_per_cell
        return [RocMonth.from_index(index) for index in range(first, first + self.months_per_cell)
                if self.window.start.index <= index <= self.window.end.index]

    def cell_of(self, month: RocMonth) -> int:
        return month.index // self.months_per_cell - self.first_block


def head(text: str, width: int) -> str:
    """The longest start of `text` that takes at most `width` terminal cells."""
    kept = ""
    for char in text:
        if cell_len(kept + char) > width:
            break
        kept += char
    return kept


def fit(text: str, width: int) -> str:
    """`text` cut (with …) or padded with spaces to exactly `width` terminal cells."""
    if cell_len(text) > width:
        text = head(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


NO_LINE_START = "」』）》〉】，。、；：！？…"  # closing marks Chinese typesetting keeps off the start of a line


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells. Chinese has no spaces to break at, so lines break between any two characters,
    but never inside a run of Latin letters and digits that fits on a line (113Q2, sixcore, 110/1), and never
    before a closing mark (the character before it moves down with it)."""
    lines: list[str] = []
    line = ""
    for token in re.findall(r"[A-Za-z0-9/.\-]+ ?|.", text):
        if line and cell_len(line + token.rstrip()) > width:
            cut = len(line)
            while token in NO_LINE_START and cut > 1 and (cut == len(line) or line[cut] in NO_LINE_START):
                cut -= 1  # carry characters down until the new line starts with one that may start a line
            carried = line[cut:]
            lines.append(line[:cut].rstrip())
            line = carried + token.lstrip()
        else:
            line += token
        while cell_len(line) > width:  # a run of Latin letters wider than a whole line
            lines.append(head(line, width))
            line = line[len(lines[-1]):]
    return [*lines, line.rstrip()] if line.strip() else lines


def label(bar: Bar) -> str:
    if bar.level is BarLevel.measure:
        return f"{bar.id} {bar.title}"
    return f"  {bar.id.split('/', 1)[1]} {bar.title}"


def cell_glyph(bar: Bar, months: list[RocMonth]) -> str | None:
    """What a cell of the bar shows: work wins over a call for applications within one cell; None when empty."""
    kinds = {segment.kind for month in months if (segment := bar.segment_at(month)) is not None}
    if not kinds:
        return None
    return GLYPHS[bar.state] if SegmentKind.work in kinds else APPLICATION_GLYPH


def _place(line: list[str], at: int, text: str) -> bool:
    """Write `text` (single-cell characters) into `line` at `at` if it fits and keeps a blank before it."""
    end = at + len(text)
    if at < 0 or end > len(line) or any(char != " " for char in line[max(at - 1, 0):end]):
        return False
    line[at:end] = list(text)
    return True


def axis_rows(grid: Grid) -> list[str]:
    """ROC years where they begin, then quarters (Q1…Q4, or 1…4 when a cell is a quarter) if cells are that fine."""
    years = [" "] * grid.cells
    quarters = [" "] * grid.cells
    for cell in range(grid.cells):
        first = grid.months(cell)[0]
        if cell == 0 or first.month == 1:
            _place(years, cell, str(first.year))
        if grid.months_per_cell == 1 and first.month % 3 == 1:
            _place(quarters, cell, f"Q{first.quarter.number}")
        elif grid.months_per_cell == 3:
            quarters[cell] = str(first.quarter.number)
    rows = ["".join(years)]
    if grid.months_per_cell <= 3:
        rows.append("".join(quarters))
    return rows


def _layout(timeline: Timeline, lang: Lang, width: int) -> tuple[Grid, int, int, int]:
    """The grid and the widths of the label, range and state columns that fit `width`."""
    bars = list(timeline.bars())
    ideal_label = min(max(cell_len(label(bar)) for bar in bars), LABEL_MAX)
    range_width = max(len(str(bar.span)) for bar in bars)
    state_width = max(cell_len(word(STATE_WORDS, bar.state, lang)) for bar in bars)
    room = width - range_width - state_width - 3 * GAP
    grid = next((Grid(timeline.window, size) for size in MONTHS_PER_CELL if Grid(timeline.window, size).cells <= room - LABEL_MIN),
                Grid(timeline.window, MONTHS_PER_CELL[-1]))
    label_width = max(min(ideal_label, room - grid.cells), LABEL_MIN)
    return grid, label_width, range_width, state_width


def _bar_cells(bar: Bar, grid: Grid, as_of_cell: int) -> Text:
    cells = Text()
    for cell in range(grid.cells):
        glyph = cell_glyph(bar, grid.months(cell))
        if glyph is not None:
            cells.append(glyph, style=STYLES[bar.state])
        else:
            cells.append(AS_OF_COLUMN if cell == as_of_cell else " ", style="dim")
    return cells


def _legend(timeline: Timeline, lang: Lang) -> Text:
    legend = Text(note("legend", lang) + ("：" if lang is Lang.zh else ": "), style="bold")
    for state in timeline.states():
        legend.append(GLYPHS[state], style=STYLES[state])
        legend.append(f" {word(STATE_WORDS, state, lang)}  ")
    if SegmentKind.application in timeline.kinds():
        legend.append(f"{APPLICATION_GLYPH} {KIND_WORDS[SegmentKind.application][lang]}  ")
    legend.append(f"{AS_OF_GLYPH} {note('as_of_mark', lang, quarter=timeline.as_of)}")
    return legend


def format_gantt_text(timeline: Timeline, lang: Lang = Lang.zh, width: int = 100, color: bool = False) -> str:
    grid, label_width, range_width, state_width = _layout(timeline, lang, width)
    as_of_cell = grid.cell_of(timeline.as_of.months.end)
    lead = " " * (label_width + range_width + state_width + 3 * GAP)
    buffer = StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True,
                      color_system="standard" if color else None)
    for line in wrap(timeline.heading(lang), width):
        console.print(Text(line, style="bold"))
    for row in axis_rows(grid):
        console.print(Text(lead + row, style="dim"))
    if 0 <= as_of_cell < grid.cells:
        marker = [" "] * grid.cells
        marker[as_of_cell] = AS_OF_GLYPH
        console.print(Text(lead + "".join(marker)))
    for industry in timeline.industries:
        console.print(Text(f"{industry.number} {industry.name}", style="bold underline"))
        for bar in industry.bars:
            row_text = Text(fit(label(bar), label_width) + " " * GAP, style="bold" if bar.level is BarLevel.measure else "")
            row_text.append(fit(str(bar.span), range_width) + " " * GAP, style="dim")
            row_text.append(fit(word(STATE_WORDS, bar.state, lang), state_width) + " " * GAP, style=STYLES[bar.state])
            row_text.append_text(_bar_cells(bar, grid, as_of_cell))
            console.print(row_text)
    console.print()
    console.print(_legend(timeline, lang), soft_wrap=False)
    for line in (line for text in footnotes(timeline, lang) for line in wrap(text, width)):
        console.print(Text(line, style="dim"))
    if timeline.undated:
        console.print()
        console.print(Text(note("undated", lang), style="bold"))
        for placed in timeline.undated:
            console.print(Text(fit(f"  {placed.id} {placed.work_item.text}", width).rstrip()))
    return buffer.getvalue()

"""The timeline as a Mermaid `gantt` diagram: paste it between ```mermaid and ``` in Markdown and GitHub draws it.

Mermaid needs Gregorian ISO dates; the ROC ranges and the state words go into the task names, which is what
readers see. One task per segment of a bar (a 受理申請 window and the work after it are two tasks), one section
per industry. Mermaid's own task styles carry the state as far as they can (done, active, crit); the state
word in every task name carries it fully.
"""

from __future__ import annotations

import re

from sixcore.calendar import MonthRange
from sixcore.messages import STATE_WORDS, Lang, word
from sixcore.standing import State
from sixcore.timeline import KIND_WORDS, Bar, BarLevel, SegmentKind, Timeline, footnotes, note

TAGS: dict[State, tuple[str, ...]] = {
    State.completed: ("done",),
    State.on_schedule: ("active",),
    State.behind: ("active", "crit"),
    State.overdue: ("crit",),
}

# Mermaid's gantt lexer ends a task name at ":", reads "#…;" as an entity and "%" as the start of a comment,
# and a task's data stops at "#" or ";". Their full-width forms read the same in Chinese text.
_FORBIDDEN = str.maketrans({":": "：", "#": "＃", ";": "；", "%": "％"})
TITLE_CHARS = 32  # Mermaid never wraps a task name; longer work item texts are cut
MAX_TEXT = 50_000  # Mermaid's default maxTextSize: a longer diagram is refused ("Maximum text size in diagram exceeded")


def mermaid_text(text: str, limit: int | None = None) -> str:
    """`text` made safe for a Mermaid task name, section or title: one line, no character its grammar forbids."""
    flat = re.sub(r"\s+", " ", text.translate(_FORBIDDEN)).strip()
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def task_id(bar: Bar, index: int) -> str:
    """Letters, digits and _ only: 1-2/1.1.1b, second segment → w1_2_1_1_1b_2."""
    prefix = "m" if bar.level is BarLevel.measure else "w"
    return prefix + re.sub(r"[^A-Za-z0-9]+", "_", bar.id) + f"_{index}"


def task_name(bar: Bar, months: MonthRange, kind: SegmentKind, lang: Lang) -> str:
    indent = "" if bar.level is BarLevel.measure else "└ "
    phase = f"{KIND_WORDS[kind][lang]} " if kind is SegmentKind.application else ""
    return f"{indent}{bar.id} {mermaid_text(bar.title, TITLE_CHARS)} · {phase}{months} · {word(STATE_WORDS, bar.state, lang)}"


def format_gantt_mermaid(timeline: Timeline, lang: Lang = Lang.zh) -> str:
    window = timeline.window
    day = timeline.as_of.last_roc_day
    mark = note("as_of_mark", lang, quarter=timeline.as_of)
    lines = [
        "gantt",
        f"    title {mermaid_text(timeline.heading(lang))}",
        f"    accDescr: {mermaid_text(note('rollup', lang))}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
        "    inclusiveEndDates",
        "    todayMarker off",  # the chart is as of a quarter, not of the day it is viewed
        f"    section {mermaid_text(mark)}",
        f"    {mermaid_text(mark)} ({day}) : milestone, as_of, {timeline.as_of.last_day.isoformat()}, 0d",
    ]
    for industry in timeline.industries:
        lines.append(f"    section {industry.number} {mermaid_text(industry.name)}")
        for bar in industry.bars:
            for index, segment in enumerate(bar.segments, start=1):
                if not segment.months.overlaps(window):
                    continue
                shown = MonthRange(max(segment.months.start, window.start), min(segment.months.end, window.end))
                data = [*TAGS.get(bar.state, ()), task_id(bar, index), shown.first_day.isoformat(), shown.last_day.isoformat()]
                lines.append(f"    {task_name(bar, segment.months, segment.kind, lang)} : {', '.join(data)}")
    lines += [f"    %% {text}" for text in footnotes(timeline, lang)]
    if timeline.undated:
        lines.append(f"    %% {note('undated', lang)}")
        lines += [f"    %%   {placed.id} {mermaid_text(placed.work_item.text, 60)}" for placed in timeline.undated]
    return "\n".join(lines) + "\n"

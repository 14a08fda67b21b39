"""The report's pictures as inline SVG (no network, no script): the 管考 progress curves, 預定 vs 實際 cumulative
progress from the first review to the as-of quarter, and each industry's work-item lights as a stacked bar.

Every picture says in words what its colours say: a legend, the figures at the curves' ends and in the bars,
and a <title> and <desc> for screen readers. The curves are told apart by dash and marker as well as colour.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from html import escape

from sixcore.messages import CHART_WORDS, LIGHT_WORDS, Lang, word
from sixcore.report import IndustryRollup, ProgressCurve, QuarterReport
from sixcore.standing import Light

# the lights' colours, one table for the report's text and pictures
LIGHT_COLOURS = {Light.green: "#1a7f37", Light.yellow: "#b58100", Light.red: "#c62828", Light.done: "#1f5fbf",
                 Light.unreported: "#8250df", Light.none: "#6e7781"}
# Okabe–Ito blue and vermilion: told apart with any colour vision, and by dash and marker besides
_PLANNED, _ACTUAL = "#0072B2", "#D55E00"
_FONT = 'font-family="Noto Sans CJK TC, Noto Sans TC, Microsoft JhengHei, PingFang TC, sans-serif"'
_LABEL_PX = 40  # room one quarter label (e.g. 113Q2) needs on the x axis
_LEGEND_PX = 100  # room one legend entry (a line sample and its word) takes


def _percent(value: float) -> str:
    return f"{value:.1f}"


def _title(curve: ProgressCurve, lang: Lang) -> str:
    if curve.industry is None:
        return word(CHART_WORDS, "programme", lang).format(items=curve.items)
    return word(CHART_WORDS, "industry", lang).format(number=curve.industry.industry, name=curve.industry.name, items=curve.items)


def progress_svg(curve: ProgressCurve, lang: Lang, key: str, width: int = 640, height: int = 260) -> str:
    """One curve pair: y 0–100 %, a tick per quarter, labels as many as fit without overlapping (always the last)."""
    left, right, top, bottom = 48, 96, 28, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    points = curve.points
    step = plot_w / (len(points) - 1) if len(points) > 1 else 0.0

    def x(index: int) -> float:
        return left + (index * step if len(points) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return top + plot_h * (1 - value / 100)

    title = _title(curve, lang)
    said = [word(CHART_WORDS, "describe", lang).format(quarter=point.quarter, planned=_percent(point.planned), actual=_percent(point.actual))
            for point in points]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-labelledby="{key}-title {key}-desc" {_FONT} font-size="11">',
             f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape("; ".join(said))}</desc>']
    parts.extend(f'<line x1="{left}" y1="{y(value):.1f}" x2="{left + plot_w}" y2="{y(value):.1f}" stroke="#d0d7de" stroke-width="1"/>'
                 f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#57606a">{value}</text>' for value in (0, 25, 50, 75, 100))
    every = max(1, math.ceil(_LABEL_PX / step)) if step else 1
    for index, point in enumerate(points):
        parts.append(f'<line x1="{x(index):.1f}" y1="{top + plot_h}" x2="{x(index):.1f}" y2="{top + plot_h + 4}" stroke="#57606a"/>')
        # labels counted back from the last, so the as-of quarter is always named
        if (len(points) - 1 - index) % every == 0:
            parts.append(f'<text x="{x(index):.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#1f2328">{point.quarter}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" fill="#57606a">{escape(word(CHART_WORDS, "x_axis", lang))}</text>'
                 f'<text x="12" y="{top + plot_h / 2:.1f}" text-anchor="middle" fill="#57606a" transform="rotate(-90 12 {top + plot_h / 2:.1f})">'
                 f'{escape(word(CHART_WORDS, "y_axis", lang))}</text>')
    series = (("planned", _PLANNED, ' stroke-dasharray="6 4"', [point.planned for point in points]),
              ("actual", _ACTUAL, "", [point.actual for point in points]))
    for name, colour, dash, values in series:
        line = " ".join(f"{x(index):.1f},{y(value):.1f}" for index, value in enumerate(values))
        parts.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        parts.extend(f'<circle cx="{x(index):.1f}" cy="{y(value):.1f}" r="3" fill="{colour}"/>' if name == "planned" else
                     f'<rect x="{x(index) - 3:.1f}" y="{y(value) - 3:.1f}" width="6" height="6" fill="{colour}"/>'
                     for index, value in enumerate(values))
    ends = [y(values[-1]) for *_, values in series]
    if abs(ends[0] - ends[1]) < 14:  # the two end labels apart, the higher curve's above
        middle = sum(ends) / 2
        ends = [middle - 7, middle + 7] if ends[0] <= ends[1] else [middle + 7, middle - 7]
    for (name, colour, _, values), at in zip(series, ends, strict=True):
        text = f"{word(CHART_WORDS, name, lang)} {_percent(values[-1])}%"
        parts.append(f'<text x="{x(len(points) - 1) + 8:.1f}" y="{at + 4:.1f}" fill="{colour}" font-weight="bold">{escape(text)}</text>')
    legend = [(word(CHART_WORDS, "planned", lang), _PLANNED, ' stroke-dasharray="6 4"'), (word(CHART_WORDS, "actual", lang), _ACTUAL, "")]
    for index, (text, colour, dash) in enumerate(legend):
        at = left + index * _LEGEND_PX
        parts.append(f'<line x1="{at}" y1="12" x2="{at + 24}" y2="12" stroke="{colour}" stroke-width="2"{dash}/>'
                     f'<text x="{at + 30}" y="16" fill="#1f2328">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def light_counts(industry: IndustryRollup) -> Counter[Light]:
    return Counter(standing.light for measure in industry.measures for standing in measure.items)


def lights_svg(industries: Sequence[IndustryRollup], lang: Lang, key: str, title: str, width: int = 640) -> str:
    """One stacked bar per industry: its work items by light, each part with its count; a legend in words below."""
    label_w, bar_h, gap, top = 150, 20, 8, 8
    order = list(LIGHT_COLOURS)
    bars_h = len(industries) * (bar_h + gap)
    height = top + bars_h + 30
    plot_w = width - label_w - 10
    rows = [(f"{rollup.industry.industry} {rollup.industry.name}", light_counts(rollup)) for rollup in industries]
    described = "; ".join(f"{name}: " + ", ".join(f"{word(LIGHT_WORDS, light, lang)} {counts[light]}" for light in order if counts[light])
                          for name, counts in rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-labelledby="{key}-title {key}-desc" {_FONT} font-size="11">',
             f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(described)}</desc>']
    for row, (name, counts) in enumerate(rows):
        y = top + row * (bar_h + gap)
        total = sum(counts.values()) or 1
        parts.append(f'<text x="{label_w - 6}" y="{y + bar_h / 2 + 4:.1f}" text-anchor="end" fill="#1f2328">{escape(name)}</text>')
        at = float(label_w)
        for light in order:
            if not counts[light]:
                continue
            part = plot_w * counts[light] / total
            parts.append(f'<rect x="{at:.1f}" y="{y}" width="{part:.1f}" height="{bar_h}" fill="{LIGHT_COLOURS[light]}">'
                         f"<title>{escape(word(LIGHT_WORDS, light, lang))} {counts[light]}</title></rect>")
            if part >= 7 * len(str(counts[light])) + 4:
                parts.append(f'<text x="{at + part / 2:.1f}" y="{y + bar_h / 2 + 4:.1f}" text-anchor="middle" fill="#ffffff">{counts[light]}</text>')
            at += part
    at = float(label_w)
    for light in order:
        text = word(LIGHT_WORDS, light, lang)
        parts.append(f'<rect x="{at:.1f}" y="{top + bars_h + 8}" width="12" height="12" fill="{LIGHT_COLOURS[light]}"/>'
                     f'<text x="{at + 16:.1f}" y="{top + bars_h + 18}" fill="#1f2328">{escape(text)}</text>')
        at += 24 + 11 * len(text) * (1 if lang is Lang.zh else 0.6)
    parts.append("</svg>")
    return "".join(parts)


def charts_section(report: QuarterReport, lang: Lang) -> str:
    """The pictures as one HTML section (empty when there is no curve to draw: no item with a schedule)."""
    curves = [curve for curve in report.progress_curves if curve.items and curve.points]
    if not curves:
        return ""
    title = word(CHART_WORDS, "section", lang)
    parts = [f'<section id="charts" class="charts" aria-labelledby="charts-title"><h2 id="charts-title">{escape(title)}</h2>',
             f"<p>{escape(word(CHART_WORDS, 'rule', lang).format(first=curves[0].points[0].quarter, quarter=report.quarter))}</p>"]
    for index, curve in enumerate(curves):
        small = curve.industry is not None
        parts.append(f'<figure class="{"small" if small else "wide-figure"}"><figcaption>{escape(_title(curve, lang))}</figcaption>'
                     f"{progress_svg(curve, lang, f'curve-{index}', *((320, 200) if small else (640, 260)))}</figure>")
    if report.industries:
        caption = word(CHART_WORDS, "lights", lang).format(quarter=report.quarter)
        parts.append(f"<figure><figcaption>{escape(caption)}</figcaption>{lights_svg(report.industries, lang, 'lights-chart', caption)}</figure>")
    parts.append("</section>")
    return "\n".join(parts)


def curve_lines(report: QuarterReport, lang: Lang) -> list[str]:
    """The terminal's picture: one line per curve, the as-of quarter's figures and the industry's lights in words."""
    lights = {rollup.industry.industry: light_counts(rollup) for rollup in report.industries}
    lines = []
    for curve in report.progress_curves:
        if not curve.items or not curve.points:
            continue
        last = curve.points[-1]
        counts = lights.get(curve.industry.industry, Counter()) if curve.industry else sum(lights.values(), Counter())
        shown = ("、" if lang is Lang.zh else ", ").join(f"{word(LIGHT_WORDS, light, lang)} {counts[light]}" for light in LIGHT_COLOURS if counts[light])
        lines.append(word(CHART_WORDS, "line", lang).format(name=_title(curve, lang), planned=_percent(last.planned), actual=_percent(last.actual),
                                                            lag=_percent(last.planned - last.actual), lights=shown or "—"))
    return [word(CHART_WORDS, "screen", lang).format(quarter=report.quarter), *lines] if lines else []

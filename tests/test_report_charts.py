"""The 管考 progress curves (預定 vs 實際 cumulative progress) on the small fixture, worked out by hand; the
pictures as SVG that parses, with labels that do not overlap; the same numbers in report.json and on screen."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.audit import load_context
from sixcore.calendar import Quarter
from sixcore.cli import app
from sixcore.messages import Lang
from sixcore.render.report_charts import charts_section, lights_svg, progress_svg
from sixcore.report import QuarterReport, build_report
from tests.test_status_rules import file_status

SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


def filed(root: Path) -> Path:
    """1-1/1.1.1 (110/1–111/12, 24 months) 20 % in 110Q2, 完成 in 110Q4; 1-1/1.1.2 (109/9–109/12 and 110/1–113/12,
    4 + 48 = 52 months) 30 % in 110Q3; 1-1/1.1.3 has no schedule, so no curve counts it."""
    file_status(root, "110Q2", "nstc", 'work_items:\n  "1-1/1.1.1": {status: 進行中, planned: 25, actual: 20}\n')
    file_status(root, "110Q3", "moea", 'work_items:\n  "1-1/1.1.2": {status: 進行中, planned: 25, actual: 30}\n')
    file_status(root, "110Q4", "nstc", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 110/12/1}\n')
    return root


def report_of(root: Path, quarter: str) -> QuarterReport:
    context, problems = load_context(root, Quarter.parse(quarter))
    assert not [problem for problem in problems if problem.severity.value == "error"], problems
    return build_report(context, Quarter.parse(quarter))


def test_curve_worked_out_by_hand(mini: Path):
    curves = report_of(filed(mini), "110Q4").progress_curves
    # by hand, from the first review (110Q2) to 110Q4; planned = months of the schedule elapsed ÷ its months:
    # 110Q2: 1.1.1 6/24 = 25 %, 1.1.2 (4 + 6)/52 = 19.23 %, mean 22.12; actual (20 + 0)/2 = 10 (1.1.2 has no report yet)
    # 110Q3: 9/24 = 37.5, 13/52 = 25, mean 31.25; actual: 1.1.1 keeps its 110Q2 figure 20, 1.1.2 30, mean 25
    # 110Q4: 12/24 = 50, 16/52 = 30.77, mean 40.38; actual: 1.1.1 完成 = 100, 1.1.2 30, mean 65
    expected = [("110Q2", 22.12, 10.0), ("110Q3", 31.25, 25.0), ("110Q4", 40.38, 65.0)]
    assert [curve.industry.industry if curve.industry else None for curve in curves] == [None, 1]
    for curve in curves:  # one industry: the programme's curve is its curve
        assert curve.items == 2
        assert [(str(point.quarter), round(point.planned, 2), round(point.actual, 2)) for point in curve.points] == expected


def test_planned_is_full_after_the_schedule_ends(mini: Path):
    points = report_of(filed(mini), "112Q1").progress_curves[0].points
    assert len(points) == 8  # 110Q2–Q4, 111Q1–Q4, 112Q1
    # by hand: 1.1.1 ended 111/12, so 100 %; 1.1.2 (4 + 27)/52 = 59.62 %; mean 79.81. Actual unchanged since 110Q4: 65
    assert (str(points[-1].quarter), round(points[-1].planned, 2), points[-1].actual) == ("112Q1", 79.81, 65.0)


def test_report_json_and_screen_carry_the_numbers(mini: Path):
    root = filed(mini)
    result = runner.invoke(app, ["report", "--root", str(root), "--quarter", "110Q4", "--format", "json"])
    assert result.exit_code == 0, result.output
    curves = json.loads(result.stdout)["progress_curves"]
    assert curves[0] == {"industry": None, "items": 2, "points": [
        {"quarter": "110Q2", "planned": 22.12, "actual": 10.0},
        {"quarter": "110Q3", "planned": 31.25, "actual": 25.0},
        {"quarter": "110Q4", "planned": 40.38, "actual": 65.0}]}
    screen = runner.invoke(app, ["report", "--root", str(root), "--quarter", "110Q4"], env={"NO_COLOR": "1"})
    assert "1 測試產業（2 項）：預定 40.4%，實際 65.0%（落差 -24.6 百分點）" in screen.stdout


def test_svg_parses_and_says_its_numbers(mini: Path):
    report = report_of(filed(mini), "110Q4")
    svg = ET.fromstring(progress_svg(report.progress_curves[0], Lang.zh, "curve"))
    assert len(svg.findall(f"{SVG}polyline")) == 2
    assert "110Q4：預定 40.4%，實際 65.0%" in (svg.findtext(f"{SVG}desc") or "")
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert "預定 40.4%" in texts and "實際 65.0%" in texts and "季別" in texts
    bars = ET.fromstring(lights_svg(report.industries, Lang.en, "lights", "Lights"))
    assert {text.text for text in bars.iter(f"{SVG}text")} >= {"1 測試產業", "on track", "seriously behind", "not judged"}


@pytest.mark.parametrize("width", [320, 640])
def test_quarter_labels_never_overlap(mini: Path, width: int):
    curve = report_of(filed(mini), "113Q4").progress_curves[0]  # 15 quarters, 110Q2 … 113Q4
    svg = ET.fromstring(progress_svg(curve, Lang.zh, "curve", width, 200))
    labels = [(float(text.get("x", 0)), text.text) for text in svg.iter(f"{SVG}text") if re.fullmatch(r"\d+Q\d", text.text or "")]
    assert labels[-1][1] == "113Q4"  # the as-of quarter is always named
    assert all(right - left >= 40 for (left, _), (right, _) in itertools.pairwise(labels))  # a label is 5 characters, 11 px font


def test_every_svg_in_the_html_section_parses(mini: Path):
    section = charts_section(report_of(filed(mini), "110Q4"), Lang.en)
    pictures = re.findall(r"<svg\b.*?</svg>", section, flags=re.S)
    assert len(pictures) == 3  # the programme, industry 1, the lights
    for picture in pictures:
        ET.fromstring(picture)
    assert "Planned cumulative progress" in section and "plain mean" in section

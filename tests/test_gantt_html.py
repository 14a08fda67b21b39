"""sixcore gantt --format html / svg: one self-contained file that headless Chromium renders, with words beside colours."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ElementTree

import pytest
from typer.testing import CliRunner

from sixcore.audit import load_context
from sixcore.calendar import Quarter, RocMonth
from sixcore.cli import app
from sixcore.messages import STATE_WORDS, Lang
from sixcore.render.gantt_html import COLOURS, format_gantt_html, format_gantt_svg
from sixcore.timeline import Selection, Timeline, build_timeline
from tests.browser import dump_dom, requires_chromium, screenshot, visible_text
from tests.conftest import REPO

AS_OF = Quarter(113, 2)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    ctx = load_context(REPO, AS_OF)[0]
    return build_timeline(ctx, AS_OF, Selection(industries=(1, 6), detail=True))


def drawn_segments(timeline: Timeline) -> int:
    return sum(1 for bar in timeline.bars() for segment in bar.segments if segment.months.overlaps(timeline.window))


def test_the_page_needs_nothing_from_outside(timeline):
    page = format_gantt_html(timeline, Lang.zh)
    assert re.findall(r"https?://[^\s\"')]+", page) == ["http://www.w3.org/2000/svg"]  # the SVG namespace, never fetched
    assert not re.search(r"<script|<link|@import|url\(|<img|@font-face", page, re.I)
    assert page == format_gantt_html(timeline, Lang.zh)  # same inputs, same bytes


def test_the_svg_is_well_formed_and_describes_itself(timeline):
    root = ElementTree.fromstring(format_gantt_svg(timeline, Lang.zh))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "gantt-title gantt-desc"
    assert root.find(f"{SVG}title").text.startswith("六大核心戰略產業推動方案 工作期程")
    assert "措施狀態取其工作項目中最需關注者" in root.find(f"{SVG}desc").text
    segments = [rect for rect in root.iter(f"{SVG}rect") if "segment" in (rect.get("class") or "")]
    assert len(segments) == drawn_segments(timeline)
    assert all(rect.find(f"{SVG}title") is not None for rect in segments)  # every bar says what it is on hover
    rows = [group for group in root.iter(f"{SVG}g") if group.get("class") == "row"]
    for group in rows:  # a state word on every row, in the state's colour: the colour is never alone
        state = next(text for text in group.iter(f"{SVG}text") if text.get("class") == "state")
        assert state.text == STATE_WORDS[group.get("data-state")][Lang.zh.value]
        assert state.get("fill") == next(colour for key, colour in COLOURS.items() if key.value == group.get("data-state"))


@requires_chromium
def test_chromium_renders_the_chart(timeline, tmp_path):
    page = tmp_path / "gantt.html"
    page.write_text(format_gantt_html(timeline, Lang.zh), encoding="utf-8")
    dom = dump_dom(page)
    text = visible_text(dom)
    assert "六大核心戰略產業推動方案 工作期程 108/1-115/12 · 基準季 113Q2（113/6/30 判定）" in text  # 6-4 starts 108/1, 6-6 ends 115/12
    assert "1 資訊及數位產業" in text and "6 民生及戰備產業" in text and "2 資安卓越產業" not in text
    assert "1-2 與國內外業者合作開發半導體設備及材料" in text and "109/9-113/12" in text
    assert "圖例" in text and "受理申請" in text and "基準季 113Q2" in text
    assert "截至 113Q2 尚無任何季度填報" in text
    assert "無期程（未繪出）" in text and "6-6/2.2.1 完成中長程個案計畫書(草案)" in text
    assert len(re.findall(r'<rect class="segment ', dom)) == drawn_segments(timeline)
    png = screenshot(page, tmp_path / "gantt.png", width=1400, height=900)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


@requires_chromium
def test_cli_writes_html_and_svg_atomically(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO / "plan", root / "plan")
    runner = CliRunner()
    result = runner.invoke(app, ["gantt", "--root", str(root), "--quarter", "113Q2", "--format", "html", "--measure", "1-2", "--lang", "en"])
    assert result.exit_code == 0, result.output
    written = root / "reports" / "gantt-113Q2-measure-1-2-en.html"
    assert written.is_file() and str(written) in result.output
    assert list((root / "reports").iterdir()) == [written]  # nothing half-written left beside it
    text = visible_text(dump_dom(written))
    assert "as of 113Q2" in text and "call for applications" in text and "unreported" in text
    svg = tmp_path / "slides" / "chart.svg"
    result = runner.invoke(app, ["gantt", "--root", str(root), "--quarter", "113Q2", "--format", "svg", "--out", str(svg)])
    assert result.exit_code == 0, result.output
    assert svg.read_text(encoding="utf-8").startswith("<svg ")
    assert "1-2 與國內外業者合作開發半導體設備及材料" in visible_text(dump_dom(svg))


def test_a_shorter_window_draws_only_its_months():
    ctx = load_context(REPO, AS_OF)[0]
    narrow = build_timeline(ctx, AS_OF, Selection(measures=("1-2",), start=RocMonth(112, 1)))
    svg = format_gantt_svg(narrow, Lang.zh)
    assert ">112<" in svg and ">109<" not in svg and "1-2 與國內外業者" in svg

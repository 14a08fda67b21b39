"""sixcore gantt: the timeline against the document's own dates, the roll-up of states, narrowing, and the terminal chart."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml
from rich.cells import cell_len
from typer.testing import CliRunner

from sixcore.audit import load_context
from sixcore.calendar import MonthRange, Quarter, RocMonth
from sixcore.cli import app
from sixcore.messages import Lang
from sixcore.model.plan import Phase
from sixcore.render.gantt_text import APPLICATION_GLYPH, GLYPHS, NO_LINE_START, format_gantt_text, wrap
from sixcore.standing import Standings, State, measure_state
from sixcore.timeline import Bar, BarLevel, SegmentKind, Selection, Timeline, build_timeline, measure_segments
from tests.conftest import REPO

runner = CliRunner()
AS_OF = Quarter(113, 2)

# Read by hand from the seed document /work/shared/seeds/003_cbe2ebe5cd6892fc.txt (not from plan/), one measure in
# each of three industries. Work item → its phases as printed: (label or None, ROC month range).
SEED = {
    # 1-2 與國內外業者合作開發半導體設備及材料, lines 442-463. Lines 447-448: one merged 起訖時程 cell over 1.1.1 and
    # 1.1.2, 第一期 printed on the 1.1.1 row and 第二期 on the 1.1.2 row; lines 451-452 and 455: the same for 2.1.1/2.1.2.
    "1-2": {
        "1.1.1": [("第一期受理申請", "109/9-109/12"), ("第一期執行期程", "110/1-111/12"),
                  ("第二期受理申請", "111/9-111/12"), ("第二期執行期程", "112/1-113/12")],  # lines 447-448
        "1.1.2": [("第一期受理申請", "109/9-109/12"), ("第一期執行期程", "110/1-111/12"),
                  ("第二期受理申請", "111/9-111/12"), ("第二期執行期程", "112/1-113/12")],  # lines 447-448
        "1.2.1": [(None, "110/1-113/12")],  # line 449
        "1.2.2": [(None, "110/1-113/12")],  # line 450
        "2.1.1": [("第一期受理申請", "109/9-110/3"), ("第一期執行期程", "110/4-112/3"),
                  ("第二期受理申請", "111/1-111/6"), ("第二期執行期程", "111/7-113/12")],  # lines 451-452, 455
        "2.1.2": [("第一期受理申請", "109/9-110/3"), ("第一期執行期程", "110/4-112/3"),
                  ("第二期受理申請", "111/1-111/6"), ("第二期執行期程", "111/7-113/12")],  # lines 451-452, 455
        "2.2.1": [(None, "110/1-113/12")],  # line 456
        "3.1.1": [(None, "111/1-113/12")],  # line 457 (3.1.1 and 3.1.2 share the cell "111/1~113/12")
        "3.1.2": [(None, "111/1-113/12")],  # line 457
        "3.2.1": [(None, "111/1-113/12")],  # line 458
        "4.1.1": [(None, "110/1-113/12")],  # line 462
        "4.1.2": [(None, "110/1-113/12")],  # line 463
    },
    # 4-4 設立國防科技學研中心，培育專業人才, lines 1290-1300
    "4-4": {
        "1.1.1": [(None, "109/10-110/2")],  # line 1293
        "1.1.2": [(None, "109/11-110/4")],  # line 1294
        "1.1.3": [(None, "110/3-114/2")],  # line 1295
        "1.1.4": [(None, "110/3-114/2")],  # line 1296
        "1.2.1": [(None, "109/9-109/12")],  # line 1297
        "1.2.2": [(None, "111/1-111/12")],  # line 1298
        "1.2.3": [(None, "112/1-112/12")],  # line 1299
        "1.2.4": [(None, "113/1-113/12")],  # line 1300
    },
    # 5-4 打造離岸風電風力機系統國家隊, lines 1723-1732
    "5-4": {
        "1.1.1": [(None, "109/6-113/12")],  # line 1726
        "1.1.2": [(None, "110/6-113/12")],  # line 1727
        "1.2.1": [(None, "109/8-109/12")],  # line 1728
        "1.2.2": [(None, "109/2-109/10")],  # line 1729
        "1.2.3": [(None, "110/1-111/12")],  # line 1730
        "1.2.4": [(None, "110/7-111/12")],  # line 1731
        "1.2.5": [("第一階段", "110/1-110/12"), ("第二階段", "111/1-113/12")],  # line 1732: "(1)第一階段 … (2)第二階段", two ranges
    },
}


def months_of(text: str) -> set[RocMonth]:
    return set(MonthRange.parse(text).months())


def expected_measure_months(measure: str) -> tuple[set[RocMonth], set[RocMonth]]:
    """(every month some work item is scheduled, the months in which only calls for applications are open)."""
    every: set[RocMonth] = set()
    working: set[RocMonth] = set()
    for phases in SEED[measure].values():
        for phase_label, text in phases:
            every |= months_of(text)
            if not (phase_label and "受理" in phase_label):
                working |= months_of(text)
    return every, every - working


@pytest.fixture(scope="module")
def real_context():
    return load_context(REPO, AS_OF)[0]


def timeline_of(ctx, as_of: Quarter = AS_OF, **selection) -> Timeline:
    return build_timeline(ctx, as_of, Selection(**selection))


def bar(timeline: Timeline, bar_id: str) -> Bar:
    return next(found for found in timeline.bars() if found.id == bar_id)


@pytest.mark.parametrize("measure", sorted(SEED))
def test_measure_bars_match_the_document_month_for_month(real_context, measure):
    timeline = timeline_of(real_context, measures=(measure,))
    shown = bar(timeline, measure)
    every, application_only = expected_measure_months(measure)
    assert {month for segment in shown.segments for month in segment.months.months()} == every
    assert {month for segment in shown.segments if segment.kind is SegmentKind.application for month in segment.months.months()} \
        == application_only
    assert shown.span == MonthRange(min(every), max(every))
    assert timeline.window == shown.span  # the default window is the span of what is shown


@pytest.mark.parametrize("measure", sorted(SEED))
def test_work_item_bars_are_the_documents_phases(real_context, measure):
    timeline = timeline_of(real_context, measures=(measure,), detail=True)
    items = {found.id.split("/")[1]: found for found in timeline.bars() if found.level is BarLevel.work_item}
    assert sorted(items) == sorted(SEED[measure])
    for number, phases in SEED[measure].items():
        drawn = [(segment.label, str(segment.months)) for segment in items[number].segments]
        assert drawn == sorted(phases, key=lambda phase: MonthRange.parse(phase[1]).start), number


@pytest.mark.parametrize("measure", sorted(SEED))
def test_drawn_bars_fill_exactly_the_documents_months(real_context, measure):
    """One cell a month (a wide terminal): each cell of the measure's row is filled iff the document schedules that month."""
    timeline = timeline_of(real_context, measures=(measure,))
    text = format_gantt_text(timeline, Lang.zh, width=200)
    every, application_only = expected_measure_months(measure)
    window = list(timeline.window.months())
    line = next(line for line in text.splitlines() if line.startswith(f"{measure} "))
    cells = line[len(line) - len(window):]
    for month, cell in zip(window, cells, strict=True):
        expected = APPLICATION_GLYPH if month in application_only else GLYPHS[bar(timeline, measure).state] if month in every else " "
        assert cell == expected, f"{measure} {month}"
    years, quarters = (row[-len(window):] for row in text.splitlines()[1:3])  # axis rows are ASCII, as long as the chart
    for offset, month in enumerate(window):
        if month.month == 1 and offset + 3 <= len(window):
            assert years[offset:offset + 3] == str(month.year)  # ROC years above their January
        if month.month % 3 == 1:
            assert quarters[offset:offset + 2] == f"Q{month.quarter.number}"


def test_a_later_phase_lies_on_top_where_phases_overlap(real_context):
    item = bar(timeline_of(real_context, measures=("1-2",), detail=True), "1-2/1.1.1")
    assert item.segment_at(RocMonth(111, 8)).label == "第一期執行期程"
    assert item.segment_at(RocMonth(111, 9)).label == "第二期受理申請"  # second call while the first period runs
    assert item.segment_at(RocMonth(112, 1)).label == "第二期執行期程"
    assert item.segment_at(RocMonth(114, 1)) is None


def test_a_measure_month_is_application_only_when_no_item_works_in_it():
    phases = [Phase(range=MonthRange.parse("110/1-110/12")), Phase(label="第二期受理申請", range=MonthRange.parse("110/10-111/3")),
              Phase(label="受理申請", range=MonthRange.parse("111/6-111/6")), Phase(label="執行期程", range=MonthRange.parse("111/4-111/9"))]
    assert [(str(segment.months), segment.kind) for segment in measure_segments(phases)] == [
        ("110/1-110/12", SegmentKind.work), ("111/1-111/3", SegmentKind.application), ("111/4-111/9", SegmentKind.work)]
    assert [str(segment.months) for segment in measure_segments(phases[:1] + phases[2:3])] == ["110/1-110/12", "111/6-111/6"]  # a gap


@pytest.mark.parametrize(("states", "expected"), [
    ([State.completed, State.overdue, State.on_schedule], State.overdue),
    ([State.behind, State.unreported, State.completed], State.behind),
    ([State.unreported, State.suspended, State.on_schedule], State.unreported),
    ([State.suspended, State.on_schedule], State.suspended),
    ([State.completed, State.completed], State.completed),
    ([State.not_started, State.not_started], State.not_started),
    ([State.completed, State.not_started], State.on_schedule),  # between items: done ones and ones to come
    ([State.idle, State.not_started], State.on_schedule),
    ([State.on_schedule, State.not_started, State.completed], State.on_schedule),
])
def test_a_measure_takes_the_most_urgent_state_of_its_items(states, expected):
    assert measure_state(states) is expected


def test_measure_states_roll_up_the_items_progress_judges(demo):
    ctx = load_context(demo, AS_OF)[0]
    timeline = timeline_of(ctx, detail=True)
    standings = Standings.of(ctx, AS_OF).items
    measures = [found for found in timeline.bars() if found.level is BarLevel.measure]
    for measure in measures:
        items = [found for found in timeline.bars() if found.id.startswith(measure.id + "/")]
        assert all(item.state is standings[item.id].state for item in items)
        assert measure.state is measure_state([item.state for item in items])
    assert {State.overdue, State.behind, State.unreported, State.on_schedule} <= {found.state for found in timeline.bars()}
    assert timeline.filed_any


def test_agency_matches_the_reporting_body_of_lead_or_co(real_context):
    moea = timeline_of(real_context, agencies=("moea",), detail=True)
    ids = {found.id for found in moea.bars()}
    assert "1-2/1.1.1" in ids  # led by 工業局 (moea-idb), which answers through 經濟部
    assert "4-4/1.1.1" not in ids  # 科技部 with 科會辦 and 國防部
    nstc = {found.id for found in timeline_of(real_context, agencies=("nstc",), detail=True).bars()}
    assert {"1-2/1.1.1", "4-4/1.1.1"} <= nstc  # 科技部 is co of the first and lead of the second; 國科會 answers for it today
    assert nstc == {found.id for found in timeline_of(real_context, agencies=("most",), detail=True).bars()}


def test_an_agency_sees_its_own_part_of_a_measure(real_context):
    mnd = timeline_of(real_context, measures=("4-4",), agencies=("mnd",), detail=True)
    items = [found.id for found in mnd.bars() if found.level is BarLevel.work_item]
    assert len(items) == 8  # 國防部 co-leads 1.1.x and leads 1.2.x
    assert str(bar(mnd, "4-4").span) == "109/9-114/2"
    mof = timeline_of(real_context, measures=("1-2",), agencies=("moea",), industries=(1,))
    assert [found.id for found in mof.bars()] == ["1-2"]


def test_window_clips_and_counts_what_it_leaves_out(real_context):
    timeline = timeline_of(real_context, industries=(4,), detail=True, start=RocMonth(111, 1), end=RocMonth(111, 12))
    assert timeline.window == MonthRange.parse("111/1-111/12")
    ids = {found.id for found in timeline.bars()}
    assert "4-4/1.2.2" in ids and "4-4/1.2.1" not in ids and "4-4/1.2.3" not in ids
    assert timeline.outside_window > 0
    text = format_gantt_text(timeline, Lang.zh, width=120)
    assert f"另有 {timeline.outside_window} 列全在顯示期間之外" in text


def test_undated_work_items_are_listed_not_drawn(mini):
    ctx = load_context(mini, AS_OF)[0]
    timeline = timeline_of(ctx, detail=True)
    assert [placed.id for placed in timeline.undated] == ["1-1/1.1.3"]
    assert "1-1/1.1.3" not in {found.id for found in timeline.bars()}
    text = format_gantt_text(timeline, Lang.zh, width=100)
    assert text.split("無期程（未繪出）")[1].split() == ["1-1/1.1.3", "第三項工作"]


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_the_chart_fits_the_terminal_and_aligns_cjk(real_context, width):
    timeline = timeline_of(real_context, detail=True)
    lines = format_gantt_text(timeline, Lang.zh, width=width).splitlines()
    assert max(cell_len(line) for line in lines) <= width
    rows = [line for line in lines[:lines.index("")] if re.match(r"^(\d-\d+ |  \d)", line)]  # up to the legend
    assert len(rows) == len(list(timeline.bars()))
    assert len({cell_len(row) for row in rows}) == 1  # every chart starts in the same column, whatever the CJK in the labels
    range_columns = {cell_len(row[:re.search(r" (\d{3}/\d{1,2}-\d{3}/\d{1,2})", row).start(1)]) for row in rows}
    assert len(range_columns) == 1


def test_reads_without_colour_and_colours_only_when_asked(demo):
    timeline = timeline_of(load_context(demo, AS_OF)[0])
    plain = format_gantt_text(timeline, Lang.zh, width=120, color=False)
    coloured = format_gantt_text(timeline, Lang.zh, width=120, color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert len(set(GLYPHS.values()) | {APPLICATION_GLYPH}) == len(GLYPHS) + 1
    legend = next(line for line in plain.splitlines() if line.startswith("圖例"))
    for state in timeline.states():
        assert f"{GLYPHS[state]} " in legend
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


@pytest.mark.parametrize("width", [7, 20, 33, 80])
def test_notes_wrap_by_display_width_and_keep_closing_marks_off_line_starts(width):
    text = "措施狀態取其工作項目中最需關注者：逾期 > 落後；全部完成為「完成」，其餘為「進度正常」。 States at 113Q2 (113/6/30), sixcore check."
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert not any(line[0] in NO_LINE_START for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert "113Q2" in "\n".join(lines) or width < 8  # a short Latin run is never split


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["gantt", *args], env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})


def test_cli_default_chart_of_the_demo(demo):
    result = run("--root", str(demo))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("六大核心戰略產業推動方案 工作期程") and "基準季 113Q4（113/12/31 判定）" in lines[0]  # latest filed
    assert any(line.startswith("1-2 與國內外業者合作開發半導體設備及材料") for line in lines)
    assert "截至" not in result.output  # status is filed: no warning that states show only missing reports
    assert max(cell_len(line) for line in lines) <= 100
    assert run("--root", str(demo)).output == result.output  # same inputs, same bytes


def test_cli_narrows_and_details(demo):
    result = run("--root", str(demo), "--quarter", "113Q2", "--detail", "--measure", "1-2", "--from", "110/1", "--to", "113/12")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if re.match(r"1-2 |  \d", line)]
    assert rows[0].startswith("1-2 ") and len(rows) == 1 + len(SEED["1-2"])
    assert "110/1-113/12 · 基準季 113Q2" in result.output


def test_cli_without_status_uses_the_current_quarter_and_says_states_are_unreported(mini):
    result = run("--root", str(mini))
    assert result.exit_code == 0, result.output
    # the current quarter, but never after the programme's last (113Q4 for the fixture's 110–113)
    expected = min(Quarter.containing(dt.date.today()), Quarter(113, 4))
    assert f"基準季 {expected}" in result.output
    assert "尚無任何季度填報" in result.output


def test_cli_english(mini):
    result = run("--root", str(mini), "--quarter", "111Q2", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "as of 111Q2 (111/6/30)" in result.output and "Legend:" in result.output and "Without dates (not drawn)" in result.output


def test_cli_states_with_a_status_file(mini):
    folder = mini / "status" / "111Q2"
    folder.mkdir(parents=True)
    (folder / "nstc.yaml").write_text(yaml.safe_dump({
        "quarter": "111Q2", "agency": "nstc",
        "work_items": {"1-1/1.1.1": {"status": "落後", "planned": 60, "actual": 40, "done": "（測試）",
                                     "delay_reason": "（測試）", "countermeasure": "（測試）"}},
    }, allow_unicode=True), encoding="utf-8")
    result = run("--root", str(mini), "--detail")
    assert result.exit_code == 0, result.output
    assert re.search(r"1\.1\.1 第一項工作\s+110/1-111/12\s+落後", result.output)
    assert re.search(r"1\.1\.2 第二項工作\s+109/9-113/12\s+未填報", result.output)  # 工業局 → moea filed nothing
    assert "截至" not in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--measure", "9-9"], "方案中沒有措施 9-9"),
    (["--industry", "7"], "方案中沒有產業 7"),
    (["--agency", "nobody"], "未知的機關「nobody」"),
    (["--from", "110/13"], "--from「110/13」無效"),
    (["--to", "113/1", "--from", "113/6"], "--to 113/1 早於 --from 113/6"),
    (["--quarter", "113Q5"], "季別「113Q5」無效"),
    (["--measure", "1-1", "--from", "115/1"], "顯示期間 115/1-113/12 內沒有工作項目"),
])
def test_cli_user_errors_say_what_to_do(mini, args, message):
    result = run("--root", str(mini), *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_json_gives_the_chart_as_data():
    result = runner.invoke(app, ["gantt", "--root", str(REPO), "--quarter", "113Q2", "--measure", "1-2", "--detail", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["as_of"], data["bars"][0]["id"], data["bars"][0]["level"]) == ("113Q2", "1-2", "measure")
    item = next(bar for bar in data["bars"] if bar["id"] == "1-2/1.1.1")
    # 1-2/1.1.1 is scheduled in four phases: 第一期受理申請 109/9-109/12, 第一期執行期程 110/1-111/12, …
    assert [segment["months"] for segment in item["segments"]][:2] == ["109/9-109/12", "110/1-111/12"]
    assert {bar["state"] for bar in data["bars"]} <= {state.value for state in State}


def test_behind_and_overdue_differ_in_lightness_not_only_in_hue():
    """The chart's 落後 and 逾期 were two near-identical oranges (contrast 1.8:1); they must tell apart by lightness."""
    from sixcore.render.gantt_html import COLOURS

    def luminance(colour: str) -> float:  # WCAG relative luminance
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(COLOURS[State.behind]), luminance(COLOURS[State.overdue])), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3

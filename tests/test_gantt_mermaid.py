"""sixcore gantt --format mermaid: accepted by the real Mermaid (in headless Chromium), with the dates and styles meant.

The real-parser test needs mermaid's browser bundle on disk, outside the repository:

    npm install --prefix "$HOME/.cache/sixcore-test-npm" --no-save --no-audit --no-fund mermaid@<MERMAID_VERSION in .ci/run>

(or SIXCORE_MERMAID_JS=/path/to/mermaid.min.js). Without it, or without Chromium, that test is skipped with the
reason, unless SIXCORE_REQUIRE_BROWSER=1 (CI), where it fails. The grammar tests below run everywhere: they hold the
output to the lexer rules of Mermaid's gantt grammar (src/diagrams/gantt/parser/gantt.jison).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from html import escape, unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.audit import load_context
from sixcore.calendar import MonthRange, Quarter
from sixcore.cli import app
from sixcore.messages import Lang
from sixcore.render.gantt_mermaid import MAX_TEXT, TAGS, format_gantt_mermaid, mermaid_text, task_id
from sixcore.timeline import Selection, Timeline, build_timeline
from tests.browser import CHROMIUM, dump_dom
from tests.conftest import REPO

AS_OF = Quarter(113, 2)
NPM_PREFIX = Path(os.environ.get("SIXCORE_TEST_NPM", Path.home() / ".cache" / "sixcore-test-npm"))
MERMAID_JS = Path(os.environ.get("SIXCORE_MERMAID_JS", NPM_PREFIX / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"))
REQUIRED = os.environ.get("SIXCORE_REQUIRE_BROWSER") == "1"

requires_mermaid = pytest.mark.skipif(
    (CHROMIUM is None or not MERMAID_JS.is_file()) and not REQUIRED,
    reason=f"needs chromium and {MERMAID_JS} (npm install --prefix {NPM_PREFIX} --no-save mermaid@<MERMAID_VERSION in .ci/run>); CI installs both",
)

# The gantt lexer's rules for a line (gantt.jison): keywords, then a task name up to ':' and task data without '#' or ';'.
DIRECTIVE = re.compile(r"^(gantt|dateFormat [^#\n;]+|axisFormat [^#\n;]+|inclusiveEndDates|todayMarker [^\n;]+|title [^\n]+|"
                       r"accDescr: [^\n]+|section [^\n]+|%% [^\n]*)$")
TASK = re.compile(r"^(?P<name>[^:\n%#;]+) : (?P<data>[^#\n;]+)$")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    ctx = load_context(REPO, AS_OF)[0]
    return build_timeline(ctx, AS_OF, Selection(measures=("1-2", "4-4", "5-4", "6-6"), detail=True))


def expected_tasks(timeline: Timeline) -> list[dict[str, object]]:
    """What Mermaid should read: one task per segment, first and last day of its months (inclusive end dates)."""
    tasks = []
    for bar in timeline.bars():
        for index, segment in enumerate(bar.segments, start=1):
            tags = TAGS.get(bar.state, ())
            tasks.append({"id": task_id(bar, index), "start": segment.months.first_day.isoformat(), "last": segment.months.last_day.isoformat(),
                          "done": "done" in tags, "active": "active" in tags, "crit": "crit" in tags})
    return tasks


def test_every_line_follows_the_gantt_grammar(timeline):
    lines = format_gantt_mermaid(timeline, Lang.zh).splitlines()
    assert lines[0] == "gantt"
    tasks = []
    for line in (line.strip() for line in lines):
        match = TASK.match(line)
        assert DIRECTIVE.match(line) or match, line
        if match and not DIRECTIVE.match(line):
            tasks.append(match)
    ids = [match["data"].split(", ")[-3] for match in tasks]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_]+", task) for task in ids)
    for match in tasks:
        for date in match["data"].split(", ")[-2:]:
            if date != "0d":
                dt.date.fromisoformat(date)
    assert "6-6/2.2.1" in lines[-1] and lines[-1].strip().startswith("%%")  # the undated item, as a comment below the chart


def test_tasks_carry_roc_ranges_and_state_words(timeline):
    text = format_gantt_mermaid(timeline, Lang.zh)
    assert "1-2 與國內外業者合作開發半導體設備及材料 · 受理申請 109/9-109/12 · 未填報 : m1_2_1, 2020-09-01, 2020-12-31" in text
    assert "└ 1-2/1.1.1 公告「產業升級創新平台輔導計畫」，並分 2 期受理申請 · 受理申請 111/9-111/12 · 未填報 : w1_2_1_1_1_3, 2022-09-01, 2022-12-31" in text
    assert "section 4 國防及戰略產業" in text
    assert "基準季 113Q2 (113/6/30) : milestone, as_of, 2024-06-30, 0d" in text


def test_names_lose_what_the_grammar_forbids():
    assert mermaid_text("a: b #1; 5%\n next") == "a： b ＃1； 5％ next"
    assert mermaid_text("一二三四五", limit=4) == "一二三…"


def test_window_clips_the_dates_not_the_labels(timeline):
    ctx = load_context(REPO, AS_OF)[0]
    clipped = build_timeline(ctx, AS_OF, Selection(measures=("1-2",), start=MonthRange.parse("110/1-110/1").start))
    text = format_gantt_mermaid(clipped, Lang.en)
    assert "1-2 " in text and "110/1-113/12 · unreported : m1_2_2, 2021-01-01, 2024-12-31" in text
    assert "m1_2_1" not in text  # the 109/9-109/12 call for applications lies before the window


def test_cli_prints_the_diagram_and_warns_when_mermaid_would_refuse_it():
    runner = CliRunner()
    result = runner.invoke(app, ["gantt", "--root", str(REPO), "--quarter", "113Q2", "--format", "mermaid", "--measure", "1-2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("gantt\n") and "\x1b[" not in result.stdout and result.stderr == ""
    whole = runner.invoke(app, ["gantt", "--root", str(REPO), "--quarter", "113Q2", "--format", "mermaid", "--detail"])
    assert whole.exit_code == 0 and len(whole.stdout) > MAX_TEXT and "超過 Mermaid 上限" in whole.stderr


def run_mermaid(text: str, folder: Path) -> dict:
    """Parse `text` with the real Mermaid in headless Chromium: its verdict, the tasks as its gantt database reads them,
    and the size of the SVG it renders."""
    if not MERMAID_JS.is_file():
        pytest.fail(f"SIXCORE_REQUIRE_BROWSER=1 but {MERMAID_JS} is missing; install mermaid with npm")
    page = folder / "mermaid.html"
    page.write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><script src="{MERMAID_JS.resolve().as_uri()}"></script></head>
<body><pre id="result">pending</pre><script type="text/plain" id="diagram">{escape(text)}</script>
<script>
const out = document.getElementById("result");
const text = document.getElementById("diagram").textContent;
const day = d => [d.getFullYear(), String(d.getMonth() + 1).padStart(2, "0"), String(d.getDate()).padStart(2, "0")].join("-");
mermaid.initialize({{startOnLoad: false}});
(async () => {{
  try {{
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const tasks = diagram.db.getTasks().map(t => ({{id: t.id, name: t.task, section: t.section, start: day(t.startTime),
      end: day(t.endTime), done: !!t.done, active: !!t.active, crit: !!t.crit, milestone: !!t.milestone}}));
    const {{svg}} = await mermaid.render("chart", text);
    out.textContent = JSON.stringify({{ok: true, tasks, svg: svg.length}});
  }} catch (error) {{
    out.textContent = JSON.stringify({{ok: false, error: String(error && error.message || error)}});
  }}
}})();
</script></body></html>
""", encoding="utf-8")
    dom = dump_dom(page)
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found, dom[:2000]
    return json.loads(unescape(found[1]))


@requires_mermaid
def test_real_mermaid_reads_the_diagram_as_meant(timeline, tmp_path):
    result = run_mermaid(format_gantt_mermaid(timeline, Lang.zh), tmp_path)
    assert result["ok"], result.get("error")
    assert result["svg"] > 1000
    read = {task["id"]: task for task in result["tasks"]}
    assert read["as_of"]["milestone"] and read["as_of"]["start"] == "2024-06-30"
    expected = expected_tasks(timeline)
    assert len(result["tasks"]) == len(expected) + 1
    for task in expected:
        got = read[task["id"]]
        # with inclusiveEndDates Mermaid ends a bar at the start of the day after the last one
        last = dt.date.fromisoformat(str(task["last"]))
        assert (got["start"], got["end"]) == (task["start"], (last + dt.timedelta(days=1)).isoformat()), task["id"]
        assert (got["done"], got["active"], got["crit"]) == (task["done"], task["active"], task["crit"]), task["id"]
    assert {task["section"] for task in result["tasks"]} == {"基準季 113Q2", "1 資訊及數位產業", "4 國防及戰略產業", "5 綠電及再生能源產業",
                                                            "6 民生及戰備產業"}


@requires_mermaid
def test_real_mermaid_reads_english_and_the_whole_plan(tmp_path):
    ctx = load_context(REPO, AS_OF)[0]
    result = run_mermaid(format_gantt_mermaid(build_timeline(ctx, AS_OF, Selection()), Lang.en), tmp_path)
    assert result["ok"], result.get("error")
    assert any(task["name"].startswith("1-1 ") and "overdue" in task["name"] for task in result["tasks"])


@requires_mermaid
def test_the_harness_sees_an_error(tmp_path):
    """A diagram Mermaid rejects is reported as rejected, so the tests above can fail."""
    result = run_mermaid("gantt\n    dateFormat YYYY-MM-DD\n    section A\n    broken : a1, 2021-13-45, 2021-12-31\n", tmp_path)
    assert not result["ok"] and "Invalid date" in result["error"]

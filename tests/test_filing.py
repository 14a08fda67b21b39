"""Filing a status file as an agency clerk does it (status new → fill in → check), through the command line.

Each case asserts the exit code, the place (file:line) and the words a clerk reads.
Fixture plan (tests/fixtures/mini): 1-1/1.1.1 110/1-111/12 lead 科技部 (now nstc); 1-1/1.1.2 109/9-109/12 and
110/1-113/12 lead 工業局 (moea); 1-1/1.1.3 undated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sixcore.audit import load_context
from sixcore.calendar import Quarter
from sixcore.cli import app
from sixcore.standing import Standings
from tests.test_status_rules import file_status

runner = CliRunner()


def run(*args: str, root: Path | None = None, lang: str = "zh-TW"):
    extra = ["--root", str(root)] if root is not None else []
    return runner.invoke(app, [*args, *extra] if args[0] != "check" else [*args, *extra, "--lang", lang], env={"NO_COLOR": "1", "COLUMNS": "200"})


def located(output: str, code: str) -> list[str]:
    """The `line:column` of every problem with `code` in text output."""
    return [line.split()[0] for line in output.splitlines() if f"({code} " in line]


# --- a template cannot pass untouched -------------------------------------------------------------------------


def test_an_untouched_template_fails_with_one_message_per_entry(mini: Path):
    assert run("status", "new", "--quarter", "112Q1", "--agency", "moea", root=mini).exit_code == 0
    path = mini / "status" / "112Q1" / "moea.yaml"
    text = path.read_text(encoding="utf-8")
    entries = [number for number, line in enumerate(text.splitlines(), 1) if line.startswith('  "1-1/')]
    assert len(entries) == 1  # 1.1.2 only (1.1.1 is nstc's; 1.1.3 has no date)
    status_line = entries[0] + 1
    assert text.splitlines()[status_line - 1].startswith("    status:          # 必填：完成、進行中、落後、未開始、停辦")
    result = run("check", str(path), root=mini)
    assert result.exit_code == 1
    assert located(result.output, "SC211") == [f"{status_line}:12"]
    assert "工作項目 1-1/1.1.2 尚未填寫執行狀態" in result.output and "見檔案開頭的填寫說明" in result.output
    assert located(result.output, "SC302") == located(result.output, "SC301") == []  # the entry's own error says it
    assert "SC212" in result.output and "辦理情形" in result.output  # part 伍's texts left empty: a warning


def test_the_template_groups_entries_and_marks_what_it_carried_forward(mini: Path):
    file_status(mini, "111Q4", "moea", 'work_items:\n  "1-1/1.1.2": {status: 落後, planned: 60, actual: 50, delay_reason: 延宕, countermeasure: 趕工}\n')
    assert run("status", "new", "--quarter", "112Q1", "--agency", "moea", root=mini).exit_code == 0
    lines = (mini / "status" / "112Q1" / "moea.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("work_items:")
    assert lines[start + 1] == "  # ── 1-1 測試措施 ／ 1. 測試事項"
    block = lines[start + 2:start + 12]
    assert "    status:          # 必填：完成、進行中、落後、未開始、停辦（上季：落後）" in block
    assert "    planned: 60  # 上季" in block and "    actual: 50  # 上季" in block and "    delay_reason: 延宕  # 上季" in block
    assert "    completed: null  # 完成時必填，如 113/6/28" in block


# --- files where a filing does not count ----------------------------------------------------------------------


def test_files_in_the_wrong_place_are_errors_that_say_where_to_go(mini: Path, tmp_path: Path):
    body = "quarter: 113Q3\nagency: moea\n"
    places = {"status/moea.yaml": "status/<季別>/moea.yaml", "status/113Q2/sub/moea.yaml": "status/113Q2/moea.yaml",
              "status/113Q2/mohw.txt": "status/113Q2/mohw.yaml", "status/113-Q3/moea.yaml": "status/113Q3/moea.yaml"}
    for relative in places:
        (mini / relative).parent.mkdir(parents=True, exist_ok=True)
        (mini / relative).write_text(body, encoding="utf-8")
    (mini / "status" / "README.md").write_text("# 填報說明\n", encoding="utf-8")  # the folder's own guide is no filing
    everything = run("check", root=mini)
    assert everything.exit_code == 1
    for relative, target in places.items():
        assert f"{relative} 不在填報位置" in everything.output and f"請將檔案移到 {target}" in everything.output, relative
        named = run("check", str(mini / relative), root=mini)
        assert named.exit_code == 1 and located(named.output, "SC213") == ["1:1"], relative
    assert "README.md" not in everything.output
    assert "資料夾名稱「113-Q3」不是季別" in everything.output
    outside = tmp_path / "moea.yaml"
    outside.write_text(body, encoding="utf-8")
    result = run("check", str(outside), root=mini)
    assert result.exit_code == 1 and "不在本方案資料庫的 status/ 資料夾內" in result.output and "status/113Q3/moea.yaml" in result.output
    readme = mini / "README.md"
    readme.write_text("# repo\n", encoding="utf-8")
    assert run("check", str(readme), root=mini).exit_code == 1


# --- input as forgiving as the dates --------------------------------------------------------------------------


@pytest.mark.parametrize(("planned", "actual", "status"), [
    ("５０", "40", "Done"), ('"50%"', '"４０％"', "DONE"), ("50 %", "40", "On-Track"), ("50", "40", "進行中"),
])
def test_numbers_and_words_as_a_clerk_types_them(mini: Path, planned: str, actual: str, status: str):
    completed = ", completed: 1110315" if status.lower() == "done" else ""
    file_status(mini, "111Q1", "nstc", f'work_items:\n  "1-1/1.1.1": {{status: {status}, planned: {planned}, actual: {actual}{completed}}}\n')
    result = run("check", root=mini)
    assert result.exit_code == 0, result.output
    ctx, _ = load_context(mini, Quarter.parse("111Q1"))
    report = Standings.of(ctx).items["1-1/1.1.1"].report
    assert report is not None and (report.planned, report.actual) == (50, 40)
    if completed:
        assert str(report.completed) == "111/3/15"


def test_refusals_name_the_cause_in_the_clerks_words(mini: Path):
    file_status(mini, "111Q1", "nstc", 'work_items:\n  "1-1/1.1.1": {status: 完工, planned: abc, completed: 2022-03-01}\n', header=True)
    result = run("check", root=mini)
    assert result.exit_code == 1
    out = result.output
    assert "「完工」不是可用的狀態；請填 完成、進行中、落後、未開始、停辦 其中之一" in out
    assert "「abc」不是數字" in out
    assert "日期「2022-03-01」無效：這是西元日期，請改寫為民國年" in out and "例如 111/3/1" in out
    for python in ("datetime", "None", "'", " or "):
        assert python not in out.replace("sixcore check", ""), python
    english = run("check", root=mini, lang="en").output
    assert "a Gregorian date; write the ROC date, like 111/3/1" in english and "not a status; write one of" in english


def test_a_quarter_is_called_a_quarter(mini: Path):
    file_status(mini, "111Q1", "nstc", "quarter: 111-1\nagency: nstc\n", header=False)
    result = run("check", root=mini)
    assert result.exit_code == 1 and "欄位「quarter」的季別「111-1」無效" in result.output and "請以民國季別填寫，例如 113Q2" in result.output


# --- agency ids are easy to find ------------------------------------------------------------------------------


@pytest.mark.parametrize("given", ["MOEA", "經濟部", "moea", " Moea "])
def test_agency_by_name_or_any_case(mini: Path, given: str):
    result = run("status", "new", "--quarter", "112Q1", "--agency", given, root=mini)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((mini / "status" / "112Q1" / "moea.yaml").read_text(encoding="utf-8"))["agency"] == "moea"


def test_a_typo_gets_the_nearest_ids(mini: Path):
    result = run("status", "new", "--quarter", "112Q1", "--agency", "moeaa", root=mini)
    assert result.exit_code == 2 and "您是否指 moea（經濟部）" in result.output and "sixcore agencies" in result.output
    assert not (mini / "status" / "112Q1").exists()


def test_agencies_lists_ids_units_successors_and_who_files():
    result = run("agencies")
    assert result.exit_code == 0
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:] if line.strip()}
    assert "經濟部" in rows["moea"] and "nstc（111/7/27）" in rows["most"]
    assert rows["moea-idb"].split()[3] == "moea"  # a unit of 經濟部
    assert rows["taipower"].split()[-1] == "moea"  # files through 經濟部


def test_the_schema_accepts_what_sixcore_accepts(tmp_path: Path):
    """Editors check as sixcore does: seven-digit and full-width dates, 50%, English words in any case."""
    import re

    from sixcore.schema import render_schema

    schema = json.loads(render_schema("status"))["$defs"]["WorkItemReport"]["properties"]
    completed = schema["completed"]["anyOf"][0]["anyOf"]
    day = next(option["pattern"] for option in completed if option.get("type") == "string")
    for text in ("113/6/30", "113年6月30日", "１１３/６/３０", "1130630", "中華民國113年6月30日"):
        assert re.match(day, text), text
    assert not re.match(day, "anything")
    status = next(option["pattern"] for option in schema["status"]["anyOf"] if option.get("type") == "string")
    assert all(re.match(status, word) for word in ("Done", "ON-TRACK", "完成")) and not re.match(status, "完工")


# --- a mistyped colon or a syntax error, in words, at its line --------------------------------------------------


def test_a_full_width_colon_is_named_at_its_place_and_hides_nothing(mini: Path):
    file_status(mini, "111Q1", "nstc", 'work_items:\n  "1-1/1.1.1":\n    status：落後\n    planned: 50\n    actual: 40\n')
    result = run("check", root=mini)
    assert result.exit_code == 1
    assert located(result.output, "SC014") == ["5:11"]  # line 5, at the colon itself
    assert "「status」後面是全形冒號「：」" in result.output and "status: 落後" in result.output
    assert located(result.output, "SC208") == ["5:13"]  # 落後 without reason: still judged, the colon read as ": "
    assert "mapping values" not in result.output


@pytest.mark.parametrize(("body", "words", "line"), [
    ('work_items:\n  "1-1/1.1.1":\n    status: 進行中\n   planned: 50\n', "縮排不一致", 6),  # after quarter: and agency:
    ('summary: "未結束的引號\nhighlights: []\n', "引號沒有成對", 3),  # where the quote opens
    ("summary: *補充\n", "未定義的別名", 3),
    ("highlights: [一, 二\n", "沒有成對", 3),  # where the bracket opens
])
def test_syntax_errors_in_words(mini: Path, body: str, words: str, line: int):
    file_status(mini, "111Q1", "nstc", body)
    result = run("check", root=mini)
    assert result.exit_code == 1
    assert words in result.output, result.output
    assert [place.split(":")[0] for place in located(result.output, "SC001")] == [str(line)]

"""`sixcore report` on the SYNTHETIC status set: every count equals an independent count; and the shipped,
empty status/ gives an honest report of what is owed."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.clirun import run
from tests.conftest import REPO
from tests.synthetic.independent import Independent, previous_quarter, quarter_key

runner = CliRunner()
QUARTERS = ("112Q3", "113Q2", "113Q4")
FILES = {"report.md", "report.html", "items.csv", "report.json", "report.ods"}


@pytest.fixture(scope="module")
def independent(demo: Path) -> Independent:
    result = run("export", "--root", str(demo))
    assert result.exit_code == 0, result.output
    return Independent.read(demo, json.loads(result.stdout))


@pytest.fixture(scope="module")
def reports(demo: Path) -> dict[str, dict]:
    """report.json of every quarter, as `sixcore report --format json` prints it."""
    found = {}
    for quarter in QUARTERS:
        result = run("report", "--root", str(demo), "--quarter", quarter, "--format", "json")
        assert result.exit_code == 0, result.output
        found[quarter] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("quarter", QUARTERS)
def test_states_match_independent_count(quarter: str, reports: dict, independent: Independent):
    data = reports[quarter]
    states = independent.states(quarter_key(quarter))
    assert data["counts"] == {state: Counter(states.values())[state] for state in data["counts"]}
    assert {item["id"]: item["state"] for item in data["work_items"]} == states
    assert set(data["completed"]) == {item_id for item_id, state in states.items() if state == "completed"}
    assert set(data["suspended"]) == {item_id for item_id, state in states.items() if state == "suspended"}
    assert {item["id"] for item in data["work_items"] if item["owed"]} == independent.owed(quarter_key(quarter))


@pytest.mark.parametrize("quarter", QUARTERS)
def test_overdue_and_unreported_are_checks(quarter: str, reports: dict, independent: Independent, demo: Path):
    from sixcore.audit import check_repo
    from sixcore.calendar import Quarter

    data = reports[quarter]
    assert set(data["overdue"]) == independent.overdue(quarter_key(quarter))
    assert set(data["unreported"]) == independent.unreported(quarter_key(quarter))
    problems = check_repo(demo, as_of=Quarter.parse(quarter)).problems
    assert set(data["overdue"]) == {problem.params["item"] for problem in problems if problem.code == "SC301"}
    assert set(data["unreported"]) == {problem.params["item"] for problem in problems if problem.code == "SC302"}


@pytest.mark.parametrize("quarter", QUARTERS)
def test_agencies_filed_and_due(quarter: str, reports: dict, independent: Independent):
    agencies = reports[quarter]["agencies"]
    key = quarter_key(quarter)
    assert {agency["id"] for agency in agencies if agency["filed"]} == independent.filers(key)
    assert {agency["id"] for agency in agencies if agency["expected_items"]} == independent.owing(key)
    assert {agency["id"]: agency["expected_items"] for agency in agencies if agency["expected_items"]} == {
        body: len(independent.owed_by(body, key)) for body in independent.owing(key)}
    assert {agency["id"]: set(agency["owed"]) for agency in agencies if agency["owed"]} == {
        body: independent.owed_by(body, key) for body in independent.owing(key)}
    if quarter == "112Q3":  # mohw skipped this quarter in the demo set
        assert next(agency for agency in agencies if agency["id"] == "mohw")["filed"] is False


@pytest.mark.parametrize("quarter", QUARTERS)
def test_kpis_and_changes_match_independent_count(quarter: str, reports: dict, independent: Independent):
    data = reports[quarter]
    key = quarter_key(quarter)
    assert {kpi["id"] for kpi in data["kpis"] if kpi["light"] == "unreported"} == independent.kpis_unreported(key)
    now, before = independent.states(key), independent.states(previous_quarter(key))
    assert set(data["changes"]["newly_completed"]) == {i for i, state in now.items() if state == "completed" and before[i] != "completed"}
    assert set(data["changes"]["newly_overdue"]) == independent.overdue(key) - independent.overdue(previous_quarter(key))


def test_lights_follow_the_thresholds(reports: dict):
    """Every item light is what plan/lights.yaml's thresholds say for its state and lag."""
    for data in reports.values():
        severe = data["thresholds"]["work_items"]["severe_from"]
        for item in data["work_items"]:
            expected = {"completed": "done", "overdue": "red", "unreported": "unreported", "on_schedule": "green"}.get(item["state"], "none")
            if item["state"] == "behind":
                expected = "red" if item["lag"] is not None and item["lag"] >= severe else "yellow"
            assert item["light"] == expected, item
        shares = data["thresholds"]["measures"]
        for measure in data["measures"]:  # by the shares of its judged items' lights
            judged = [item["light"] for item in data["work_items"] if item["measure"] == measure["id"] and item["light"] in ("red", "yellow", "green")]
            if judged:
                red = judged.count("red") / len(judged)
                behind = (judged.count("red") + judged.count("yellow")) / len(judged)
                expected = "red" if red >= shares["red_share"] else "yellow" if behind >= shares["yellow_share"] else "green"
                assert measure["light"] == expected, measure
    # the roll-up discriminates: at 113Q2 the measures' judged lights are not all one colour
    assert len({m["light"] for m in reports["113Q2"]["measures"]} & {"red", "yellow", "green"}) >= 3


def test_consecutive_quarters_behind(reports: dict, independent: Independent):
    """連續落後: behind (落後 or 逾期) in the quarter and the one before, by the independent reading."""
    key = quarter_key("113Q2")
    now, before = independent.states(key), independent.states(previous_quarter(key))
    behind = {"behind", "overdue"}
    expected = {item_id for item_id, state in now.items() if state in behind and before[item_id] in behind}
    assert expected and set(reports["113Q2"]["continuously_behind"]) == expected


def test_thresholds_come_from_the_config_file(demo: Path, tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(demo, repo)
    lights = repo / "plan" / "lights.yaml"
    lights.write_text(lights.read_text(encoding="utf-8").replace("severe_from: 10", "severe_from: 99"), encoding="utf-8")
    data = json.loads(run("report", "--root", str(repo), "--quarter", "113Q2", "--format", "json").stdout)
    behind = [item for item in data["work_items"] if item["state"] == "behind"]
    assert behind and all(item["light"] == "yellow" for item in behind if (item["lag"] or 0) < 99)
    lights.write_text("work_items: {behind_above: 5}\n", encoding="utf-8")
    broken = run("report", "--root", str(repo), "--quarter", "113Q2")
    assert broken.exit_code == 2
    assert "plan/lights.yaml" in broken.output and "Traceback" not in broken.output


def test_written_files_and_screen(demo: Path, reports: dict, independent: Independent):
    result = run("report", "--root", str(demo), "--quarter", "113Q2")
    assert result.exit_code == 0, result.output
    out = demo / "reports" / "113Q2"
    assert {path.name for path in out.iterdir()} == FILES
    data = reports["113Q2"]
    counts = data["counts"]
    screen = result.stdout
    assert screen.index("一、總覽") < screen.index("二、產業及措施燈號") < screen.index("三、需關注事項") < screen.index("四、")
    assert f"逾期 {len(data['overdue'])} 項；未填報 {len(data['unreported'])} 項" in screen
    owing = independent.owing(quarter_key("113Q2"))
    filed = len(owing & independent.filers(quarter_key("113Q2")))
    assert "基準日：113/6/30" in screen and f"應填報 {len(owing)} 個機關，已填報 {filed} 個" in screen
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert f"| 逾期 | {counts['overdue']} |".replace(" ", "") in markdown.replace(" ", "")
    assert "🔴 嚴重落後" in markdown
    raw = (out / "items.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["編號", "重點工作項目"] and len(rows) == 1 + len(data["work_items"])
    assert json.loads((out / "report.json").read_text(encoding="utf-8")) == data


def test_ods_workbook_has_the_tables(demo: Path):
    from odf import teletype
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    run("report", "--root", str(demo), "--quarter", "113Q2")
    document = load(str(demo / "reports" / "113Q2" / "report.ods"))
    sheets = {sheet.getAttribute("name"): sheet for sheet in document.spreadsheet.getElementsByType(Table)}
    assert {"尚未填報之機關", "1【資訊及數位產業】", "工作項目燈號", "經濟部填報內容", "經濟部應填項目"} <= set(sheets)
    data = json.loads((demo / "reports" / "113Q2" / "report.json").read_text(encoding="utf-8"))
    assert len(sheets["工作項目燈號"].getElementsByType(TableRow)) == 1 + len(data["work_items"])
    attention = {item["id"] for item in data["work_items"] if item["overdue"] or item["light"] == "red" or item["continuously_behind"]}
    listed = []
    for name, sheet in sheets.items():
        if name[0].isdigit() and "【" in name:  # the body's six industry sheets: a row per item, then the never-reported ids
            for row in sheet.getElementsByType(TableRow)[1:]:
                first = teletype.extractText(row.getElementsByType(TableCell)[0])
                listed += first.split("：", 1)[1].split("、") if first.startswith("逾期而從未填報者") else [first]
    assert sorted(listed) == sorted(attention)  # each item needing attention once
    assert all(len(name) <= 31 and not set(name) & set("[]*?:/\\") for name in sheets)


def test_same_inputs_same_bytes(demo: Path, tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert run("report", "--root", str(demo), "--quarter", "113Q2", "--out", str(out)).exit_code == 0
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    stamped = run("report", "--root", str(demo), "--quarter", "113Q2", "--out", str(tmp_path / "c"), "--timestamp")
    assert "產製時間" in (tmp_path / "c" / "report.md").read_text(encoding="utf-8") and stamped.exit_code == 0


def test_nothing_half_written_when_a_format_fails(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "out"
    assert run("report", "--root", str(demo), "--quarter", "113Q2", "--out", str(out)).exit_code == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}

    def broken(*args, **kwargs):
        raise RuntimeError("renderer failed")

    monkeypatch.setattr("sixcore.render.report_ods.format_report_ods", broken)  # publish imports it when writing a report
    result = run("report", "--root", str(demo), "--quarter", "113Q3", "--out", str(out))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # untouched, no temporary left over


def test_narrowing(demo: Path, reports: dict):
    whole = reports["113Q2"]
    by_measure = json.loads(run("report", "--root", str(demo), "--quarter", "113Q2", "--measure", "1-2", "--format", "json").stdout)
    assert {item["id"] for item in by_measure["work_items"]} == {item["id"] for item in whole["work_items"] if item["measure"] == "1-2"}
    assert set(by_measure["overdue"]) == {item_id for item_id in whole["overdue"] if item_id.startswith("1-2/")}
    by_industry = json.loads(run("report", "--root", str(demo), "--quarter", "113Q2", "--industry", "4", "--format", "json").stdout)
    assert {kpi["id"].split(".")[0] for kpi in by_industry["kpis"]} == {"4"}
    assert [row["industry"] for row in by_industry["budget"]["rows"]] == [4]
    by_agency = json.loads(run("report", "--root", str(demo), "--quarter", "113Q2", "--agency", "mohw", "--format", "json").stdout)
    assert [agency["id"] for agency in by_agency["agencies"]] == ["mohw"]
    assert by_agency["work_items"] and len(by_agency["work_items"]) < len(whole["work_items"])
    for wrong, message in ((["--measure", "9-9"], "沒有措施 9-9"), (["--industry", "7"], "方案中沒有產業 7"), (["--agency", "nobody"], "nobody")):
        result = run("report", "--root", str(demo), "--quarter", "113Q2", *wrong)
        assert result.exit_code == 2 and message in result.output, result.output


def test_english(demo: Path, tmp_path: Path):
    result = run("report", "--root", str(demo), "--quarter", "113Q2", "--lang", "en", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "1. Headline" in result.stdout and "As of 113/6/30" in result.stdout
    assert "seriously behind" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_empty_status_is_reported_honestly(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "plan", repo / "plan")
    shutil.copytree(REPO / "status", repo / "status")  # as shipped: only its README
    result = run("report", "--root", str(repo), "--quarter", "113Q2")
    assert result.exit_code == 0, result.output
    assert "本季尚無任何機關填報" in result.stdout and "已填報 0 個" in result.stdout
    data = json.loads((repo / "reports" / "113Q2" / "report.json").read_text(encoding="utf-8"))
    assert data["nothing_filed"] and data["completed"] == [] and data["counts"]["on_schedule"] == 0
    assert data["overdue"] and len(data["unreported"]) == data["counts"]["overdue"] + data["counts"]["unreported"]
    assert not any(agency["filed"] for agency in data["agencies"]) and data["agencies"]
    html = (repo / "reports" / "113Q2" / "report.html").read_text(encoding="utf-8")
    assert 'class="notice" role="note">本季尚無任何機關填報' in html


@pytest.mark.parametrize("quarter", QUARTERS)
def test_budget_execution_matches_independent_count(quarter: str, reports: dict, independent: Independent):
    expected = independent.budget_execution(quarter_key(quarter))
    rows = {(row["industry"], row["agency"]): row for row in reports[quarter]["budget_execution"] if row["agency"] is not None}
    assert set(rows) == set(expected)
    for key, figures in expected.items():
        row = rows[key]
        assert row["approved"] == pytest.approx(figures["approved"]) and row["allocated"] == pytest.approx(figures["allocated"])
        assert row["executed"] == pytest.approx(figures["executed"])
        assert (row["execution_rate"], row["achievement_rate"], row["light"]) == (
            pytest.approx(figures["execution_rate"], abs=1e-4), pytest.approx(figures["achievement_rate"], abs=1e-4), figures["light"]), key
    assert {row["light"] for row in rows.values()} >= ({"yellow"} if quarter.endswith("Q2") else set())  # mohw's synthetic 85 % in Q2


def test_html_ids_are_unique(demo: Path, tmp_path: Path):
    from html.parser import HTMLParser

    class Ids(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.ids += [value for name, value in attrs if name == "id" and value]

    assert run("report", "--root", str(demo), "--quarter", "113Q2", "--out", str(tmp_path)).exit_code == 0
    parser = Ids()
    parser.feed((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert parser.ids and len(parser.ids) == len(set(parser.ids)), [i for i in parser.ids if parser.ids.count(i) > 1]
    assert {"kpis", "table-kpis", "agencies", "table-agencies", "budget", "table-budget"} <= set(parser.ids)


def test_the_default_quarter_and_why(tmp_path: Path):
    import datetime as dt

    from sixcore.audit import Chosen, default_quarter
    from sixcore.calendar import Quarter

    last = Quarter(113, 4)
    assert default_quarter(tmp_path, today=dt.date(2024, 5, 1), last=last) == (Quarter(113, 2), Chosen.current)
    assert default_quarter(tmp_path, today=dt.date(2026, 11, 30), last=last) == (last, Chosen.programme_end)  # 115Q4: the plan has ended
    (tmp_path / "status" / "112Q3").mkdir(parents=True)
    assert default_quarter(tmp_path, today=dt.date(2026, 11, 30), last=last) == (Quarter(112, 3), Chosen.latest_filed)


def test_a_report_after_the_programme_ended_says_why_its_quarter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import datetime as dt
    import types

    today = types.SimpleNamespace(date=types.SimpleNamespace(today=lambda: dt.date(2026, 11, 30)))  # 115Q4: the plan ran 110–113
    monkeypatch.setattr("sixcore.audit.dt", today)
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    assert json.loads(run("report", "--root", str(tmp_path), "--format", "json").output)["quarter"] == "113Q4"
    screen = run("report", "--root", str(tmp_path), "--out", str(tmp_path / "out")).output
    assert "本方案已於 113 年結束，故以方案最後一季（113Q4）為基準" in screen


def test_budget_amounts_read_alike_and_a_narrowed_report_says_whose_they_are(demo: Path, tmp_path: Path):
    assert run("report", "--root", str(demo), "--quarter", "113Q2", "--agency", "nstc", "--out", str(tmp_path)).exit_code == 0
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "表 3只分產業、不分措施與機關" in markdown
    whole = tmp_path / "whole"
    assert run("report", "--root", str(demo), "--quarter", "113Q2", "--out", str(whole)).exit_code == 0
    text = (whole / "report.md").read_text(encoding="utf-8")
    assert "| 54.70 " in text and "| 133.97 " in text  # 表 3 as printed (54.7), with two decimals like its neighbours
    assert "只分產業" not in text


def test_english_headings_units_and_title(demo: Path, tmp_path: Path):
    assert run("report", "--root", str(demo), "--quarter", "113Q2", "--lang", "en", "--out", str(tmp_path)).exit_code == 0
    lines = (tmp_path / "report.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Six Core Strategic Industries programme: quarterly compliance report 113Q2"  # no full-width space
    headings = [line for line in lines if line.startswith("#")]
    assert headings and all(line.isascii() or ("(" in line and line.split("(")[0].isascii()) for line in headings), headings
    assert not any("連續落後" in line or "億元" in line for line in lines if not line.startswith("|"))
    assert "### Budget execution (113 to date, NT$100 million)" in lines

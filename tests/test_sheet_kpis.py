"""The workbook's KPI sheet reports every KPI as the YAML template does: one figure, a figure per sub-target, or an
achievement with its evidence, each with its 說明. On the real plan, for agencies owing all three kinds in 113Q4."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sixcore.audit import check_repo, load_context
from sixcore.cli import app
from sixcore.messages import Lang, describe, hint
from sixcore.problem import Severity
from sixcore.sheet.filing import judge_workbook, read_status_workbook
from sixcore.sheet.grid import column_letter, read_workbook
from tests.conftest import REPO
from tests.sheetedit import edit, fill, find

runner = CliRunner()

# What the plan's 113 分年目標 cells ask, read by hand from plan/kpis/ (the seed's KPI tables): (id, 填報項目, target shown).
# motc: 1.7.1 「累計完成 4 處 … 場域，累計補助 … 15 案」 is two sub-targets; 5.1.2 「建構 9~14MW 風力機生產基地」 has no
# figure in the KPI's unit, so it is judged by achievement. moc: 1.3.2 「累計完成 5G 標準專利提案 3 案，國際技術合作 2 案」
# repeats its unit, so the keys are 案1 and 案2.
EXPECTED_ROWS = {
    "motc": [("1.7.1", "處", "目標 4 處（累計）"), ("1.7.1", "案", "目標 15 案（累計）"), ("1.7.2", "實際值", "目標 52 案（累計）"),
             ("1.7.3", "實際值", "目標 38 項（累計）"), ("1.7.4", "實際值", "目標 6 個（累計）"), ("5.1.1", "實際值", "目標 24 %（當年度）"),
             ("5.1.2", "達成情形", "建構 9~14MW 風力機生產基地")],
    "moc": [("1.3.1", "套", "目標 2 套（累計）"), ("1.3.1", "處", "目標 2 處（累計）"), ("1.3.2", "案1", "目標 3 案（累計）"),
            ("1.3.2", "案2", "目標 2 案（累計）"), ("1.3.3", "達成情形", None)],
}


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1"})


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The real plan with no filings yet."""
    shutil.copytree(REPO / "plan", tmp_path / "repo" / "plan")
    (tmp_path / "repo" / "status").mkdir()
    return tmp_path / "repo"


def template(root: Path, agency: str = "motc", quarter: str = "113Q4") -> Path:
    result = run("status", "new", "--quarter", quarter, "--agency", agency, "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "status" / quarter / f"{agency}.yaml"


def workbook(root: Path, suffix: str, agency: str = "motc", quarter: str = "113Q4") -> Path:
    result = run("status", "new", "--quarter", quarter, "--agency", agency, "--format", suffix, "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "status" / quarter / f"{agency}.{suffix}"


def kpi_rows(path: Path) -> list[tuple[object, ...]]:
    sheet = next(sheet for sheet in read_workbook(path) if sheet.name == "KPI")
    assert [cell.value for cell in sheet.rows[0]] == ["編號", "指標", "113 年目標", "填報項目", "實際值", "達成情形", "佐證", "說明"]
    return [(row[0].value, row[3].value, row[2].value) for row in sheet.rows[1:]]


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
@pytest.mark.parametrize("agency", ["motc", "moc"])
def test_status_new_as_a_workbook_lists_what_the_yaml_template_lists(root, tmp_path, suffix, agency):
    sheet = workbook(root, suffix, agency)
    rows = kpi_rows(sheet)
    assert [(kpi, item) for kpi, item, _ in rows] == [(kpi, item) for kpi, item, _ in EXPECTED_ROWS[agency]]
    assert [shown for (_, _, shown), (_, _, expected) in zip(rows, EXPECTED_ROWS[agency], strict=True) if expected] == [
        expected for _, _, expected in EXPECTED_ROWS[agency] if expected]
    # the unfilled workbook reads as the unfilled YAML template: the same KPIs, the same fields, all empty
    beside = tmp_path / "yaml-repo"
    shutil.copytree(root / "plan", beside / "plan")
    yaml_kpis = yaml.safe_load(template(beside, agency).read_text(encoding="utf-8"))["kpis"]
    assert list(yaml_kpis) == list(dict.fromkeys(kpi for kpi, _, _ in EXPECTED_ROWS[agency]))
    assert read_status_workbook(sheet).data["kpis"] == yaml_kpis


def test_cells_a_row_does_not_ask_are_locked_and_only_achievements_have_the_drop_down(root):
    from openpyxl import load_workbook

    sheet = load_workbook(workbook(root, "xlsx"))["KPI"]
    # rows 2–3: 1.7.1 處 and 案; row 8: 5.1.2 達成情形 (EXPECTED_ROWS); columns E 實際值, F 達成情形, G 佐證, H 說明
    open_cells = {cell.coordinate for row in sheet.iter_rows(min_row=2) for cell in row if not cell.protection.locked}
    assert {"E2", "H2", "E3", "F8", "G8", "H8"} <= open_cells
    assert not {"F2", "G2", "H3", "F3", "E8"} & open_cells  # 說明 once per KPI, on its first row
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"達成,部分達成,未達成"' and str(validation.sqref) == "F8"
    content = zipfile.ZipFile(workbook(root, "ods", "moc")).read("content.xml").decode()
    assert 'of:cell-content-is-in-list("達成";"部分達成";"未達成")' in content


FILLED = {  # the three kinds, filled in
    "1.7.1": {"actuals": {"處": 3, "案": 12}, "note": "場域招商延後，第 1 季補足"},
    "1.7.2": {"actual": 52, "note": None},
    "5.1.2": {"achieved": "部分達成", "evidence": "113/11/20 生產基地第一期驗收紀錄", "note": "第二期 114 年完工"},
}


def filled_template(root: Path) -> tuple[Path, dict]:
    """motc's 113Q4 YAML template with every work item 進行中 and the three kinds of KPI filled in."""
    path = template(root)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(reported="114/1/8", summary="本季依進度辦理。")
    for entry in data["work_items"].values():
        entry.update(status="進行中", done="依進度辦理")
    for kpi, answers in FILLED.items():
        data["kpis"][kpi].update(answers)
    return path, data


def write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_export_sheet_then_import_gives_back_the_same_kpis(root, suffix):
    path, data = filled_template(root)
    # beyond what the plan asks: a figure on a milestone and a KPI motc does not list are kept, not dropped
    data["kpis"]["5.1.2"]["actual"] = 9
    data["kpis"]["1.1.1"] = {"actual": 1, "note": None}
    write(path, data)
    assert run("status", "export-sheet", str(path), "--format", suffix, "--root", str(root)).exit_code == 0
    sheet = path.with_suffix(f".{suffix}")
    read = read_status_workbook(sheet)
    assert not read.problems
    assert read.data["kpis"] == data["kpis"]
    assert ("1.1.1", "實際值") in [(kpi, item) for kpi, item, _ in kpi_rows(sheet)]
    result = run("status", "import", str(sheet), "--root", str(root), "--force")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == data


def codes(problems, path: Path) -> list[tuple[str, Severity]]:
    return sorted((problem.code, problem.severity) for problem in problems if problem.path.resolve() == path.resolve())


# The same answers as FILLED, typed cell by cell; 5.1.2 is first reported 達成 without 佐證, a mistake (SC215).
TYPED = {
    ("KPI", "實際值", "1.7.1", "處"): 3,
    ("KPI", "實際值", "1.7.1", "案"): "12",
    ("KPI", "說明", "1.7.1", "處"): "場域招商延後，第 1 季補足",
    ("KPI", "實際值", "1.7.2", "實際值"): 52,
    ("KPI", "達成情形", "5.1.2", "達成情形"): "達成",
    ("KPI", "說明", "5.1.2", "達成情形"): "第二期 114 年完工",
}


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_a_workbook_filled_in_is_judged_as_the_same_answers_in_yaml(root, tmp_path, suffix):
    sheet = workbook(root, suffix)
    fill(sheet, {("工作項目", "狀態", key): "進行中" for key in yaml_ids(root)})
    fill(sheet, TYPED)
    yaml_root = tmp_path / "yaml-repo"
    shutil.copytree(root / "plan", yaml_root / "plan")
    path, data = filled_template(yaml_root)
    data["kpis"]["5.1.2"].update(achieved="達成", evidence=None)
    data["kpis"]["1.7.1"]["actuals"]["案"] = "12"  # typed as text into the cell, as a clerk may; the model reads 12
    data.update(reported=None, summary=None)
    for entry in data["work_items"].values():
        entry["done"] = None
    write(path, data)
    assert read_status_workbook(sheet).data["kpis"] == data["kpis"]
    context, _ = load_context(root)
    judged = judge_workbook(context, root, sheet)
    expected = codes(check_repo(yaml_root).problems, path)
    assert ("SC215", Severity.ERROR) in expected and ("SC305", Severity.WARNING) in expected  # 1.7.3, 1.7.4, 5.1.1 left out
    assert codes(judged.problems, sheet) == expected
    # 1.7.1's 3 處 and 12 案 are below the 4 and 15 asked by 113Q4: each at its row's 實際值, as YAML at actuals.處 / actuals.案
    assert [problem.cell for problem in judged.problems if problem.code == "SC304"] == [
        name(find(sheet, "KPI", "實際值", "1.7.1", unit)) for unit in ("處", "案")]
    evidence_missing = next(problem for problem in judged.problems if problem.code == "SC215")
    assert evidence_missing.cell == name(find(sheet, "KPI", "達成情形", "5.1.2", "達成情形"))  # where YAML points: at `achieved: 達成`
    assert "佐證" in hint(evidence_missing) and "佐證" in hint(evidence_missing, Lang.en)
    unreported = [problem for problem in judged.problems if problem.code == "SC305"]
    assert sorted(problem.params["kpi"] for problem in unreported) == ["1.7.3", "1.7.4", "5.1.1"]
    assert sorted(problem.cell for problem in unreported) == sorted(name(find(sheet, "KPI", "實際值", kpi)) for kpi in ("1.7.3", "1.7.4", "5.1.1"))
    assert all("KPI" in hint(problem) and "achieved" not in hint(problem) for problem in unreported)

    fill(sheet, {("KPI", "佐證", "5.1.2", "達成情形"): "113/11/20 生產基地第一期驗收紀錄"})
    again = judge_workbook(load_context(root)[0], root, sheet)
    assert "SC215" not in [problem.code for problem in again.problems]
    assert not again.failed


def yaml_ids(root: Path) -> list[str]:
    """motc's work items owed in 113Q4, as its YAML template lists them (written beside and removed)."""
    scratch = root.parent / "ids"
    shutil.copytree(root / "plan", scratch / "plan")
    ids = list(yaml.safe_load(template(scratch).read_text(encoding="utf-8"))["work_items"])
    shutil.rmtree(scratch)
    return ids


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_bad_kpi_cells_are_named_by_sheet_and_cell(root, suffix):
    sheet = workbook(root, suffix)
    achieved = find(sheet, "KPI", "達成情形", "5.1.2", "達成情形")
    figure_on_milestone = find(sheet, "KPI", "實際值", "5.1.2", "達成情形")
    note_below_first = find(sheet, "KPI", "說明", "1.7.1", "案")
    evidence_on_figure = find(sheet, "KPI", "佐證", "1.7.2", "實際值")
    for at, value in ((achieved, "完成"), (figure_on_milestone, 9), (note_below_first, "第二列"), (evidence_on_figure, "公文")):
        edit(sheet, "KPI", *at, value)  # the shaded cells only after lifting the sheet's protection
    repeated = len(EXPECTED_ROWS["motc"]) + 2  # a row added below the last, for 1.7.2's figure again
    for column, value in ((1, "1.7.2"), (4, "實際值"), (5, 50)):
        edit(sheet, "KPI", repeated, column, value)
    found = {(problem.code, problem.cell): problem for problem in judge_workbook(load_context(root)[0], root, sheet).problems}
    assert "達成、部分達成、未達成" in describe(found[("SC010", name(achieved))])  # not a word the sheet offers
    for at, column in ((figure_on_milestone, "實際值"), (note_below_first, "說明"), (evidence_on_figure, "佐證")):
        stray = found[("SC237", name(at))]
        assert stray.severity is Severity.ERROR
        assert f"「{column}」不在此列填寫" in describe(stray) and f"{column} is not filled in" in describe(stray, Lang.en)
    result = run("status", "import", str(sheet), "--root", str(root), "--format", "parsable")
    assert result.exit_code == 1 and f"{sheet}:{name(figure_on_milestone)}: [error]" in result.output, result.output
    first_row = find(sheet, "KPI", "編號", "1.7.2")[0]
    assert found[("SC002", f"KPI!A{repeated}")].params == {"sheet": "KPI", "key": "1.7.2 實際值", "first_line": first_row}
    # what a stray cell held is not read into any field
    assert read_status_workbook(sheet).data["kpis"]["5.1.2"] == {"achieved": "完成", "evidence": None, "note": None}


def name(at: tuple[int, int]) -> str:
    """A KPI sheet cell as problems name it: KPI!F8."""
    return f"KPI!{column_letter(at[1])}{at[0]}"


def test_last_quarters_kpi_answers_are_carried_forward_as_the_template_carries_them(root):
    previous = root / "status" / "113Q3"
    previous.mkdir()
    (previous / "motc.yaml").write_text(
        "quarter: 113Q3\nagency: motc\nkpis:\n"
        "  \"1.7.1\": {actual: 2, actuals: {案: 10}, note: 延後}\n"  # the first sub-target by `actual`: still carried
        "  \"1.7.2\": {actual: 40}\n"
        "  \"5.1.2\": {achieved: partly achieved, evidence: 第一期施工中}\n", encoding="utf-8")
    sheet = workbook(root, "xlsx")
    from openpyxl import load_workbook

    kpis = load_workbook(sheet)["KPI"]
    # rows as EXPECTED_ROWS: 2 1.7.1 處, 3 1.7.1 案, 4 1.7.2, 8 5.1.2; columns E 實際值, F 達成情形, G 佐證, H 說明
    assert [kpis[cell].value for cell in ("E2", "E3", "E4", "F8", "G8", "H2")] == [2, 10, 40, "partly achieved", "第一期施工中", None]
    assert all(kpis[cell].fill.fgColor.rgb.upper().endswith("FFF2CC") for cell in ("E2", "E3", "E4", "F8", "G8"))
    yaml_kpis = yaml.safe_load(template(root).read_text(encoding="utf-8"))["kpis"]
    assert read_status_workbook(sheet).data["kpis"] == yaml_kpis


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
@pytest.mark.parametrize("filing", ["111Q4/moea.yaml", "113Q4/mohw.yaml", "113Q4/motc.yaml"])
def test_synthetic_filings_with_all_three_kinds_come_back_from_a_workbook(tmp_path, suffix, filing):
    """Filings of the SYNTHETIC demo set that give figures, sub-target figures, achievements and evidence: the KPIs
    they file read back from export-sheet's workbook as filed; the KPIs the template lists that they leave out come back
    as empty entries (as listed work items do), which report nothing."""
    from sixcore.model.status import KpiReport, StatusFile
    from tests.synthetic.make_demo import make_demo

    root = make_demo(tmp_path / "repo")
    path = root / "status" / filing
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"actual", "actuals", "achieved", "evidence"} <= {field for entry in data["kpis"].values() for field in entry or {}}
    filed = StatusFile.model_validate(data).kpis
    assert run("status", "export-sheet", str(path), "--format", suffix, "--root", str(root)).exit_code == 0
    read = read_status_workbook(path.with_suffix(f".{suffix}"))
    assert not read.problems
    back = StatusFile.model_validate(read.data).kpis
    assert {kpi: report for kpi, report in back.items() if kpi in filed} == filed
    assert all(report == KpiReport(actuals=dict.fromkeys(report.actuals)) for kpi, report in back.items() if kpi not in filed)

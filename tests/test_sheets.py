"""The quarterly status as a workbook: status new --format ods|xlsx, status import, export-sheet, and bad workbooks."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sixcore.audit import check_repo, load_context
from sixcore.cli import app
from sixcore.problem import Severity
from sixcore.render.problems import format_json, format_parsable
from sixcore.sheet.filing import judge_workbook, read_status_workbook
from sixcore.sheet.grid import column_letter, read_workbook
from tests.sheetedit import edit, fill, find

runner = CliRunner()
ITEM = "1-1/1.1.1"


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1"})


def new_workbook(root: Path, suffix: str, quarter: str = "111Q1", agency: str = "nstc") -> Path:
    result = run("status", "new", "--quarter", quarter, "--agency", agency, "--format", suffix, "--root", str(root))
    assert result.exit_code == 0, result.output
    return root / "status" / quarter / f"{agency}.{suffix}"


# What a clerk types, cell by cell, and the same answers typed into the YAML template. 落後 without 落後原因 and
# 因應對策 is a mistake (SC208); "60%" typed as text into a number cell is allowed, as in YAML.
SHEET_ANSWERS = {
    ("工作項目", "狀態", ITEM): "落後",
    ("工作項目", "預定進度%", ITEM): "60%",
    ("工作項目", "實際進度%", ITEM): 40,
    ("工作項目", "本季辦理情形", ITEM): "完成規劃\n辦理說明會",
    ("KPI", "實際值", "1.1.1"): 1,
    ("KPI", "說明", "1.1.1"): "已完成 1 件",
    ("辦理情形", "填報日期", None): "111/4/8",
    ("辦理情形", "辦理情形", None): "本季依進度辦理。",
    ("辦理情形", "重要執行亮點", None): "- 亮點一\n- 亮點二",
    ("辦理情形", "下一季重點工作", None): "・持續推動",
}
FIXED = {("工作項目", "落後原因", ITEM): "人力不足", ("工作項目", "因應對策", ITEM): "增聘人力"}


def typed(root: Path, fixed: bool = False) -> Path:
    """The same answers typed into the YAML template of `status new`."""
    assert run("status", "new", "--quarter", "111Q1", "--agency", "nstc", "--root", str(root)).exit_code == 0
    path = root / "status" / "111Q1" / "nstc.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(reported="111/4/8", summary="本季依進度辦理。", highlights=["亮點一", "亮點二"], next_quarter=["持續推動"])
    data["work_items"][ITEM].update(status="落後", planned="60%", actual=40, done="完成規劃\n辦理說明會")
    if fixed:
        data["work_items"][ITEM].update(delay_reason="人力不足", countermeasure="增聘人力")
    data["kpis"]["1.1.1"].update(actual=1, note="已完成 1 件")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def codes(problems, path: Path) -> list[tuple[str, Severity]]:
    return sorted((problem.code, problem.severity) for problem in problems if problem.path.resolve() == path.resolve())


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_round_trip_gives_the_yaml_and_the_check_of_the_same_answers_typed(mini, tmp_path, suffix):
    sheet_root = tmp_path / "sheet-repo"
    shutil.copytree(mini, sheet_root)
    yaml_file = typed(mini)
    workbook = new_workbook(sheet_root, suffix)
    fill(workbook, SHEET_ANSWERS)
    assert read_status_workbook(workbook).data == yaml.safe_load(yaml_file.read_text(encoding="utf-8"))
    context, _ = load_context(sheet_root)
    judged = judge_workbook(context, sheet_root, workbook)
    expected = codes(check_repo(mini).problems, yaml_file)
    assert ("SC208", Severity.ERROR) in expected
    assert codes(judged.problems, workbook) == expected
    at = {problem.code: problem.cell for problem in judged.problems}
    row, column = find(workbook, "工作項目", "狀態", ITEM)
    assert at["SC208"] == f"工作項目!{column_letter(column)}{row}"  # where YAML points: at `status: 落後`
    result = run("status", "import", str(workbook), "--root", str(sheet_root))
    assert result.exit_code == 1 and "工作項目!" in result.output and "SC208" in result.output, result.output
    assert not workbook.with_suffix(".yaml").exists()  # errors: nothing written

    fill(workbook, FIXED)
    yaml_file = typed(_fresh(mini), fixed=True)
    result = run("status", "import", str(workbook), "--root", str(sheet_root))
    assert result.exit_code == 0, result.output
    imported = workbook.with_suffix(".yaml")
    assert yaml.safe_load(imported.read_text(encoding="utf-8")) == yaml.safe_load(yaml_file.read_text(encoding="utf-8"))
    assert codes(check_repo(sheet_root).problems, imported) == codes(check_repo(yaml_file.parents[2]).problems, yaml_file)
    # the workbook left in status/ does not count; once imported it is only noted
    noted = [problem for problem in check_repo(sheet_root).problems if problem.path.resolve() == workbook.resolve()]
    assert [(problem.code, problem.severity) for problem in noted] == [("SC214", Severity.INFO)]
    # importing again: identical, nothing to do
    assert run("status", "import", str(workbook), "--root", str(sheet_root)).exit_code == 0


def _fresh(mini: Path) -> Path:
    shutil.rmtree(mini / "status")
    return mini


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_workbook_layout(mini, suffix):
    workbook = new_workbook(mini, suffix)
    sheets = {sheet.name: sheet for sheet in read_workbook(workbook)}
    assert list(sheets) == ["填寫說明", "工作項目", "KPI", "辦理情形", "經費"]
    assert [cell.value for cell in sheets["工作項目"].rows[1][:5]] == [ITEM, "1-1 測試措施", "1. 測試事項", "第一項工作", "110/1-111/12"]
    assert "113/9/30" in "".join(str(row[0].value) for row in sheets["填寫說明"].rows if row)
    if suffix == "xlsx":
        from openpyxl import load_workbook

        items = load_workbook(workbook)["工作項目"]
        assert items.freeze_panes == "A2" and items.protection.sheet
        assert items["A2"].protection.locked and not items["G2"].protection.locked
        assert items.data_validations.dataValidation[0].formula1 == '"完成,進行中,落後,未開始,停辦"'
        assert items["J2"].number_format == "@"  # 完成日期 as text
        assert items.column_dimensions["D"].width > items.column_dimensions["G"].width
    else:
        content = zipfile.ZipFile(workbook).read("content.xml").decode()
        assert 'of:cell-content-is-in-list("完成";"進行中";"落後";"未開始";"停辦")' in content
        assert 'table:protected="true"' in content and 'style:cell-protect="none"' in content
        assert "VerticalSplitMode" in zipfile.ZipFile(workbook).read("settings.xml").decode()


def test_carried_forward_values_are_shaded_and_read_as_the_template_carries_them(mini):
    previous = mini / "status" / "111Q1"
    previous.mkdir(parents=True)
    (previous / "nstc.yaml").write_text(
        "quarter: 111Q1\nagency: nstc\nwork_items:\n  \"1-1/1.1.1\": {status: 落後, planned: 50, actual: 30, delay_reason: 缺料, countermeasure: 調度}\n"
        "kpis:\n  \"1.1.1\": {actual: 1}\nbudget:\n  \"1\": {approved: 2, allocated: 1, spent: 0.5}\n", encoding="utf-8")
    workbook = new_workbook(mini, "xlsx", quarter="111Q2")
    from openpyxl import load_workbook

    items = load_workbook(workbook)["工作項目"]
    assert (items["F2"].value, items["H2"].value, items["I2"].value, items["L2"].value) == ("落後", 50, 30, "缺料")
    assert items["H2"].fill.fgColor.rgb.upper().endswith("FFF2CC") and items["G2"].value is None  # status left for the agency
    assert run("status", "new", "--quarter", "111Q2", "--agency", "nstc", "--root", str(mini)).exit_code == 0
    template = yaml.safe_load((mini / "status" / "111Q2" / "nstc.yaml").read_text(encoding="utf-8"))
    data = read_status_workbook(workbook).data
    assert (data["work_items"], data["kpis"], data["budget"]) == (template["work_items"], template["kpis"], template["budget"])
    assert data["budget"]["1"]["spent"] == 0.5 and data["kpis"]["1.1.1"]["actual"] == 1


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_a_workbook_carries_no_clock_time(mini, suffix):
    """export-sheet compares bytes before it overwrites, so a workbook written a second later must be the same bytes:
    no entry and no document property may carry the time it was written (both fixed at 1980-01-01)."""
    yaml_file = typed(mini, fixed=True)
    assert run("status", "export-sheet", str(yaml_file), "--format", suffix, "--root", str(mini)).exit_code == 0
    with zipfile.ZipFile(yaml_file.with_suffix(f".{suffix}")) as archive:
        assert {entry.date_time[:3] for entry in archive.infolist()} == {(1980, 1, 1)}
        properties = archive.read("docProps/core.xml" if suffix == "xlsx" else "meta.xml").decode("utf-8")
    assert str(dt.date.today().year) not in properties, properties


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_export_sheet_gives_back_the_same_answers(mini, suffix):
    yaml_file = typed(mini, fixed=True)
    before = yaml.safe_load(yaml_file.read_text(encoding="utf-8"))
    result = run("status", "export-sheet", str(yaml_file), "--format", suffix, "--root", str(mini))
    assert result.exit_code == 0, result.output
    workbook = yaml_file.with_suffix(f".{suffix}")
    assert read_status_workbook(workbook).data == before
    assert run("status", "export-sheet", str(yaml_file), "--format", suffix, "--root", str(mini)).exit_code == 0  # same bytes: fine
    edit(workbook, "工作項目", *find(workbook, "工作項目", "備註", ITEM), "改過")
    again = run("status", "export-sheet", str(yaml_file), "--format", suffix, "--root", str(mini))
    assert again.exit_code == 2 and "--force" in again.output
    # importing it over the YAML it came from: identical data, but another text, so only with --force
    refused = run("status", "import", str(workbook), "--root", str(mini))
    assert refused.exit_code == 2 and "--force" in refused.output, refused.output
    assert run("status", "import", str(workbook), "--root", str(mini), "--force").exit_code == 0
    assert yaml.safe_load(yaml_file.read_text(encoding="utf-8"))["work_items"][ITEM]["note"] == "改過"


def problems_of(root: Path, workbook: Path):
    context, _ = load_context(root)
    judged = judge_workbook(context, root, workbook)
    return [(problem.code, problem.severity, problem.cell) for problem in judged.problems], judged


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_merged_formula_date_cells(mini, suffix):
    workbook = new_workbook(mini, suffix)
    fill(workbook, {**SHEET_ANSWERS, **FIXED})
    edit(workbook, "工作項目", *find(workbook, "工作項目", "狀態", ITEM), "完成")
    edit(workbook, "工作項目", *find(workbook, "工作項目", "完成日期", ITEM), dt.date(2022, 3, 30))
    edit(workbook, "工作項目", *find(workbook, "工作項目", "實際進度%", ITEM), formula="=1+1")
    edit(workbook, "KPI", *find(workbook, "KPI", "實際值", "1.1.1"), 1, merge=True)
    found, judged = problems_of(mini, workbook)
    assert ("SC235", Severity.WARNING, "工作項目!J2") in found
    assert read_status_workbook(workbook).data["work_items"][ITEM]["completed"] == "111/3/30"
    assert ("SC234", Severity.ERROR, "工作項目!I2") in found
    assert ("SC233", Severity.ERROR, "KPI!E2") in found  # 實際值, after 填報項目
    assert judged.text is None  # a workbook with such errors is never turned into YAML
    result = run("status", "import", str(workbook), "--root", str(mini), "--format", "parsable")
    assert result.exit_code == 1 and f"{workbook}:工作項目!I2: [error]" in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_moved_renamed_and_missing(mini, suffix):
    workbook = new_workbook(mini, suffix)
    if suffix == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(workbook)
        items = book["工作項目"]
        items.move_range("G1:G2", cols=20)  # 狀態 moved to the far right: found by its header
        items["AA2"] = "進行中"
        book["KPI"].title = "指標"
        book.save(workbook)
        found, _ = problems_of(mini, workbook)
        assert ("SC231", Severity.ERROR, "KPI!A1") in found
        assert read_status_workbook(workbook).data["work_items"][ITEM]["status"] == "進行中"
    edit(workbook, "工作項目", *find(workbook, "工作項目", "落後原因"), "原因")
    found, _ = problems_of(mini, workbook)
    assert ("SC232", Severity.ERROR, "工作項目!1:1") in found


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_empty_row_in_the_middle_and_row_without_id(mini, suffix):
    workbook = new_workbook(mini, suffix)
    edit(workbook, "經費", 2, 1, "1")
    edit(workbook, "經費", 2, 2, 3)
    edit(workbook, "經費", 4, 1, "2")
    edit(workbook, "經費", 4, 2, 5)
    edit(workbook, "經費", 5, 3, 1)
    found, _ = problems_of(mini, workbook)
    assert ("SC236", Severity.ERROR, "經費!A3") in found
    assert ("SC236", Severity.ERROR, "經費!A5") in found
    assert set(read_status_workbook(workbook).data["budget"]) == {"1", "2"}  # rows after the gap are read


@pytest.mark.parametrize(("suffix", "content", "reason"), [
    ("xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "encrypted"),
    ("xlsx", b"not a workbook at all", "corrupt"),
    ("ods", b"PK\x03\x04 truncated", "corrupt"),
    ("xlsx", None, "corrupt"),
    ("ods", None, "encrypted"),
])
def test_unreadable_workbooks_are_problems_not_tracebacks(mini, suffix, content, reason):
    workbook = mini / "status" / "111Q1" / f"nstc.{suffix}"
    workbook.parent.mkdir(parents=True)
    if content is not None:
        workbook.write_bytes(content)
    elif suffix == "xlsx":  # a zip, but not a workbook
        with zipfile.ZipFile(workbook, "w") as archive:
            archive.writestr("hello.txt", "hi")
    else:  # what LibreOffice writes with a password: encrypted entries listed in the manifest
        with zipfile.ZipFile(workbook, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("META-INF/manifest.xml", '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
                             "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>")
            archive.writestr("content.xml", b"\x93\x11garbage")
    found, _ = problems_of(mini, workbook)
    assert [(code, severity) for code, severity, _ in found] == [("SC230", Severity.ERROR)]
    result = run("status", "import", str(workbook), "--root", str(mini))
    assert result.exit_code == 1 and "SC230" in result.output and "Traceback" not in result.output and "內部錯誤" not in result.output
    words = {"encrypted": "密碼", "corrupt": "損毀"}[reason]
    assert words in result.output


def test_check_says_a_workbook_must_be_imported(mini):
    workbook = new_workbook(mini, "ods")
    result = run("check", "--root", str(mini), str(workbook))
    assert result.exit_code == 1 and "SC214 workbook-not-imported" in result.output, result.output
    assert "sixcore status import status/111Q1/nstc.ods" in result.output and "尚未匯入" in result.output
    whole = check_repo(mini)
    assert [(p.code, p.severity) for p in whole.problems if p.path.resolve() == workbook.resolve()] == [("SC214", Severity.ERROR)]


def test_problem_locations_render_as_cells(mini):
    workbook = new_workbook(mini, "xlsx")
    _, judged = problems_of(mini, workbook)
    status_missing = next(problem for problem in judged.problems if problem.code == "SC211")
    assert status_missing.cell == "工作項目!G2" and (status_missing.line, status_missing.column) == (2, 7)
    assert format_parsable([status_missing]).startswith(f"{workbook}:工作項目!G2: [error]")
    assert '"cell": "工作項目!G2"' in format_json([status_missing])


def test_import_refuses_other_files(mini, tmp_path):
    odd = tmp_path / "filing.csv"
    odd.write_text("x", encoding="utf-8")
    result = run("status", "import", str(odd), "--root", str(mini))
    assert result.exit_code == 2 and ".ods" in result.output


def test_workbook_hints_speak_of_the_sheet_not_yaml_keys(mini):
    from sixcore.messages import Lang, hint

    workbook = new_workbook(mini, "ods")
    _, judged = problems_of(mini, workbook)
    status_missing = next(problem for problem in judged.problems if problem.code == "SC211")
    assert "下拉選單" in hint(status_missing) and "status:" not in hint(status_missing)
    assert "drop-down" in hint(status_missing, Lang.en)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("target", ["xlsx", "ods"])
def test_libreoffice_reads_the_workbook_and_its_saved_copy_imports_alike(mini, tmp_path, target):
    """LibreOffice opens the generated .ods headless and saves it again (as .xlsx, or as its own .ods with repeated
    rows and columns): the copy reads as the same answers."""
    import subprocess

    workbook = new_workbook(mini, "ods")
    fill(workbook, {**SHEET_ANSWERS, **FIXED})
    out = tmp_path / "converted"
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", str(out), str(workbook)],
                   check=True, capture_output=True, timeout=180)
    converted = out / f"nstc.{target}"
    assert read_status_workbook(converted).data == read_status_workbook(workbook).data
    assert not [problem for problem in read_status_workbook(converted).problems if problem.severity is Severity.ERROR]


def test_a_zip_that_unpacks_too_large_is_refused_unread(mini, monkeypatch):
    import sixcore.sheet.grid as grid

    workbook = new_workbook(mini, "xlsx")
    monkeypatch.setattr(grid, "MAX_UNPACKED", 1000)
    found, _ = problems_of(mini, workbook)
    assert [code for code, _, _ in found] == ["SC230"]
    assert "過大" in run("status", "import", str(workbook), "--root", str(mini)).output


def test_status_new_as_a_workbook_points_to_export_when_the_yaml_is_filed(mini):
    typed(mini)
    result = run("status", "new", "--quarter", "111Q1", "--agency", "nstc", "--format", "ods", "--root", str(mini))
    assert result.exit_code == 2 and "export-sheet" in result.output


def test_a_workbook_outside_status_is_imported_where_its_quarter_and_agency_say(mini, tmp_path):
    workbook = new_workbook(mini, "xlsx")
    fill(workbook, {**SHEET_ANSWERS, **FIXED})
    elsewhere = tmp_path / "Downloads" / "管考表.xlsx"
    elsewhere.parent.mkdir()
    workbook.rename(elsewhere)
    result = run("status", "import", str(elsewhere), "--root", str(mini))
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((mini / "status" / "111Q1" / "nstc.yaml").read_text(encoding="utf-8"))["work_items"][ITEM]["status"] == "落後"


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_a_damaged_part_inside_the_zip_is_a_problem(mini, suffix):
    workbook = new_workbook(mini, suffix)
    part = "content.xml" if suffix == "ods" else "xl/worksheets/sheet2.xml"
    with zipfile.ZipFile(workbook) as archive:
        entries = {entry.filename: archive.read(entry.filename) for entry in archive.infolist()}
    entries[part] = entries[part][: len(entries[part]) // 2]  # cut off mid-element
    with zipfile.ZipFile(workbook, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    found, _ = problems_of(mini, workbook)
    assert [code for code, _, _ in found] == ["SC230"]


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_a_percentage_typed_into_a_number_cell_means_the_percent(mini, suffix):
    workbook = new_workbook(mini, suffix)
    edit(workbook, "工作項目", *find(workbook, "工作項目", "實際進度%", ITEM), 45, percent=True)
    assert read_status_workbook(workbook).data["work_items"][ITEM]["actual"] == 45

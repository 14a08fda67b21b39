"""The command line through typer's CliRunner: exit codes, formats, and no tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from tests.conftest import REPO

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", **(env or {})})


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A writable copy of the repository's real plan/."""
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    return tmp_path


def break_file(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_passes_on_the_repository():
    result = run("check", "--root", str(REPO))
    assert result.exit_code == 0, result.output
    assert "錯誤 0 項、警告 0 項" in result.output


def test_check_english_and_verbose():
    result = run("check", "--root", str(REPO), "--lang", "en", "-v")
    assert result.exit_code == 0
    assert "6-6/2.2.1: the document gives no schedule" in result.output
    assert "0 errors, 0 warnings, 1 info" in result.output


@pytest.mark.parametrize(
    "relative, old, new, code",
    [
        ("plan/industries/1-digital.yaml", "range: 109/12~110/4", "range: 109/13~110/4", "SC103"),  # bad date
        ("plan/industries/1-digital.yaml", "range: 109/12~110/4", "range: 110/4~109/12", "SC103"),  # inverted
        ("plan/industries/1-digital.yaml", "lead: [most-eng]", "lead: [most-engg]", "SC102"),  # unknown agency
        ("plan/industries/1-digital.yaml", "    title: 高端半導體製程技術\n", "    title: 高端半導體製程技術\n    title: again\n", "SC002"),
        ("plan/budget.yaml", "unit: 億元", "unit: [億元", "SC001"),  # invalid YAML
    ],
)
def test_check_fails_on_a_broken_plan_and_names_the_place(plan_copy, relative, old, new, code):
    break_file(plan_copy, relative, old, new)
    result = run("check", "--root", str(plan_copy), "--format", "parsable")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if f"({code})" in line]
    assert len(lines) == 1, result.output
    path, line, column, _ = lines[0].split(":", 3)
    assert path == str(plan_copy / relative) and int(line) > 0 and int(column) > 0
    assert "Traceback" not in result.output


def test_github_annotations_and_step_summary(plan_copy, tmp_path):
    break_file(plan_copy, "plan/industries/1-digital.yaml", "lead: [most-eng]", "lead: [most-engg]")
    summary = tmp_path / "summary.md"
    result = run("check", "--root", str(plan_copy), env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    annotation = next(line for line in result.output.splitlines() if line.startswith("::error "))
    assert "file=" in annotation and ",line=" in annotation and ",col=" in annotation and "most-engg" in annotation
    assert "| 檔案:行 |" in summary.read_text(encoding="utf-8") and "most-engg" in summary.read_text(encoding="utf-8")


def test_json_format_is_language_neutral(plan_copy):
    break_file(plan_copy, "plan/industries/1-digital.yaml", "lead: [most-eng]", "lead: [most-engg]")
    problems = json.loads(run("check", "--root", str(plan_copy), "--format", "json").stdout)
    errors = [p for p in problems if p["severity"] == "error"]
    assert [(p["code"], p["rule"], p["params"]["agency"]) for p in errors] == [("SC102", "unknown-agency", "most-engg")]
    assert {p["code"] for p in problems} == {"SC102", "SC106"}  # information is included for machines


def test_strict_fails_on_warnings(plan_copy):
    break_file(plan_copy, "plan/industries/1-digital.yaml", "range: 109/12~110/4", "range: 116/1~116/4")
    assert run("check", "--root", str(plan_copy)).exit_code == 0
    assert run("check", "--root", str(plan_copy), "--strict").exit_code == 1


def test_no_plan_folder_is_exit_2_without_traceback(tmp_path):
    result = run("check", "--root", str(tmp_path))
    assert result.exit_code == 2
    assert "plan/" in result.output and "Traceback" not in result.output


def test_internal_error_asks_for_a_bug_report(monkeypatch):
    import sixcore.audit

    def explode(root, **options):
        raise RuntimeError("boom")

    monkeypatch.setattr(sixcore.audit, "check_repo", explode)
    result = run("check", "--root", str(REPO))
    assert result.exit_code == 2
    assert "internal error: RuntimeError: boom" in result.output and "Traceback" not in result.output


def test_export_contract():
    result = run("export", "--root", str(REPO), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"measures", "work_items", "kpis", "budget"}
    assert data["measures"][0] == {**data["measures"][0], "id": "1-1", "industry": 1, "title": "高端半導體製程技術"}
    items = {item["id"]: item for item in data["work_items"]}
    first = items["1-1/1.1.1"]
    assert (first["measure"], first["industry"], first["ranges"], first["lead"], first["co"]) == ("1-1", 1, [["109/12", "110/4"]], ["科技部"], [])
    assert first["lead_units"] == ["科技部(工程司)"]
    assert (items["1-2/1.2.1"]["lead"], items["1-2/1.2.1"]["co"]) == (["經濟部"], ["科技部"])


def test_export_refuses_a_broken_plan(plan_copy):
    break_file(plan_copy, "plan/budget.yaml", "unit: 億元", "unit: [億元")
    result = run("export", "--root", str(plan_copy))
    assert result.exit_code == 2 and "sixcore check" in result.output


@pytest.mark.parametrize("command", [["export"], ["report", "--format", "json"], ["gantt"]])
def test_commands_refuse_a_plan_the_plan_rules_find_wrong(plan_copy, command):
    # loads cleanly, but 1-1 then holds work item 1.1.1 twice (SC101): one id would have two meanings
    break_file(plan_copy, "plan/industries/1-digital.yaml", 'number: "1.1.2"', 'number: "1.1.1"')
    result = run(*command, "--root", str(plan_copy))
    assert result.exit_code == 2 and "SC101" in result.output and "sixcore check" in result.output


def test_module_entry_point_help():
    result = run("--help")
    assert result.exit_code == 0 and "check" in result.output and "export" in result.output


def test_version_is_the_installed_distribution():
    from importlib.metadata import version

    result = run("--version")
    assert result.exit_code == 0 and result.output == f"sixcore {version('sixcore')}\n"


@pytest.mark.parametrize("command", [[], ["check"], ["pr-scope"], ["report"], ["gantt"], ["export"], ["schema"], ["status", "new"]])
def test_help_names_option_values_in_words(command):
    result = run(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    # never a Python type name (typer 0.29 prints <bool>, <str>, <list[Path]>, <int range> unless told otherwise)
    for python_type in ("<bool>", "<str>", "<int", "<path>", "list[", "Path]", "TEXT", "INTEGER"):
        assert python_type not in result.output, (python_type, result.output)
    assert "-h, --help  " in result.output


def test_help_shows_the_words_for_values():
    text = run("report", "--help", env={"COLUMNS": "200"}).output
    for shown in ("--quarter QUARTER", "--root DIR", "--rows N", "--lang [zh-TW|en]", "-f, --format [text|json|pdf]", "-m, --measure MEASURE"):
        assert shown in text, shown
    assert "--timestamp  " in text  # a flag takes no value
    assert "Usage: sixcore check [OPTIONS] [FILES]..." in run("check", "--help").output


def test_a_link_loop_in_the_plan_is_listed_not_a_crash(plan_copy):
    industries = plan_copy / "plan" / "industries"
    (industries / "a.yaml").symlink_to("b.yaml")
    (industries / "b.yaml").symlink_to("a.yaml")
    result = run("export", "--root", str(plan_copy))
    assert result.exit_code == 2 and "SC006" in result.output and "方案資料有 2 項錯誤" in result.output
    assert "內部錯誤" not in result.output


def test_a_reader_that_goes_away_is_no_internal_error(tmp_path):
    """`sixcore report … | head -1`: the pipe closes early; sixcore stops quietly, as command-line tools do."""
    import subprocess
    import sys

    shell = f"'{sys.executable}' -m sixcore report --quarter 113Q2 --rows 0 --root '{REPO}' --out '{tmp_path}' | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "COLUMNS": "80"})
    assert "內部錯誤" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.count("\n") == 1

"""Status files through the command line: status new, schema, check with files and --quarter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sixcore.cli import app
from sixcore.schema import SCHEMAS, render_schema
from tests.conftest import REPO

runner = CliRunner()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1"})


def test_status_new_writes_a_valid_template_and_never_overwrites(mini):
    result = run("status", "new", "--quarter", "111Q1", "--agency", "nstc", "--root", str(mini))
    assert result.exit_code == 0, result.output
    path = mini / "status" / "111Q1" / "nstc.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/status.schema.json\n")
    data = yaml.safe_load(text)
    assert (data["quarter"], data["agency"]) == ("111Q1", "nstc")
    assert list(data["work_items"]) == ["1-1/1.1.1"]  # led by 科技部, now 國科會; 1.1.2 is moea's
    assert list(data["kpis"]) == ["1.1.1"]
    path.write_text(text.replace("summary: null", "summary: 已填寫"), encoding="utf-8")
    assert path.stat().st_mode & 0o777 == 0o666 & ~current_umask()  # 0644 under umask 022, as any file the user writes
    again = run("status", "new", "--quarter", "111Q1", "--agency", "nstc", "--root", str(mini))
    assert again.exit_code == 2 and "未覆蓋" in again.output
    assert "summary: 已填寫" in path.read_text(encoding="utf-8")  # nothing lost
    assert list(path.parent.glob(".*tmp")) == []  # nothing half-written left behind


def test_status_new_carries_forward_last_quarter(mini):
    run("status", "new", "--quarter", "111Q1", "--agency", "nstc", "--root", str(mini))
    q1 = mini / "status" / "111Q1" / "nstc.yaml"
    q1.write_text(q1.read_text(encoding="utf-8").replace("planned: null", "planned: 40").replace("actual: null", "actual: 35", 1), encoding="utf-8")
    assert run("status", "new", "--quarter", "111Q2", "--agency", "nstc", "--root", str(mini)).exit_code == 0
    item = yaml.safe_load((mini / "status" / "111Q2" / "nstc.yaml").read_text(encoding="utf-8"))["work_items"]["1-1/1.1.1"]
    assert (item["planned"], item["actual"], item["done"]) == (40, 35, None)


def test_status_new_rejects_unknown_agency_and_bad_quarter(mini):
    assert run("status", "new", "--quarter", "111Q1", "--agency", "mots", "--root", str(mini)).exit_code == 2
    result = run("status", "new", "--quarter", "111Q5", "--agency", "nstc", "--root", str(mini))
    assert result.exit_code == 2 and "111Q5" in result.output and "Traceback" not in result.output
    assert not (mini / "status").exists()


def test_template_validates_with_check_jsonschema(tmp_path):
    """A real third-party client accepts a generated template against the committed schema."""
    root = tmp_path
    for folder in ("plan", "schema"):
        subprocess.run(["cp", "-r", str(REPO / folder), str(root / folder)], check=True)
    assert run("status", "new", "--quarter", "113Q2", "--agency", "moea", "--root", str(root)).exit_code == 0
    template = root / "status" / "113Q2" / "moea.yaml"
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(checker), "--schemafile", str(root / "schema" / "status.schema.json"), str(template)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = template.read_text(encoding="utf-8")
    assert "    status:          # 必填" in text  # left for the agency to decide
    template.write_text(text.replace("    status:          # 必填", "    status: 進行  # 必填", 1), encoding="utf-8")
    result = subprocess.run([str(checker), "--schemafile", str(root / "schema" / "status.schema.json"), str(template)], capture_output=True, text=True)
    assert result.returncode == 1  # and the schema does reject what sixcore rejects


@pytest.mark.parametrize("plan", [REPO / "plan", REPO / "examples" / "trusted-industries" / "plan"], ids=["plan", "trusted-industries"])
def test_plan_files_validate_against_the_committed_schemas(plan: Path):
    # what an editor or check-jsonschema sees: the committed schemas accept the repository's own plan files
    # (the 表 3 amounts are plain YAML numbers) and the example programme's, and reject a figure written as text
    checker = Path(sys.executable).with_name("check-jsonschema")
    single_table_kpis = [path for path in sorted((plan / "kpis").glob("*.yaml")) if "tables" not in yaml.safe_load(path.read_text(encoding="utf-8"))]
    cases = {
        "plan": sorted((plan / "industries").glob("*.yaml")), "kpis": single_table_kpis, "agencies": [plan / "agencies.yaml"],
        "lights": [plan / "lights.yaml"], "programme": [plan / "programme.yaml"],
    }
    if (plan / "budget.yaml").exists():  # optional: the example programme has none
        cases["budget"] = [plan / "budget.yaml"]
    for name, files in cases.items():
        assert files, name
        result = subprocess.run([str(checker), "--schemafile", str(REPO / "schema" / f"{name}.schema.json"), *map(str, files)], capture_output=True, text=True)
        assert result.returncode == 0, name + result.stdout + result.stderr


def test_budget_schema_wants_numbers(tmp_path):
    checker = Path(sys.executable).with_name("check-jsonschema")
    budget = tmp_path / "budget.yaml"
    budget.write_text((REPO / "plan" / "budget.yaml").read_text(encoding="utf-8").replace("subtotal: 54.7", 'subtotal: "54.7"'), encoding="utf-8")
    result = subprocess.run([str(checker), "--schemafile", str(REPO / "schema" / "budget.schema.json"), str(budget)], capture_output=True, text=True)
    assert result.returncode == 1, result.stdout


def test_committed_schemas_are_current():
    for name in SCHEMAS:
        assert (REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8") == render_schema(name), f"run: sixcore schema {name} > schema/{name}.schema.json"
        assert json.loads(run("schema", name).stdout)["title"]


def test_check_given_files_reports_only_those(mini):
    good = mini / "status" / "111Q1" / "nstc.yaml"
    bad = mini / "status" / "111Q1" / "moea.yaml"
    good.parent.mkdir(parents=True)
    good.write_text('quarter: 111Q1\nagency: nstc\nwork_items:\n  "1-1/1.1.1": {status: 進行中}\n', encoding="utf-8")
    bad.write_text("quarter: 111Q1\nagency: moea\nwork_items:\n  \"1-1/1.1.2\": {status: 落後}\n", encoding="utf-8")
    assert run("check", str(good), "--root", str(mini)).exit_code == 0
    result = run("check", str(bad), "--root", str(mini), "--format", "parsable")
    assert result.exit_code == 1 and "SC208" in result.output and "nstc.yaml" not in result.output


def test_check_quarter_option(mini):
    result = run("check", "--root", str(mini), "--quarter", "112Q1", "--format", "json")
    codes = {p["code"] for p in json.loads(result.stdout)}
    assert result.exit_code == 0 and "SC301" in codes  # 1-1/1.1.1 (to 111/12) is overdue as of 112Q1
    assert run("check", "--root", str(mini), "--quarter", "112Q7").exit_code == 2


def test_shipped_status_folder_holds_no_data():
    assert [p.name for p in (REPO / "status").rglob("*") if p.is_file()] == ["README.md"]


def test_check_files_named_from_a_subfolder(mini, monkeypatch):
    bad = mini / "status" / "111Q1" / "moea.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("quarter: 111Q1\nagency: moea\nwork_items:\n  \"1-1/1.1.2\": {status: 落後}\n", encoding="utf-8")
    monkeypatch.chdir(bad.parent)  # the root is found upwards; the file name is relative to here
    result = run("check", "moea.yaml", "--format", "parsable")
    assert result.exit_code == 1 and "SC208" in result.output


def test_check_a_file_that_does_not_exist(mini):
    result = run("check", str(mini / "status" / "111Q1" / "nope.yaml"), "--root", str(mini))
    assert result.exit_code == 2 and "nope.yaml" in result.output and "Traceback" not in result.output

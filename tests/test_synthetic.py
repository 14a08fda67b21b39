"""The SYNTHETIC demo status set (tests/synthetic/make_demo.py): it checks clean, and sixcore's overdue and
unreported judgments agree with an independent computation from the exported plan and the raw YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from tests.synthetic.independent import DONE, Independent, QuarterKey, previous_quarter, quarter_key, quarter_months
from tests.synthetic.make_demo import make_demo

runner = CliRunner()

AS_OF = ("110Q4", "111Q4", "112Q3", "113Q2", "113Q4")


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1"})


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo") / "repo")


@pytest.fixture(scope="module")
def independent(demo: Path) -> Independent:
    result = run("export", "--format", "json", "--root", str(demo))
    assert result.exit_code == 0, result.output
    return Independent.read(demo, json.loads(result.stdout))


@pytest.fixture(scope="module")
def audits(demo: Path) -> dict:
    """check_repo for every as-of quarter, computed once."""
    from sixcore.audit import check_repo
    from sixcore.calendar import Quarter

    return {quarter: check_repo(demo, as_of=Quarter.parse(quarter)) for quarter in AS_OF}


# --- the tests ---


def test_demo_files_are_marked_synthetic(demo: Path):
    paths = sorted((demo / "status").glob("*/*.yaml"))
    assert len(paths) >= 40
    for path in paths:
        assert path.read_text(encoding="utf-8").splitlines()[0].startswith("# SYNTHETIC demo/test data"), path


def test_demo_filers(demo: Path):
    folders = sorted(path.name for path in (demo / "status").iterdir())
    assert folders[0] == "110Q1" and folders[-1] == "113Q4" and len(folders) == 16
    filed = {folder: {path.stem for path in (demo / "status" / folder).glob("*.yaml")} for folder in folders}
    assert all("moea" in agencies for agencies in filed.values())
    assert [folder for folder, agencies in filed.items() if "most" in agencies] == folders[:6]  # to 111Q2
    assert [folder for folder, agencies in filed.items() if "nstc" in agencies] == folders[6:]  # from 111Q3
    assert [folder for folder, agencies in filed.items() if "mohw" not in agencies] == ["112Q3"]


def test_demo_checks_without_errors(demo: Path):
    result = run("check", "--root", str(demo))
    assert result.exit_code == 0, result.output  # warnings only
    strict = run("check", "--root", str(demo), "--strict")
    assert strict.exit_code == 1, strict.output


def test_no_errors_in_any_quarter(audits: dict):
    from sixcore.problem import Severity

    for quarter, audit in audits.items():
        errors = [problem for problem in audit.problems if problem.severity is Severity.ERROR]
        assert errors == [], (quarter, errors[:3])
        codes = {problem.code for problem in audit.problems}
        assert {"SC301", "SC302"} <= codes, (quarter, codes)


def test_demo_exercises_the_scenarios(independent: Independent):
    reports = [(f, item_id, report) for f in independent.filed for item_id, report in f.work_items.items()]
    states = {str(report["status"]) for _, _, report in reports}
    assert {"完成", "進行中", "落後", "done", "on-track", "behind"} <= states
    behind = [report for _, _, report in reports if report["status"] in ("落後", "behind")]
    assert behind and all(report.get("delay_reason") and report.get("countermeasure") for report in behind)
    completed = [(f, report) for f, _, report in reports if report["status"] in DONE]
    for f, report in completed:  # the completion date lies inside the quarter reported
        year, month, _ = (int(part) for part in str(report["completed"]).split("/"))
        first, last = quarter_months(f.quarter)
        assert first <= year * 12 + month - 1 <= last
    # progress never goes down from one report of an item to the next
    history: dict[str, list[tuple[QuarterKey, float]]] = {}
    for f, item_id, report in reports:
        if report.get("actual") is not None:
            history.setdefault(item_id, []).append((f.quarter, report["actual"]))
    rising = 0
    for values in history.values():
        actuals = [actual for _, actual in sorted(values)]
        assert actuals == sorted(actuals)
        rising += actuals[-1] > actuals[0]
    assert rising > 50


def test_demo_reports_kpi_actuals(independent: Independent, audits: dict):
    kpis: dict[tuple, list[float]] = {}
    for f in sorted(independent.filed, key=lambda f: f.quarter):
        for kpi_id, report in f.kpis.items():
            kpis.setdefault((f.agency, kpi_id, f.quarter[0]), []).append(report["actual"])
    assert len({kpi_id for _, kpi_id, _ in kpis}) >= 10
    assert all(values == sorted(values) for values in kpis.values())  # rising within each year
    assert any(problem.code == "SC304" for problem in audits["113Q4"].problems)  # some fall short of the target


@pytest.mark.parametrize("quarter", AS_OF)
def test_overdue_matches_independent(quarter: str, independent: Independent, audits: dict):
    from sixcore.calendar import Quarter
    from sixcore.standing import overdue

    expected = independent.overdue(quarter_key(quarter))
    audit = audits[quarter]
    assert {problem.params["item"] for problem in audit.problems if problem.code == "SC301"} == expected
    assert {placed.id for placed in overdue(audit.context, Quarter.parse(quarter))} == expected


@pytest.mark.parametrize("quarter", AS_OF)
def test_unreported_matches_independent(quarter: str, independent: Independent, audits: dict):
    from sixcore.calendar import Quarter
    from sixcore.standing import unreported

    expected = independent.unreported(quarter_key(quarter))
    audit = audits[quarter]
    assert {problem.params["item"] for problem in audit.problems if problem.code == "SC302"} == expected
    assert {missing.placed.id for missing in unreported(audit.context, Quarter.parse(quarter))} == expected


def test_judgments_are_not_vacuous(independent: Independent):
    overdue = {quarter: independent.overdue(quarter_key(quarter)) for quarter in AS_OF}
    unreported = {quarter: independent.unreported(quarter_key(quarter)) for quarter in AS_OF}
    assert all(overdue[quarter] for quarter in AS_OF[1:])
    assert all(unreported[quarter] for quarter in AS_OF)
    assert len(overdue["110Q4"]) < len(overdue["113Q4"])  # more items fall overdue as time passes
    assert overdue["110Q4"] - overdue["113Q4"]  # ... while some late ones are completed meanwhile
    # mohw filing nothing for 112Q3 leaves its active items unreported there, but not in 112Q4
    mohw_only = {item["id"] for item in independent.work_items if {independent.body(a) for a in item["lead_ids"]} == {"mohw"}}
    assert len(unreported["112Q3"] & mohw_only) > len(independent.unreported((112, 4)) & mohw_only) + 10
    # items a lead reported the quarter before, left out of that lead's file this quarter (not just unfiled)
    leads = {item["id"]: {independent.body(a) for a in item["lead_ids"]} for item in independent.work_items}
    left_out = [
        (quarter, item_id) for quarter in AS_OF for item_id in unreported[quarter]
        if any(f.quarter == previous_quarter(quarter_key(quarter)) and f.body in leads[item_id] and item_id in f.work_items for f in independent.filed)
        and any(f.quarter == quarter_key(quarter) and f.body in leads[item_id] for f in independent.filed)
    ]
    assert len(left_out) >= 5
    # an item whose lead never reported it but that its co agency marked 完成 is neither overdue nor unreported later
    co_done = [
        item_id for f in independent.filed if f.body == "moea" for item_id, report in f.work_items.items()
        if report["status"] in DONE and "moea" not in leads[item_id]
    ]
    assert co_done
    assert not any(item_id in overdue["113Q4"] or item_id in unreported["113Q4"] for item_id in co_done)


def test_generator_is_deterministic(demo: Path, tmp_path: Path):
    again = make_demo(tmp_path / "again")
    first = {path.relative_to(demo): path.read_bytes() for path in sorted((demo / "status").rglob("*.yaml"))}
    second = {path.relative_to(again): path.read_bytes() for path in sorted((again / "status").rglob("*.yaml"))}
    assert first.keys() == second.keys()
    assert first == second

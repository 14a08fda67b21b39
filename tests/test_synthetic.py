"""The SYNTHETIC demo status set (tests/synthetic/make_demo.py): it checks clean, its scripted scenarios come out
as the README's rules say, and sixcore's judgments agree with an independent reading of those rules from the
exported plan and the raw YAML (tests/synthetic/independent.py)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from tests.synthetic.independent import DONE, Independent, QuarterKey, previous_quarter, quarter_key, quarter_months, quarters_between
from tests.synthetic.make_demo import make_demo

runner = CliRunner()

AS_OF = ("110Q1", "110Q2", "110Q4", "111Q4", "112Q3", "113Q2", "113Q4")


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1"})


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
    assert all({"moea", "motc", "ndc"} <= agencies for agencies in filed.values())
    assert [folder for folder, agencies in filed.items() if "most" in agencies] == folders[:6]  # to 111Q2
    assert [folder for folder, agencies in filed.items() if "nstc" in agencies] == folders[6:]  # from 111Q3
    assert [folder for folder, agencies in filed.items() if "mohw" not in agencies] == ["112Q3"]
    assert [folder for folder, agencies in filed.items() if "moea-idb" in agencies] == ["110Q3"]
    # no file under a body that reports through another (台電, 中油, 港務公司, 國研院 …)
    assert not set().union(*filed.values()) & {"taipower", "cpc", "twport", "bot", "narlabs", "guarantee-exec-unit"}


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
        if quarter == "110Q1":  # before the first review: nothing is overdue or unreported
            assert not {"SC301", "SC302"} & codes, (quarter, codes)
        else:
            assert {"SC301", "SC302"} <= codes, (quarter, codes)


def test_demo_exercises_the_scenarios(independent: Independent):
    reports = [(f, item_id, report) for f in independent.filed for item_id, report in f.work_items.items()]
    states = {str(report["status"]) for _, _, report in reports}
    assert {"完成", "進行中", "落後", "停辦", "done", "on-track", "behind"} <= states
    behind = [report for _, _, report in reports if report["status"] in ("落後", "behind")]
    assert behind and all(report.get("delay_reason") and report.get("countermeasure") for report in behind)
    suspended = [report for _, _, report in reports if report["status"] in ("停辦", "suspended")]
    assert suspended and all(report.get("suspend_reason") for report in suspended)
    completed = [(f, report) for f, _, report in reports if report["status"] in DONE]
    for f, report in completed:  # the completion date lies inside the quarter reported
        year, month, _ = (int(part) for part in str(report["completed"]).split("/"))
        first, last = quarter_months(f.quarter)
        assert first <= year * 12 + month - 1 <= last
    # progress never goes down from one report of an item to the next, except with a note (a reopened item)
    history: dict[str, list[tuple[QuarterKey, float, bool]]] = {}
    for f, item_id, report in reports:
        if report.get("actual") is not None:
            history.setdefault(item_id, []).append((f.quarter, report["actual"], bool(report.get("note"))))
    rising = 0
    for values in history.values():
        ordered = sorted(values)
        for (_, before, _), (_, now, noted) in itertools.pairwise(ordered):
            assert now >= before or noted, values
        rising += ordered[-1][1] > ordered[0][1]
    assert rising > 50


def test_demo_reports_kpi_actuals(independent: Independent, audits: dict):
    kpis: dict[tuple, list[float]] = {}
    achieved: dict[tuple, list[str]] = {}
    for f in sorted(independent.filed, key=lambda f: f.quarter):
        for kpi_id, report in f.kpis.items():
            for key, value in ({"": report["actual"]} if "actual" in report else report.get("actuals") or {}).items():
                kpis.setdefault((f.agency, kpi_id, key, f.quarter[0]), []).append(value)
            if "achieved" in report:
                achieved.setdefault((f.agency, kpi_id, f.quarter[0]), []).append(report["achieved"])
    assert len({kpi_id for _, kpi_id, _, _ in kpis}) >= 10
    assert any(key for _, _, key, _ in kpis)  # sub-targets, by unit
    assert all(values == sorted(values) for values in kpis.values())  # rising within each year
    assert len({kpi_id for _, kpi_id, _ in achieved}) >= 5  # milestones: 部分達成 until Q4, then 達成 or 未達成
    assert {words[-1] for words in achieved.values()} >= {"達成", "未達成", "achieved", "not achieved"}
    codes = {problem.code for problem in audits["113Q4"].problems}
    assert {"SC304", "SC305"} <= codes and "SC215" not in codes  # some fall short, some are left out, 達成 has its evidence


@pytest.mark.parametrize("quarter", AS_OF)
def test_overdue_matches_independent(quarter: str, independent: Independent, audits: dict):
    from sixcore.calendar import Quarter
    from sixcore.standing import Standings

    expected = independent.overdue(quarter_key(quarter))
    audit = audits[quarter]
    assert {problem.params["item"] for problem in audit.problems if problem.code == "SC301"} == expected
    assert {standing.id for standing in Standings.of(audit.context, Quarter.parse(quarter)).overdue()} == expected


@pytest.mark.parametrize("quarter", AS_OF)
def test_unreported_matches_independent(quarter: str, independent: Independent, audits: dict):
    from sixcore.calendar import Quarter
    from sixcore.standing import Standings

    expected = independent.unreported(quarter_key(quarter))
    audit = audits[quarter]
    assert {problem.params["item"] for problem in audit.problems if problem.code == "SC302"} == expected
    assert {standing.id for standing in Standings.of(audit.context, Quarter.parse(quarter)).unreported()} == expected


@pytest.mark.parametrize("quarter", AS_OF)
def test_states_match_independent(quarter: str, independent: Independent, audits: dict):
    from sixcore.calendar import Quarter
    from sixcore.standing import Standings

    items = Standings.of(audits[quarter].context, Quarter.parse(quarter)).items
    expected = independent.states(quarter_key(quarter))
    assert {item_id: standing.state.value for item_id, standing in items.items()} == expected
    assert {item_id for item_id, standing in items.items() if standing.owed} == independent.owed(quarter_key(quarter))


def test_judgments_are_not_vacuous(independent: Independent):
    overdue = {quarter: independent.overdue(quarter_key(quarter)) for quarter in AS_OF}
    unreported = {quarter: independent.unreported(quarter_key(quarter)) for quarter in AS_OF}
    assert not overdue["110Q1"] and not unreported["110Q1"]  # nothing before the first review
    assert all(overdue[quarter] for quarter in AS_OF[1:])
    assert all(unreported[quarter] for quarter in AS_OF[1:])
    assert len(overdue["110Q4"]) < len(overdue["113Q4"])  # more items fall overdue as time passes
    assert overdue["110Q4"] - overdue["113Q4"]  # ... while some late ones are completed meanwhile
    leads = {item_id: item.lead_bodies for item_id, item in independent.items.items()}
    # mohw filing nothing for 112Q3 leaves its active items unreported there, but not in 112Q4
    mohw_only = {item_id for item_id, bodies in leads.items() if bodies == {"mohw"}}
    assert len(unreported["112Q3"] & mohw_only) > len(independent.unreported((112, 4)) & mohw_only) + 10
    # items a lead reported the quarter before, left out of that lead's file this quarter (not just unfiled)
    left_out = [
        (quarter, item_id) for quarter in AS_OF for item_id in unreported[quarter]
        if any(f.quarter == previous_quarter(quarter_key(quarter)) and f.body in leads[item_id] and item_id in f.work_items for f in independent.filed)
        and any(f.quarter == quarter_key(quarter) and f.body in leads[item_id] for f in independent.filed)
    ]
    assert len(left_out) >= 5
    # an item whose lead never reported it but that its co agency marked 完成 is neither overdue nor unreported later
    co_done = [
        item_id for f in independent.filed if f.body == "moea" for item_id, report in f.work_items.items()
        if report["status"] in DONE and "moea" not in independent.items[item_id].lead_side
        and not any(item_id in g.work_items for g in independent.filed if g.body in leads[item_id])
    ]
    assert co_done
    assert not any(item_id in overdue["113Q4"] or item_id in unreported["113Q4"] for item_id in co_done)


# The scripted scenarios (make_demo.SCRIPTS), each as the README's rules have it: item -> {quarter: state}.
# "/U" marks an item also unreported (owed and not named by any counting report that quarter).
SCENARIOS = {
    # the latest word decides: 完成 111Q4, 進行中 112Q1 is not 完成 (overdue: its schedule ended 111/12); left out 112Q2
    "1-3/1.1.1": {"111Q3": "on_schedule", "111Q4": "completed", "112Q1": "overdue", "112Q2": "overdue/U", "112Q3": "completed"},
    "1-3/2.1.1": {"111Q2": "completed", "111Q3": "on_schedule", "112Q3": "on_schedule", "112Q4": "completed"},
    # 110Q4: the lead (mohw) says 進行中 97 %, the co agency (moea) says 完成: the lead's word decides
    "6-2/2.1.1": {"110Q3": "on_schedule", "110Q4": "overdue", "111Q1": "completed"},
    # 110Q4: the lead is silent, the co agency's 完成 is the word (and it is not unreported)
    "6-2/2.1.2": {"110Q3": "on_schedule", "110Q4": "completed", "113Q4": "completed"},
    # 每年 110-114: 完成 closes a round only; a round's Q4 without 完成 is 落後; owed every quarter
    "2-4/2.2.1": {"110Q4": "on_schedule", "111Q1": "on_schedule", "111Q4": "behind", "112Q3": "unreported/U",
                  "112Q4": "on_schedule", "113Q4": "on_schedule"},
    "2-4/2.2.2": {"110Q4": "behind", "111Q4": "on_schedule", "112Q4": "on_schedule", "113Q1": "unreported/U",
                  "113Q3": "on_schedule", "113Q4": "behind"},
    # 停辦: owed nothing while it is the latest word (never overdue); a later report resumes the item
    "1-3/2.2.1": {"111Q3": "suspended", "111Q4": "suspended", "112Q1": "suspended", "112Q2": "on_schedule",
                  "112Q4": "overdue", "113Q1": "completed"},
    "1-1/3.2.1": {"111Q1": "on_schedule", "111Q2": "suspended", "112Q4": "suspended", "113Q4": "suspended"},
    # before the plan: nothing overdue or unreported before the first review (110Q2); due then
    "6-6/2.2.4": {"110Q1": "completed", "110Q2": "completed"},
    "6-6/1.1.1": {"110Q1": "not_reviewed", "110Q2": "completed"},
    "6-6/2.2.2": {"110Q1": "behind", "110Q2": "completed"},
    "5-3/2.3.1": {"110Q1": "not_reviewed", "110Q2": "completed"},
    "6-4/1.1.1": {"110Q1": "not_reviewed", "110Q2": "completed"},
    "5-3/2.1.1": {"110Q1": "not_reviewed", "110Q2": "overdue/U", "110Q3": "completed"},
    "6-6/2.2.3": {"110Q1": "not_reviewed", "110Q2": "overdue/U", "113Q4": "overdue/U"},
    "6-4/2.1.1": {"110Q1": "not_reviewed", "110Q2": "overdue/U", "113Q4": "overdue/U"},
    # reported by the body the lead reports through
    "6-1/1.1.1": {"112Q2": "on_schedule", "113Q4": "completed"},
    "6-1/1.3.1": {"112Q2": "on_schedule", "113Q4": "completed"},
    "5-7/2.1.1": {"112Q3": "on_schedule", "112Q4": "completed"},
    "5-1/2.1.2": {"110Q1": "completed", "110Q2": "completed"},
    "5-1/2.1.3": {"111Q2": "behind", "111Q3": "overdue", "112Q1": "overdue", "112Q2": "completed"},
    "5-3/2.3.2": {"112Q2": "on_schedule", "113Q4": "completed"},
    # by the industry's 主政單位, as the lead's
    "6-8/2.1.1": {"110Q1": "not_reviewed", "110Q2": "on_schedule", "113Q4": "completed"},
    "6-4/2.1.2": {"111Q3": "on_schedule", "111Q4": "completed"},
    "3-2/2.1.1": {"112Q3": "on_schedule", "113Q4": "completed"},
}


def test_scripted_scenarios(independent: Independent, demo: Path):
    """Each scripted item's state, written out from the README's rules, is the independent reading's and sixcore's."""
    from sixcore.audit import load_context
    from sixcore.calendar import Quarter
    from sixcore.load.status import AuditContext
    from sixcore.standing import Standings
    from tests.synthetic.make_demo import _scripts

    assert set(SCENARIOS) <= set(_scripts())
    ctx = load_context(demo)[0]
    contexts: dict[str, AuditContext] = {}
    for item_id, expected in SCENARIOS.items():
        for quarter, state in expected.items():
            key = quarter_key(quarter)
            judged = contexts.setdefault(quarter, AuditContext(ctx.plan, ctx.statuses, Quarter.parse(quarter)))
            standing = Standings.of(judged).items[item_id]
            unreported = "/U" if independent.is_unreported(item_id, key) else ""
            assert independent.state(item_id, key) + unreported == state, (item_id, quarter, "independent")
            assert standing.state.value + ("/U" if standing.is_unreported else "") == state, (item_id, quarter, "sixcore")


def test_recurring_items_are_overdue_after_their_last_round(independent: Independent, demo: Path):
    """2-4/2.2.1 ends 114/12 and was last reported 完成 in 113Q4, its 113 round: as of 114Q4 that does not complete it."""
    from sixcore.audit import load_context
    from sixcore.calendar import Quarter
    from sixcore.standing import Standings

    ctx = load_context(demo, Quarter.parse("114Q4"))[0]
    items = Standings.of(ctx).items
    for item_id in ("2-4/2.2.1", "2-4/2.2.2"):
        assert independent.state(item_id, (114, 4)) == "overdue"
        assert independent.is_unreported(item_id, (114, 4))
        assert items[item_id].state.value == "overdue" and items[item_id].is_unreported
    assert independent.states((114, 4)) == {item_id: standing.state.value for item_id, standing in items.items()}


def test_every_quarter_owes_the_lead_bodies(independent: Independent):
    """Who is due to file: the lead bodies (through reports_through), never a body that reports through another."""
    for quarter in quarters_between("110Q2", "113Q4"):
        owing = independent.owing(quarter)
        assert not owing & {"taipower", "cpc", "twport", "bot", "narlabs", "guarantee-exec-unit"}
    assert "2-4/2.2.1" in independent.owed_by("moda", (112, 3))  # lead 資安處 → 數發部; 國發會 reports it as 主政單位
    assert "2-4/2.2.1" not in independent.owed_by("ndc", (112, 3))
    assert "5-3/2.3.2" in independent.owed_by("ndc", (112, 3))  # the executing unit reports through 國發會


def test_generator_is_deterministic(demo: Path, tmp_path: Path):
    again = make_demo(tmp_path / "again")
    first = {path.relative_to(demo): path.read_bytes() for path in sorted((demo / "status").rglob("*.yaml"))}
    second = {path.relative_to(again): path.read_bytes() for path in sorted((again / "status").rglob("*.yaml"))}
    assert first.keys() == second.keys()
    assert first == second

"""The quarterly review's judgments (README, States), one case at a time, on tests/fixtures/review.

Fixture plan (industry 1, 主政單位 衛福部 mohw; first review 110Q2, programme start 110/1):
  1-1/1.1.1  110/1-111/12, lead 經濟部 moea, co 科技部 most (→ 國科會 nstc from 111/7/27)
  1-1/1.1.2  110/1-112/12 每年, lead moea: rounds 110, 111, 112
  1-1/1.1.3  by 111/6/30 (a deadline alone), lead moea
  1-1/1.1.4  109/3-109/10 (ended before the plan), lead moea
  1-1/1.1.5  110/1-113/12, lead 台電 taipower, which reports through moea
  1-1/1.1.6  110/1-113/12, lead most
  1-1/1.1.7  113/1-113/12, lead 農委會 coa (→ 農業部 moa from 112/8/1)
Every expected state below is worked out from those rules by hand.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.audit import check_repo, load_context
from sixcore.calendar import Quarter
from sixcore.cli import app
from sixcore.problem import Severity
from sixcore.report import build_report
from sixcore.standing import Standings, State
from sixcore.template import render_status_template
from sixcore.timeline import Selection, build_timeline
from tests.test_status_rules import file_status

REVIEW = Path(__file__).resolve().parent / "fixtures" / "review"
ALL = [f"1-1/1.1.{n}" for n in range(1, 8)]


@pytest.fixture
def review(tmp_path: Path) -> Path:
    root = tmp_path / "review"
    shutil.copytree(REVIEW, root)
    return root


def standings(root: Path, quarter: str) -> Standings:
    ctx, problems = load_context(root, Quarter.parse(quarter))
    assert not [problem for problem in problems if problem.severity is Severity.ERROR], problems
    return Standings.of(ctx)


def state(root: Path, quarter: str, item: str) -> State:
    return standings(root, quarter).items[f"1-1/{item}"].state


def codes(root: Path, quarter: str, code: str) -> list[tuple[str, int]]:
    result = check_repo(root, Quarter.parse(quarter))
    return [(problem.path.relative_to(root).as_posix(), problem.line) for problem in result.problems if problem.code == code]


def flagged(root: Path, quarter: str, code: str) -> set[str]:
    """The work items a warning code names, as of the quarter."""
    result = check_repo(root, Quarter.parse(quarter))
    return {str(problem.params["item"]) for problem in result.problems if problem.code == code}


def template_ids(root: Path, quarter: str, agency: str) -> list[str]:
    ctx, _ = load_context(root)
    text = render_status_template(ctx, Quarter.parse(quarter), agency, Path("x.yaml"))
    return [line.split('"')[1] for line in text.splitlines() if line.startswith('  "1-1/')]


# --- 1. the latest word decides -------------------------------------------------------------------------------


def test_a_later_word_reopens_a_completed_item(review: Path):
    file_status(review, "111Q1", "moea", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 111/3/1}\n')
    assert state(review, "111Q1", "1.1.1") is State.completed
    assert "1-1/1.1.1" not in template_ids(review, "111Q2", "moea")  # 完成 by the quarter before: owed nothing
    assert state(review, "111Q2", "1.1.1") is State.completed  # nothing said since
    file_status(review, "111Q2", "moea", 'work_items:\n  "1-1/1.1.1": {status: 進行中, planned: 90, actual: 90}\n')
    assert state(review, "111Q2", "1.1.1") is State.on_schedule
    assert "1-1/1.1.1" in template_ids(review, "111Q3", "moea")  # owed again
    assert state(review, "111Q3", "1.1.1") is State.unreported
    assert state(review, "112Q1", "1.1.1") is State.overdue  # ended 111/12, latest word 進行中
    assert "1-1/1.1.1" in flagged(review, "112Q1", "SC301")


def test_the_lead_speaks_before_a_co_agency(review: Path):
    file_status(review, "111Q1", "moea", 'work_items:\n  "1-1/1.1.1": {status: 進行中, planned: 97, actual: 97}\n')
    file_status(review, "111Q1", "most", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 111/3/20}\n')
    now = standings(review, "111Q1").items["1-1/1.1.1"]
    assert (now.state, now.word.filed.model.agency if now.word else None) == (State.on_schedule, "moea")


def test_a_co_agency_speaks_when_the_lead_is_silent_and_the_item_has_one_state(review: Path):
    file_status(review, "111Q2", "moea", "work_items: {}\n")
    file_status(review, "111Q2", "most", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 111/6/20}\n')
    assert state(review, "111Q2", "1.1.1") is State.completed
    assert "1-1/1.1.1" not in flagged(review, "111Q2", "SC302")
    ctx, _ = load_context(review, Quarter.parse("111Q2"))
    report = build_report(ctx, Quarter.parse("111Q2"))
    assert "1-1/1.1.1" not in {standing.id for standing in report.unreported}
    assert "1-1/1.1.1" in {standing.id for standing in report.newly_completed}


# --- 2. recurring work is done in rounds ----------------------------------------------------------------------


def test_a_yearly_item_is_done_round_by_round(review: Path):
    file_status(review, "110Q4", "moea", 'work_items:\n  "1-1/1.1.2": {status: 完成, completed: 110/12/10}\n')
    assert state(review, "110Q4", "1.1.2") is State.on_schedule  # round 110 done, rounds 111 and 112 to go
    assert "1-1/1.1.2" in template_ids(review, "111Q1", "moea")
    assert state(review, "111Q1", "1.1.2") is State.unreported  # owed every quarter
    file_status(review, "111Q3", "moea", 'work_items:\n  "1-1/1.1.2": {status: 進行中}\n')
    assert state(review, "111Q3", "1.1.2") is State.on_schedule
    file_status(review, "111Q4", "moea", 'work_items:\n  "1-1/1.1.2": {status: 進行中}\n')
    assert state(review, "111Q4", "1.1.2") is State.behind  # round 111 closes without 完成
    assert state(review, "112Q4", "1.1.2") is State.overdue  # ended 112/12; no 完成 in round 112
    file_status(review, "112Q1", "moea", 'work_items:\n  "1-1/1.1.2": {status: 完成, completed: 112/3/5}\n')
    assert state(review, "112Q1", "1.1.2") is State.completed  # 完成 in the last round completes it
    assert state(review, "112Q4", "1.1.2") is State.completed
    assert "1-1/1.1.2" not in template_ids(review, "112Q2", "moea")


def test_an_earlier_rounds_done_does_not_close_the_last(review: Path):
    file_status(review, "111Q4", "moea", 'work_items:\n  "1-1/1.1.2": {status: 完成, completed: 111/12/1}\n')
    assert state(review, "111Q4", "1.1.2") is State.on_schedule
    assert state(review, "112Q4", "1.1.2") is State.overdue
    assert "1-1/1.1.2" in flagged(review, "112Q4", "SC301")


# --- 3. deadlines ---------------------------------------------------------------------------------------------


def test_deadline_work_is_pending_from_the_start_and_due_in_its_quarter(review: Path):
    assert state(review, "110Q2", "1.1.3") is State.unreported  # pending from 110/1, owed from the first review
    assert "1-1/1.1.3" in template_ids(review, "110Q3", "moea")
    file_status(review, "111Q2", "moea", 'work_items:\n  "1-1/1.1.3": {status: 進行中, planned: 90, actual: 90}\n')
    assert state(review, "111Q1", "1.1.3") is State.unreported
    assert state(review, "111Q2", "1.1.3") is State.overdue  # due at the end of the deadline's quarter
    file_status(review, "111Q2", "moea", 'work_items:\n  "1-1/1.1.3": {status: 完成, completed: 111/6/28}\n')
    assert state(review, "111Q2", "1.1.3") is State.completed


# --- 4. 停辦 --------------------------------------------------------------------------------------------------


def test_suspended_needs_a_reason(review: Path):
    file_status(review, "111Q1", "most", 'work_items:\n  "1-1/1.1.6": {status: 停辦}\n')
    assert codes(review, "111Q1", "SC209") == [("status/111Q1/most.yaml", 4, )]
    file_status(review, "111Q1", "most", 'work_items:\n  "1-1/1.1.6": {status: suspended, suspend_reason: 奉院核定停辦}\n')
    assert codes(review, "111Q1", "SC209") == []


def test_suspended_work_is_owed_nothing_until_it_resumes(review: Path):
    file_status(review, "111Q1", "most", 'work_items:\n  "1-1/1.1.6": {status: 停辦, suspend_reason: 奉院核定停辦}\n')
    assert state(review, "111Q1", "1.1.6") is State.suspended
    assert state(review, "111Q2", "1.1.6") is State.suspended  # not 未填報
    assert state(review, "114Q1", "1.1.6") is State.suspended  # not 逾期 after 113/12
    assert "1-1/1.1.6" not in flagged(review, "114Q1", "SC301") | flagged(review, "111Q2", "SC302")
    assert "1-1/1.1.6" not in template_ids(review, "111Q2", "most")
    ctx, _ = load_context(review, Quarter.parse("111Q2"))
    assert [standing.id for standing in build_report(ctx, Quarter.parse("111Q2")).suspended] == ["1-1/1.1.6"]
    file_status(review, "112Q1", "nstc", 'work_items:\n  "1-1/1.1.6": {status: 進行中}\n')
    assert state(review, "112Q1", "1.1.6") is State.on_schedule  # resumed
    assert state(review, "112Q2", "1.1.6") is State.unreported


# --- 5. before the plan ---------------------------------------------------------------------------------------


def test_nothing_is_judged_before_the_first_review(review: Path):
    before = standings(review, "110Q1").items
    assert not any(standing.is_overdue or standing.is_unreported or standing.owed for standing in before.values())
    assert before["1-1/1.1.4"].state is State.not_reviewed  # ended 109/10, never reported
    assert before["1-1/1.1.1"].state is State.not_reviewed
    assert flagged(review, "110Q1", "SC301") == flagged(review, "110Q1", "SC302") == set()


def test_work_that_ended_before_the_plan_is_due_at_the_first_review(review: Path):
    assert state(review, "110Q2", "1.1.4") is State.overdue
    assert "1-1/1.1.4" in flagged(review, "110Q2", "SC302")
    file_status(review, "110Q2", "moea", 'work_items:\n  "1-1/1.1.4": {status: 完成, completed: 109/10/30}\n')
    assert state(review, "110Q2", "1.1.4") is State.completed


# --- 6. who files ---------------------------------------------------------------------------------------------


def test_a_state_owned_company_reports_through_its_ministry(review: Path):
    assert "1-1/1.1.5" in template_ids(review, "111Q1", "moea")
    ctx, _ = load_context(review, Quarter.parse("111Q1"))
    due = {filing.body: filing.expected_items for filing in build_report(ctx, Quarter.parse("111Q1")).agencies}
    assert "taipower" not in due and due["moea"] == 5  # 1.1.1, 1.1.2, 1.1.3 (pending), 1.1.4 (overdue since 110Q2), 1.1.5
    file_status(review, "111Q1", "moea", 'work_items:\n  "1-1/1.1.5": {status: 進行中}\n')
    assert codes(review, "111Q1", "SC204") == []
    assert state(review, "111Q1", "1.1.5") is State.on_schedule
    file_status(review, "111Q1", "taipower", 'work_items:\n  "1-1/1.1.5": {status: 進行中}\n')
    assert codes(review, "111Q1", "SC210") == [("status/111Q1/taipower.yaml", 2)]


def test_the_industrys_lead_ministry_may_report_for_the_lead(review: Path):
    file_status(review, "111Q1", "mohw", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 111/3/2}\n')
    assert codes(review, "111Q1", "SC204") == []
    assert state(review, "111Q1", "1.1.1") is State.completed
    file_status(review, "111Q1", "moc", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 111/3/2}\n')
    assert codes(review, "111Q1", "SC204") == [("status/111Q1/moc.yaml", 4)]  # neither lead, co nor 主政


def test_a_superseded_id_files_under_its_successor(review: Path):
    file_status(review, "111Q3", "most", 'work_items:\n  "1-1/1.1.6": {status: 進行中}\n')  # 111Q3 began before 111/7/27
    file_status(review, "111Q4", "most", 'work_items:\n  "1-1/1.1.6": {status: 進行中}\n')
    file_status(review, "112Q4", "coa", "work_items: {}\n")
    assert codes(review, "112Q4", "SC210") == [("status/111Q4/most.yaml", 2), ("status/112Q4/coa.yaml", 2)]
    assert state(review, "111Q3", "1.1.6") is State.on_schedule
    assert state(review, "111Q4", "1.1.6") is State.unreported  # a file under the old id is no filing
    result = CliRunner().invoke(app, ["status", "new", "--quarter", "113Q3", "--agency", "most", "--root", str(review)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "nstc" in result.output and "Traceback" not in result.output
    assert not (review / "status" / "113Q3" / "most.yaml").exists()
    (review / "status" / "111Q3" / "most.yaml").unlink()
    assert CliRunner().invoke(app, ["status", "new", "--quarter", "111Q3", "--agency", "most", "--root", str(review)]).exit_code == 0


# --- 7. one state, read by every command ----------------------------------------------------------------------


@pytest.mark.parametrize("quarter", ["110Q1", "110Q2", "111Q2", "112Q1", "113Q4"])
def test_check_report_gantt_and_status_new_read_one_state(review: Path, quarter: str):
    file_status(review, "111Q1", "moea", 'work_items:\n  "1-1/1.1.1": {status: 完成, completed: 111/3/1}\n  "1-1/1.1.5": {status: 進行中}\n')
    file_status(review, "111Q2", "most", 'work_items:\n  "1-1/1.1.6": {status: 停辦, suspend_reason: 奉院核定停辦}\n')
    q = Quarter.parse(quarter)
    ctx, _ = load_context(review, q)
    states = {item_id: standing.state for item_id, standing in Standings.of(ctx).items.items()}
    report = build_report(ctx, q)
    assert {standing.id: standing.state for standing in report.items} == states
    bars = build_timeline(ctx, q, Selection(detail=True)).industries[0].bars
    assert {bar.id: bar.state for bar in bars if bar.id in states} == {item_id: states[item_id] for item_id in ALL}
    assert flagged(review, quarter, "SC301") == {standing.id for standing in report.overdue}
    assert flagged(review, quarter, "SC302") == {standing.id for standing in report.unreported}
    owed_by_moea = {item for item in ALL if Standings.of(ctx).items[item].owed and item in {"1-1/1.1.1", "1-1/1.1.2", "1-1/1.1.3", "1-1/1.1.4", "1-1/1.1.5"}}
    assert set(template_ids(review, quarter, "moea")) == owed_by_moea


# --- 8. names as of the quarter -------------------------------------------------------------------------------


def test_bodies_are_named_as_of_the_quarter(review: Path):
    file_status(review, "111Q2", "most", 'work_items:\n  "1-1/1.1.6": {status: 進行中}\n')
    file_status(review, "113Q2", "nstc", 'work_items:\n  "1-1/1.1.6": {status: 進行中}\n')
    early = json.loads(CliRunner().invoke(app, ["report", "--quarter", "111Q2", "--format", "json", "--root", str(review)]).output)
    late = json.loads(CliRunner().invoke(app, ["report", "--quarter", "113Q2", "--format", "json", "--root", str(review)]).output)

    def lead(data: dict, item: str) -> list[str]:
        return next(row["lead"] for row in data["work_items"] if row["id"] == item)

    assert lead(early, "1-1/1.1.6") == ["科技部"] and lead(late, "1-1/1.1.6") == ["國科會"]
    assert lead(early, "1-1/1.1.7") == ["農委會"] and lead(late, "1-1/1.1.7") == ["農業部"]
    assert {agency["id"]: agency["name"] for agency in early["agencies"]}["nstc"] == "科技部"
    assert {agency["id"]: agency["name"] for agency in late["agencies"]}["nstc"] == "國家科學及技術委員會"
    assert CliRunner().invoke(app, ["report", "--quarter", "113Q2", "--root", str(review), "--out", str(review / "out")]).exit_code == 0
    rows = [line for line in (review / "out" / "report.md").read_text(encoding="utf-8").splitlines() if line.startswith("| 1-1/1.1.6 ")]
    assert rows and "國科會（原科技部）" in rows[-1]  # the last: the full item table (附錄二), which names the lead
    assert CliRunner().invoke(app, ["report", "--quarter", "113Q2", "--root", str(review), "--out", str(review / "en"), "--lang", "en"]).exit_code == 0
    rows = [line for line in (review / "en" / "report.md").read_text(encoding="utf-8").splitlines() if line.startswith("| 1-1/1.1.6 ")]
    # plan/agencies.yaml's English names: nstc's, and most's before it (111/7/27)
    assert rows and "National Science and Technology Council (formerly Ministry of Science and Technology)" in rows[-1]


# --- the same cases read independently ------------------------------------------------------------------------


def test_every_case_agrees_with_the_independent_reading_in_every_quarter(review: Path):
    """The fixture's cases (a deadline among them, which the real plan lacks) filed over the years, judged by
    sixcore and by tests/synthetic/independent.py's own reading of the README rules, quarter by quarter."""
    from sixcore.export import export_plan
    from tests.synthetic.independent import Independent, quarter_key

    filings = {
        ("110Q2", "moea"): '"1-1/1.1.4": {status: 完成, completed: 109/10/30}\n  "1-1/1.1.3": {status: 進行中}',
        ("110Q4", "moea"): '"1-1/1.1.2": {status: 完成, completed: 110/12/10}\n  "1-1/1.1.5": {status: 進行中}',
        ("111Q1", "moea"): '"1-1/1.1.1": {status: 完成, completed: 111/3/1}\n  "1-1/1.1.3": {status: 進行中, planned: 70, actual: 60}',
        ("111Q1", "most"): '"1-1/1.1.6": {status: 停辦, suspend_reason: 奉院核定停辦}',
        ("111Q2", "moea"): '"1-1/1.1.1": {status: 進行中, planned: 97, actual: 97}\n  "1-1/1.1.3": {status: 進行中}',
        ("111Q2", "most"): '"1-1/1.1.1": {status: 完成, completed: 111/6/2}',
        ("111Q3", "mohw"): '"1-1/1.1.1": {status: 完成, completed: 111/9/2}',
        ("111Q4", "most"): '"1-1/1.1.6": {status: 進行中}',
        ("111Q4", "moea"): '"1-1/1.1.2": {status: 進行中}\n  "1-1/1.1.5": {status: 落後, delay_reason: 延宕, countermeasure: 趕工}',
        ("112Q2", "nstc"): '"1-1/1.1.6": {status: 進行中}',
        ("112Q4", "moea"): '"1-1/1.1.2": {status: 完成, completed: 112/12/1}',
        ("113Q2", "moa"): '"1-1/1.1.7": {status: 進行中}',
    }
    for (quarter, agency), entries in filings.items():
        file_status(review, quarter, agency, f"work_items:\n  {entries}\n")
    ctx, _ = load_context(review)
    independent = Independent.read(review, json.loads(json.dumps(export_plan(ctx.plan), ensure_ascii=False)))
    for year in range(110, 115):
        for number in range(1, 5):
            quarter = Quarter(year, number)
            judged = Standings.of(ctx, quarter).items
            key = quarter_key(str(quarter))
            assert {item: standing.state.value for item, standing in judged.items()} == independent.states(key), quarter
            assert {item for item, standing in judged.items() if standing.is_unreported} == independent.unreported(key), quarter
            assert {item for item, standing in judged.items() if standing.owed} == independent.owed(key), quarter

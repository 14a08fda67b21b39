"""KPIs judged by figures, sub-targets and achievement, and KPIs owed and left out (README, "KPIs"; issue 20).

Fixture: the plan of tests/fixtures/review (first review 110Q2; 經濟部 moea, 科技部 most → 國科會 nstc from
111/7/27) with the KPI table tests/fixtures/kpis/1-kpis.yaml:
  1.1.1  moea: 110 1 項 (累計), 111 1 項 (that year alone), 112 nothing, 113 累計 5 項
  1.1.2  moea: 113 2 套 and 4 處, each that year's
  1.1.3  moea: 113 2 案, 3 案 and 1 件 (keys 案1, 案2, 件)
  1.1.4  moea: a milestone in 111 (qualitative)
  1.2.1  most (lead), moea (co): a milestone in 112
plan/lights.yaml (kpis): prorate, behind below 1.0, severe below 0.9 of the expected figure; sub_targets: worst.
Every expected value below is worked out by hand from those rules.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sixcore.audit import check_repo, load_context
from sixcore.calendar import Quarter
from sixcore.problem import Severity
from sixcore.standing import KpiReason, KpiStanding, Light, Standings
from sixcore.template import render_status_template
from tests.test_status_rules import file_status

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    root = tmp_path / "kpis"
    shutil.copytree(FIXTURES / "review", root)
    (root / "plan" / "kpis").mkdir()
    shutil.copy(FIXTURES / "kpis" / "1-kpis.yaml", root / "plan" / "kpis" / "1-kpis.yaml")
    return root


def kpi(root: Path, quarter: str, kpi_id: str) -> KpiStanding:
    ctx, problems = load_context(root, Quarter.parse(quarter))
    assert not [problem for problem in problems if problem.severity is Severity.ERROR], problems
    return Standings.of(ctx).kpis[kpi_id]


def found(root: Path, quarter: str, code: str) -> list[tuple[str, dict]]:
    """(file, params) of each problem with `code` as of the quarter."""
    result = check_repo(root, Quarter.parse(quarter))
    return [(problem.path.relative_to(root).as_posix(), problem.params) for problem in result.problems if problem.code == code]


# --- figures ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("actual", "light"), [(3.5, Light.green), (3.2, Light.yellow), (3, Light.red)])
def test_a_cumulative_figure_starts_from_what_earlier_years_asked(plan: Path, actual: float, light: Light):
    """1.1.1 in 113: 111 asked 1 項 that year alone, 110 累計 1 項 → 113 starts from 1 + 1 = 2 (112 asked nothing);
    by Q2 expected 2 + (5 − 2) × 2/4 = 3.5. 3.2 / 3.5 = 0.91 (yellow), 3 / 3.5 = 0.86 (red)."""
    file_status(plan, "113Q2", "moea", f'kpis:\n  "1.1.1": {{actual: {actual}}}\n')
    [sub] = kpi(plan, "113Q2", "1.1.1").sub_targets
    assert (sub.key, sub.expected, sub.actual, sub.light) == ("項", 3.5, actual, light)


def test_a_year_alone_figure_starts_from_nothing(plan: Path):
    """1.1.1 in 111: 1 項 that year alone → by Q1 expected 1 × 1/4 = 0.25."""
    file_status(plan, "111Q1", "moea", 'kpis:\n  "1.1.1": {actual: 0.25}\n  "1.1.4": {achieved: 部分達成}\n')
    standing = kpi(plan, "111Q1", "1.1.1")
    assert (standing.sub_targets[0].expected, standing.light, standing.reason) == (0.25, Light.green, KpiReason.on_track)


def test_each_sub_target_is_judged_and_the_kpi_takes_the_worst(plan: Path):
    """1.1.2 at 113Q4: 套 2 of 2 (green), 處 3.8 of 4 = 0.95 (yellow) → yellow; SC304 names 處 only."""
    file_status(plan, "113Q4", "moea", 'kpis:\n  "1.1.2": {actuals: {套: 2, 處: 3.8}, note: 第 4 處延至 114 年}\n')
    standing = kpi(plan, "113Q4", "1.1.2")
    assert [(sub.key, sub.expected, sub.light) for sub in standing.sub_targets] == [("套", 2, Light.green), ("處", 4, Light.yellow)]
    assert (standing.light, standing.reason) == (Light.yellow, KpiReason.behind)
    assert [params["target"] for _, params in found(plan, "113Q4", "SC304") if params["kpi"] == "1.1.2"] == ["4 處"]


def test_a_repeated_unit_is_numbered_and_lights_yaml_chooses_how_sub_targets_combine(plan: Path):
    """1.1.3 at 113Q4: 案1 2 of 2, 案2 3 of 3 (green), 件 0 of 1 (red). worst → red; shares (red ≥ 50 %, yellow or
    red ≥ 20 %, as measures): 1 red of 3 = 33 % → yellow."""
    file_status(plan, "113Q4", "moea", 'kpis:\n  "1.1.3": {actuals: {案1: 2, 案2: 3, 件: 0}}\n')
    standing = kpi(plan, "113Q4", "1.1.3")
    assert [(sub.key, sub.light) for sub in standing.sub_targets] == [("案1", Light.green), ("案2", Light.green), ("件", Light.red)]
    assert standing.light is Light.red
    lights = plan / "plan" / "lights.yaml"
    lights.write_text(lights.read_text(encoding="utf-8").replace("kpis:\n", "kpis:\n  sub_targets: shares\n"), encoding="utf-8")
    assert kpi(plan, "113Q4", "1.1.3").light is Light.yellow


def test_actual_stands_for_the_first_sub_target(plan: Path):
    """1.1.2 at 113Q2 with `actual: 1` and 處 under actuals: 套 1 of 2 × 2/4 = 1 (green), 處 2 of 2 (green)."""
    file_status(plan, "113Q2", "moea", 'kpis:\n  "1.1.2": {actual: 1, actuals: {處: 2}}\n')
    standing = kpi(plan, "113Q2", "1.1.2")
    assert [(sub.actual, sub.expected) for sub in standing.sub_targets] == [(1, 1), (2, 2)] and standing.light is Light.green


# --- achievement -----------------------------------------------------------------------------------------------


def test_a_milestone_is_in_progress_until_its_year_s_q4(plan: Path):
    file_status(plan, "111Q2", "moea", 'kpis:\n  "1.1.1": {actual: 0.5}\n  "1.1.4": {achieved: 部分達成}\n')
    standing = kpi(plan, "111Q2", "1.1.4")
    assert (standing.by_achievement, standing.light, standing.reason) == (True, Light.none, KpiReason.in_progress)


@pytest.mark.parametrize(("word", "light", "reason"), [
    ("達成", Light.green, KpiReason.achieved), ("achieved", Light.green, KpiReason.achieved),
    ("部分達成", Light.yellow, KpiReason.partly_achieved), ("Partly  Achieved", Light.yellow, KpiReason.partly_achieved),
    ("未達成", Light.red, KpiReason.not_achieved)])
def test_a_milestone_is_judged_in_its_year_s_q4(plan: Path, word: str, light: Light, reason: KpiReason):
    file_status(plan, "111Q4", "moea", f'kpis:\n  "1.1.1": {{actual: 1}}\n  "1.1.4": {{achieved: {word}, evidence: 驗收紀錄}}\n')
    standing = kpi(plan, "111Q4", "1.1.4")
    assert (standing.light, standing.reason) == (light, reason)
    assert bool(found(plan, "111Q4", "SC304")) is (light is not Light.green)  # 部分達成 / 未達成 in Q4: behind


def test_achieved_needs_evidence(plan: Path):
    path = file_status(plan, "111Q4", "moea", 'kpis:\n  "1.1.4": {achieved: 達成}\n')
    assert found(plan, "111Q4", "SC215") == [(path.relative_to(plan).as_posix(), {"kpi": "1.1.4"})]
    file_status(plan, "111Q4", "moea", 'kpis:\n  "1.1.4": {achieved: 達成, evidence: 113/11/20 驗收紀錄}\n')
    assert found(plan, "111Q4", "SC215") == []


def test_an_achievement_word_the_plan_does_not_know_is_an_error(plan: Path):
    file_status(plan, "111Q4", "moea", 'kpis:\n  "1.1.4": {achieved: 大致完成}\n')
    result = check_repo(plan, Quarter.parse("111Q4"))
    [error] = [problem for problem in result.problems if problem.severity is Severity.ERROR]
    assert error.params["type"] == "achievement_word" and "達成、部分達成、未達成" in str(error.params)


# --- owed and left out (SC305, the report's 未填報) -----------------------------------------------------------


def test_left_out_kpis_are_warned_at_the_owner_s_file_or_at_the_plan(plan: Path):
    """111Q2: 1.1.1 asks 1 項 and 1.1.4 its milestone, both moea's; 1.1.2, 1.1.3 (113) and 1.2.1 (112) ask nothing."""
    assert {params["kpi"]: file for file, params in found(plan, "111Q2", "SC305")} == {
        "1.1.1": "plan/kpis/1-kpis.yaml", "1.1.4": "plan/kpis/1-kpis.yaml"}  # moea filed nothing
    path = file_status(plan, "111Q2", "moea", 'kpis:\n  "1.1.1": {note: 辦理中}\n').relative_to(plan).as_posix()
    assert sorted((params["kpi"], file, params["missing"]) for file, params in found(plan, "111Q2", "SC305")) == [
        ("1.1.1", path, "actual"), ("1.1.4", path, "achieved")]
    file_status(plan, "111Q2", "moea", 'kpis:\n  "1.1.1": {actual: 1}\n  "1.1.4": {achieved: 部分達成}\n')
    assert found(plan, "111Q2", "SC305") == []


def test_an_earlier_quarter_s_figure_does_not_answer_for_this_one(plan: Path):
    file_status(plan, "111Q1", "moea", 'kpis:\n  "1.1.1": {actual: 1}\n  "1.1.4": {achieved: 部分達成}\n')
    assert kpi(plan, "111Q1", "1.1.1").light is Light.green
    standing = kpi(plan, "111Q2", "1.1.1")
    assert (standing.light, standing.missing, standing.report) == (Light.unreported, ["actual"], None)


def test_every_sub_target_is_owed(plan: Path):
    file_status(plan, "113Q1", "moea", 'kpis:\n  "1.1.1": {actual: 2.75}\n  "1.1.2": {actuals: {套: 1, 處: 1}}\n  "1.1.3": {actuals: {案1: 1, 件: 1}}\n')
    assert [(params["kpi"], params["missing"]) for _, params in found(plan, "113Q1", "SC305")] == [("1.1.3", "actuals.案2")]
    assert kpi(plan, "113Q1", "1.1.3").reason is KpiReason.unreported


def test_nothing_is_owed_before_the_first_review_or_in_a_year_that_asks_nothing(plan: Path):
    assert found(plan, "110Q1", "SC305") == []  # first review 110Q2
    assert kpi(plan, "110Q1", "1.1.1").reason is KpiReason.not_reviewed
    assert [params["kpi"] for _, params in found(plan, "112Q3", "SC305")] == ["1.2.1"]  # 1.1.x ask nothing in 112
    assert kpi(plan, "112Q3", "1.1.1").reason is KpiReason.no_target


def test_the_lead_s_word_decides_and_a_co_agency_counts_alone(plan: Path):
    """1.2.1 (112): most (→ nstc) leads, moea co-owns. moea alone: its word counts; with nstc's, the lead's decides."""
    file_status(plan, "112Q4", "moea", 'kpis:\n  "1.2.1": {achieved: 達成, evidence: 平台上線公告}\n')
    assert kpi(plan, "112Q4", "1.2.1").light is Light.green
    file_status(plan, "112Q4", "nstc", 'kpis:\n  "1.2.1": {achieved: 未達成, note: 採購流標}\n')
    standing = kpi(plan, "112Q4", "1.2.1")
    assert (standing.reported_by, standing.light) == ("nstc", Light.red)


def test_a_lead_s_empty_entry_does_not_hide_a_co_agency_s_word(plan: Path):
    """1.2.1 (112): nstc (lead) files the template's entry untouched (all empty), moea (co) reports 達成: moea's word
    is the only word on the KPI, so it decides (green), and nothing is 未填報 (no SC305)."""
    file_status(plan, "112Q4", "nstc", 'kpis:\n  "1.2.1": {achieved: null, evidence: null, note: null}\n')
    file_status(plan, "112Q4", "moea", 'kpis:\n  "1.2.1": {achieved: 達成, evidence: 平台上線公告}\n')
    standing = kpi(plan, "112Q4", "1.2.1")
    assert (standing.reported_by, standing.light) == ("moea", Light.green)
    assert "1.2.1" not in [params["kpi"] for _, params in found(plan, "112Q4", "SC305")]


def test_the_report_counts_what_check_warns(plan: Path):
    file_status(plan, "113Q2", "moea", 'kpis:\n  "1.1.1": {actual: 3.5}\n  "1.1.2": {actuals: {套: 1}}\n')
    from sixcore.render.report_json import report_data
    from sixcore.report import build_report

    ctx, _ = load_context(plan, Quarter.parse("113Q2"))
    unreported = {entry["id"] for entry in report_data(build_report(ctx, Quarter.parse("113Q2")))["kpis"] if entry["light"] == "unreported"}
    assert unreported == {params["kpi"] for _, params in found(plan, "113Q2", "SC305")} == {"1.1.2", "1.1.3"}


# --- status new ------------------------------------------------------------------------------------------------


def test_status_new_lists_every_kpi_owed_with_its_target(plan: Path):
    ctx, _ = load_context(plan)
    text = render_status_template(ctx, Quarter.parse("113Q2"), "moea", Path("x.yaml"))
    kpis = yaml.safe_load(text)["kpis"]
    assert kpis == {"1.1.1": {"actual": None, "note": None}, "1.1.2": {"actuals": {"套": None, "處": None}, "note": None},
                    "1.1.3": {"actuals": {"案1": None, "案2": None, "件": None}, "note": None}}
    assert "    actual: null  # 目標 5 項（累計）" in text.splitlines()
    assert "      處: null  # 目標 4 處（當年度）" in text.splitlines()
    milestone = render_status_template(ctx, Quarter.parse("111Q3"), "moea", Path("x.yaml"))
    assert yaml.safe_load(milestone)["kpis"] == {"1.1.1": {"actual": None, "note": None},
                                                 "1.1.4": {"achieved": None, "evidence": None, "note": None}}


# --- names under actuals ---------------------------------------------------------------------------------------


def test_a_figure_under_a_name_no_sub_target_has_is_an_error(plan: Path):
    """1.1.3 in 113 asks 2 案, 3 案 and 1 件: the names are 案1, 案2 and 件 (a repeated unit is numbered), so 案 alone
    names nothing; the listed names are the ones the year takes."""
    path = file_status(plan, "113Q2", "moea", 'kpis:\n  "1.1.3": {actuals: {案1: 1, 案: 2, 件: 1}}\n')
    assert found(plan, "113Q2", "SC216") == [(path.relative_to(plan).as_posix(), {"kpi": "1.1.3", "key": "案", "year": "113", "keys": "案1, 案2, 件"})]
    file_status(plan, "113Q2", "moea", 'kpis:\n  "1.1.3": {actuals: {案1: 1, 案2: 2, 件: 1}}\n')
    assert found(plan, "113Q2", "SC216") == []


def test_actuals_for_a_year_without_sub_targets_say_what_to_fill_instead(plan: Path):
    """1.1.4 is a milestone in 111: its target has no figures to name, so any name under actuals is an error, worded
    to point at `achieved:` (the 'none' wording)."""
    file_status(plan, "111Q4", "moea", 'kpis:\n  "1.1.4": {actuals: {項: 1}}\n')
    result = check_repo(plan, Quarter.parse("111Q4"))
    [problem] = [problem for problem in result.problems if problem.code == "SC216"]
    assert (problem.severity, problem.params["kind"], problem.params["keys"]) == (Severity.ERROR, "none", "")
    assert (problem.line, problem.column) == (4, 23)  # after quarter:, agency:, kpis:, at 項 in `  "1.1.4": {actuals: {項: 1}}`


def test_the_overview_counts_milestones_in_progress_apart_from_the_unjudged(plan: Path):
    """111Q2: 1.1.1 asks 1 項 (moea files 1: expected 0.5, green); 1.1.4's milestone is reported 部分達成 before Q4:
    進行中; 1.1.2, 1.1.3 (113) and 1.2.1 (112) ask nothing in 111: 不評定 — 1 + 1 + 3 = the fixture's 5 KPIs."""
    from sixcore.messages import Lang
    from sixcore.render.report_tables import cell_text, report_sections
    from sixcore.report import build_report

    file_status(plan, "111Q2", "moea", 'kpis:\n  "1.1.1": {actual: 1}\n  "1.1.4": {achieved: 部分達成}\n')
    ctx, _ = load_context(plan, Quarter.parse("111Q2"))
    [table] = [table for section in report_sections(build_report(ctx, Quarter.parse("111Q2")), Lang.zh)
               for table in section.tables if table.key == "kpis_by_light"]
    counts = {cell_text(word): count for word, count in table.rows}
    assert counts == {"正常": 1, "落後": 0, "嚴重落後": 0, "未填報": 0, "進行中（里程碑，於第 4 季評定）": 1, "不評定": 3, "合計": 5}

"""Each plan rule on the small fixture repository: a YAML change in, expected (file, line, col, code) out."""

from __future__ import annotations

from pathlib import Path

import pytest

from sixcore.audit import check_repo
from sixcore.problem import Severity

INDUSTRY = "plan/industries/1-mini.yaml"
KPIS = "plan/kpis/1-mini.yaml"
BUDGET = "plan/budget.yaml"
PROGRAMME = "plan/programme.yaml"
AGENCIES = "plan/agencies.yaml"


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(root: Path, *, include_info: bool = False) -> list[tuple[str, int, int, str]]:
    return [
        (problem.path.relative_to(root).as_posix(), problem.line, problem.column, problem.code)
        for problem in check_repo(root).problems
        if include_info or problem.severity is not Severity.INFO
    ]


def test_fixture_is_clean_but_for_its_undated_item(mini):
    assert found(mini) == []
    assert found(mini, include_info=True) == [(INDUSTRY, 41, 27, "SC106")]


def test_duplicate_work_item_number_and_its_suffix(mini):
    edit(mini, INDUSTRY, 'number: "1.1.2"', 'number: "1.1.1"')
    assert found(mini) == [(INDUSTRY, 30, 25, "SC101")]
    edit(mini, INDUSTRY, 'number: "1.1.1"\n                text: 第二項工作', 'number: "1.1.1"\n                suffix: b\n                text: 第二項工作')
    assert found(mini) == []


def test_duplicate_agency_id(mini):
    edit(mini, AGENCIES, "{id: nstc,", "{id: most,")
    # the renamed entry clashes, and most's `successor: nstc` now points nowhere
    assert found(mini) == [(AGENCIES, 6, 50, "SC102"), (AGENCIES, 7, 10, "SC101")]


def test_unknown_agency_in_lead_co_heading_and_kpi(mini):
    edit(mini, INDUSTRY, "co: [most]", "co: [mots]")
    edit(mini, KPIS, "agencies: [most]", "agencies: [moea-xyz]")
    assert found(mini) == [(INDUSTRY, 38, 22, "SC102"), (KPIS, 9, 16, "SC102")]


def test_unknown_successor_in_registry(mini):
    edit(mini, AGENCIES, "successor: nstc", "successor: nsc")
    assert found(mini) == [(AGENCIES, 6, 50, "SC102")]


@pytest.mark.parametrize(
    "new, kind",
    [("range: 109/13-111/12", "month"), ("range: 111/12-110/1", "inverted"), ("range: 110/1 to 111/12", "format")],
)
def test_invalid_dates(mini, new, kind):
    edit(mini, INDUSTRY, "range: 110/1-111/12", new)
    assert found(mini) == [(INDUSTRY, 28, 28, "SC103")]
    assert check_repo(mini).problems[0].params["kind"] == kind


def test_schedule_outside_plan_needs_a_note(mini):
    edit(mini, INDUSTRY, "range: 110/1-111/12", "range: 114/5-115/4")
    assert found(mini) == [(INDUSTRY, 28, 19, "SC104")]
    problem = check_repo(mini).problems[0]
    assert problem.severity is Severity.WARNING and problem.params["item"] == "1-1/1.1.1"
    edit(mini, INDUSTRY, "                lead: [most]\n", "                lead: [most]\n                note: 文件所列期程晚於方案期程\n")
    assert found(mini) == []


def test_the_period_of_programme_yaml_decides_what_is_outside(mini):
    from sixcore.messages import Lang, describe

    edit(mini, PROGRAMME, "period: {first: 110, last: 113}", "period: {first: 112, last: 113}")
    edit(mini, PROGRAMME, "first_review: 110Q2\n", "")  # reviewed from the period's first quarter, 112Q1
    # 1.1.1 (110/1-111/12) now lies wholly before the period; the KPI's and the budget's columns 110 and 111 are outside it
    assert found(mini) == [(BUDGET, 5, 9, "SC109"), (BUDGET, 5, 16, "SC109"), (INDUSTRY, 28, 19, "SC104"),
                           (KPIS, 14, 18, "SC109"), (KPIS, 14, 31, "SC109")]
    by_code = {problem.code + str(problem.column): problem for problem in check_repo(mini).problems}
    assert describe(by_code["SC10419"], Lang.en) == "work item 1-1/1.1.1 is scheduled (110/1-111/12) wholly outside the programme's years 112–113, without a note"
    assert describe(by_code["SC10918"]) == "KPI 1.1.1 的年度 110 不在方案期程 112–113 年之內"
    assert describe(by_code["SC1099"], Lang.en) == "budget 表 3: the year 110 is outside the programme's period 112–113"


@pytest.mark.parametrize(
    "old, new, field",
    [("cadence: quarterly", "cadence: monthly", "cadence"),  # the only cadence sixcore judges
     ("period: {first: 110, last: 113}", "period: {first: 113, last: 110}", "period"),
     ("first_review: 110Q2", "first_review: 114Q1", "(file)")],  # outside the period
)
def test_programme_yaml_is_validated(mini, old, new, field):
    edit(mini, PROGRAMME, old, new)
    errors = [problem for problem in check_repo(mini).problems if problem.severity is Severity.ERROR]
    assert [(p.path.relative_to(mini).as_posix(), p.code, p.params["field"]) for p in errors] == [(PROGRAMME, "SC010", field)]


def test_unknown_measure_and_strategy_references(mini):
    edit(mini, KPIS, 'measures: ["1-1"]', 'measures: ["1-9"]')
    edit(mini, INDUSTRY, 'strategy: "1"', 'strategy: "7"')
    assert found(mini) == [(INDUSTRY, 14, 15, "SC105"), (KPIS, 10, 16, "SC105")]


def test_measure_in_the_wrong_industry_file(mini):
    edit(mini, INDUSTRY, 'id: "1-1"', 'id: "2-1"')
    edit(mini, KPIS, 'measures: ["1-1"]', 'measures: ["2-1"]')
    assert found(mini) == [(INDUSTRY, 11, 9, "SC105")]


def test_budget_rule_catches_a_wrong_subtotal(mini):
    edit(mini, BUDGET, "subtotal: 10.75", "subtotal: 11.75")
    problems = [p for p in check_repo(mini).problems if p.code == "SC108"]
    assert [(p.line, p.params["what"], p.params["printed"], p.params["computed"]) for p in problems] == [
        (10, "測試產業", "11.75", "10.75"),
        (17, "合計 (各產業小計)", "14", "15.00"),
    ]


def test_budget_rule_catches_a_wrong_column_and_text_split(mini):
    edit(mini, BUDGET, 'amounts: {"110": 2, "111": 3', 'amounts: {"110": 2, "111": 3.5')
    edit(mini, BUDGET, 'years: ["110"], amount: 2}', 'years: ["110"], amount: 2.5}')
    what = [p.params["what"] for p in check_repo(mini).problems if p.code == "SC108"]
    assert what == ["小計 111", "小計 110-113", "經費需求總額", "110 年法定預算", "111-113 年預算需求"]


def test_an_unknown_key_reads_alike_in_a_work_item_and_at_the_top_of_the_file(mini):
    # a work item is a slotted dataclass, the file itself a BaseModel: the clerk reads the same words for both
    from sixcore.messages import Lang, describe

    edit(mini, INDUSTRY, "text: 第二項工作", "text: 第二項工作\n                txt: 多打的欄位")
    edit(mini, INDUSTRY, "measures:", "meassures: []\nmeasures:")
    unknown = [p for p in check_repo(mini).problems if p.params.get("type") == "extra_forbidden"]
    assert len(unknown) == 2
    assert {describe(problem, Lang.en).split(": ", 1)[1] for problem in unknown} == {"Extra inputs are not permitted"}
    assert all("不是可用的欄位" in describe(problem, Lang.zh) for problem in unknown)


def test_schema_problems_point_at_the_field(mini):
    edit(mini, INDUSTRY, 'number: "1.1.1"', "number: 1.1")  # an unquoted number is a float
    edit(mini, INDUSTRY, "text: 第二項工作", "txt: 第二項工作")
    problems = [(p.line, p.column, p.code, p.params["type"]) for p in check_repo(mini).problems]
    assert problems == [(25, 25, "SC010", "string_type"), (30, 17, "SC010", "missing"), (31, 17, "SC010", "extra_forbidden")]


def test_missing_required_files(mini):
    (mini / AGENCIES).unlink()
    (mini / PROGRAMME).unlink()
    (mini / BUDGET).unlink()  # optional: a programme may set no budget table
    assert found(mini) == [(AGENCIES, 1, 1, "SC007"), (PROGRAMME, 1, 1, "SC007")]


def test_real_plan_is_clean():
    from tests.conftest import REPO

    result = check_repo(REPO)
    assert [p for p in result.problems if p.severity is not Severity.INFO] == []
    assert [p.params["item"] for p in result.problems] == ["6-6/2.2.1"]  # the one work item the document gives no date

"""經費執行: budget figures in status files, their rules, and the report's 執行率 and 達成率 (worked out by hand).

Fixture plan (tests/fixtures/mini): 表 3 gives industry 1 1.5, 2.25, 3 and 4 億元 for 110–113; industry 1's only
agencies here are nstc (科技部's successor) and moea.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from sixcore.problem import Severity
from tests.test_status_rules import file_status, problems

runner = CliRunner()


def budget(quarter: str, agency: str, mini: Path, entry: str) -> None:
    file_status(mini, quarter, agency, f'budget:\n  "1": {{{entry}}}\n')


def codes(mini: Path, as_of: str | None = None) -> list[tuple[str, int, str]]:
    return [(path, line, code) for path, line, _, code in problems(mini, as_of=as_of) if code.startswith("SC22") or code == "SC203"]


def test_sound_figures_pass(mini: Path):
    budget("113Q2", "moea", mini, "approved: 2, allocated: 1.5, spent: 1.2, payable: 0.2, saved: 0")
    assert codes(mini) == []


@pytest.mark.parametrize(("entry", "expected"), [
    ("approved: 2, allocated: 1.5, spent: -1", "SC220"),  # negative
    ("approved: 2, allocated: 1.5, spent: 1.4, payable: 0.2", "SC221"),  # executed 1.6 > allocated 1.5
    ("approved: 1, allocated: 1.5, spent: 1.5", "SC221"),  # allocated above approved
    ("approved: 2, allocated: 1.5, spent: 1.0", "SC222"),  # 執行率 1.0 / 1.5 = 66.7 % < 90 %
])
def test_each_rule(mini: Path, entry: str, expected: str):
    budget("113Q2", "moea", mini, entry)
    assert [code for _, _, code in codes(mini)] == [expected]
    budget("113Q2", "moea", mini, entry + ", note: 以前年度保留款")
    assert [code for _, _, code in codes(mini)] == ([expected] if expected == "SC220" else [])  # a note explains, not a minus


def test_an_industry_that_does_not_exist(mini: Path):
    file_status(mini, "113Q2", "moea", 'budget:\n  "9": {approved: 1}\n')
    assert codes(mini) == [("status/113Q2/moea.yaml", 4, "SC203")]


def test_figures_that_go_down_within_a_year_but_not_across_years(mini: Path):
    budget("112Q4", "moea", mini, "approved: 3, allocated: 3, spent: 2.9")
    budget("113Q1", "moea", mini, "approved: 3, allocated: 1, spent: 0.95")  # a new year starts afresh
    assert [code for _, _, code in codes(mini, as_of="113Q1")] == []
    budget("113Q2", "moea", mini, "approved: 3, allocated: 0.8, spent: 0.75")  # allocated 1 → 0.8
    assert codes(mini, as_of="113Q2") == [("status/113Q2/moea.yaml", 4, "SC223")]


def test_approved_amounts_above_table_3(mini: Path):
    budget("113Q2", "moea", mini, "approved: 3, allocated: 1, spent: 0.95")
    budget("113Q2", "nstc", mini, "approved: 1.5, allocated: 1, spent: 0.95")
    found = [problem for problem in problems_with_params(mini) if problem.code == "SC224"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert (found[0].params["total"], found[0].params["table3"], found[0].params["excess"]) == ("4.5", "4", "0.5")


def problems_with_params(mini: Path):
    from sixcore.audit import check_repo

    return check_repo(mini).problems


def test_rates_in_the_report(mini: Path):
    budget("113Q2", "moea", mini, "approved: 2, allocated: 1.6, spent: 1.2, payable: 0.2, saved: 0")  # 1.4/1.6, 1.4/2
    budget("113Q2", "nstc", mini, "approved: 1, allocated: 0, spent: 0, note: 尚未分配")  # nothing allocated: no rate
    result = runner.invoke(app, ["report", "--quarter", "113Q2", "--format", "json", "--root", str(mini)])
    lines = {row["agency"]: row for row in json.loads(result.output)["budget_execution"]}
    assert lines["moea"]["execution_rate"] == 0.875 and lines["moea"]["achievement_rate"] == 0.7 and lines["moea"]["light"] == "yellow"
    assert lines["nstc"]["execution_rate"] is None and lines["nstc"]["achievement_rate"] == 0.0 and lines["nstc"]["light"] == "none"
    total = lines[None]  # the industry: 1.4 executed of 1.6 allocated and 3 approved
    assert (total["approved"], total["allocated"], total["executed"], total["table3"]) == (3.0, 1.6, 1.4, 4.0)
    assert total["execution_rate"] == 0.875 and total["achievement_rate"] == 0.4667 and total["light"] == "yellow"
    assert runner.invoke(app, ["report", "--quarter", "113Q2", "--root", str(mini), "--out", str(mini / "out")]).exit_code == 0
    markdown = (mini / "out" / "report.md").read_text(encoding="utf-8")
    assert "經費執行（113 年累計，億元）" in markdown and "87.5%" in markdown and "46.7%" in markdown


def test_the_rates_follow_the_latest_filing_of_the_year(mini: Path):
    budget("113Q1", "moea", mini, "approved: 2, allocated: 1, spent: 0.95")
    data = json.loads(runner.invoke(app, ["report", "--quarter", "113Q2", "--format", "json", "--root", str(mini)]).output)
    assert {row["agency"]: row["reported_in"] for row in data["budget_execution"]} == {None: None, "moea": "113Q1"}
    data = json.loads(runner.invoke(app, ["report", "--quarter", "114Q1", "--format", "json", "--root", str(mini)]).output)
    assert data["budget_execution"] == []  # a new year: last year's figures are not this year's


def test_status_new_carries_the_figures_forward_within_the_year(mini: Path):
    budget("113Q2", "moea", mini, "approved: 2, allocated: 1.50, spent: 1.2")
    assert runner.invoke(app, ["status", "new", "--quarter", "113Q3", "--agency", "moea", "--root", str(mini)]).exit_code == 0
    text = (mini / "status" / "113Q3" / "moea.yaml").read_text(encoding="utf-8")
    assert '  "1":\n    approved: 2  # 上季\n    allocated: 1.5  # 上季\n    spent: 1.2  # 上季\n    payable: null\n' in text
    assert runner.invoke(app, ["status", "new", "--quarter", "114Q1", "--agency", "moea", "--root", str(mini)]).exit_code == 0
    assert "budget: {}" in (mini / "status" / "114Q1" / "moea.yaml").read_text(encoding="utf-8")

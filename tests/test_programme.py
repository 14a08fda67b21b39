"""A programme is data: one that sets only KPIs (no work items, no budget table) still checks, reports and charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})


@pytest.fixture
def kpis_only(mini: Path) -> Path:
    """The mini fixture without its measures (so without work items) and without plan/budget.yaml."""
    industry = mini / "plan" / "industries" / "1-mini.yaml"
    text = industry.read_text(encoding="utf-8")
    industry.write_text(text[: text.index("measures:")] + "measures: []\n", encoding="utf-8")
    kpis = mini / "plan" / "kpis" / "1-mini.yaml"
    kpis.write_text(kpis.read_text(encoding="utf-8").replace('measures: ["1-1"]', "measures: []"), encoding="utf-8")
    (mini / "plan" / "budget.yaml").unlink()
    return mini


def test_a_programme_without_work_items_or_budget_checks_clean(kpis_only: Path):
    result = run("check", "--root", str(kpis_only), "-v")
    assert result.exit_code == 0, result.output
    assert "錯誤 0 項、警告 0 項、資訊 0 項" in result.output


def test_its_report_says_what_it_lacks_instead_of_empty_tables(kpis_only: Path):
    result = run("report", "--root", str(kpis_only), "--quarter", "111Q2")
    assert result.exit_code == 0, result.output
    folder = kpis_only / "reports" / "111Q2"
    markdown = (folder / "report.md").read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0]: part.split("\n", 1)[1].strip() for part in markdown.split("\n## ")[1:]}
    here = "本方案未列重點工作項目，本節從缺。"
    assert sections["二、產業及措施燈號"] == sections["三、逾期及未填報項目"] == sections["六、與上季（111Q1）比較"] == here
    assert sections["七、經費"] == "本方案未列經費表（無 plan/budget.yaml）。"
    assert "本方案未列具體措施及重點工作項目" in sections["一、總覽"] and "工作項目（期程已開始者）" not in sections["一、總覽"]
    # the KPI is reported as ever: 111's target 完成 1 件, expected by Q2 from 0 (no earlier figure) → 0.5
    assert "| 1.1.1 | 113 年完成 2 件 | 完成 1 件    | 0.5     |" in sections["四、關鍵績效指標（KPI）"]
    assert (folder / "items.csv").read_bytes().decode("utf-8-sig") == "編號,重點工作項目,期程,主辦機關,狀態,燈號,預定進度%,實際進度%,落差,連續落後\r\n"
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert (data["work_items"], [kpi["id"] for kpi in data["kpis"]], data["budget"]) == ([], ["1.1.1"], {"table": None, "unit": "", "year": 111, "rows": []})


def test_its_gantt_says_there_is_nothing_to_chart(kpis_only: Path):
    result = run("gantt", "--root", str(kpis_only), "--quarter", "111Q2", "--format", "html")
    assert result.exit_code == 2
    assert result.output == ("sixcore: 測試方案未列任何有期程的重點工作項目（plan/industries/ 無辦理重點及期程表），沒有可繪的甘特圖"
                             " / Test programme sets no dated work items (no schedule tables in plan/industries/): there is no chart to draw\n")
    assert not (kpis_only / "reports").exists()


def test_measure_option_on_a_programme_without_measures(kpis_only: Path):
    result = run("report", "--root", str(kpis_only), "--quarter", "111Q2", "--measure", "1-1")
    assert result.exit_code == 2
    assert "方案未列任何措施，無法以 --measure 縮小範圍" in result.output

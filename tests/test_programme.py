"""A programme is data: one that sets only KPIs (no work items, no budget table) still checks, reports and charts;
and the second programme, 五大信賴產業推動方案 (examples/trusted-industries, from seed 004), with a SYNTHETIC status set."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.clirun import run
from tests.conftest import REPO

runner = CliRunner()
TRUSTED = REPO / "examples" / "trusted-industries"
SYNTHETIC = Path(__file__).resolve().parent / "fixtures" / "trusted" / "status"


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
    assert sections["二、產業及措施燈號"] == sections["三、需關注事項（依產業）"] == sections["五、與上季（111Q1）比較"] == here
    assert sections["附錄二　工作項目一覽"] == here
    assert sections["六、經費"] == "本方案未列經費表（無 plan/budget.yaml）。"
    assert "本方案未列具體措施及重點工作項目" in sections["一、總覽"] and "工作項目（期程已開始者）" not in sections["一、總覽"]
    # the KPI is reported as ever: 111's target 完成 1 件, expected by Q2 from 0 (no earlier figure) → 0.5; owed
    # by 111Q2 (nobody filed it): 未填報, for want of `actual`
    assert "| 1.1.1 | 測試   | 113 年完成 2 件 | 1 件（累計）   | 0.5 件   |       | ⚪ 未填報 | 未填 actual |" in sections["附錄三　關鍵績效指標（KPI）一覽"]
    assert (folder / "items.csv").read_bytes().decode("utf-8-sig") == "編號,重點工作項目,措施,期程,主辦機關,狀態,燈號,預定進度%,實際進度%,落差,連續落後\r\n"
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


def test_the_review_part_is_cited_only_where_the_programme_has_one(mini: Path):
    from sixcore.audit import check_repo
    from sixcore.messages import Lang, hint

    status = mini / "status" / "111Q1" / "nstc.yaml"
    status.parent.mkdir(parents=True)
    status.write_text('quarter: 111Q1\nagency: nstc\nwork_items:\n  "1-1/1.1.1": {status: 進行中}\n', encoding="utf-8")

    def texts_hint() -> str:
        (problem,) = [problem for problem in check_repo(mini).problems if problem.code == "SC212"]
        return hint(problem) + " / " + hint(problem, Lang.en)

    keys = "reported, summary, highlights, next_quarter"
    assert texts_hint() == (f"方案伍請各主政單位每季提供辦理情形、重要執行亮點與下一季重點工作；請填寫 {keys}（見檔案開頭的填寫說明）。 / "
                            f"part 伍 of the plan asks every quarter for 辦理情形, 重要執行亮點 and 下一季重點工作; fill in {keys} "
                            "(see the file's comment header).")
    programme = mini / "plan" / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("review: {part: 伍, title: 推動與管考機制}\n", ""), encoding="utf-8")
    assert texts_hint() == (f"請各主政單位每季提供辦理情形、重要執行亮點與下一季重點工作；請填寫 {keys}（見檔案開頭的填寫說明）。 / "
                            f"the quarterly review asks every quarter for 辦理情形, 重要執行亮點 and 下一季重點工作; fill in {keys} "
                            "(see the file's comment header).")


# --- 五大信賴產業推動方案 (seed 004) ---------------------------------------------------------------------------


def test_seed_004_is_encoded_as_printed():
    from sixcore.load.loader import load_plan

    plan = load_plan(TRUSTED)
    programme = plan.programme.model
    assert (programme.name.zh, str(programme.period), programme.approved, programme.first_review) == ("五大信賴產業推動方案", "113–117", None, None)
    assert [(loaded.model.industry, loaded.model.name, loaded.model.lead, len(loaded.model.strategies)) for loaded in plan.industries] == [
        (1, "半導體", ["moea"], 4), (2, "人工智能", ["moda"], 5), (3, "軍工", ["moea"], 3), (4, "安控", ["moda"], 3), (5, "次世代通訊", ["moea"], 3)]
    assert sorted(plan.agency_by_id) == ["moda", "moea", "ndf"]
    assert list(plan.placed_work_items()) == [] and plan.budget is None

    def target(kpi_id):
        found = plan.kpi_by_id[kpi_id].kpi.target
        return found and (found.value, found.unit, found.cumulative, found.due_year)

    assert list(plan.kpi_by_id) == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3",
                                    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4"]
    assert plan.kpi_by_id["3.2"].kpi.full_target == "無人機產業產值117年前成長10倍，達300億元"
    assert target("3.2") == (300, "億元", False, 117)
    assert plan.kpi_by_id["5.1"].kpi.full_target == "研發自主技術6G基地台，其軟硬體自主率達80%"
    assert target("5.1") == (80, "%", False, 117)
    assert target("2.1") == (1, "兆元", False, 115)  # 2026
    assert target("5.3") == (1, "顆", True, 116)  # 2027
    assert {kpi_id for kpi_id, placed in plan.kpi_by_id.items() if placed.kpi.qualitative} == {"1.1", "3.1", "4.3", "4.4"}
    assert all(placed.kpi.yearly == {} for placed in plan.placed_kpis())  # the seed sets no 分年目標
    owners = {(placed.table.industry, tuple(placed.agencies)) for placed in plan.placed_kpis()}
    assert owners == {(1, ("moea",)), (2, ("moda",)), (3, ("moea",)), (4, ("moda",)), (5, ("moea",))}  # each industry's lead


def test_the_trusted_example_checks_clean():
    result = run("check", "--root", str(TRUSTED), "-v")
    assert result.exit_code == 0, result.output
    assert "錯誤 0 項、警告 0 項、資訊 0 項" in result.output


def test_its_synthetic_status_files_say_they_are_synthetic():
    files = sorted(SYNTHETIC.rglob("*.yaml"))
    assert [path.relative_to(SYNTHETIC).as_posix() for path in files] == ["114Q1/moea.yaml", "114Q2/moda.yaml", "114Q2/moea.yaml"]
    assert all(path.read_text(encoding="utf-8").startswith("# SYNTHETIC test data") for path in files)


@pytest.fixture
def trusted(tmp_path: Path) -> Path:
    """The trusted-industries programme with the SYNTHETIC status set filed."""
    shutil.copytree(TRUSTED / "plan", tmp_path / "plan")
    shutil.copytree(SYNTHETIC, tmp_path / "status")
    return tmp_path


def test_check_on_the_synthetic_filings(trusted: Path):
    result = run("check", "--root", str(trusted), "-v")
    assert result.exit_code == 0, result.output
    assert "錯誤 0 項、警告 0 項、資訊 0 項" in result.output


def test_report_114Q2_is_the_programme_s_with_its_kpis(trusted: Path):
    result = run("report", "--root", str(trusted), "--quarter", "114Q2")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "五大信賴產業推動方案　季度管考報告　114年第2季"
    folder = trusted / "reports" / "114Q2"
    markdown = (folder / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# 五大信賴產業推動方案　季度管考報告　114年第2季\n")
    assert "填報機關：本季已填報 2 個機關：數位發展部、經濟部" in markdown
    assert "## 附錄一　各機關填報情形\n" in markdown
    assert "填報之辦理情形，每機關一節" in markdown  # seed 004 cites no part for the review (the 六大核心 plan: 辦理情形（方案伍）)
    assert "| 編號   | 產業" in markdown and "| 目標年   | 實際值   |" in markdown  # the due year, not an empty yearly target
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert data["programme"] == {"name": {"zh": "五大信賴產業推動方案", "en": "Five Trusted Industries"}, "period": {"first": 113, "last": 117}}
    kpis = {kpi["id"]: kpi for kpi in data["kpis"]}
    assert len(kpis) == 20 and {kpi["light"] for kpi in kpis.values()} == {"none"}  # no 分年目標: nothing judged
    reported = {kpi_id: (kpi["actual"], kpi["reported_by"], kpi["reported_in"]) for kpi_id, kpi in kpis.items() if kpi["actual"] is not None}
    assert reported == {
        "1.2": (45, "moea", "114Q2"), "1.3": (460, "moea", "114Q2"),  # 1.3's 430 of 114Q1 is superseded
        "1.5": (0.9, "moea", "114Q1"),  # not filed in 114Q2: the latest figure of the year, with its quarter
        "2.2": (9.5, "moda", "114Q2"), "3.2": (95, "moea", "114Q2"), "4.1": (820, "moda", "114Q2"), "5.1": (40, "moea", "114Q2"),
    }
    assert [(agency["id"], agency["expected_items"], agency["filed"]) for agency in data["agencies"]] == [("moda", 0, True), ("moea", 0, True)]
    english = run("report", "--root", str(trusted), "--quarter", "114Q2", "--lang", "en", "--format", "json", "--out", str(trusted / "en"))
    assert english.exit_code == 0
    assert (trusted / "en" / "report.md").read_text(encoding="utf-8").startswith(
        "# Five Trusted Industries programme: quarterly compliance report 114Q2\n")


def test_gantt_of_a_programme_without_schedules_says_so(trusted: Path):
    result = run("gantt", "--root", str(trusted), "--quarter", "114Q2")
    assert result.exit_code == 2
    assert result.output.startswith("sixcore: 五大信賴產業推動方案未列任何有期程的重點工作項目")
    assert "Traceback" not in result.output


def test_status_new_lists_the_agency_s_kpis_with_their_full_targets(trusted: Path):
    result = run("status", "new", "--root", str(trusted), "--quarter", "114Q3", "--agency", "數位發展部")
    assert result.exit_code == 0, result.output
    lines = (trusted / "status" / "114Q3" / "moda.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "# 五大信賴產業推動方案 季度填報 — 114年第3季（114Q3）— 數位發展部（moda）"
    assert lines[3] == "# 填寫說明（每季 1、4、7、10 月填報上一季）："
    kpis = lines[lines.index("kpis:") + 1:next(index for index, line in enumerate(lines) if line.startswith("budget:"))]
    assert [line for line in kpis if not line.startswith("    ")] == [
        '  "2.1":  # 全期目標：推動AI、軟體、資安等數位經濟產業，2026年產值突破兆元', '  "2.2":  # 全期目標：4年內培育20萬名AI等數位相關人才',
        '  "2.3":  # 全期目標：提升數位經濟產業導入AI應用普及率達50%', '  "2.4":  # 全期目標：提升製造業導入AI應用普及率達30%',
        '  "4.1":  # 全期目標：資安產業產值破千億', '  "4.2":  # 全期目標：安控產業產值突破300億元',
        '  "4.3":  # 全期目標：打造亞洲第一資安展會', '  "4.4":  # 全期目標：發展高值化安控硬體，成為可信賴安控夥伴']
    assert kpis[kpis.index('  "2.2":  # 全期目標：4年內培育20萬名AI等數位相關人才') + 1] == "    actual: 9.5  # 上季"
    assert "work_items: {}      # 本季無應填報的重點工作項目" in lines

"""Status rules on the small fixture: a status file in, expected (line, column, code) out.

Fixture plan: 1-1/1.1.1 (110/1-111/12, lead 科技部 → today 國科會 nstc), 1-1/1.1.2 (109/9-109/12 and
110/1-113/12, lead 工業局 → 經濟部 moea, co 科技部), 1-1/1.1.3 (no date); KPI 1.1.1 (111: 1 件, 113: 累計 2 件).
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from sixcore.audit import check_repo
from sixcore.calendar import Quarter
from sixcore.problem import Severity

# part 伍's texts, appended after the body (so the body's lines keep their numbers) unless the body has its own
QUARTER_TEXTS = {"reported": "reported: 113/7/10", "summary": "summary: 依計畫辦理", "highlights": "highlights: [亮點]",
                 "next_quarter": "next_quarter: [持續辦理]"}


def file_status(root: Path, quarter: str, agency: str, body: str, *, header: bool = True) -> Path:
    path = root / "status" / quarter / f"{agency}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (f"quarter: {quarter}\nagency: {agency}\n" if header else "") + dedent(body).lstrip("\n")
    if header:
        text = text.rstrip("\n") + "\n" + "".join(line + "\n" for key, line in QUARTER_TEXTS.items() if f"{key}:" not in text)
    path.write_text(text, encoding="utf-8")
    return path


def problems(root: Path, as_of: str | None = None, severity: Severity | None = None):
    result = check_repo(root, as_of=Quarter.parse(as_of) if as_of else None)
    return [
        (p.path.relative_to(root).as_posix(), p.line, p.column, p.code)
        for p in result.problems
        if p.severity is not Severity.INFO and (severity is None or p.severity is severity)
    ]


NSTC_OK = """
    work_items:
      "1-1/1.1.1":
        status: 進行中
        planned: 50
        actual: 50
"""


def test_a_good_file_passes(mini):
    file_status(mini, "111Q1", "nstc", NSTC_OK)
    assert problems(mini, severity=Severity.ERROR) == []


def test_quarter_differs_from_folder(mini):
    path = file_status(mini, "111Q1", "nstc", "quarter: 111Q2\nagency: nstc\n", header=False)
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 1, 10, "SC201")]
    assert path.exists()


def test_agency_differs_from_file_name_or_is_unknown(mini):
    file_status(mini, "111Q1", "nstc", "quarter: 111Q1\nagency: moea\n", header=False)
    file_status(mini, "111Q1", "xyz", "")
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 2, 9, "SC202"), ("status/111Q1/xyz.yaml", 2, 9, "SC202")]


def test_unknown_work_item_and_kpi_ids(mini):
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/9.9.9": {status: 進行中}
        kpis:
          "9.9.9": {actual: 1}
    """)
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 4, 3, "SC203"), ("status/111Q1/nstc.yaml", 6, 3, "SC203")]


def test_agency_not_responsible_and_successor_is(mini):
    file_status(mini, "111Q1", "mohw", """
        work_items:
          "1-1/1.1.1": {status: 進行中}
    """)
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行中}
          "1-1/1.1.2": {status: 進行中}
    """)  # nstc succeeds 科技部: lead of 1.1.1, co of 1.1.2
    file_status(mini, "111Q1", "moea", """
        work_items:
          "1-1/1.1.1": {status: 進行中}
          "1-1/1.1.2": {status: 進行中}
    """)  # moea leads 1.1.2 (its 工業局) and is the industry's 主政單位 (表 1), who may report any item of it
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/mohw.yaml", 4, 3, "SC204")]


def test_the_same_item_twice(mini):
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行中}
          "1-1/1.1.1": {status: 完成, completed: 111/3/1}
    """)
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 5, 3, "SC002")]


def test_progress_outside_0_100(mini):
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行中, planned: -5, actual: 120}
    """)
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 4, 39, "SC205"), ("status/111Q1/nstc.yaml", 4, 51, "SC205")]


def test_done_needs_a_date_within_the_quarter(mini):
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 完成}
    """)
    file_status(mini, "111Q2", "nstc", """
        work_items:
          "1-1/1.1.1": {status: done, completed: 111/7/15}
    """)
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 4, 25, "SC206"), ("status/111Q2/nstc.yaml", 4, 42, "SC207")]


def test_behind_needs_reason_and_countermeasure(mini):
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1":
            status: 落後
            delay_reason: 審查延宕
    """)
    assert problems(mini, severity=Severity.ERROR) == [("status/111Q1/nstc.yaml", 5, 13, "SC208")]
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: behind, delay_reason: 審查延宕, countermeasure: 增開審查會}
    """)
    assert problems(mini, severity=Severity.ERROR) == []


def test_overdue_as_of_the_quarter(mini):
    file_status(mini, "112Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 落後, delay_reason: 延宕, countermeasure: 趕工}
    """)
    assert problems(mini, severity=Severity.WARNING) == [("plan/industries/1-mini.yaml", 37, 23, "SC302"), ("status/112Q1/nstc.yaml", 4, 3, "SC301")]
    assert problems(mini, as_of="111Q4", severity=Severity.WARNING) == [  # nobody filed 111Q4; 1.1.1 ended 111/12
        ("plan/industries/1-mini.yaml", 28, 19, "SC301"), ("plan/industries/1-mini.yaml", 29, 23, "SC302"),
        ("plan/industries/1-mini.yaml", 37, 23, "SC302"),
        ("plan/kpis/1-mini.yaml", 12, 9, "SC305")]  # KPI 1.1.1 asks 1 件 in 111: owed, and nobody filed
    file_status(mini, "111Q4", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 完成, completed: 111/12/20}
    """)
    # the latest word decides: 完成 in 111Q4, then 落後 in 112Q1, is not 完成
    assert ("status/112Q1/nstc.yaml", 4, 3, "SC301") in problems(mini, severity=Severity.WARNING)
    assert ("plan/industries/1-mini.yaml", 28, 19, "SC301") not in problems(mini, as_of="111Q4", severity=Severity.WARNING)
    file_status(mini, "112Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 完成, completed: 111/12/20}
    """)
    assert ("status/112Q1/nstc.yaml", 4, 3, "SC301") not in problems(mini, severity=Severity.WARNING)


def test_unreported_at_the_file_or_at_the_plan(mini):
    file_status(mini, "111Q1", "nstc", "work_items: {}\n")
    assert problems(mini, severity=Severity.WARNING) == [
        ("plan/industries/1-mini.yaml", 37, 23, "SC302"),  # 1.1.2: its lead (moea) filed nothing
        ("status/111Q1/nstc.yaml", 1, 1, "SC305"),  # KPI 1.1.1 (111: 完成 1 件): nstc filed no kpis: at all
        ("status/111Q1/nstc.yaml", 3, 1, "SC302"),  # 1.1.1: nstc filed but left it out
    ]


def test_progress_going_down_needs_a_note(mini):
    file_status(mini, "111Q1", "nstc", NSTC_OK)
    file_status(mini, "111Q2", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行中, planned: 60, actual: 40}
    """)
    assert ("status/111Q2/nstc.yaml", 4, 51, "SC303") in problems(mini)
    file_status(mini, "111Q2", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行中, planned: 60, actual: 40, note: 重新估算}
    """)
    assert [p for p in problems(mini) if p[3] == "SC303"] == []


def test_progress_is_compared_with_the_latest_earlier_actual(mini):
    # by hand: 111Q1 70, 111Q2 30 (explained), 111Q3 40: 40 is below 70 but not below 30, the latest before it
    for quarter, actual, note in (("111Q1", 70, ""), ("111Q2", 30, ", note: 重新估算"), ("111Q3", 40, "")):
        file_status(mini, quarter, "nstc", f"""
            work_items:
              "1-1/1.1.1": {{status: 進行中, planned: 80, actual: {actual}{note}}}
        """)
    assert [p for p in problems(mini, as_of="111Q3") if p[3] == "SC303"] == []
    file_status(mini, "111Q3", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行中, planned: 80, actual: 20}
    """)
    assert [p for p in problems(mini, as_of="111Q3") if p[3] == "SC303"] == [("status/111Q3/nstc.yaml", 4, 51, "SC303")]
    [found] = [p for p in check_repo(mini, as_of=Quarter.parse("111Q3")).problems if p.code == "SC303"]
    assert (found.params["actual"], found.params["previous"]) == (20, 30)


def test_kpi_behind_its_yearly_target_in_q4(mini):
    file_status(mini, "113Q4", "nstc", """
        kpis:
          "1.1.1": {actual: 1}
    """)
    assert ("status/113Q4/nstc.yaml", 4, 21, "SC304") in problems(mini)
    assert [p for p in problems(mini, as_of="113Q3") if p[3] == "SC304"] == []  # judged only in the year's Q4
    file_status(mini, "113Q4", "nstc", """
        kpis:
          "1.1.1": {actual: 2}
    """)
    assert [p for p in problems(mini) if p[3] == "SC304"] == []


def test_schema_errors_in_a_status_file(mini):
    file_status(mini, "111Q1", "nstc", """
        work_items:
          "1-1/1.1.1": {status: 進行, actual: lots}
        reported: 111/2/30
    """)
    assert problems(mini, severity=Severity.ERROR) == [
        ("status/111Q1/nstc.yaml", 4, 25, "SC010"), ("status/111Q1/nstc.yaml", 4, 37, "SC010"), ("status/111Q1/nstc.yaml", 5, 11, "SC103")]


def test_every_problem_in_one_run_even_with_a_schema_error(mini):
    file_status(mini, "111Q1", "nstc", """
        reported: 111/4/31
        work_items:
          "1-1/1.1.1": {status: 落後}
          "1-1/1.1.9": {status: 進行中}
          "1-1/1.1.2": {status: 進行中, actual: many}
    """)
    assert problems(mini, severity=Severity.ERROR) == [
        ("status/111Q1/nstc.yaml", 3, 11, "SC103"),
        ("status/111Q1/nstc.yaml", 5, 25, "SC208"),
        ("status/111Q1/nstc.yaml", 6, 3, "SC203"),
        ("status/111Q1/nstc.yaml", 7, 38, "SC010"),
    ]


def test_achieved_needs_evidence(mini):
    # at the word 達成: line 4, column 23 (after `  "1.1.1": {achieved: `)
    file_status(mini, "113Q4", "nstc", 'kpis:\n  "1.1.1": {achieved: 達成}\n')
    assert ("status/113Q4/nstc.yaml", 4, 23, "SC215") in problems(mini, severity=Severity.ERROR)
    file_status(mini, "113Q4", "nstc", 'kpis:\n  "1.1.1": {achieved: Achieved, evidence: 113/11/20 驗收紀錄}\n')
    assert problems(mini, severity=Severity.ERROR) == []

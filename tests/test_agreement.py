"""One state per work item and quarter (README, "The quarterly report" → **States.**): `check`, `report`, `gantt`
and `status new` read the same state. On the SYNTHETIC demo set, for every quarter from the first review (110Q2)
to 113Q4, each of them agrees item by item with the others and with an independent reading of the README's
rules (tests/synthetic/independent.py, which imports nothing from sixcore).

The demo is written and loaded once; each quarter is judged on its own AuditContext over that one load (what
`check_repo` does after loading; `test_check_repo_is_the_same_judgment` shows the two give the same problems).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from sixcore.audit import check_repo, load_context
from sixcore.calendar import Quarter
from sixcore.export import export_plan
from sixcore.load.status import AuditContext
from sixcore.render.gantt_json import gantt_data
from sixcore.render.report_json import report_data
from sixcore.report import build_report
from sixcore.rules import run_rules
from sixcore.template import render_status_template
from sixcore.timeline import BarLevel, Selection, build_timeline
from tests.synthetic.independent import Independent, quarter_key, quarter_text, quarters_between
from tests.synthetic.make_demo import make_demo

QUARTERS = [quarter_text(quarter) for quarter in quarters_between("110Q2", "113Q4")]
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Views:
    """What each command says of the work items as of one quarter."""

    check_overdue: set[str]  # SC301 items
    check_unreported: set[str]  # SC302 items
    report: dict  # report.json
    gantt: dict[str, str]  # work-item bar id -> state (sixcore gantt --detail)
    gantt_bars: dict[str, tuple[str, str]]  # every bar id (measures too) -> (state, light), as gantt --format json gives them
    status_new: dict[str, set[str]]  # agency id -> the work items its `status new` template lists
    check_unreported_kpis: set[str]  # SC305 KPIs
    status_new_kpis: dict[str, set[str]]  # agency id -> the KPIs its `status new` template lists

    @property
    def report_states(self) -> dict[str, str]:
        return {item["id"]: item["state"] for item in self.report["work_items"]}


# --- fixtures: the demo, loaded once ---


@pytest.fixture(scope="session")
def agreement_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("agreement") / "repo")


@pytest.fixture(scope="session")
def loaded(agreement_demo: Path) -> AuditContext:
    ctx, problems = load_context(agreement_demo)
    assert not [problem for problem in problems if problem.severity.value == "error"]
    return ctx


def read_independent(root: Path, ctx: AuditContext) -> Independent:
    """The independent reading, from the exported plan as `sixcore export` prints it and the raw files."""
    return Independent.read(root, json.loads(json.dumps(export_plan(ctx.plan), ensure_ascii=False)))


@pytest.fixture(scope="session")
def independent(agreement_demo: Path, loaded: AuditContext) -> Independent:
    return read_independent(agreement_demo, loaded)


def template_ids(ctx: AuditContext, quarter: Quarter, agency: str) -> tuple[set[str], set[str]]:
    """The work items and the KPIs the agency's `status new` template lists."""
    text = render_status_template(ctx, quarter, agency, Path("status") / str(quarter) / f"{agency}.yaml")
    template = yaml.load(text, Loader=SafeLoader)
    return set(template["work_items"] or {}), set(template["kpis"] or {})


def judge(loaded: AuditContext, independent: Independent, quarter_name: str) -> Views:
    quarter = Quarter.parse(quarter_name)
    ctx = AuditContext(loaded.plan, loaded.statuses, as_of=quarter)
    problems = list(run_rules(ctx))
    report = report_data(build_report(ctx, quarter))
    timeline = build_timeline(ctx, quarter, Selection(detail=True))
    gantt = {bar.id: bar.state.value for bar in timeline.bars() if bar.level is BarLevel.work_item}
    gantt_bars = {bar["id"]: (bar["state"], bar["light"]) for bar in gantt_data(timeline)["bars"]}
    key = quarter_key(quarter_name)
    # every body due to file or filing, under its own id and under the ids it filed as (科技部 to 111Q2, 工業局 in 110Q3)
    agencies = independent.owing(key) | independent.filers(key) | {f.agency for f in independent.counted if f.quarter == key}
    templates = {agency: template_ids(ctx, quarter, agency) for agency in sorted(agencies)}
    return Views({problem.params["item"] for problem in problems if problem.code == "SC301"},
                 {problem.params["item"] for problem in problems if problem.code == "SC302"},
                 report, gantt, gantt_bars, {agency: items for agency, (items, _) in templates.items()},
                 {problem.params["kpi"] for problem in problems if problem.code == "SC305"},
                 {agency: kpis for agency, (_, kpis) in templates.items()})


@pytest.fixture(scope="session")
def views(loaded: AuditContext, independent: Independent) -> Callable[[str], Views]:
    """Each quarter's views, computed on first use and shared by the tests."""
    found: dict[str, Views] = {}

    def view(quarter: str) -> Views:
        if quarter not in found:
            found[quarter] = judge(loaded, independent, quarter)
        return found[quarter]

    return view


# --- each command against the independent reading ---


@pytest.mark.parametrize("quarter", QUARTERS)
def test_check(quarter: str, views: Callable[[str], Views], independent: Independent):
    seen, key = views(quarter), quarter_key(quarter)
    assert seen.check_overdue == independent.overdue(key)
    assert seen.check_unreported == independent.unreported(key)


@pytest.mark.parametrize("quarter", QUARTERS)
def test_report(quarter: str, views: Callable[[str], Views], independent: Independent):
    data, key = views(quarter).report, quarter_key(quarter)
    states = independent.states(key)
    assert views(quarter).report_states == states
    assert set(data["overdue"]) == independent.overdue(key)
    assert set(data["unreported"]) == independent.unreported(key)
    assert set(data["completed"]) == {item_id for item_id, state in states.items() if state == "completed"}
    assert set(data["suspended"]) == {item_id for item_id, state in states.items() if state == "suspended"}
    assert {item["id"] for item in data["work_items"] if item["owed"]} == independent.owed(key)


@pytest.mark.parametrize("quarter", QUARTERS)
def test_gantt(quarter: str, views: Callable[[str], Views], independent: Independent):
    states = independent.states(quarter_key(quarter))
    dated = {item_id for item_id, item in independent.items.items() if item.dated}
    assert views(quarter).gantt == {item_id: states[item_id] for item_id in dated}


@pytest.mark.parametrize("quarter", QUARTERS)
def test_status_new(quarter: str, views: Callable[[str], Views], independent: Independent):
    """`status new` lists exactly the items the body owes a report on (those it leads, through reports_through)."""
    key = quarter_key(quarter)
    listed = views(quarter).status_new
    for agency, ids in listed.items():
        assert ids == independent.owed_by(independent.body(agency), key), agency
    assert set().union(*listed.values()) == independent.owed(key)


@pytest.mark.parametrize("quarter", QUARTERS)
def test_kpis_unreported(quarter: str, views: Callable[[str], Views], independent: Independent):
    """check (SC305) and the report (未填報) name the same KPIs, those the independent reading finds owed and left
    out; `status new` lists each agency exactly the KPIs it owes the quarter (README, "KPIs")."""
    seen, key = views(quarter), quarter_key(quarter)
    assert seen.check_unreported_kpis == {kpi["id"] for kpi in seen.report["kpis"] if kpi["unreported"]} == independent.kpis_unreported(key)
    assert {kpi["id"] for kpi in seen.report["kpis"] if kpi["light"] == "unreported"} == seen.check_unreported_kpis
    for agency, ids in seen.status_new_kpis.items():
        assert ids == independent.kpis_owed_by(independent.body(agency), key), agency


def test_the_kpi_agreement_is_not_vacuous(views: Callable[[str], Views]):
    """Across the quarters the KPIs are unreported and reported, judged by figures (several sub-targets too) and by achievement."""
    kpis = [kpi for quarter in QUARTERS for kpi in views(quarter).report["kpis"]]
    assert {"unreported", "on_track", "behind", "in_progress", "achieved", "not_achieved"} <= {kpi["reason"] for kpi in kpis}
    assert any(len(kpi["sub_targets"]) > 1 and kpi["actual"] is not None for kpi in kpis)
    assert all(views(quarter).check_unreported_kpis for quarter in QUARTERS)


# --- the commands against each other, item by item ---


@pytest.mark.parametrize("quarter", QUARTERS)
def test_one_state_per_item(quarter: str, views: Callable[[str], Views], independent: Independent):
    seen, key = views(quarter), quarter_key(quarter)
    report = {item["id"]: item for item in seen.report["work_items"]}
    listed = set().union(*seen.status_new.values())
    mismatches = []
    for item_id in independent.items:
        expected = (independent.state(item_id, key), independent.is_overdue(item_id, key),
                    independent.is_unreported(item_id, key), independent.is_owed(item_id, key))
        item = report[item_id]
        views_of_item = {
            "report": (item["state"], item["overdue"], item["unreported"], item["owed"]),
            "check": (item["state"], item_id in seen.check_overdue, item_id in seen.check_unreported, item["owed"]),
            "gantt": (seen.gantt.get(item_id, "undated"), item["overdue"], item["unreported"], item["owed"]),
            "status new": (item["state"], item["overdue"], item["unreported"], item_id in listed),
        }
        mismatches += [(item_id, name, got, expected) for name, got in views_of_item.items() if got != expected]
    assert mismatches == [], mismatches[:10]


def test_the_agreement_is_not_vacuous(views: Callable[[str], Views]):
    """Across the quarters every state the demo can reach is met, and each command has something to say."""
    states = {state for quarter in QUARTERS for state in views(quarter).report_states.values()}
    assert {"completed", "on_schedule", "behind", "overdue", "unreported", "suspended", "not_started", "undated"} <= states
    for quarter in QUARTERS:
        seen = views(quarter)
        assert seen.check_overdue and seen.check_unreported and seen.gantt
        assert sum(map(len, seen.status_new.values())) > 50


@pytest.mark.parametrize("quarter", ["110Q2", "113Q4"])
def test_check_repo_is_the_same_judgment(quarter: str, agreement_demo: Path, views: Callable[[str], Views]):
    """`check_repo` (which loads the files itself) finds what the shared-load judgment of these tests finds."""
    problems = check_repo(agreement_demo, Quarter.parse(quarter)).problems
    assert {problem.params["item"] for problem in problems if problem.code == "SC301"} == views(quarter).check_overdue
    assert {problem.params["item"] for problem in problems if problem.code == "SC302"} == views(quarter).check_unreported


# --- a file under an id that does not file for its quarter (SC210) ---


@dataclass(frozen=True)
class Refused:
    root: Path
    named: dict[str, list[str]]  # quarter -> the items the refused file names


@pytest.fixture(scope="session")
def refused(agreement_demo: Path, independent: Independent, tmp_path_factory: pytest.TempPathFactory) -> Refused:
    """A copy of the demo plus status/113Q3/most.yaml (科技部 became 國科會 on 111/7/27) and status/113Q2/taipower.yaml
    (台電 reports through 經濟部), each saying 完成 for an item its body leads that is unreported that quarter and for
    one its body did report (進行中)."""
    root = tmp_path_factory.mktemp("refused") / "repo"
    shutil.copytree(agreement_demo, root)
    named = {}
    for quarter, agency, body in (("113Q3", "most", "nstc"), ("113Q2", "taipower", "moea")):
        key = quarter_key(quarter)
        led = sorted(item_id for item_id, item in independent.items.items() if item.lead_bodies == {body})
        silent = next(item_id for item_id in led if independent.is_unreported(item_id, key) and not independent.is_overdue(item_id, key))
        reported = next(item_id for item_id in led if independent.state(item_id, key) == "on_schedule" and independent.word_in(item_id, key))
        named[quarter] = [silent, reported]
        day = f"{key[0]}/{key[1] * 3 - 1}/1"
        data = {"quarter": quarter, "agency": agency, "summary": "（虛構）SYNTHETIC test file under an id that does not file",
                "work_items": {item_id: {"status": "完成", "planned": 100, "actual": 100, "completed": day} for item_id in named[quarter]}}
        (root / "status" / quarter / f"{agency}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Refused(root, named)


def _judged_states(root: Path, quarter: str) -> tuple[list, dict[str, str], set[str]]:
    result = check_repo(root, Quarter.parse(quarter))
    from sixcore.standing import Standings

    items = Standings.of(result.context).items
    return result.problems, {item_id: standing.state.value for item_id, standing in items.items()}, {
        problem.params["item"] for problem in result.problems if problem.code == "SC302"}


@pytest.mark.parametrize(("quarter", "agency"), [("113Q3", "most"), ("113Q2", "taipower")])
def test_refused_file_is_sc210(refused: Refused, quarter: str, agency: str, independent: Independent):
    problems, _, _ = _judged_states(refused.root, quarter)
    sc210 = [problem for problem in problems if problem.code == "SC210"]
    assert {problem.path.relative_to(refused.root).as_posix() for problem in sc210} == {"status/113Q3/most.yaml", "status/113Q2/taipower.yaml"}
    assert all(problem.severity.value == "error" for problem in sc210)
    # the independent reading sets the file aside: the copy reads exactly as the demo
    again = read_independent(refused.root, load_context(refused.root)[0])
    assert any(f.refused and f.agency == agency and f.quarter == quarter_key(quarter) for f in again.filed)
    assert again.states(quarter_key(quarter)) == independent.states(quarter_key(quarter))
    assert again.unreported(quarter_key(quarter)) == independent.unreported(quarter_key(quarter))


@pytest.mark.parametrize("quarter", ["113Q3", "113Q2"])
def test_refused_file_is_nobodys_word(refused: Refused, quarter: str, independent: Independent):
    _, states, unreported = _judged_states(refused.root, quarter)
    key = quarter_key(quarter)
    silent, reported = refused.named[quarter]
    assert (states[silent], silent in unreported) == ("unreported", True)
    assert states[reported] == "on_schedule"
    assert states == independent.states(key)


@pytest.mark.parametrize("quarter", QUARTERS)
def test_report_and_gantt_give_every_measure_and_item_one_state_and_light(quarter: str, views: Callable[[str], Views]):
    view = views(quarter)
    items = {item["id"]: (item["state"], item["light"]) for item in view.report["work_items"]}
    measures = {measure["id"]: (measure["state"], measure["light"]) for measure in view.report["measures"]}
    for bar_id, state_and_light in view.gantt_bars.items():
        assert (items if "/" in bar_id else measures)[bar_id] == state_and_light, (quarter, bar_id)
    assert {bar_id for bar_id in view.gantt_bars if "/" not in bar_id} <= set(measures)

"""States and 燈號 on the small fixture (see test_status_rules for its plan): lag thresholds, streaks, KPIs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sixcore.audit import load_context
from sixcore.calendar import Quarter
from sixcore.standing import Light, Standings, State, rollup
from tests.test_status_rules import file_status


def progress(root: Path, quarter: str) -> Standings:
    ctx, problems = load_context(root, Quarter.parse(quarter))
    assert ctx.plan.lights is not None, problems
    return Standings.of(ctx)


@pytest.mark.parametrize(("actual", "state", "light"), [
    (50, State.on_schedule, Light.green),
    (55, State.on_schedule, Light.green),  # ahead of plan
    (45, State.behind, Light.yellow),  # 5 points behind
    (40.5, State.behind, Light.yellow),
    (40, State.behind, Light.red),  # 10 points: 嚴重落後
])
def test_lag_decides_the_light(mini: Path, actual: float, state: State, light: Light):
    file_status(mini, "111Q1", "nstc", f'work_items:\n  "1-1/1.1.1": {{status: 進行中, planned: 50, actual: {actual}}}\n')
    standing = progress(mini, "111Q1").items["1-1/1.1.1"]
    assert (standing.state, standing.light, standing.lag) == (state, light, 50 - actual)


def test_states_without_figures(mini: Path):
    file_status(mini, "111Q1", "nstc", 'work_items:\n  "1-1/1.1.1": {status: 落後, delay_reason: 延宕, countermeasure: 趕工}\n')
    file_status(mini, "111Q1", "moea", 'work_items:\n  "1-1/1.1.2": {status: 停辦}\n')
    items = progress(mini, "111Q1").items
    assert (items["1-1/1.1.1"].state, items["1-1/1.1.1"].light) == (State.behind, Light.yellow)
    assert (items["1-1/1.1.2"].state, items["1-1/1.1.2"].light) == (State.suspended, Light.none)
    assert items["1-1/1.1.3"].state is State.undated


def test_lights_file_sets_the_thresholds(mini: Path):
    lights = mini / "plan" / "lights.yaml"
    lights.write_text(lights.read_text(encoding="utf-8").replace("severe_from: 10", "severe_from: 4"), encoding="utf-8")
    file_status(mini, "111Q1", "nstc", 'work_items:\n  "1-1/1.1.1": {status: 進行中, planned: 50, actual: 45}\n')
    assert progress(mini, "111Q1").items["1-1/1.1.1"].light is Light.red


def test_consecutive_quarters_behind(mini: Path):
    behind = 'work_items:\n  "1-1/1.1.1": {status: 進行中, planned: 50, actual: 40}\n'
    file_status(mini, "111Q1", "nstc", 'work_items:\n  "1-1/1.1.1": {status: 進行中, planned: 40, actual: 40}\n')
    file_status(mini, "111Q2", "nstc", behind)
    now = progress(mini, "111Q2")
    assert not now.items["1-1/1.1.1"].continuously_behind  # one quarter only
    file_status(mini, "111Q3", "nstc", behind.replace("50", "70").replace("40", "60"))
    later = progress(mini, "111Q3")
    assert later.items["1-1/1.1.1"].behind_streak == 2 and later.items["1-1/1.1.1"].continuously_behind
    assert later.previous_items["1-1/1.1.1"].light is Light.red


@pytest.mark.parametrize(("actual", "light"), [(1.5, Light.green), (2, Light.green), (1.4, Light.yellow), (1.3, Light.red)])
def test_kpi_expected_by_the_quarter(mini: Path, actual: float, light: Light):
    """KPI 1.1.1: 111 完成 1 件, 113 累計 2 件 (cumulative) → by 113Q2 expected 1 + (2 − 1) × 2/4 = 1.5."""
    file_status(mini, "113Q2", "nstc", f'kpis:\n  "1.1.1": {{actual: {actual}}}\n')
    standing = progress(mini, "113Q2").kpis["1.1.1"]
    [sub] = standing.sub_targets
    assert (sub.target.value, sub.expected, standing.light) == (2, 1.5, light)


def test_kpi_without_a_target_this_year_is_not_judged(mini: Path):
    assert progress(mini, "112Q4").kpis["1.1.1"].light is Light.none  # 112: no yearly target
    assert progress(mini, "113Q4").kpis["1.1.1"].light is Light.unreported


def test_rollup_follows_the_shares_of_judged_lights():
    """plan/lights.yaml's defaults: red when ≥ 50 % of the judged items are red, yellow when ≥ 20 % are yellow or red."""
    g, y, r = Light.green, Light.yellow, Light.red
    assert rollup([g, Light.done, y, Light.unreported]) is Light.yellow  # judged: g, y → 50 % yellow or red
    assert rollup([Light.done, r, g]) is Light.red  # judged: r, g → 50 % red
    assert rollup([r, g, g]) is Light.yellow  # 33 % red: not red; 33 % yellow or red: yellow
    assert rollup([r] + [g] * 9) is Light.green  # one late item among ten: 10 % < 20 %
    assert rollup([r, y] + [g] * 8) is Light.yellow  # 20 %
    assert rollup([Light.done, Light.done]) is Light.done
    assert rollup([Light.done, Light.unreported, Light.none]) is Light.unreported
    assert rollup([Light.none]) is Light.none


def test_the_shares_come_from_the_lights_file():
    from sixcore.model.lights import RollupLights

    strict = RollupLights(red_share=0.1, yellow_share=0.05)
    assert rollup([Light.red] + [Light.green] * 9, strict) is Light.red


def test_shortcuts_agree_with_the_full_judge(demo: Path):
    """The progress curve's actual figure and 連續 n 季 are read without judging every item of every earlier quarter;
    on the synthetic set, for every quarter and item, they say what the full judgment of each quarter says: 100 when
    completed, else the latest word's actual (0 without one); the yellow or red quarters in a row back to the first filing."""
    ctx, _ = load_context(demo)
    quarters = [Quarter.parse(f"{year}Q{number}") for year in range(110, 114) for number in range(1, 5)]
    checked_completed = checked_streaks = 0
    for quarter in quarters:
        shortcut = Standings(ctx, quarter)  # a fresh one: nothing judged yet but what it asks for itself
        full = Standings(ctx, quarter)
        judged = {each: full.items_as_of(each) for each in quarters if each <= quarter}
        for item_id, standing in judged[quarter].items():
            if standing.state is State.completed:
                expected, checked_completed = 100.0, checked_completed + 1
            else:
                expected = float(standing.report.actual) if standing.report and standing.report.actual is not None else 0.0
            assert shortcut.actual_progress(item_id, quarter) == expected, (item_id, quarter)
            if standing.continuously_behind:
                streak = 0
                for earlier in reversed([each for each in judged if each <= quarter]):
                    if judged[earlier][item_id].light not in (Light.yellow, Light.red):
                        break
                    streak += 1
                assert shortcut.behind_quarters(item_id) == streak, (item_id, quarter)
                checked_streaks += streak > 2
    assert checked_completed and checked_streaks  # not vacuous: items completed, and streaks longer than the judge's reach


def test_streaks_judged_one_item_at_a_time_agree_with_whole_quarters(demo: Path):
    """A streak (連續落後) needs an item's earlier quarters only when it is yellow or red, so they are judged for that
    item alone. For every quarter of the synthetic set, the standings so made equal those made with every earlier
    quarter judged in full first, field by field."""
    ctx, _ = load_context(demo)
    quarters = [Quarter.parse(f"{year}Q{number}") for year in range(110, 114) for number in range(1, 5)]
    continued = 0
    for quarter in quarters:
        lazily = Standings(ctx, quarter).items
        whole = Standings(ctx, quarter)
        for earlier in quarters:
            if earlier <= quarter:
                whole.items_as_of(earlier)  # oldest first: each quarter's streaks read the previous, judged in full
        assert lazily == whole.items, quarter
        continued += sum(standing.behind_streak > 1 for standing in lazily.values())
    assert continued  # not vacuous: streaks that reach back a quarter

"""Every KPI row of the plan judged one way or the other (issue 20): by figures, year by year, or by achievement.

The counts and the rows pinned below were read by hand from the seed document
/work/shared/seeds/003_cbe2ebe5cd6892fc.txt (part 肆, lines 2216–2565); each row quotes its seed line.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sixcore.model.kpi import ACHIEVEMENT

SEED = Path("/work/shared/seeds/003_cbe2ebe5cd6892fc.txt")


def judged(real_plan, kpi_id: str) -> dict[str, object]:
    """Year → `achievement` or [(value, unit, cumulative)], for each year whose cell asks something."""
    kpi = real_plan.kpi_by_id[kpi_id].kpi
    result: dict[str, object] = {}
    for year in kpi.yearly:
        asked = kpi.targets_in(year)
        if asked is not None:
            result[year] = asked if asked == ACHIEVEMENT else [(sub.value, sub.unit, sub.cumulative) for sub in asked]
    return result


def test_every_row_is_decided_and_counted(real_plan):
    """140 rows: 71 judged by figures in every year with a target, 20 by figures in some years and as milestones in
    the others, 49 by achievement only (43 `qualitative` with a reason, 6 whose cells carry no figure in the full
    target's units, e.g. 1.3.3: the cells count 份、件、家, the full target 縣市)."""
    kinds = Counter()
    for placed in real_plan.placed_kpis():
        kpi = placed.kpi
        asked = [kpi.targets_in(year) for year in kpi.yearly if kpi.yearly_target(year)]
        # decided in the plan file, not left to the reading of `target`
        assert kpi.qualitative or set(kpi.yearly_targets) == {year for year, cell in kpi.yearly.items() if cell}, placed.id
        assert not kpi.qualitative or kpi.reason, placed.id  # no row is judged by achievement without a reason
        milestones = sum(year == ACHIEVEMENT for year in asked)
        kinds["achievement" if milestones == len(asked) else "figures" if milestones == 0 else "mixed"] += 1
    assert kinds == {"figures": 71, "mixed": 20, "achievement": 49}
    assert sum(placed.kpi.qualitative for placed in real_plan.placed_kpis()) == 43


def test_rows_against_the_seed(real_plan):
    # 2222: 1.1.2 | 完成…1 項 | 完成…1 項 | 完成…1 項 | 累計完成…5 項 — 111/112 ask their own year's 1 項
    assert judged(real_plan, "1.1.2") == {"110": [(1, "項", True)], "111": [(1, "項", False)], "112": [(1, "項", False)], "113": [(5, "項", True)]}
    # 2225: 1.2.3 | - | 協助 1 案(含)以上… | 協助 1 案(含)以上… | 累計 3 案(含)以上…
    assert judged(real_plan, "1.2.3") == {"111": [(1, "案", True)], "112": [(1, "案", False)], "113": [(3, "案", True)]}
    # 2228/2232: 1.3.2 113 "累計完成 5G 標準專利提案 3 案，國際技術合作 2 案" — two sub-targets of one unit
    assert judged(real_plan, "1.3.2")["113"] == [(3, "案", True), (2, "案", True)]
    # 2277: 2.1.9 完成5G創新資安服務場域實證 | - | - | - | 完成5G創新資安服務場域實證
    assert judged(real_plan, "2.1.9") == {"113": ACHIEVEMENT}
    # 2286: 2.1.14 每年培育高階資安技術研發人才 200 人次 (each year)
    assert judged(real_plan, "2.1.14") == {year: [(200, "人次", False)] for year in ("110", "111", "112", "113")}
    # 2323: 2.5.4 培訓 400 名… | …至少 50 人次 | …至少 50 人次 | …至少 125 人次 | …至少 125 人次
    assert judged(real_plan, "2.5.4") == {"110": [(50, "人次", False)], "111": [(50, "人次", False)], "112": [(125, "人次", False)], "113": [(125, "人次", False)]}
    # 2402: 4.4.2 推動先進科研計畫… | 2. 規劃 FY111 先進科研計畫 3 案以上 | …3 案以上 | …5 案以上 | …5 案以上
    assert judged(real_plan, "4.4.2") == {"110": [(3, "案", False)], "111": [(3, "案", False)], "112": [(5, "案", False)], "113": [(5, "案", False)]}
    # 2409: 4.5.2 … 2(含)家次以上 | 4(含)家次以上 | 7 … | 10 …
    assert judged(real_plan, "4.5.2") == {"110": [(2, "家次", True)], "111": [(4, "家次", True)], "112": [(7, "家次", True)], "113": [(10, "家次", True)]}
    # 2417: 4.6.1 | 持續進行福衛八號組裝測試 | 持續進行福衛八號組裝測試 | 第一顆福衛八發射 | 第二顆福衛八發射
    assert judged(real_plan, "4.6.1") == {"110": ACHIEVEMENT, "111": ACHIEVEMENT, "112": [(1, "顆", True)], "113": [(2, "顆", True)]}
    # 2446: 5.1.1 光電轉換效率 ≥24% | - | 新鈍化接觸薄膜材料開發… | …效率可 ≥24%，電池成本降低10%以上 | …驗證效率 ≥24%
    assert judged(real_plan, "5.1.1") == {"111": ACHIEVEMENT, "112": [(24, "%", False)], "113": [(24, "%", False)]}
    # 2460: 5.3.2 迄 114 年提供總保證額度達 1,000 億元 | 累計企業獲保額度達總額 30% | 60% | 80% | 90%
    assert judged(real_plan, "5.3.2") == {"110": [(30, "%", True)], "111": [(60, "%", True)], "112": [(80, "%", True)], "113": [(90, "%", True)]}
    # 2515: 6.3.3 | 輔導至少3家業者，取得國內醫材上市許可 (every year)
    assert judged(real_plan, "6.3.3") == {year: [(3, "家", False)] for year in ("110", "111", "112", "113")}
    # 2554: 6.9.2 | - | 完成…深度調查 10 家。輔導…移轉 5 家 | (the same) | 完成…移轉 5 家
    assert judged(real_plan, "6.9.2") == {"111": [(10, "家", False), (5, "家", False)], "112": [(10, "家", False), (5, "家", False)], "113": [(5, "家", False)]}


def test_each_row_names_its_seed_line(real_plan):
    """seed_line is where the row's label is printed in the seed, inside its table's source range."""
    for placed in real_plan.placed_kpis():
        low, high = placed.table.source
        assert placed.kpi.seed_line is not None and low <= placed.kpi.seed_line <= high, placed.id
    if not SEED.exists():
        pytest.skip("the seed document is not on this machine")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for placed in real_plan.placed_kpis():
        assert f"{placed.kpi.label} " in lines[placed.kpi.seed_line - 1], placed.id

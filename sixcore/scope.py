"""What `--measure`, `--industry` and `--agency` narrow a report or a chart to (shared by report and gantt).

Each may name several; a work item must match all three; empty means everything. An agency matches through
the body that reports for it today, so moea includes 工業局's items and nstc 科技部's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sixcore.errors import SixcoreUserError
from sixcore.load.loader import PlacedKpi, PlacedWorkItem
from sixcore.load.status import AuditContext


@dataclass(frozen=True)
class Scope:
    measures: tuple[str, ...] = ()
    industries: tuple[int, ...] = ()
    agencies: tuple[str, ...] = ()

    def check(self, ctx: AuditContext) -> None:
        """Every id names something in the plan, or a user error that says what to write."""
        plan = ctx.plan
        unknown = [measure for measure in self.measures if measure not in plan.measure_by_id]
        ids = list(plan.measure_by_id)
        if unknown and not ids:
            raise SixcoreUserError("方案未列任何措施，無法以 --measure 縮小範圍 / the programme sets no measures; --measure cannot narrow it")
        if unknown:
            raise SixcoreUserError(f"方案中沒有措施 {', '.join(unknown)}；請寫成 1-2 這樣的編號（{ids[0]} … {ids[-1]}）"
                                   f" / no measure {', '.join(unknown)} in the plan; write ids like 1-2")
        numbers = sorted(loaded.model.industry for loaded in plan.industries)
        wrong = [str(number) for number in self.industries if number not in numbers]
        if wrong:
            consecutive = bool(numbers) and numbers == list(range(numbers[0], numbers[-1] + 1))
            zh, en = (f"{numbers[0]} 到 {numbers[-1]}", f"{numbers[0]} to {numbers[-1]}") if consecutive else (", ".join(map(str, numbers)),) * 2
            raise SixcoreUserError(f"方案中沒有產業 {', '.join(wrong)}；請用 {zh} / no industry {', '.join(wrong)}; use {en}")
        strangers = [agency for agency in self.agencies if agency not in plan.agency_by_id]
        if strangers:
            raise SixcoreUserError(f"未知的機關代碼 {', '.join(strangers)}，請用 plan/agencies.yaml 中的代碼（如 moea、nstc）"
                                   f" / unknown agency id {', '.join(strangers)}; use an id from plan/agencies.yaml such as moea")

    @property
    def narrowed(self) -> bool:
        return bool(self.measures or self.industries or self.agencies)

    def bodies(self, ctx: AuditContext) -> set[str]:
        return {ctx.body(agency) for agency in self.agencies}

    def includes_body(self, ctx: AuditContext, body: str) -> bool:
        return not self.agencies or body in self.bodies(ctx)

    def includes_item(self, ctx: AuditContext, placed: PlacedWorkItem) -> bool:
        return ((not self.measures or placed.measure.id in self.measures)
                and (not self.industries or placed.industry.industry in self.industries)
                and (not self.agencies or bool(self.bodies(ctx) & (ctx.lead_bodies(placed.work_item) | ctx.co_bodies(placed.work_item)))))

    def includes_kpi(self, ctx: AuditContext, placed: PlacedKpi) -> bool:
        return ((not self.measures or bool(set(self.measures) & set(placed.strategy.measures)))
                and (not self.industries or placed.table.industry in self.industries)
                and (not self.agencies or bool(self.bodies(ctx) & {ctx.body(agency) for agency in placed.agencies})))

    def name_parts(self) -> list[str]:
        """For output names (reports/113Q2-industry-4-measure-4-2/), so no narrowed output overwrites another."""
        return ([f"industry-{number}" for number in self.industries] + [f"measure-{measure}" for measure in self.measures]
                + [f"agency-{agency}" for agency in self.agencies])


EVERYTHING = Scope()

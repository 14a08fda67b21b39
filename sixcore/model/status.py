"""A quarterly status file (status/<quarter>/<agency>.yaml): what one agency reports for one quarter."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic.config import JsonDict

from sixcore.model.base import Model, QuarterField, RocDayField

# The plan's words, and English equivalents for those who prefer them.
STATUS_WORDS: dict[str, str] = {
    "完成": "完成", "進行中": "進行中", "落後": "落後", "未開始": "未開始", "停辦": "停辦",
    "done": "完成", "on-track": "進行中", "behind": "落後", "not-started": "未開始", "suspended": "停辦",
}
StatusWord = Literal["完成", "進行中", "落後", "未開始", "停辦", "done", "on-track", "behind", "not-started", "suspended"]

_PERCENT: JsonDict = {"minimum": 0, "maximum": 100}


class WorkItemReport(Model):
    """The report on one work item (重點工作項目), keyed by its public id, e.g. "1-2/2.1.1"."""

    status: StatusWord = Field(description="執行狀態 status: 完成 / 進行中 / 落後 / 未開始 / 停辦 (done / on-track / behind / not-started / suspended)")
    planned: float | None = Field(default=None, description="預定累計進度 % (planned cumulative progress, 0–100)", json_schema_extra=_PERCENT)
    actual: float | None = Field(default=None, description="實際累計進度 % (actual cumulative progress, 0–100)", json_schema_extra=_PERCENT)
    completed: RocDayField | None = Field(default=None, description="實際完成日期 (民國, e.g. 113/6/28); required when status is 完成")
    done: str | None = Field(default=None, description="本季辦理情形 (what was done this quarter)")
    delay_reason: str | None = Field(default=None, description="落後原因 (required when status is 落後)")
    countermeasure: str | None = Field(default=None, description="因應對策 (required when status is 落後)")
    suspend_reason: str | None = Field(default=None, description="停辦原因 (required when status is 停辦)")
    note: str | None = Field(default=None, description="備註 (e.g. why progress went down)")

    @property
    def state(self) -> str:
        """The status in the plan's word (完成 …), whichever language the file used."""
        return STATUS_WORDS[self.status]


class KpiReport(Model):
    """The actual value of one KPI for the year, keyed by KPI id, e.g. "1.1.1"."""

    actual: float | None = Field(default=None, description="當年度實際值 (cumulative when the KPI is cumulative, 累計)")
    note: str | None = Field(default=None, description="說明")


class StatusFile(Model):
    """One agency's report for one quarter (part 伍: 辦理情形、重要執行亮點、下一季重點工作)."""

    quarter: QuarterField = Field(description="填報季別, e.g. 113Q2; must match the folder name")
    agency: str = Field(description="填報機關代碼 (id in plan/agencies.yaml); must match the file name")
    reported: RocDayField | None = Field(default=None, description="填報日期 (民國, e.g. 113/7/10)")
    contact: str | None = Field(default=None, description="聯絡人 (optional)")
    summary: str | None = Field(default=None, description="辦理情形 (summary of the quarter)")
    highlights: list[str] = Field(default_factory=list, description="重要執行亮點")
    next_quarter: list[str] = Field(default_factory=list, description="下一季重點工作")
    work_items: dict[str, WorkItemReport] = Field(default_factory=dict, description="重點工作項目, by public id")
    kpis: dict[str, KpiReport] = Field(default_factory=dict, description="KPI 實際值, by KPI id")

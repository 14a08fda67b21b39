"""A quarterly status file (status/<quarter>/<agency>.yaml): what one agency reports for one quarter."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from sixcore.model.base import Model, QuarterField, RocDayField

# The plan's words, and English equivalents for those who prefer them.
STATUS_WORDS: dict[str, str] = {
    "完成": "完成", "進行中": "進行中", "落後": "落後", "未開始": "未開始", "停辦": "停辦",
    "done": "完成", "on-track": "進行中", "behind": "落後", "not-started": "未開始", "suspended": "停辦",
}
PLAN_WORDS = "完成、進行中、落後、未開始、停辦"


def _status_word(value: Any) -> Any:
    """The status as a clerk may type it: the plan's words, or the English ones in any letter case (Done, ON-TRACK)."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    text = text.lower() if text.isascii() else text
    if text not in STATUS_WORDS:
        raise PydanticCustomError("status_word", "{value}: not a status; write one of {allowed}", {"value": value, "allowed": PLAN_WORDS})
    return text


def _number(value: Any) -> Any:
    """A figure as a clerk may type it: full-width digits (５０), a trailing % (50%, ５０％), spaces."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip().removesuffix("%").strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        raise PydanticCustomError("number_text", "{value}: not a number; write a number such as 50", {"value": value}) from None


def _any_case(word: str) -> str:
    return "".join(f"[{char.upper()}{char.lower()}]" if char.isalpha() else char for char in word)  # the words hold letters and "-"


StatusWord = Annotated[
    Literal["完成", "進行中", "落後", "未開始", "停辦", "done", "on-track", "behind", "not-started", "suspended"],
    BeforeValidator(_status_word),
    # for editors: what _status_word accepts (JSON Schema has no case-insensitive enum)
    WithJsonSchema({"type": "string", "pattern": "^\\s*(" + "|".join(word if not word.isascii() else _any_case(word) for word in STATUS_WORDS) + ")\\s*$"}),
]
Figure = Annotated[
    float,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^\\s*[0-9０-９][0-9０-９.,]*\\s*[%％]?\\s*$"}]}),
]

_PERCENT: JsonDict = {"minimum": 0, "maximum": 100}


class WorkItemReport(Model):
    """The report on one work item (重點工作項目), keyed by its public id, e.g. "1-2/2.1.1"."""

    status: StatusWord | None = Field(
        default=None, description="執行狀態 status: 完成 / 進行中 / 落後 / 未開始 / 停辦 (done / on-track / behind / not-started / suspended); left empty it is not a report (SC211)")
    planned: Figure | None = Field(default=None, description="預定累計進度 % (planned cumulative progress, 0–100)", json_schema_extra=_PERCENT)
    actual: Figure | None = Field(default=None, description="實際累計進度 % (actual cumulative progress, 0–100)", json_schema_extra=_PERCENT)
    completed: RocDayField | None = Field(default=None, description="實際完成日期 (民國, e.g. 113/6/28); required when status is 完成")
    done: str | None = Field(default=None, description="本季辦理情形 (what was done this quarter)")
    delay_reason: str | None = Field(default=None, description="落後原因 (required when status is 落後)")
    countermeasure: str | None = Field(default=None, description="因應對策 (required when status is 落後)")
    suspend_reason: str | None = Field(default=None, description="停辦原因 (required when status is 停辦)")
    note: str | None = Field(default=None, description="備註 (e.g. why progress went down)")

    @property
    def state(self) -> str | None:
        """The status in the plan's word (完成 …), whichever language the file used; None when left empty."""
        return STATUS_WORDS[self.status] if self.status else None


class KpiReport(Model):
    """The actual value of one KPI for the year, keyed by KPI id, e.g. "1.1.1"."""

    actual: Figure | None = Field(default=None, description="當年度實際值 (cumulative when the KPI is cumulative, 累計)")
    note: str | None = Field(default=None, description="說明")


Money = Annotated[
    Decimal,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^\\s*-?[0-9０-９][0-9０-９.,]*\\s*$"}],
                    "description": "億元, as 表 3"}),
]


BUDGET_FIGURES = ("approved", "allocated", "spent", "payable", "saved")


class BudgetReport(Model):
    """One industry's year-to-date budget figures of the filing agency, as of the quarter's end, in 億元 (as 表 3)."""

    approved: Money | None = Field(default=None, description="年度核定數（修正後）")
    allocated: Money | None = Field(default=None, description="累計分配數")
    spent: Money | None = Field(default=None, description="實支數")
    payable: Money | None = Field(default=None, description="應付未付數")
    saved: Money | None = Field(default=None, description="賸餘（節餘）數")
    note: str | None = Field(default=None, description="說明 (required when 執行率 is below the yellow threshold, or a figure exceeds another)")

    @property
    def executed(self) -> Decimal | None:
        """執行數 = 實支 + 應付未付 + 賸餘, when any of them is given."""
        parts = [part for part in (self.spent, self.payable, self.saved) if part is not None]
        return sum(parts, Decimal(0)) if parts else None


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
    budget: dict[str, BudgetReport] = Field(default_factory=dict, description="經費執行, by industry number (\"1\" …), year to date")

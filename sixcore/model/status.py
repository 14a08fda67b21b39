"""A quarterly status file (status/<quarter>/<agency>.yaml): what one agency reports for one quarter."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from sixcore.model.base import Model, QuarterField, RocDayField, entry_model

# The plan's words, and English equivalents for those who prefer them.
STATUS_WORDS: dict[str, str] = {
    "完成": "完成", "進行中": "進行中", "落後": "落後", "未開始": "未開始", "停辦": "停辦",
    "done": "完成", "on-track": "進行中", "behind": "落後", "not-started": "未開始", "suspended": "停辦",
}
PLAN_WORDS = "完成、進行中、落後、未開始、停辦"
# How far a KPI judged by achievement got (plan/kpis: `qualitative` or a year's `achievement`).
ACHIEVEMENT_WORDS: dict[str, str] = {
    "達成": "達成", "部分達成": "部分達成", "未達成": "未達成",
    "achieved": "達成", "partly achieved": "部分達成", "not achieved": "未達成",
}
ACHIEVEMENT_PLAN_WORDS = "達成、部分達成、未達成"


def _clerk_word(words: dict[str, str], allowed: str, kind: str) -> Any:
    """A validator taking a word as a clerk may type it: the plan's, or the English one in any letter case (Done, ON-TRACK)."""
    def read(value: Any) -> Any:
        if not isinstance(value, str) or value in words:  # most files write the words exactly
            return value
        text = " ".join(unicodedata.normalize("NFKC", value).split())
        text = text.lower() if text.isascii() else text
        if text not in words:
            raise PydanticCustomError(f"{kind}_word", "{value}: not a {kind}; write one of {allowed}", {"value": value, "kind": kind, "allowed": allowed})
        return text
    return read


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
    # the words hold letters, "-" and spaces (which a clerk may double)
    return "".join(f"[{char.upper()}{char.lower()}]" if char.isalpha() else "\\s+" if char == " " else char for char in word)


def _word_schema(words: dict[str, str]) -> dict[str, Any]:
    """For editors: what _clerk_word accepts (JSON Schema has no case-insensitive enum)."""
    return {"type": "string", "pattern": "^\\s*(" + "|".join(word if not word.isascii() else _any_case(word) for word in words) + ")\\s*$"}


StatusWord = Annotated[
    Literal["完成", "進行中", "落後", "未開始", "停辦", "done", "on-track", "behind", "not-started", "suspended"],
    BeforeValidator(_clerk_word(STATUS_WORDS, PLAN_WORDS, "status")),
    WithJsonSchema(_word_schema(STATUS_WORDS)),
]
AchievementWord = Annotated[
    Literal["達成", "部分達成", "未達成", "achieved", "partly achieved", "not achieved"],
    BeforeValidator(_clerk_word(ACHIEVEMENT_WORDS, ACHIEVEMENT_PLAN_WORDS, "achievement")),
    WithJsonSchema(_word_schema(ACHIEVEMENT_WORDS)),
]
Figure = Annotated[
    float,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^\\s*[0-9０-９][0-9０-９.,]*\\s*[%％]?\\s*$"}]}),
]

_PERCENT: JsonDict = {"minimum": 0, "maximum": 100}


@entry_model
class WorkItemReport:
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


@entry_model
class KpiReport:
    """One KPI as of the quarter, keyed by KPI id, e.g. "1.1.1": its figures, or how far a milestone got."""

    actual: Figure | None = Field(default=None, description="實際值 of the year's (first) sub-target: 累計 for a cumulative one, else that year's")
    actuals: dict[str, Figure | None] = Field(default_factory=dict, description="實際值 of each sub-target, by its unit (案1, 案2 where a unit repeats)")
    achieved: AchievementWord | None = Field(
        default=None, description="達成 / 部分達成 / 未達成 (achieved / partly achieved / not achieved), for a KPI judged by achievement")
    evidence: str | None = Field(default=None, description="佐證 (what shows it; required with 達成)")
    note: str | None = Field(default=None, description="說明 (required when behind: why, and what is done about it)")

    @property
    def achievement(self) -> str | None:
        """The achievement in the plan's word (達成 …), whichever language the file used."""
        return ACHIEVEMENT_WORDS[self.achieved] if self.achieved else None

    @property
    def says_something(self) -> bool:
        """A figure or an achievement: an entry left as the template has it (all empty) is no report of the KPI."""
        return self.actual is not None or self.achieved is not None or any(value is not None for value in self.actuals.values())

    def figure(self, key: str, first: bool) -> float | None:
        """The actual of the sub-target named `key`; `actual` stands for the first sub-target."""
        return self.actuals.get(key, self.actual if first else None)


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

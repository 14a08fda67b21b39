"""Part 參 of the plan: industry → strategies and measures → 事項 → 具體作法 → 重點工作項目 with schedules."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sixcore.calendar import MonthRange, RocDay, RocMonth
from sixcore.model.base import DeadlineField, Model, MonthRangeField, QuarterField, RocMonthField

SourceLines = tuple[int, int]
Note = str | None


class Phase(Model):
    """One phase of a work item's schedule: a month range, or a deadline, optionally labelled or recurring."""

    label: str | None = Field(default=None, description="phase label as printed: 第一期 / 受理申請 / 執行期程 / 前置期 …")
    range: MonthRangeField | None = Field(default=None, description="起訖時程, e.g. 110/1-111/12")
    by: DeadlineField | None = Field(default=None, description="a deadline: 110/12/31 前 → 110/12/31")
    recurring: Literal["每年", "每季", "每月", "每半年"] | None = Field(default=None, description="a recurring obligation")
    printed: str | None = Field(default=None, description="the date text as printed, when it is not a plain range")
    note: Note = None

    @model_validator(mode="after")
    def _has_a_date(self) -> Phase:
        if self.range is None and self.by is None:
            raise ValueError("a phase needs `range` (110/1-111/12) or `by` (110/12/31)")
        if self.range is not None and self.by is not None:
            raise ValueError("a phase has either `range` or `by`, not both")
        return self

    @property
    def start(self) -> RocMonth | None:
        return self.range.start if self.range else None

    @property
    def end(self) -> RocMonth:
        if self.range is not None:
            return self.range.end
        assert self.by is not None
        return self.by.month_of if isinstance(self.by, RocDay) else self.by

    @property
    def span(self) -> MonthRange:
        """The months the phase may occupy; a deadline alone spans just its month."""
        return self.range or MonthRange(self.end, self.end)


class WorkItem(Model):
    """重點工作項目."""

    number: str = Field(description="as printed, e.g. 1.1.1")
    suffix: str | None = Field(default=None, pattern=r"^[b-z]$", description="for a number the document repeats in one measure")
    text: str
    schedule: list[Phase] = Field(description="one or more phases; empty when the document gives no date")
    lead: list[str] = Field(description="lead agency ids (主)")
    co: list[str] = Field(default_factory=list, description="co agency ids (協)")
    note: Note = None

    @property
    def key(self) -> str:
        return self.number + (self.suffix or "")

    @property
    def end(self) -> RocMonth | None:
        return max((phase.end for phase in self.schedule), default=None)

    @property
    def start(self) -> RocMonth | None:
        starts = [phase.span.start for phase in self.schedule]
        return min(starts, default=None)


class Approach(Model):
    """具體作法."""

    number: str
    title: str
    work_items: list[WorkItem]
    note: Note = None


class Target(Model):
    """One 目標 bullet of a 事項."""

    text: str
    note: Note = None


class Item(Model):
    """事項."""

    number: str
    title: str
    targets: list[Target] = Field(default_factory=list)
    approaches: list[Approach]
    note: Note = None


class Measure(Model):
    """A 具體措施 with its 辦理重點及期程表, e.g. 1-2."""

    id: str = Field(pattern=r"^[1-6]-\d{1,2}$")
    title: str
    agencies: list[str] = Field(description="agency ids of the heading 辦理重點及期程(…)")
    strategy: str | None = Field(default=None, description="number of the industry strategy it serves")
    source: SourceLines
    items: list[Item]
    note: Note = None


class Strategy(Model):
    """推動策略 of 表 1."""

    number: str
    title: str
    sector: str | None = None
    note: Note = None


class Industry(Model):
    """One industry file under plan/industries/."""

    industry: int = Field(ge=1, le=6)
    name: str
    vision: str
    lead: list[str]
    source: SourceLines
    strategies: list[Strategy]
    measures: list[Measure]
    note: Note = None


class Programme(Model):
    """plan/programme.yaml: the programme as approved, and when its quarterly review (part 伍) begins."""

    name: str
    approved: RocMonthField = Field(description="核定 month of the edition encoded, e.g. 110/5")
    start: RocMonthField = Field(description="the programme's first month: work given only a deadline is pending from here")
    first_review: QuarterField = Field(description="the first quarter reviewed: nothing is 逾期 or 未填報 before it")
    source: SourceLines | None = None
    note: Note = None

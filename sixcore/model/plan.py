"""Part 參 of the plan: industry → strategies and measures → 事項 → 具體作法 → 重點工作項目 with schedules."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sixcore.calendar import MonthRange, Quarter, RocDay, RocMonth
from sixcore.model.base import Bilingual, DeadlineField, Model, MonthRangeField, QuarterField, RocMonthField, entry_model

SourceLines = tuple[int, int]
Note = str | None


@entry_model
class Phase:
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


@entry_model
class WorkItem:
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


@entry_model
class Approach:
    """具體作法."""

    number: str
    title: str
    work_items: list[WorkItem]
    note: Note = None


@entry_model
class Target:
    """One 目標 bullet of a 事項."""

    text: str
    note: Note = None


@entry_model
class Item:
    """事項."""

    number: str
    title: str
    targets: list[Target] = Field(default_factory=list)
    approaches: list[Approach]
    note: Note = None


class Measure(Model):
    """A 具體措施 with its 辦理重點及期程表, e.g. 1-2."""

    id: str = Field(pattern=r"^[1-9]\d*-\d{1,2}$", description="<industry>-<number> as printed, e.g. 1-2")
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
    actions: list[str] = Field(default_factory=list, description="the bullets printed under the strategy, where no schedule table details it")
    note: Note = None


class Industry(Model):
    """One industry file under plan/industries/."""

    industry: int = Field(ge=1, description="the industry's number, as the programme numbers them")
    name: str
    vision: str
    lead: list[str]
    source: SourceLines
    strategies: list[Strategy]
    measures: list[Measure] = Field(description="具體措施 with their schedule tables; empty when the document gives none")
    note: Note = None


class Period(Model):
    """The programme's years, first and last (ROC): its KPI and budget years lie within them."""

    first: int = Field(ge=1, le=999, description="first ROC year, e.g. 110")
    last: int = Field(ge=1, le=999, description="last ROC year, e.g. 113")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.last < self.first:
            raise ValueError(f"the period ends ({self.last}) before it starts ({self.first})")
        return self

    @property
    def years(self) -> list[str]:
        """The years as the YAML files key them: "110", "111" …"""
        return [str(year) for year in range(self.first, self.last + 1)]

    @property
    def months(self) -> MonthRange:
        return MonthRange(RocMonth(self.first, 1), RocMonth(self.last, 12))

    def __str__(self) -> str:
        return f"{self.first}–{self.last}"


class ReviewPart(Model):
    """The part of the programme's own text that sets its quarterly review, as printed (伍、推動與管考機制)."""

    part: str = Field(description="its number as printed, e.g. 伍")
    title: str = Field(description="its heading, e.g. 推動與管考機制")


class Programme(Model):
    """plan/programme.yaml: which programme this folder encodes, its years, and how its review runs."""

    name: Bilingual = Field(description="the programme's name as approved, and in English")
    approved: RocMonthField | None = Field(default=None, description="核定 month of the edition encoded, e.g. 110/5; left out when the source does not say")
    period: Period = Field(description="the programme's years: KPI years, budget years and SC104 follow from them")
    first_review: QuarterField | None = Field(
        default=None, description="the first quarter reviewed: nothing is 逾期 or 未填報 before it (default: the period's first quarter)")
    cadence: Literal["quarterly"] = Field(description="how often agencies report: quarterly (季報), the only cadence sixcore judges")
    report_title: Bilingual = Field(description="the title of sixcore report: the name, then 季度管考報告")
    issued_by: Bilingual | None = Field(
        default=None, description="the unit that issues the report (printed on every page of report.pdf), e.g. 國家發展委員會; left out, none is printed")
    review: ReviewPart | None = Field(
        default=None, description="the part of the text that asks for the quarterly reports, cited by report, status new and SC212; left out when none does")
    source: SourceLines | None = None
    note: Note = None

    @model_validator(mode="after")
    def _review_within_period(self) -> Programme:
        if self.first_review is not None and not self.period.first <= self.first_review.year <= self.period.last:
            raise ValueError(f"first_review {self.first_review} lies outside the period {self.period}")
        return self

    @property
    def start(self) -> RocMonth:
        """The programme's first month: work given only a deadline is pending from here."""
        return self.period.months.start

    @property
    def review_from(self) -> Quarter:
        """The first quarter reviewed."""
        return self.first_review or self.period.months.start.quarter

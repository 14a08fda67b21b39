"""The one base class of every model, a text in both languages, and the ROC date field types built on sixcore.calendar."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic.dataclasses import dataclass
from pydantic_core import PydanticCustomError

from sixcore.calendar import MonthRange, Quarter, RocDateError, RocDay, RocMonth


class Model(BaseModel):
    """Strict about shape: unknown keys are errors (a typo must not be silently ignored); immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# For a model of which a run holds tens of thousands (a work item and its phases, a status file's entry for one work
# item or KPI): the same validation, frozen and closed to unknown keys, as a slotted dataclass, about a fifth of a
# Model's memory (no instance dictionary, no record of the fields set); fields are given by name. Unknown keys are
# reported as `unexpected_keyword_argument`.
entry_model = dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))


class Bilingual(Model):
    """A text in the two languages sixcore speaks."""

    zh: str = Field(description="正體中文 (zh-TW)")
    en: str = Field(description="English")

    def get(self, lang: str) -> str:
        """The text in `lang` ("zh-TW" or "en", the values of sixcore.messages.Lang)."""
        return self.en if lang == "en" else self.zh


T = TypeVar("T")


def _roc_validator(parse: Callable[[str], T], example: str) -> Callable[[Any], T]:
    what = "quarter" if "Q" in example else "date"  # how a message names the field: 季別 or 日期
    # the same few hundred dates and ranges are written thousands of times; the values are immutable, so one is
    # parsed once and shared (a text that fails is not remembered and fails again, with its message)
    parse = functools.lru_cache(maxsize=4096)(parse)

    def validate(value: Any) -> T:
        if isinstance(value, (RocMonth, RocDay, MonthRange, Quarter)):
            return value  # type: ignore[return-value]  # already a parsed value (a model built in code); mypy cannot tie it to T
        if isinstance(value, dt.date):  # YAML reads 2024-06-28 as a Gregorian date
            roc = RocDay.from_date(value) if value.year > 1911 else None
            raise PydanticCustomError(
                "roc_date", "{value}: a Gregorian date; write the ROC date, like {example}",
                {"value": value.isoformat(), "example": str(roc) if roc else example, "kind": "gregorian", "what": what})
        if value is None:
            raise PydanticCustomError("missing", "Field required")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an unquoted seven-digit day (1130930) or a bare year
        if not isinstance(value, str):
            raise PydanticCustomError(
                "roc_date", "{value}: not a date; write it like {example}", {"value": str(value), "example": example, "kind": "format", "what": what}
            )
        try:
            return parse(value)
        except RocDateError as error:
            raise PydanticCustomError(
                "roc_date", "{value}: {detail}", {"value": value, "detail": error.detail, "kind": error.kind, "example": example, "what": what}
            ) from None

    return validate


def _roc_field(kind: type | UnionType, parse: Callable[[str], Any], example: str, pattern: str, description: str,
               digits: bool = False) -> Any:
    """`digits`: the form may be written as a bare number (1130930), which YAML reads as an integer."""
    text = {"type": "string", "pattern": pattern}
    schema = {"anyOf": [text, {"type": "integer", "minimum": 1000101, "maximum": 9991231}]} if digits else text
    return Annotated[
        kind,
        PlainValidator(_roc_validator(parse, example)),
        PlainSerializer(str, return_type=str),
        WithJsonSchema({**schema, "description": description, "examples": [example]}),
    ]


def parse_deadline(text: str) -> RocDay | RocMonth:
    """A deadline is a day (110/12/31) or, when the document gives only a month, a month (113/12)."""
    return RocDay.parse(text) if text.count("/") == 2 or "日" in text or text.strip().isdigit() else RocMonth.parse(text)


MONTH_PATTERN = r"^\d{1,3}/\d{1,2}$"
# the forms RocDay.parse reads, full-width digits included: 113/6/30, 113.6.30, 113-6-30, 中華民國113年6月30日, 1130630
_DIGIT = "[0-9０-９]"
DAY_PATTERN = (rf"^\s*(?:(?:中華民國|民國)?\s*{_DIGIT}{{1,3}}\s*[/.\-年]\s*{_DIGIT}{{1,2}}\s*[/.\-月]\s*{_DIGIT}{{1,2}}\s*日?"
               rf"|{_DIGIT}{{7}})\s*$")
RANGE_PATTERN = r"^\d{1,3}/\d{1,2}\s*[-~]\s*\d{1,3}/\d{1,2}$"

if TYPE_CHECKING:
    # To the type checker a field is just its value type; the validator, serializer and schema are pydantic's business.
    RocMonthField = RocMonth
    RocDayField = RocDay
    MonthRangeField = MonthRange
    DeadlineField = RocDay | RocMonth
    QuarterField = Quarter
else:
    RocMonthField = _roc_field(RocMonth, RocMonth.parse, "110/1", MONTH_PATTERN, "ROC month 民國年/月")
    RocDayField = _roc_field(RocDay, RocDay.parse, "113/6/30", DAY_PATTERN, "ROC day 民國年/月/日 (113/6/30, 113.6.30, 113年6月30日, 1130630)",
                             digits=True)
    MonthRangeField = _roc_field(MonthRange, MonthRange.parse, "110/1-111/12", RANGE_PATTERN, "ROC month range 起訖 (110/1-111/12)")
    DeadlineField = _roc_field(RocDay | RocMonth, parse_deadline, "110/12/31", r"^\d{1,3}/\d{1,2}(/\d{1,2})?$", "deadline 期限 (day or month)")
    QuarterField = _roc_field(Quarter, Quarter.parse, "113Q2", r"^\d{1,3}(Q[1-4]|年第[1-4]季)$", "ROC quarter 季 (113Q2)")

# An amount in 億元 as printed (54.7, 133.97): Decimal keeps the printed digits exact for the 表 3 sums. Its JSON
# Schema is ours, not the validator library's (whose pattern for Decimal strings changes between releases):
# the YAML files write amounts as plain numbers.
Amount = Annotated[Decimal, WithJsonSchema({"type": "number", "description": "億元, as printed"})]

"""ROC (民國) dates, months, month ranges and quarters: parsing, ordering and printing. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import total_ordering

from dateutil.relativedelta import relativedelta

ROC_EPOCH = 1911  # ROC year 1 is 1912; there is no ROC year 0.


class RocDateError(ValueError):
    """An ROC date that cannot be read. `kind` names what is wrong, for message catalogs."""

    def __init__(self, kind: str, value: str, detail: str) -> None:
        super().__init__(f"{value!r}: {detail}")
        self.kind = kind
        self.value = value
        self.detail = detail


def to_gregorian_year(roc_year: int) -> int:
    """ROC year → Gregorian year (113 → 2024)."""
    _check_year(roc_year, str(roc_year))
    return roc_year + ROC_EPOCH


def to_roc_year(gregorian_year: int) -> int:
    """Gregorian year → ROC year (2024 → 113); years before 1912 have no ROC year."""
    roc = gregorian_year - ROC_EPOCH
    _check_year(roc, str(gregorian_year))
    return roc


def _check_year(year: int, value: str) -> None:
    if year < 1:
        raise RocDateError("year", value, "ROC years start at 1 (1912); there is no year 0")


def _check_month(month: int, value: str) -> None:
    if not 1 <= month <= 12:
        raise RocDateError("month", value, f"month {month} is not between 1 and 12")


def last_day_of_month(year: int, month: int) -> int:
    """The number of the last day of an ROC month (113/2 → 29)."""
    first = dt.date(to_gregorian_year(year), month, 1)
    return (first + relativedelta(months=1, days=-1)).day


@total_ordering
@dataclass(frozen=True)
class RocMonth:
    """A calendar month in ROC years, printed `110/1`."""

    year: int
    month: int

    def __post_init__(self) -> None:
        _check_year(self.year, f"{self.year}/{self.month}")
        _check_month(self.month, f"{self.year}/{self.month}")

    _PATTERN = re.compile(r"^\s*(\d{1,3})\s*[/.]\s*(\d{1,2})\s*$")

    @classmethod
    def parse(cls, text: str) -> RocMonth:
        """Read `110/1` (also `110/01`, `110.1`)."""
        match = cls._PATTERN.match(text)
        if not match:
            raise RocDateError("format", text, "expected a month like 110/1")
        year, month = int(match[1]), int(match[2])
        _check_year(year, text)
        _check_month(month, text)
        return cls(year, month)

    @classmethod
    def from_date(cls, day: dt.date) -> RocMonth:
        return cls(to_roc_year(day.year), day.month)

    def __str__(self) -> str:
        return f"{self.year}/{self.month}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RocMonth):
            return NotImplemented
        return (self.year, self.month) < (other.year, other.month)

    @property
    def index(self) -> int:
        """Months since ROC 1/1, for arithmetic and ordering."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> RocMonth:
        return cls(index // 12, index % 12 + 1)

    def shift(self, months: int) -> RocMonth:
        return RocMonth.from_index(self.index + months)

    @property
    def first_day(self) -> dt.date:
        return dt.date(to_gregorian_year(self.year), self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(to_gregorian_year(self.year), self.month, last_day_of_month(self.year, self.month))

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.year, (self.month - 1) // 3 + 1)


@total_ordering
@dataclass(frozen=True)
class RocDay:
    """A day in ROC years, printed `110/12/31`."""

    year: int
    month: int
    day: int

    def __post_init__(self) -> None:
        value = f"{self.year}/{self.month}/{self.day}"
        _check_year(self.year, value)
        _check_month(self.month, value)
        last = last_day_of_month(self.year, self.month)
        if not 1 <= self.day <= last:
            raise RocDateError("day", value, f"{self.year}/{self.month} has days 1 to {last}, not {self.day}")

    _SEPARATED = re.compile(r"^(?:中華民國|民國)?\s*(\d{1,3})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$")
    _COMPACT = re.compile(r"^(\d{3})(\d{2})(\d{2})$")

    @classmethod
    def parse(cls, text: str) -> RocDay:
        """Read the forms official documents use: `113/6/30`, `113.6.30`, `113年6月30日`,
        `中華民國113年6月30日`, and the seven-digit `1130630`."""
        stripped = text.strip()
        match = cls._SEPARATED.match(stripped) or cls._COMPACT.match(stripped)
        if not match:
            raise RocDateError("format", text, "expected a day like 113/6/30, 113年6月30日 or 1130630")
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        _check_year(year, text)
        _check_month(month, text)
        try:
            return cls(year, month, day)
        except RocDateError as error:
            raise RocDateError(error.kind, text, error.detail) from None

    @classmethod
    def from_date(cls, day: dt.date) -> RocDay:
        return cls(to_roc_year(day.year), day.month, day.day)

    def to_date(self) -> dt.date:
        return dt.date(to_gregorian_year(self.year), self.month, self.day)

    def __str__(self) -> str:
        return f"{self.year}/{self.month}/{self.day}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RocDay):
            return NotImplemented
        return (self.year, self.month, self.day) < (other.year, other.month, other.day)

    @property
    def month_of(self) -> RocMonth:
        return RocMonth(self.year, self.month)


@dataclass(frozen=True)
class MonthRange:
    """An inclusive range of months, printed `110/1-111/12` (the plan also writes `110/1~111/12`)."""

    start: RocMonth
    end: RocMonth

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise RocDateError("inverted", str(self), f"ends ({self.end}) before it starts ({self.start})")

    _SEPARATOR = re.compile(r"\s*[-~～至]\s*")

    @classmethod
    def parse(cls, text: str) -> MonthRange:
        parts = cls._SEPARATOR.split(text.strip())
        if len(parts) != 2:
            raise RocDateError("format", text, "expected a month range like 110/1-111/12")
        start, end = RocMonth.parse(parts[0]), RocMonth.parse(parts[1])
        if end < start:
            raise RocDateError("inverted", text, f"ends ({end}) before it starts ({start})")
        return cls(start, end)

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"

    def __contains__(self, month: object) -> bool:
        return isinstance(month, RocMonth) and self.start <= month <= self.end

    def months(self) -> Iterator[RocMonth]:
        for index in range(self.start.index, self.end.index + 1):
            yield RocMonth.from_index(index)

    def overlaps(self, other: MonthRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def quarters(self) -> list[Quarter]:
        """Every quarter this range overlaps, in order."""
        first, last = self.start.quarter, self.end.quarter
        result = [first]
        while result[-1] < last:
            result.append(result[-1].next())
        return result

    @property
    def first_day(self) -> dt.date:
        return self.start.first_day

    @property
    def last_day(self) -> dt.date:
        return self.end.last_day


@total_ordering
@dataclass(frozen=True)
class Quarter:
    """A calendar quarter in ROC years, printed `113Q2` (113/4–113/6)."""

    year: int
    number: int

    def __post_init__(self) -> None:
        _check_year(self.year, f"{self.year}Q{self.number}")
        if not 1 <= self.number <= 4:
            raise RocDateError("quarter", f"{self.year}Q{self.number}", f"quarter {self.number} is not between 1 and 4")

    _PATTERN = re.compile(r"^\s*(?:民國)?(\d{1,3})\s*(?:[Qq]|年\s*第\s*)(\d+)\s*季?\s*$")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read `113Q2` or `113年第2季`."""
        match = cls._PATTERN.match(text)
        if not match:
            raise RocDateError("format", text, "expected a quarter like 113Q2 or 113年第2季")
        year, number = int(match[1]), int(match[2])
        _check_year(year, text)
        if not 1 <= number <= 4:
            raise RocDateError("quarter", text, f"quarter {number} is not between 1 and 4")
        return cls(year, number)

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return RocMonth.from_date(day).quarter

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def label_zh(self) -> str:
        return f"{self.year}年第{self.number}季"

    @property
    def index(self) -> int:
        """Quarters since the start of the ROC era, for distances between quarters."""
        return self.year * 4 + self.number - 1

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Quarter):
            return NotImplemented
        return (self.year, self.number) < (other.year, other.number)

    @property
    def months(self) -> MonthRange:
        first = RocMonth(self.year, self.number * 3 - 2)
        return MonthRange(first, first.shift(2))

    @property
    def first_day(self) -> dt.date:
        return self.months.first_day

    @property
    def last_day(self) -> dt.date:
        return self.months.last_day

    @property
    def last_roc_day(self) -> RocDay:
        return RocDay.from_date(self.last_day)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

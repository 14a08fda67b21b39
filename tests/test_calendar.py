"""The ROC calendar: parsing every form the documents use, printing, ordering, and clear errors."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sixcore.calendar import MonthRange, Quarter, RocDateError, RocDay, RocMonth, last_day_of_month, to_gregorian_year, to_roc_year

roc_months = st.builds(RocMonth, st.integers(1, 300), st.integers(1, 12))
gregorian_days = st.dates(min_value=dt.date(1912, 1, 1), max_value=dt.date(2200, 12, 31))
quarters = st.builds(Quarter, st.integers(1, 300), st.integers(1, 4))


def test_year_conversion():
    assert to_gregorian_year(113) == 2024
    assert to_roc_year(2021) == 110
    with pytest.raises(RocDateError, match="no year 0"):
        to_roc_year(1911)


@pytest.mark.parametrize(
    "text, expected",
    [("113/6/30", RocDay(113, 6, 30)), ("113.6.30", RocDay(113, 6, 30)), ("113年6月30日", RocDay(113, 6, 30)),
     ("中華民國113年6月30日", RocDay(113, 6, 30)), ("民國 113 年 6 月 30 日", RocDay(113, 6, 30)), ("1130630", RocDay(113, 6, 30)),
     ("110/12/31", RocDay(110, 12, 31))],
)
def test_day_forms(text, expected):
    assert RocDay.parse(text) == expected


@pytest.mark.parametrize(
    "text, kind",
    [("109/13", "month"), ("110/0", "month"), ("0/5", "year"), ("abc", "format"), ("110", "format")],
)
def test_bad_months(text, kind):
    with pytest.raises(RocDateError) as error:
        RocMonth.parse(text)
    assert error.value.kind == kind


def test_bad_day_names_what_is_wrong():
    with pytest.raises(RocDateError, match="110/2 has days 1 to 28, not 30") as error:
        RocDay.parse("110/2/30")
    assert error.value.kind == "day"
    assert RocDay.parse("113/2/29") == RocDay(113, 2, 29)  # 2024 is a leap year


def test_month_range_forms_and_inversion():
    assert MonthRange.parse("110/1-111/12") == MonthRange.parse("110/1~111/12") == MonthRange.parse("110/01 ~ 111/12")
    assert str(MonthRange.parse("110/1~111/12")) == "110/1-111/12"
    with pytest.raises(RocDateError, match="before it starts") as error:
        MonthRange.parse("111/1-110/12")
    assert error.value.kind == "inverted"
    with pytest.raises(RocDateError):
        MonthRange.parse("110/1")


def test_quarter_parse_print_and_days():
    quarter = Quarter.parse("113Q2")
    assert quarter == Quarter.parse("113年第2季") == Quarter.parse("113q2")
    assert (str(quarter), quarter.label_zh) == ("113Q2", "113年第2季")
    assert quarter.first_day == dt.date(2024, 4, 1) and quarter.last_day == dt.date(2024, 6, 30)
    assert str(quarter.last_roc_day) == "113/6/30"
    assert str(quarter.months) == "113/4-113/6"
    with pytest.raises(RocDateError) as error:
        Quarter.parse("113Q5")
    assert error.value.kind == "quarter"


def test_quarters_a_range_overlaps():
    assert [str(q) for q in MonthRange.parse("110/2-110/7").quarters()] == ["110Q1", "110Q2", "110Q3"]
    assert [str(q) for q in MonthRange.parse("110/12-111/1").quarters()] == ["110Q4", "111Q1"]


def test_last_day_of_month():
    assert [last_day_of_month(113, m) for m in (1, 2, 4, 12)] == [31, 29, 30, 31]
    assert last_day_of_month(112, 2) == 28


@given(roc_months)
def test_month_round_trip(month):
    assert RocMonth.parse(str(month)) == month
    assert RocMonth.from_index(month.index) == month
    assert RocMonth.from_date(month.first_day) == RocMonth.from_date(month.last_day) == month


@given(gregorian_days)
def test_day_round_trip_through_every_form(day):
    roc = RocDay.from_date(day)
    assert roc.to_date() == day
    forms = [str(roc), f"{roc.year}.{roc.month}.{roc.day}", f"{roc.year}年{roc.month}月{roc.day}日", f"中華民國{roc.year}年{roc.month}月{roc.day}日"]
    if roc.year >= 100:
        forms.append(f"{roc.year:03d}{roc.month:02d}{roc.day:02d}")
    assert {RocDay.parse(form) for form in forms} == {roc}


@given(gregorian_days, gregorian_days)
def test_day_order_matches_gregorian(a, b):
    assert (RocDay.from_date(a) < RocDay.from_date(b)) == (a < b)


@given(roc_months, roc_months)
def test_month_order_and_ranges(a, b):
    assert (a < b) == (a.first_day < b.first_day)
    start, end = min(a, b), max(a, b)
    span = MonthRange.parse(f"{start}-{end}")
    assert MonthRange.parse(str(span)) == span
    assert len(list(span.months())) == end.index - start.index + 1
    quarters_ = span.quarters()
    assert quarters_[0] == start.quarter and quarters_[-1] == end.quarter
    assert all(earlier.next() == later for earlier, later in pairwise(quarters_))


@given(quarters)
def test_quarter_round_trip_and_neighbours(quarter):
    assert Quarter.parse(str(quarter)) == Quarter.parse(quarter.label_zh) == quarter
    assert quarter.next().previous() == quarter
    assert quarter < quarter.next()
    assert Quarter.containing(quarter.first_day) == Quarter.containing(quarter.last_day) == quarter
    assert (quarter.next().first_day - quarter.last_day).days == 1

"""Date normalisation against a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.dates.normalize import relative_precision, resolve

WEDNESDAY = date(2022, 3, 9)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on Wednesday", "2022-03-09", None, "day"),
        ("Tuesday", "2022-03-08", None, "day"),
        ("Thursday", "2022-03-03", None, "day"),
        ("last Wednesday", "2022-03-02", None, "day"),
        ("Feb. 24", "2022-02-24", None, "day"),
        ("since Feb. 24", "2022-02-24", None, "day"),
        ("March 9, 2022", "2022-03-09", None, "day"),
        ("earlier this month", "2022-03-01", None, "month"),
        ("last year", "2021-01-01", None, "year"),
        ("in January", "2022-01-01", None, "month"),
        ("last month", "2022-02-01", None, "month"),
        ("yesterday", "2022-03-08", None, "day"),
        ("two days ago", "2022-03-07", None, "day"),
        ("mid-March", "2022-03-01", None, "month"),
        ("September 23 to 27", "2021-09-23", "2021-09-27", "range"),
        ("23-27 September", "2021-09-23", "2021-09-27", "range"),
        ("April 2 to 5", "2022-04-02", "2022-04-05", "range"),  # coming, within two months
        ("last week", "2022-02-28", "2022-03-06", "range"),
        ("the 1990s", "1990-01-01", "1999-12-31", "range"),
        ("from 2014 to 2016", "2014-01-01", "2016-12-31", "range"),
        ("2022", "2022-01-01", None, "year"),
    ],
)
def test_resolve(text, start, end, precision):
    found = resolve(text, WEDNESDAY)
    assert found is not None
    assert (*found.iso(), found.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text", ["seven months", "nearly seven months", "recent weeks", "the coming months", "24 hours"]
)
def test_durations_and_vague_spans_are_not_dates(text):
    assert resolve(text, WEDNESDAY) is None


def test_without_base_only_absolute_dates_resolve():
    assert resolve("on Wednesday", None) is None
    assert relative_precision("on Wednesday") == "day"
    assert resolve("October 2022", None).iso() == ("2022-10-01", None)
    assert relative_precision("October 2022") is None


@given(st.text(max_size=60), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_never_crashes(text, base):
    found = resolve(text, base)
    if found is not None and found.date_end is not None:
        assert found.date <= found.date_end


def test_deadlines_lie_ahead():
    assert resolve("by March", WEDNESDAY).iso() == ("2022-03-01", None)  # this very month
    assert resolve("by June", date(2023, 5, 17)).iso() == ("2023-06-01", None)
    assert resolve("by March", date(2023, 5, 17)).iso() == ("2024-03-01", None)


def test_fiscal_years():
    assert resolve("2024-25", WEDNESDAY).iso() == ("2024-01-01", "2025-12-31")
    assert resolve("2024-27", WEDNESDAY) is None

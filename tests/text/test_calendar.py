"""The one month and weekday table."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from rashomon.text.calendar import (
    MONTH,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    WEEKDAY_SHORT,
    month_number,
    weekday_number,
)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_written_month_and_weekday_reads_back(day):
    full = MONTH_NAMES[day.month - 1]
    short = full[:3]
    for written in (full, short, short + ".", full.upper()):
        assert month_number(written) == day.month
    assert re.fullmatch(MONTH, full)
    assert re.fullmatch(MONTH, short + ("" if short == "May" else "."))
    weekday = WEEKDAY_NAMES[day.weekday()]
    for written in (weekday, weekday[:3], weekday.upper()):
        assert weekday_number(written) == day.weekday()
        assert re.fullmatch(WEEKDAY_SHORT, written, re.IGNORECASE)


def test_abbreviations_take_a_dot_and_full_names_do_not():
    assert re.fullmatch(MONTH, "Dec.")
    assert re.fullmatch(MONTH, "Sept.")
    assert not re.fullmatch(MONTH, "March.")
    assert month_number("sept") == 9
    assert month_number("Smarch") is None
    assert weekday_number("Thurs") == 3

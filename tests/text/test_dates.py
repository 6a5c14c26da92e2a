"""The one dateparser, built once per settings shape."""

from __future__ import annotations

from datetime import date

from rashomon.text.dates import date_data, midnight, parser


def test_regression_one_parser_per_settings_shape_is_reused():
    # The date stage built a DateDataParser for every phrase it resolved.
    base = midnight(date(2022, 3, 9))
    first = parser(RELATIVE_BASE=base, PREFER_DATES_FROM="past")
    assert parser(PREFER_DATES_FROM="past", RELATIVE_BASE=base) is first
    assert parser(RELATIVE_BASE=midnight(date(2022, 3, 10)), PREFER_DATES_FROM="past") is not first


def test_relative_phrases_read_against_the_base():
    data = date_data("yesterday", RELATIVE_BASE=midnight(date(2022, 3, 9)))
    assert data is not None and data.date_obj is not None
    assert data.date_obj.date() == date(2022, 3, 8)


def test_unreadable_text_has_no_date():
    data = date_data("the calls were made", PREFER_DAY_OF_MONTH="first")
    assert data is None or data.date_obj is None

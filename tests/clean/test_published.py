"""Publication dates: sources in order, the fetch-time ceiling, inference from text."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.clean.published import (
    FULL_DATE_RE,
    date_from_datelines,
    date_from_text,
    date_from_url,
    format_published,
    infer_published,
    parse_date,
    yearless_dates,
)

FETCHED = datetime(2024, 6, 1)


def test_given_date_wins_with_provenance_given() -> None:
    found = infer_published(given="2022-03-09T10:00:00Z", fetched_at=FETCHED)
    assert (found.date, found.source, found.precision) == ("2022-03-09", "given", "day")


def test_future_metadata_falls_through_to_the_url() -> None:
    found = infer_published(
        meta="2030-01-01", url="https://example.com/2022/03/09/story", fetched_at=FETCHED
    )
    assert (found.date, found.source) == ("2022-03-09", "url")


def test_url_dates() -> None:
    assert date_from_url("https://venturebeat.com/2019/11/18/story/") == (date(2019, 11, 18), "day")
    assert date_from_url("https://www.vox.com/x/2019/11/8/20948348/y") == (date(2019, 11, 8), "day")
    assert date_from_url("https://example.com/2019/11/story") == (date(2019, 11, 1), "month")
    assert date_from_url("https://www.polygraph.info/a/30279001.html") is None


def test_dateline_date() -> None:
    found = infer_published(
        datelines=["Published Monday, November 18, 2019 8:22AM EST"], fetched_at=FETCHED
    )
    assert (found.date, found.source, found.precision) == ("2019-11-18", "text", "day")


def test_weekday_matching_the_latest_date_gives_the_day() -> None:
    text = "A photo taken March 9, 2022. (Reuters Photo)\nBlinken said on Wednesday that he would."
    found = date_from_text(text, FETCHED.date())
    assert (found.date, found.precision) == ("2022-03-09", "day")


def test_weekday_not_matching_gives_only_the_month() -> None:
    found = date_from_text(
        "On March 9, 2022 the talks stalled. He spoke on Friday.", FETCHED.date()
    )
    assert (found.date, found.precision) == ("2022-03-01", "month")
    assert found.confidence < 0.5


def test_bare_month_after_an_explicit_one_moves_the_year() -> None:
    text = (
        "Zelensky signed a decree in October 2022. According to TASS figures in January, aid grew."
    )
    found = date_from_text(text, FETCHED.date())
    assert (found.date, found.precision) == ("2023-01-01", "year")


def test_future_bare_month_is_ignored() -> None:
    text = "Zelensky signed a decree in October 2022. Talks will resume in January."
    assert date_from_text(text, FETCHED.date()).precision == "year"
    assert date_from_text(text, FETCHED.date()).date == "2022-01-01"


def test_no_year_no_date() -> None:
    found = date_from_text(
        "Blinken told CBS News on Dec. 4 that he said so on Sunday.", FETCHED.date()
    )
    assert found.source == "none" and found.date is None


def test_may_the_verb_is_not_a_month() -> None:
    assert date_from_text("He may go in 2022 or may not.", FETCHED.date()).date is None


def test_parse_date_precisions() -> None:
    assert parse_date("2022") == (date(2022, 1, 1), "year")
    assert parse_date("2022-03") == (date(2022, 3, 1), "month")
    assert parse_date("9 Mar 2022") == (date(2022, 3, 9), "day")
    assert parse_date("not a date") is None
    assert parse_date("2019-13-45") is None


@given(
    text=st.text(max_size=300),
    years=st.lists(st.integers(1990, 2040), max_size=3),
    fetched=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31)),
)
def test_never_after_the_fetch_time(text: str, years: list[int], fetched: datetime) -> None:
    mentions = " ".join(f"on March 9, {y} and in October {y}, and in January" for y in years)
    found = infer_published(
        meta=f"{years[0]}-05-05" if years else None,
        url=f"https://x.org/{years[-1]}/02/03/a" if years else None,
        text=f"{text} {mentions} on Wednesday",
        fetched_at=fetched,
    )
    if found.date is not None:
        assert date.fromisoformat(found.date) <= fetched.date()


def test_regression_header_today_date_is_not_the_publication_date() -> None:
    lines = ["Thursday, November 9, 2023", "Oct 10, 2023"]
    found = infer_published(datelines=lines, fetched_at=datetime(2024, 1, 1))
    assert (found.date, found.precision) == ("2023-10-10", "day")
    # A first stamp later than a teaser's date further down is the article's own.
    stamped = ["Aug 17, 2020 at 5:00 AM", "Aug 15, 2020"]
    assert date_from_datelines(stamped, date(2024, 1, 1)) == date(2020, 8, 17)
    assert date_from_datelines(["Today is Monday, 3 June 2024"], date(2024, 6, 3)) == date(
        2024, 6, 3
    )


def test_stamped_dates_in_text_any_case_and_glued() -> None:
    found = infer_published(
        text="John Plunkett. Updated November 3rd, 2023\nShare", fetched_at=FETCHED
    )
    assert (found.date, found.precision) == ("2023-11-03", "day")
    assert date_from_datelines(["Yahoo News Australia28 October 2020"], date(2024, 1, 1)) == date(
        2020, 10, 28
    )
    assert date_from_datelines(["22:30, 9 MAY 2020"], date(2024, 1, 1)) == date(2020, 5, 9)


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        ("2022-03-09", "day", "9 March 2022"),
        ("2023-01-01", "month", "January 2023"),
        ("2023-01-01", "year", "2023"),
        (None, None, "undated"),
    ],
)
def test_regression_month_precision_is_never_shown_as_its_first_day(
    value: str | None, precision: str | None, shown: str
) -> None:
    assert format_published(value, precision) == shown


def test_dates_without_a_year_are_placed_by_the_articles_own_years() -> None:
    found = date_from_text(
        "In its 2022 budget. He spoke on Wednesday, Dec. 7, in Kyiv.", FETCHED.date()
    )
    assert (found.date, found.precision, found.source) == ("2022-12-07", "day", "text")
    assert found.confidence < 0.6
    bound = date_from_text(
        "Its 2022 budget. Blinken told CBS News on Dec. 4 that …", FETCHED.date()
    )
    assert (bound.date, bound.precision) == ("2022-12-01", "month")
    # No year anywhere: nothing is guessed; a future date bounds nothing.
    assert date_from_text("He spoke on Dec. 4.", FETCHED.date()).date is None
    assert (
        yearless_dates(
            "In 2022. They will meet on May 3.",
            (date(2022, 1, 1), date(2022, 12, 31)),
            FETCHED.date(),
        )
        == []
    )


def test_yearless_dates_take_the_year_nearest_the_story() -> None:
    span = (date(2022, 3, 9), date(2023, 1, 1))
    found = yearless_dates(
        "Talks ended on Dec. 4 and resumed 23 September.", span, date(2026, 1, 1)
    )
    assert found == [date(2022, 12, 4), date(2022, 9, 23)]
    story = date_from_text(
        "He told CBS News on Dec. 4.", date(2026, 1, 1), span=span, source="story"
    )
    assert (story.date, story.precision, story.source) == ("2022-12-01", "month", "story")


def test_a_page_fetched_from_the_web_places_a_yearless_date_before_the_fetch() -> None:
    text = "Blinken told CBS News on Dec. 4 that talks were off."
    web = infer_published(text=text, fetched_at=datetime(2023, 2, 1), fetched_from_web=True)
    assert (web.date, web.precision, web.source) == ("2022-12-01", "month", "fetch")
    # A file's time says nothing about when it was published: no year is guessed.
    assert infer_published(text=text, fetched_at=datetime(2023, 2, 1)).date is None


# The full-date pattern before its first character was checked up front: the oracle
# that the check only skips positions where no date can start.
OLD_FULL_DATE_RE = re.compile(
    r"(?<!\d)(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)",
    re.IGNORECASE,
)
DATE_PIECES = st.sampled_from(
    ["Jan", "january", "SEPT.", "\u017fep", "May", "9", "09", "2022", "1999", "-", "03", " "]
    + [",", "th", "of", "x", "Ma", "5th", "12", "\u0669"]
)


@given(st.lists(DATE_PIECES, max_size=10))
def test_full_dates_found_where_they_were_before_the_first_letter_check(pieces):
    text = "".join(pieces)
    found = [m.span() for m in FULL_DATE_RE.finditer(text)]
    assert found == [m.span() for m in OLD_FULL_DATE_RE.finditer(text)]

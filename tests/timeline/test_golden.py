"""Dates and timeline events of the sample articles."""

from __future__ import annotations


def refs(samples, key):
    return {(d.text, d.date, d.date_end, d.precision) for d in samples[key].dates}


def test_first_article_dates(samples):
    found = refs(samples, "000")
    assert ("March 9, 2022", "2022-03-09", None, "day") in found
    assert ("Wednesday", "2022-03-09", None, "day") in found  # published that Wednesday
    assert ("Feb. 24", "2022-02-24", None, "day") in found


def test_yearless_dates_take_the_nearest_past_year(samples):
    found = refs(samples, "002")
    assert ("Dec. 4", "2022-12-04", None, "day") in found
    assert ("December 1", "2022-12-01", None, "day") in found
    assert ("last month", "2022-11-01", None, "month") in found
    assert ("February", "2022-02-01", None, "month") in refs(samples, "001")


def test_range_survives_a_missing_space(samples):
    (ref,) = samples["003"].dates
    assert ref.text == "from September 23 to 27"
    assert (ref.date, ref.date_end, ref.precision) == (None, None, "range")


def test_without_publication_day_only_absolute_dates_resolve(samples):
    found = {d.text: d for d in samples["004"].dates}
    assert found["October 2022"].date == "2022-10-01" and found["October 2022"].precision == "month"
    assert found["February 2022"].date == "2022-02-01"
    assert (
        found["earlier this month"].date is None
        and found["earlier this month"].precision == "month"
    )
    assert found["Friday"].date is None and found["Friday"].precision == "day"


def test_no_durations_or_vague_spans(samples):
    texts = {d.text for a in samples.values() for d in a.dates}
    assert not texts & {
        "seven months",
        "nearly seven months",
        "eight months",
        "recent weeks",
        "the coming months",
    }


def test_timeline_events(samples):
    events = {(e.date, e.kind) for e in samples["002"].timeline}
    assert ("2022-12-01", "happening") in events  # "On December 1, Biden indicated …"
    assert ("2022-12-03", "statement") in events  # "Haynes … said on December 3"
    assert ("2022-12-04", "statement") in events  # "Blinken told CBS News on Dec. 4"
    sentence = next(e for e in samples["002"].timeline if e.date == "2022-12-01")
    assert sentence.text.startswith("On December 1, President Joe Biden indicated")
    text = samples["002"].article.text
    assert text[sentence.start : sentence.end].strip() == sentence.text


def test_year_alone_is_no_event(samples):
    assert all(e.precision != "year" for e in samples["004"].timeline)

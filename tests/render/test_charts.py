"""Lane charts: bars counting items per day, week or month; undated items counted, not lost."""

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from rashomon.render.charts import lane_chart, parse_day, scale_for, ticks


def test_bars_count_items_per_day_and_labels_are_escaped():
    svg = str(
        lane_chart(
            "t",
            {
                "<b>A</b>": [("2024-01-01", "x"), ("2024-01-01", "y"), ("2024-01-03", "z")],
                "B": [("2024-01-02", "<script>")],
            },
            noun="article",
        )
    )
    assert svg.count("<rect") == 3  # A: two on the 1st as one bar, one on the 3rd; B: one
    counts = re.findall(r'class="count">(\d+)</text>', svg)
    assert sorted(counts) == ["1", "1", "2"]
    assert "<b>" not in svg and "&lt;b&gt;A&lt;/b&gt; · 3 articles" in svg and "<script>" not in svg
    assert "Articles per day" in svg


def test_regression_undated_items_vanished_from_the_chart():
    svg = str(lane_chart("t", {"A": [("2024-01-01", "x"), (None, "y")], "B": [(None, "z")]}))
    assert "A · 1 item · 1 undated" in svg
    assert "B · 0 items · 1 undated" in svg  # a lane with nothing dated is still drawn
    assert "undated: 2" in svg


def test_no_dated_items_says_so_with_the_undated_count():
    said = str(lane_chart("Events", {"A": [(None, "x")]}, noun="event"))
    assert "no dated events" in said and "1 event, all undated" in said


def test_scale_follows_the_span():
    start = date(2022, 3, 1)
    assert scale_for(start, start + timedelta(days=20)).unit == "day"
    assert scale_for(start, start + timedelta(days=120)).unit == "week"
    assert scale_for(start, start + timedelta(days=700)).unit == "month"


def test_regression_ticks_fell_on_odd_dates_now_on_bar_starts():
    start = date(2022, 3, 9)
    scale = scale_for(start, date(2022, 12, 5))
    bins = scale.bins(start, date(2022, 12, 5))
    assert all(b.weekday() == 0 for b in bins)  # weeks start on Mondays
    marks = ticks(bins, scale.unit)
    assert len(marks) <= 5 and marks[0][1:] == ("7 Mar", "2022") and marks[1][2] == ""
    months = scale_for(start, date(2024, 1, 5))
    marks = ticks(months.bins(start, date(2024, 1, 5)), "month")
    assert [m[1:] for m in marks] == [
        ("Mar", "2022"),
        ("Aug", ""),
        ("Jan", "2023"),  # the year again where it changes
        ("Jun", ""),
        ("Nov", ""),
    ]


def test_partial_dates_parse_to_their_first_day():
    assert str(parse_day("2022-10")) == "2022-10-01"
    assert parse_day("sometime") is None


@given(st.text(max_size=30))
def test_parse_day_never_raises(value):
    parsed = parse_day(value)
    assert parsed is None or isinstance(parsed, date)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_parse_day_reads_iso_days_exactly(day):
    assert parse_day(day.isoformat()) == day
    assert parse_day(day.isoformat() + "T12:00:00Z") == day


@given(
    st.lists(
        st.tuples(st.sampled_from("ABC"), st.dates(date(2000, 1, 1), date(2030, 1, 1))),
        min_size=1,
        max_size=40,
    )
)
def test_every_dated_item_is_counted_once(items):
    lanes: dict = {}
    for lane, day in items:
        lanes.setdefault(lane, []).append((day.isoformat(), "x"))
    svg = str(lane_chart("t", lanes))
    totals = [int(n) for n in re.findall(r" · (\d+) items?", svg)]
    assert sum(totals) == len(items)

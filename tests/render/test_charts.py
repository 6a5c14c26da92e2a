"""Lane charts: a dot per dated item, labels escaped, undated items left out."""

from rashomon.render.charts import lane_chart, parse_day


def test_dots_per_dated_item_and_escaped_labels():
    svg = str(
        lane_chart(
            "t",
            {
                "<b>A</b>": [("2024-01-01", "x"), ("2024-02", "y"), (None, "z")],
                "B": [("2024", "<script>")],
            },
        )
    )
    assert svg.count("<circle") == 3
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "<script>" not in svg


def test_no_dated_items_says_so():
    assert "no dated items" in str(lane_chart("Events", {"A": [(None, "x")]}))


def test_partial_dates_parse_to_their_first_day():
    assert str(parse_day("2022-10")) == "2022-10-01"
    assert parse_day("sometime") is None

"""Figures as evidence of another edition: the same counted thing at another value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.stories.editions import MAX_ARTICLE_FIGURES, FigureBook, differs, figure_keys


def row(counts: str | None, value: float, text: str, unit: str | None = None, **extra) -> dict:
    found = {"counts": counts, "value": value, "value_max": None, "qualifier": None}
    return found | {"text": text, "unit": unit} | extra


def book(*rows: dict) -> FigureBook:
    found = FigureBook()
    found.add(figure_keys(rows))
    return found


CLAIMS = row("new claims for unemployment benefits", 231_000, "231,000")


def test_figure_keys_skip_figures_that_count_nothing_and_keep_each_once():
    keys = figure_keys([CLAIMS, row(None, 3, "three"), CLAIMS, row("the", 5, "five")])
    assert len(keys) == 1
    unit, counted, low, high, value = keys[0]
    assert (unit, value) == ("", 231_000)
    assert counted == {"new", "claim", "unemployment", "benefit"}
    assert low < 231_000 < high  # the rounding a written figure allows


def test_figure_keys_keep_the_first_figures_of_a_long_text():
    rows = [row(f"claims filed in state {n}", n, str(n)) for n in range(100, 200)]
    assert [k[4] for k in figure_keys(rows)] == list(range(100, 100 + MAX_ARTICLE_FIGURES))


def test_another_value_for_the_same_counted_thing_is_another_edition():
    next_week = row("Americans filing new claims for unemployment benefits", 214_000, "214,000")
    assert differs(figure_keys([next_week]), book(CLAIMS))


def test_the_same_value_is_the_same_report_whatever_it_is_said_to_count():
    same = row("applications for jobless aid", 231_000, "231,000")
    other = row("new claims for unemployment benefits", 214_000, "214,000")
    assert not differs(figure_keys([other, same]), book(CLAIMS))


def test_a_rounded_or_bounded_value_that_meets_the_events_is_the_same_report():
    assert not differs(
        figure_keys([row("new unemployment claims", 230_000, "about 230,000", qualifier="about")]),
        book(CLAIMS),
    )
    assert not differs(
        figure_keys([row("new claims for unemployment benefits", 0.23e6, "0.23 million")]),
        book(CLAIMS),
    )


def test_a_figure_meeting_one_of_the_events_on_a_shared_word_outweighs_a_different_one():
    # "Americans who died" a day and in all: a total that matches says the same report
    event = book(row("Americans who died", 1_400, "1,400"), row("Americans", 100_000, "100,000"))
    total = row("Americans who died from the disease", 100_000, "more than 100,000")
    assert not differs(figure_keys([total]), event)


def test_other_things_counted_or_no_figures_are_no_evidence():
    assert not differs(figure_keys([row("troops deployed", 5_000, "5,000")]), book(CLAIMS))
    assert not differs((), book(CLAIMS))
    assert not differs(figure_keys([CLAIMS]), FigureBook())
    assert not differs(figure_keys([CLAIMS]), None)


def test_another_unit_is_another_thing():
    rate = row("unemployment rate", 3.9, "3.9%", unit="%")
    assert not differs(figure_keys([row("unemployment rate", 3.6, "3.6")]), book(rate))
    assert differs(figure_keys([row("unemployment rate", 3.6, "3.6%", unit="%")]), book(rate))


counted = st.sampled_from(["jobs added", "jobs lost", "people killed", "claims filed", "votes"])
figure_rows = st.lists(
    st.builds(lambda c, v: row(c, v, f"{v:,}"), counted, st.integers(1, 10**6)), max_size=6
)


@given(st.lists(figure_rows, min_size=1, max_size=6), st.data())
def test_a_book_after_removals_and_unions_is_the_book_of_what_is_left(members, data):
    keys = [figure_keys(rows) for rows in members]
    gone = data.draw(st.sets(st.integers(0, len(keys) - 1)))
    split = data.draw(st.integers(0, len(keys)))
    first, second = FigureBook(), FigureBook()
    for i, article in enumerate(keys):
        (first if i < split else second).add(article)
    first.absorb(second)
    for i in gone:
        first.remove(keys[i])
    rest_keys = FigureBook()
    for i, article in enumerate(keys):
        if i not in gone:
            rest_keys.add(article)
    assert (first.counts, first.index, first.values) == (
        rest_keys.counts,
        rest_keys.index,
        rest_keys.values,
    )


def test_a_thing_the_event_counts_at_several_values_is_no_evidence():
    # "votes": 60 to end a filibuster and 51 to confirm, in one report; a second report's
    # 41 votes against is not another edition of either
    event = book(row("votes", 60, "60"), row("votes", 51, "51"))
    assert not differs(figure_keys([row("votes", 41, "41")]), event)
    assert differs(figure_keys([row("votes", 41, "41")]), book(row("votes", 60, "60")))

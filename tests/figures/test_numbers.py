"""The number parser: words, scales, currencies, ranges, qualifiers; never crashes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.figures.numbers import find_quantities, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("2.1 million", 2_100_000),
        ("3.5bn", 3_500_000_000),
        ("twenty-five thousand", 25_000),
        ("a dozen", 12),
        ("half a million", 500_000),
        ("two hundred and fifty", 250),
        ("150.8 billion", 150_800_000_000),
        ("seven", 7),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "qualifier"),
    [
        ("more than $31.7 billion", 31.7e9, None, "USD", "more than"),
        ("around $48.5 billion", 48.5e9, None, "USD", "around"),
        ("€3bn", 3e9, None, "EUR", None),
        ("£500,000", 500_000, None, "GBP", None),
        ("USD 4 million", 4e6, None, "USD", None),
        ("5 million euros", 5e6, None, "EUR", None),
        ("between 5 and 10 per cent", 5, 10, "%", None),
        ("10%-15%", 10, 15, "%", None),
        ("2-3 million", 2e6, 3e6, None, None),
        ("200,000 to 3 million", 200_000, 3e6, None, None),
        ("3.5 percentage points", 3.5, None, "pp", None),
        ("474 or more", 474, None, None, "at least"),
        ("100 km", 100, None, "km", None),
        ("nearly 2 million", 2e6, None, None, "nearly"),
        ("up to 300 tonnes", 300, None, "t", "up to"),
    ],
)
def test_parse_quantity(text, value, value_max, unit, qualifier):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.value_max, q.unit, q.qualifier) == (value, value_max, unit, qualifier)


def test_vague_plurals_are_lower_bounds():
    (q,) = find_quantities("tens of thousands of troops")
    assert (q.text, q.value, q.qualifier) == ("tens of thousands", 20_000, "at least")


@pytest.mark.parametrize(
    "text", ["2nd lab module", "World War II", "Su-25 jets", "COVID-19", "a 20-year-old man"]
)
def test_not_quantities(text):
    assert find_quantities(text) == []


@given(st.text(max_size=200))
def test_never_crashes(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.value >= 0 and (q.value_max is None or q.value_max >= q.value)


WORDS = st.sampled_from(
    ["one", "two", "three", "twenty", "forty-two", "ninety-nine", "a", "half a"]
)
SCALES = st.sampled_from(["", " hundred", " thousand", " million", " billion", "bn", "m", "k"])


@given(WORDS, SCALES, st.sampled_from(["", "$", "€"]), st.sampled_from(["", " and", " to"]))
def test_words_and_scales_never_crash(word, scale, currency, joiner):
    text = f"{currency}{word}{scale}{joiner} 5 percent of them"
    for q in find_quantities(text):
        assert q.value >= 0


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_with_thousands_separators(n):
    assert parse_number(f"{n:,}") == n
    assert parse_quantity(f"${n:,}").value == n


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from([(" million", 10**6), ("bn", 10**9), (" thousand", 10**3)]),
)
def test_decimals_with_scales_round_trip(tenths, scale):
    word, factor = scale
    text = f"{tenths / 10:g}{word}"
    q = parse_quantity(text)
    assert q is not None and round(q.value) == round(tenths * factor / 10)

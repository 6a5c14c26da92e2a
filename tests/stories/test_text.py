"""Words, shingles and TF-IDF weights: the features every story decision rests on."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from rashomon.stories.text import name_words, shingles, term_counts, tfidf, words


@given(st.text(max_size=400), st.integers(min_value=1, max_value=5))
def test_shingles_are_runs_of_at_most_size_words(text, size):
    grams = shingles(text, size)
    tokens = words(text)
    assert all(len(g.split(" ")) <= size for g in grams)
    assert len(grams) <= max(len(tokens) - size + 1, 1)
    assert bool(grams) == bool(tokens)


@given(st.dictionaries(st.sampled_from("abcdefghij"), st.integers(1, 9), min_size=1))
def test_tfidf_is_unit_length_before_the_cut(counts):
    df = {t: 1 for t in counts}
    full = tfidf(Counter(counts), df, documents=10, keep=100)
    assert math.isclose(sum(w * w for w in full.values()), 1.0, rel_tol=1e-9)
    cut = tfidf(Counter(counts), df, documents=10, keep=2)
    assert len(cut) <= 2 and all(math.isclose(cut[t], full[t]) for t in cut)


def test_title_words_count_double_and_stop_words_go():
    counts = term_counts("Blinken visits Kyiv", "The minister visits Kyiv.", title_weight=2)
    assert counts["blinken"] == 2 and counts["kyiv"] == 3 and "the" not in counts


def test_name_words_skip_sentence_starts_and_weekdays():
    found = name_words("Officials met on Monday. Blinken spoke with Truss in Washington.")
    assert set(found) == {"truss", "washington"}

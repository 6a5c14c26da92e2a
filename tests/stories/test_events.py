"""The time penalty's decay and the window it implies; online average-link merging."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.stories.clusters import ArticleFeatures, cluster_similarity
from rashomon.stories.events import EventIndex, EventParams


def params(exponent: float, penalty: float = 0.15, free: int = 0) -> EventParams:
    return EventParams(
        threshold=0.2,
        embedding_weight=0.3,
        day_penalty=penalty,
        day_exponent=exponent,
        free_days=free,
        named_day_cost=1.0,
        undated_penalty=0.05,
        merge_threshold=0.25,
        max_active=10,
    )


def test_linear_decay_costs_the_day_penalty_a_day():
    assert params(1.0).time_penalty(3) == pytest.approx(0.45)
    assert params(1.0).time_penalty(None) == 0.05


def test_a_slower_decay_costs_the_first_day_in_full_and_later_days_less():
    slow = params(0.5)
    assert slow.time_penalty(1) == pytest.approx(0.15)
    assert slow.time_penalty(4) == pytest.approx(0.30)


@pytest.mark.parametrize("exponent", [0.5, 0.75, 1.0])
@pytest.mark.parametrize("free", [0, 1])
def test_window_is_the_last_gap_a_perfect_match_can_still_join_across(exponent, free):
    p = params(exponent, free=free)
    assert 1 - p.time_penalty(p.window_days) >= p.threshold
    assert 1 - p.time_penalty(p.window_days + 1) < p.threshold


def _article(seq: int, terms: dict[str, float]) -> ArticleFeatures:
    norm = math.sqrt(sum(w * w for w in terms.values()))
    unit = {t: w / norm for t, w in terms.items()}
    return ArticleFeatures(f"a{seq}", seq, 1, np.zeros(2), unit, Counter())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.dictionaries(st.sampled_from("abcdef"), st.floats(0.1, 1.0), min_size=1, max_size=3),
        min_size=2,
        max_size=14,
    )
)
def test_no_two_open_events_stay_as_close_as_the_merge_threshold(articles):
    """Online average link: after every article, no pair of open events (same day, terms
    only) has an average-link similarity at the merge threshold; the bridge check that
    only followed the arriving article's own best scores left such pairs apart."""
    p = replace(params(1.0), embedding_weight=0.0, max_active=100)
    index = EventIndex(p, 1, lambda _: None)
    for seq, terms in enumerate(articles):
        index.assign(_article(seq, terms), lambda _: None)
        events = list(index.events.values())
        for i, a in enumerate(events):
            for b in events[i + 1 :]:
                assert cluster_similarity(a, b, 0.0) < p.merge_threshold

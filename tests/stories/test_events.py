"""The time penalty's decay and the window it implies."""

from __future__ import annotations

import pytest

from rashomon.stories.events import EventParams


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

"""The stories benchmark's done-when measure: the stage's smallest lead over the baselines."""

from __future__ import annotations

import pytest
from tests.benchmarks.conftest import benchmark_module


@pytest.fixture(scope="module")
def stories():
    with benchmark_module("stories") as module:
        yield module


def scores(pairwise: float, bcubed: float) -> dict:
    return {"pairwise_f1": pairwise, "bcubed_f1": bcubed, "one_event": 1.0}


def result(**sets: tuple[float, float]) -> dict:
    return {name: {"events": scores(*f), "storylines": scores(*f)} for name, f in sets.items()}


def test_margin_is_the_smallest_lead_over_the_better_baseline_on_any_set(stories):
    stage = result(allsides=(0.85, 0.93), basil=(1.0, 1.0))
    online = result(allsides=(0.82, 0.91), basil=(0.94, 0.96))
    agglomerative = result(allsides=(0.62, 0.80), basil=(0.99, 0.995))
    assert stories.margin(stage, [online, agglomerative]) == pytest.approx(0.005)


def test_a_baseline_ahead_on_one_measure_of_one_set_makes_the_margin_negative(stories):
    stage = result(allsides=(0.88, 0.95), neus=(0.79, 0.92))
    agglomerative = result(allsides=(0.6, 0.8), neus=(0.85, 0.91))
    assert stories.margin(stage, [agglomerative]) == pytest.approx(-0.06)


def test_the_stream_is_measured_on_its_storylines(stories):
    stage = {"stream": {"events": scores(0.5, 0.6), "storylines": scores(0.99, 0.99)}}
    agglomerative = result(stream=(0.9, 0.93))
    assert stories.margin(stage, [agglomerative]) == pytest.approx(0.06)

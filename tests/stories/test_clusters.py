"""Gaps between an article and a cluster's span: its publication day and the days it names."""

from __future__ import annotations

from collections import Counter

import numpy as np

from rashomon.stories.clusters import ArticleFeatures, Cluster


def article(day: int | None, mentioned: tuple[int, ...] = ()) -> ArticleFeatures:
    return ArticleFeatures("a", 0, day, np.ones(2), {"t": 1.0}, Counter(), mentioned=mentioned)


def span(first: int, last: int) -> Cluster:
    return Cluster("e1", 1, first, last, np.ones(2), {"t": 1.0})


def test_a_named_day_inside_the_span_bridges_a_late_report_at_its_cost():
    assert span(100, 101).gap_of(article(104), 1.0) == 3
    assert span(100, 101).gap_of(article(104, (100,)), 1.0) == 1
    assert span(100, 101).gap_of(article(104, (100,)), 0.5) == 0.5


def test_regression_next_day_article_naming_yesterday_is_no_nearer():
    # The next day's development names the day before as background: with the named day
    # costing a day, it is exactly as far as its own date says, never same-day.
    assert span(100, 100).gap_of(article(101, (100,)), 1.0) == 1


def test_an_undated_article_is_as_near_as_the_days_it_names():
    assert span(100, 100).gap_of(article(None), 1.0) is None
    assert span(100, 100).gap_of(article(None, (97, 130)), 1.0) == 4


def test_an_undated_cluster_gives_no_gap():
    undated = Cluster("e2", 1, None, None, np.ones(2), {"t": 1.0})
    assert undated.gap_of(article(100, (99,)), 1.0) is None

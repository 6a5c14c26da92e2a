"""Grouping by complete linkage: a chain of loose neighbours never becomes one point."""

from __future__ import annotations

from rashomon.compare.align import group
from rashomon.compare.units import Unit


def unit(article: str, text: str = "t") -> Unit:
    return Unit(article, article.upper(), None, 0, len(text), text, 0)


def test_regression_a_chain_of_neighbours_is_not_one_point():
    units = [unit("a"), unit("b"), unit("c")]
    # a~b strongly, b~c loosely, a and c not at all: a transitive grouping would make
    # one point of three statements.
    groups = group(units, {(0, 1): 0.9, (1, 2): 0.5})
    assert groups == [[0, 1], [2]]


def test_units_matching_every_member_join_the_point():
    units = [unit("a"), unit("b"), unit("c")]
    assert group(units, {(0, 1): 0.9, (1, 2): 0.5, (0, 2): 0.6}) == [[0, 1, 2]]


def test_two_units_of_one_article_may_carry_the_same_point():
    # b splits into two sentences what a says in one (many-to-many).
    units = [unit("a"), unit("b"), unit("b")]
    assert group(units, {(0, 1): 0.8, (0, 2): 0.7}) == [[0, 1, 2]]


def test_regression_one_sentence_does_not_gather_an_articles_loose_sentences():
    # b's two sentences each match a's one sentence but not each other (the sample
    # storyline: one outlet's sentence drew four unrelated Press TV sentences).
    units = [unit("a"), unit("b"), unit("b")]
    edges = {(0, 1): 0.8, (0, 2): 0.7}
    assert group(units, edges, close=lambda i, j: False) == [[0, 1], [2]]

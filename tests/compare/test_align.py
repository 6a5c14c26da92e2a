"""Grouping by complete linkage: a chain of loose neighbours never becomes one point."""

from __future__ import annotations

from dataclasses import replace

from rashomon.compare.align import group, matches, similarity
from rashomon.compare.units import Unit, make_units
from rashomon.model import ArticleText


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


def lead_units(first: str, second: str, extra: str | None = None) -> list[Unit]:
    texts = [("a", first, 0), ("b", second, 0)] + ([("b", extra, 1)] if extra else [])
    return [
        Unit(a, a.upper(), None, 0, len(t), t, pos, actors=frozenset({"Bolton"}))
        for a, t, pos in texts
    ]


def test_leads_that_are_each_others_best_match_and_share_a_name_match_below_threshold():
    units = lead_units(
        "President Trump named John Bolton as his national security adviser on Thursday.",
        "Bolton, a hawk who served at the United Nations, takes over the White House post.",
    )
    sim = similarity(units, 0.3)
    score = sim.score(0, 1)
    assert not matches(units, sim, score + 0.01)  # the ordinary threshold alone: apart
    assert list(matches(units, sim, score + 0.01, mutual_floor=score - 0.01)) == [(0, 1)]


def test_regression_the_lead_rule_needs_a_shared_name_or_number():
    units = lead_units(
        "President Trump named John Bolton as his national security adviser on Thursday.",
        "The White House announced a change of staff in its foreign policy team.",
    )
    units = [replace(u, actors=frozenset()) for u in units]
    sim = similarity(units, 0.3)
    assert not matches(units, sim, 0.99, mutual_floor=-1.0)


def test_regression_the_lead_rule_leaves_out_sentences_past_the_lead():
    units = lead_units(
        "President Trump named John Bolton as his national security adviser on Thursday.",
        "Bolton, a hawk who served at the United Nations, takes over the White House post.",
    )
    units[1] = replace(units[1], position=5)
    sim = similarity(units, 0.3)
    assert not matches(units, sim, 0.99, mutual_floor=-1.0, lead=2)
    assert matches(units, sim, 0.99, mutual_floor=-1.0, lead=6)


def test_regression_leads_stating_different_figures_do_not_match_by_the_lead_rule():
    # Two figures of one jobs report are two statements, however alike the sentences.
    units = lead_units(
        "Restaurants and bars cut 372,000 jobs last month, the Labor Department said.",
        "Some 787,000 people applied for unemployment last week, the Labor Department said.",
    )
    units = [
        replace(u, actors=frozenset({"Labor Department"}), numbers=frozenset({n}))
        for u, n in zip(units, ("372000", "787000"), strict=True)
    ]
    sim = similarity(units, 0.3)
    assert not matches(units, sim, 0.99, mutual_floor=-1.0)
    units[1] = replace(units[1], numbers=frozenset({"372000"}))
    assert matches(units, similarity(units, 0.3), 0.99, mutual_floor=-1.0)


def test_regression_the_lead_rule_anchors_on_a_name_the_recogniser_missed():
    # No entity mentions (the recogniser tagged "the Vatican" in neither lead): the
    # capitalised name is the anchor the two ledes share.
    ledes = (
        "The Vatican condemned gender theory on Monday as a confused concept of freedom.",
        "The Vatican on Monday released its first official document on gender theory.",
    )
    units = [
        u
        for n, text in enumerate(ledes)
        for u in make_units(
            ArticleText(f"a{n}", f"Outlet {n}", None, [(0, len(text), text)]), 6, 0.5
        )
    ]
    assert units[0].names == units[1].names == {"vatican"}
    sim = similarity(units, 0.3)
    assert sim.anchored(0, 1)
    assert matches(units, sim, 0.99, mutual_floor=-1.0)
    bare = [replace(u, names=frozenset()) for u in units]
    assert not matches(bare, similarity(bare, 0.3), 0.99, mutual_floor=-1.0)

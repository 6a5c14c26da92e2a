"""Kinds: consensus at half the outlets, unique for one, contested when members clash."""

from __future__ import annotations

from rashomon.compare.align import similarity
from rashomon.compare.kinds import clash, kind_of
from rashomon.compare.units import Unit


def test_kind_follows_the_share_of_outlets():
    assert kind_of(1, 3, None) == "unique"
    assert kind_of(2, 3, None) == "consensus"
    assert kind_of(2, 4, None) == "consensus"
    assert kind_of(2, 5, None) == "shared"
    assert kind_of(3, 3, "figure") == "contested"


def units(*rows: tuple[str, str, dict]) -> list[Unit]:
    return [
        Unit(f"{o}-1", o, None, 0, len(t), t, 0, **extra) for o, t, extra in rows
    ]


def test_a_conflicting_figure_makes_the_point_contested():
    found = units(("A", "Ten people were hurt.", {}), ("B", "Twelve people were hurt.", {}))
    sim = similarity(found, 0.3)
    assert clash([0, 1], found, sim, [{("A-1", 0), ("B-1", 0)}]) == "figure"
    assert clash([0, 1], found, sim, [{("A-1", 0)}]) is None


def test_a_negation_on_near_identical_words_is_a_clash():
    text = "The minister will attend the summit in Brussels next week."
    negated = "The minister will not attend the summit in Brussels next week."
    found = units(("A", text, {}), ("B", negated, {"negated": True}))
    assert clash([0, 1], found, similarity(found, 0.3), []) == "negation"


def test_different_speakers_clash_but_two_names_of_one_speaker_do_not():
    text = "We will cancel the debt."
    same = units(("A", text, {"speaker": "Education Department"}),
                 ("B", text, {"speaker": "Department of Education"}))
    assert clash([0, 1], same, similarity(same, 0.3), []) is None
    other = units(("A", text, {"speaker": "Joe Biden"}), ("B", text, {"speaker": "Senate"}))
    assert clash([0, 1], other, similarity(other, 0.3), []) == "actor"


def test_claimed_against_said_is_a_clash_of_attribution():
    found = units(
        ("A", "Blinken claimed Moscow was not ready.", {"speaker": "Blinken", "loaded": True}),
        ("B", "Blinken said Moscow was not ready.", {"speaker": "Blinken"}),
    )
    assert clash([0, 1], found, similarity(found, 0.3), []) == "attribution"

"""Stance: a holder (outlet or quoted speaker) and a target (the entity judged)."""

from __future__ import annotations


def stances(analysis) -> list:
    return [s for s in analysis.signals if s.signal == "stance"]


def test_regression_ukraines_richest_man_is_not_stance_toward_ukraine(frame):
    text = (
        "Ukraine's richest man met the minister. Ukraine's richest man was once a "
        "steel trader, and Ukraine plans new taxes on his firms."
    )
    assert not [s for s in stances(frame(text)) if s.target == "Ukraine"]


def test_regression_a_speakers_insult_is_the_speakers_stance(frame):
    text = (
        'Mayor Tom Reyes spoke on Monday. "Tom Reyes is a corrupt and dishonest man," '
        "said council member Ana Diaz."
    )
    found = stances(frame(text))
    assert found, "the insult should be a stance"
    assert all(s.voice == "quote" for s in found if s.label.startswith("negative"))
    assert not [s for s in found if s.voice == "outlet" and s.label.startswith("negative")]


def test_every_stance_names_its_target(frame):
    text = (
        "The reckless senator Maria Lund blocked the bill. Maria Lund, a shameless "
        "opportunist, spoke for an hour."
    )
    found = stances(frame(text))
    assert found and all(s.target for s in found)
    assert all(s.voice == "outlet" and s.speaker is None for s in found)

"""Inclusion evidence (framing/inclusion.py): what a sentence includes shifts its score."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from rashomon.framing.inclusion import inclusion_shifts, shifted
from rashomon.framing.voice import find_voice
from rashomon.model import Sentence


def sentences_of(text: str) -> list[Sentence]:
    out, at = [], 0
    for part in text.split("\n"):
        out.append(Sentence("t", at, at + len(part), part))
        at += len(part) + 1
    return out


def test_a_sentence_scored_alone_gets_no_length_or_prior_shift(settings):
    text = "The senator voted against the bill on Tuesday afternoon in the chamber."
    assert inclusion_shifts(text, sentences_of(text), find_voice(text, []), settings) == [0.0]


def test_longer_sentences_quotes_and_figures_shift_as_documented(settings):
    text = "\n".join(
        [
            "The vote was close.",
            "The vote passed.",
            "Critics of the plan, led by the governor and her allies in the state senate, "
            "spent the week attacking it.",
            'He called it "a betrayal of every family in this state".',
            "The bill passed 52 to 48.",
        ]
    )
    # Weights given here, not the shipped ones: the figure weight is calibrated to 0.
    settings = replace(settings, framing_inclusion_figure_weight=1.0)
    found = inclusion_shifts(text, sentences_of(text), find_voice(text, []), settings)
    prior = settings.framing_article_prior_shift
    assert found[2] > found[0] > found[1]  # longer than the article's usual sentence: up
    assert found[3] > prior  # a chosen quote
    assert found[4] < prior  # a figure
    length = settings.framing_inclusion_length_weight
    assert math.isclose(found[0] - found[1], length * math.log(4 / 3))


@given(st.floats(0.0, 1.0), st.floats(-5.0, 5.0))
def test_shifted_moves_the_probability_the_way_of_the_shift(p, shift):
    q = shifted(p, shift)
    assert 0.0 < q < 1.0
    if 1e-6 < p < 1 - 1e-6:
        assert q >= p - 1e-12 if shift >= 0 else q <= p + 1e-12
        if 1e-6 < q < 1 - 1e-6:  # outside, shifted() clamps on purpose: no way back
            assert math.isclose(shifted(q, -shift), p, rel_tol=1e-6, abs_tol=1e-9)

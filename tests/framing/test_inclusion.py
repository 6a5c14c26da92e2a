"""Inclusion evidence (framing/inclusion.py): what a sentence includes shifts its score."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from rashomon.framing.inclusion import inclusion_shifts, is_headline, shifted
from rashomon.framing.voice import find_voice
from rashomon.model import Sentence, Signal


def sentences_of(text: str) -> list[Sentence]:
    out, at = [], 0
    for part in text.split("\n"):
        out.append(Sentence("t", at, at + len(part), part))
        at += len(part) + 1
    return out


def shifts_of(text: str, settings, inside: list[list[Signal]] | None = None) -> list[float]:
    sentences = sentences_of(text)
    found = inside if inside is not None else [[] for _ in sentences]
    return inclusion_shifts(text, sentences, find_voice(text, []), found, settings)


def technique_in(sentence: Sentence) -> Signal:
    return Signal(
        "t",
        sentence.start,
        sentence.start + 5,
        sentence.text[:5],
        "technique",
        "Loaded_Language",
        "evidence",
        0.4,
        voice="outlet",
    )


def test_a_sentence_scored_alone_gets_no_length_or_prior_shift(settings):
    text = "The senator voted against the bill on Tuesday afternoon in the chamber."
    assert shifts_of(text, settings) == [0.0]


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
    found = shifts_of(text, settings)
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


BODY = "The senator voted against the bill on Tuesday afternoon in the chamber."


def test_regression_headline_scored_as_a_body_sentence(settings):
    """A headline's telegraphic register read as loaded wording: BASIL titles flagged 13
    of 75 times on dev half A where annotators marked 2. A title-case first line, or one
    without closing punctuation, is the headline and loses ``framing_headline_shift``."""
    cut = settings.framing_headline_shift
    for headline, body_sentence in (
        (
            "Mayor slammed by neighbours over park sell-off",
            "Mayor slammed by neighbours over park sell-off.",
        ),
        (
            "Council's Vote to Close Two Libraries Angers Some Parents.",
            "Council's vote to close two libraries angers some parents.",
        ),
    ):
        plain = shifts_of(f"{body_sentence}\n{BODY}", settings)
        found = shifts_of(f"{headline}\n{BODY}", settings)
        assert math.isclose(found[0], plain[0] - cut)
        assert found[1] == plain[1]


def test_a_headline_counts_only_as_the_first_sentence_of_an_article(settings):
    line = "Mayor slammed by neighbours over park sell-off"
    assert shifts_of(line, settings) == [0.0]  # a lone sentence: scored as calibrated
    text = f"{BODY}\n{line}"
    assert not is_headline(text, sentences_of(text)[0], settings.framing_headline_caps_share)
    assert is_headline(line, sentences_of(line)[0], settings.framing_headline_caps_share)
    closed = 'He said the deal was "a betrayal."'
    assert not is_headline(closed, sentences_of(closed)[0], settings.framing_headline_caps_share)


def test_regression_technique_evidence_underweighted_among_article_sentences(settings):
    """The model, fitted on lone sentences, underrated a sentence holding a technique's
    evidence among an article's sentences (BASIL dev residual +0.62 / +0.50 log-odds):
    in an article it gains ``framing_technique_weight``; scored alone it gains nothing."""
    text = f"The deal was struck on Monday night.\n{BODY}"
    sentences = sentences_of(text)
    plain = shifts_of(text, settings)
    found = shifts_of(text, settings, [[], [technique_in(sentences[1])]])
    assert math.isclose(found[1] - plain[1], settings.framing_technique_weight)
    assert found[0] == plain[0]
    alone = sentences_of(BODY)
    assert shifts_of(BODY, settings, [[technique_in(alone[0])]]) == [0.0]


# An ordinary report of a contested vote, written for this test: every claim is
# attributed, no word is loaded in the outlet's own voice. Annotators mark 5-20% of
# such a report's sentences as biased.
ORDINARY_REPORT = (
    "Lawmakers clashed on Tuesday over a plan to expand the state's charter schools. "
    "Republicans said the bill did not go far enough, while several Democrats warned it "
    "would drain money from public schools. "
    "Critics of the plan say the new schools would take the strongest students and leave "
    "the rest behind. "
    "The teachers' union said in a statement that the bill was written by charter "
    "operators and would hurt children in poor districts. "
    "Supporters argue that parents deserve a choice when their local school falls short. "
    '"Families have waited long enough, and they are tired of being told to be patient," '
    "said Representative Dale Carter, who wrote the bill. "
    "Opponents say the state has not shown that charter schools do better than the "
    "schools they replace. "
    "The vote is expected next week. "
    "The governor has not said whether she would sign it. "
    "About 40,000 students attend charter schools in the state."
)


def test_regression_sentence_flag_over_fired_on_ordinary_news(frame):
    """The sentence flag marked 30-45% of real articles' sentences where annotators mark
    5-20%: the model's threshold was set on candidate sentences scored alone (BABE, about
    half biased). Without the article prior this report flags 3 of its 10 sentences."""
    sentences = frame(ORDINARY_REPORT).sentences
    assert len(sentences) == 10
    assert sum(s.biased for s in sentences) <= 1

"""The subjective-word signal from the general lexicons (framing/subjective.py)."""

from __future__ import annotations

import pytest

from rashomon.framing.subjective import rated, textblob_lexicon

# The outlet's own subjective words are no evidence at the shipped weight (0: none
# emitted); the rules that pick words are tested in that voice at a weight that shows them.
OWN = {"framing_subjective_weight": 0.3}


def subjective(analysis) -> list:
    return [s for s in analysis.signals if s.signal == "subjective"]


def test_textblob_word_is_the_mean_of_its_senses():
    subjectivity, polarity = textblob_lexicon()["able"]  # four senses: 1.0, .5, .5, .5
    assert subjectivity == pytest.approx(0.625)
    assert polarity == pytest.approx(0.5)


def test_a_word_is_rated_only_when_both_lexicons_agree():
    assert rated("horrible", 0.5, 2.0) == (1.0, -2.5)
    assert rated("horrible", 0.5, 3.0) is None  # VADER: 2.5
    assert rated("disgraceful", 0.0, 0.0) is None  # in neither lexicon's adjectives


def test_fires_on_a_subjective_word_in_the_outlets_voice(frame):
    found = subjective(frame("The council published a horrible plan for the old harbour.", **OWN))
    assert [s.text for s in found] == ["horrible"]
    assert found[0].voice == "outlet" and found[0].speaker is None
    assert found[0].weight == OWN["framing_subjective_weight"]


def test_a_voice_weighted_zero_emits_no_signal(frame, settings):
    assert settings.framing_subjective_weight == 0
    assert not subjective(frame("The council published a horrible plan for the old harbour."))


def test_records_the_quotes_voice_inside_a_quote(frame, settings):
    text = 'Mayor Anna Berg said: "This is a horrible plan and the council knows it."'
    found = subjective(frame(text))
    assert [s.text for s in found] == ["horrible"]
    assert found[0].voice == "quote" and found[0].speaker
    assert found[0].weight == settings.framing_subjective_quote_weight > 0


def test_no_signal_inside_a_name_or_a_title(frame):
    # spaCy tags both words ADJ; the first sits in an organisation, the second in a work
    assert not subjective(frame("The Committee for a Horrible Future met on Monday.", **OWN))
    assert not subjective(frame('She wrote "A Wonderful Life" in 1990.', **OWN))


def test_ordinary_adjectives_in_their_neutral_sense_do_not_fire(frame):
    text = "The new mayor and other officials met for the first time on Monday."
    assert not subjective(frame(text, **OWN))


def test_a_word_another_rule_flags_is_not_flagged_again(frame):
    analysis = frame("The senator called it a stupid decision on Tuesday.", **OWN)
    assert not subjective(analysis)  # "stupid" is a loaded word (wording.toml)
    assert any(s.signal == "loaded" and s.text == "stupid" for s in analysis.signals)


def test_regression_a_repeated_adjective_is_the_topic_not_a_judgement(frame, settings):
    # On BASIL dev the general lexicons' most frequent misses were the story's own words
    # ("criminal" charges, "sexual" harassment), used again and again.
    once = "The committee heard horrible testimony about the flood on Monday."
    assert [s.text for s in subjective(frame(once, **OWN))] == ["horrible"]
    again = once + " Officials said the horrible conditions lasted a week."
    assert settings.framing_subjective_max_uses == 1
    assert not subjective(frame(again, **OWN))


def test_the_outlet_table_counts_a_quoted_subjective_word_as_loaded_wording():
    from rashomon.framing.compare import outlet_framing

    def row(signal: str, voice: str, weight: float, text: str) -> dict:
        return {
            "article_id": "a",
            "start": 0,
            "end": len(text),
            "text": text,
            "signal": signal,
            "label": signal,
            "weight": weight,
            "voice": voice,
            "speaker": "Berg" if voice == "quote" else None,
        }

    rows = [
        row("subjective", "quote", 0.4, "horrible"),
        row("subjective", "outlet", 0.0, "wonderful"),  # weighs nothing: not counted
        row("loaded", "quote", 0.6, "slammed"),
    ]
    framing = outlet_framing("Daily", ["a"], rows, sentences=3, biased=1)
    assert framing.quoted == {"loaded": 2} and framing.counts == {}
    assert (
        "chooses quotes with loaded words such as 'slammed' (quote: Berg), 'horrible' (quote: Berg)"
        in framing.summary
    )

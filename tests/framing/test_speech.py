"""Framing reads speech verbs from the text toolkit's lexicon, through one module."""

from __future__ import annotations

from rashomon.framing.speech import inflect, speech_verb_forms
from rashomon.text import speech as cues


def test_speech_verbs_are_the_quotes_lexicon():
    forms = set(speech_verb_forms())
    assert {"said", "told", "tweeted", "wrote", "reported"} <= forms
    assert forms <= set(cues.cue_forms())
    assert "believed" not in forms  # belief verbs introduce no one's words


def test_inflection_is_the_quotes_inflector():
    assert inflect("admit") == cues.inflect("admit")
    assert inflect("go") == {"go"}  # too short for the doubling rule


def test_a_fragment_after_a_speech_verb_is_not_a_scare_quote(frame):
    analysis = frame('The minister tweeted "shameful" after the vote on Monday.')
    assert not [s for s in analysis.signals if s.signal == "scare_quote"]

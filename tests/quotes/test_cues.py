"""The one speech-verb lexicon and its inflector, which other stages import."""

from __future__ import annotations

from rashomon.quotes.cues import cue_of, inflect, speech_verbs


def test_regression_qu_counts_as_a_consonant_when_doubling():
    assert {"quipped", "quipping"} <= inflect("quip")


def test_inflect_regular_and_irregular_forms():
    assert inflect("say") >= {"say", "says", "said", "saying"}
    assert {"admitted", "admits"} <= inflect("admit")
    assert {"goes", "went"} <= inflect("go")
    assert {"denies", "denied"} <= inflect("deny")


def test_inflect_phrasal_verbs_on_their_first_word():
    assert inflect("lash out") >= {"lashed out", "lashes out", "lashing out"}


def test_speech_verbs_cover_the_documented_additions():
    verbs = speech_verbs()
    assert {"say", "blurt", "confess", "chant", "quip", "sniff"} <= verbs
    assert "believe" not in verbs and "believe" in speech_verbs(("belief",))


def test_every_speech_verb_form_is_a_cue():
    for verb in speech_verbs():
        for form in inflect(verb):
            assert cue_of(form) is not None, form

"""The one speech-verb lexicon and its inflector (``rashomon.text.speech``), which
the quotes stage and framing import."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.text.speech import cue_of, inflect, speech_verbs


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


# -- properties of the inflector ---------------------------------------------------------

REGULAR = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10).filter(
    lambda v: v not in _irregular()
)


def _irregular() -> dict[str, list[str]]:
    from rashomon.text.speech import _data

    return _data()["irregular"]


@given(REGULAR)
def test_property_a_regular_verb_keeps_its_base_and_gains_s_ed_ing_forms(verb):
    forms = inflect(verb)
    assert verb in forms
    assert any(f.endswith("s") and f != verb for f in forms)
    assert any(f.endswith("d") and f != verb for f in forms)  # -d after a final e
    assert any(f.endswith("ing") for f in forms)
    assert all(f.startswith(verb[:-1]) for f in forms)  # only the last letter may change


@given(st.sampled_from(sorted(_irregular())))
def test_property_an_irregular_verb_keeps_its_listed_forms_and_its_base(verb):
    forms = inflect(verb)
    assert verb in forms
    assert set(_irregular()[verb]) <= forms


@given(REGULAR | st.sampled_from(sorted(_irregular())), st.sampled_from(["out", "up", "back on"]))
def test_property_a_phrasal_verb_inflects_its_first_word_only(verb, particle):
    phrasal = inflect(f"{verb} {particle}")
    assert phrasal == {f"{form} {particle}" for form in inflect(verb)}

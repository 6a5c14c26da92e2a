"""Unit tests: quotation-mark parsing, phrase patterns, lexicon extension, the score."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.framing.lexicon import load_lexicon
from rashomon.framing.patterns import compile_phrases
from rashomon.framing.score import bias_score, score_sentences, signals_by_sentence
from rashomon.framing.speech import inflect
from rashomon.framing.voice import find_voice, quotation_fragments
from rashomon.model import Quote, Sentence, Signal

MARKS = "\"“”‘’'"


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n") + list(MARKS)), max_size=80))
def test_fragments_are_well_formed(text):
    for fragment in quotation_fragments(text):
        assert 0 <= fragment.start < fragment.end <= len(text)
        assert text[fragment.start] in MARKS and text[fragment.end - 1] in MARKS
        assert "\n" not in text[fragment.start : fragment.end]
        assert fragment.words >= 1


def test_fragments_pair_mixed_marks_and_skip_apostrophes():
    text = "Russia's so-called “referendums“ and 'convinced' Putin's \"security\" aid."
    inner = [text[f.start + 1 : f.end - 1] for f in quotation_fragments(text)]
    assert inner == ["referendums", "convinced", "security"]


def test_voice_separates_speech_paraphrase_and_terms():
    text = (
        'He said that the "tempting" idea fails. "We will never accept it," she said. '
        'A "security" aid.'
    )
    paraphrase = Quote("a", 8, 38, text[8:38], "indirect", speaker="He")
    voice = find_voice(text, [paraphrase])
    said = text.index("We will")
    assert not voice.own(said, said + 7)  # long quotation: speech
    tempting = text.index("tempting")
    assert not voice.own(tempting, tempting + 8)  # partial quote inside a paraphrase
    assert voice.paraphrase(tempting - 5, tempting - 1)
    assert [text[f.start + 1 : f.end - 1] for f in voice.terms] == ["security"]
    second = text.index('"We')
    assert voice.own_text(text, second, len(text)) == 'she said. A "security" aid.'


@given(st.text(alphabet=st.sampled_from(list("ab ,.") + list(MARKS)), max_size=60))
def test_own_text_keeps_only_unquoted_words(text):
    voice = find_voice(text, [])
    own = voice.own_text(text, 0, len(text))
    assert len(own) <= len(text)
    assert all(word in text for word in own.split())
    if not voice.reported:
        assert own == " ".join(text.split())


def test_phrase_patterns_match_whole_words_forms_and_plurals():
    slam = compile_phrases(("slam", "lash out"), inflect=True)
    assert slam.search("Critics slammed it") and slam.search("she lashes out")
    assert not slam.search("a slamdunk")
    regime = compile_phrases(("regime",), plural=True)
    assert regime.search("puppet regimes") and not regime.search("regimental")
    assert {"admitted", "admitting", "claimed", "claiming"} <= inflect("admit") | inflect("claim")


def test_users_extend_lexicons(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[family]]\nid = "war"\n[[family.term]]\nsay = ["police action"]\n'
        'label = "police action"\n'
        'means = "minimises a war"\nweight = 0.8\n'
        '[[group]]\nid = "name_calling"\nsignal = "loaded"\nweight = 0.75\nmeans = "x"\n'
        'words = ["scoundrels"]\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon((str(extra),))
    war = lexicon.family("war")
    assert war is not None and "police action" in {t.label for t in war.terms}
    assert "invasion" in {t.label for t in war.terms}
    group = next(g for g in lexicon.groups if g.id == "name_calling")
    assert "scoundrels" in group.words and "thugs" in group.words


def signal(start: int, end: int, weight: float, kind: str = "loaded") -> Signal:
    return Signal("a", start, end, "x", kind, "l", "e", weight)


def test_bias_score_is_a_noisy_or_counting_each_span_once():
    assert bias_score([]) == 0.0
    assert bias_score([signal(0, 3, 0.5), signal(0, 3, 0.5, "technique")]) == 0.5
    assert bias_score([signal(0, 3, 0.5), signal(5, 9, 0.5)]) == 0.75


def test_score_sentences_sets_flags_and_labels():
    sentences = [Sentence("a", 0, 10, "x" * 10), Sentence("a", 11, 20, "y" * 9)]
    inside = signals_by_sentence(sentences, [signal(2, 4, 0.6), signal(12, 13, 0.1, "hedge")])
    score_sentences(sentences, inside, 0.3)
    assert sentences[0].biased and sentences[0].signals == ["loaded:l"]
    assert not sentences[1].biased and sentences[1].bias_score == 0.1
    score_sentences(sentences, inside, 0.3, scores=[0.2, 0.9])  # the model's, when given
    assert not sentences[0].biased and sentences[1].biased and sentences[1].bias_score == 0.9

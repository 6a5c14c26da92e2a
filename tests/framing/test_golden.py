"""Golden signals in the sample articles (004 is Press TV, 003 a Ukrainian outlet)."""

from __future__ import annotations

from rashomon.framing.voice import find_voice
from rashomon.model import Analysis


def signals(analysis: Analysis, kind: str | None = None) -> list:
    return [s for s in analysis.signals if kind is None or s.signal == kind]


def texts(analysis: Analysis, kind: str) -> set[str]:
    return {" ".join(s.text.split()) for s in signals(analysis, kind)}


def test_press_tv_discredits_blinkens_words(framed):
    press_tv = framed["004"]
    assert "unsubstantiated remarks" in texts(press_tv, "loaded")
    verbs = {s.text: s for s in signals(press_tv, "attribution")}
    assert verbs["claiming"].label == "claimed" and verbs["claiming"].weight > 0
    assert verbs["went on to claim"].weight >= verbs["claiming"].weight
    assert "Blinken" in verbs["claiming"].explanation


def test_press_tv_labels_by_patron(framed):
    patron = {s.text: s for s in signals(framed["004"], "loaded") if s.label == "patron label"}
    assert "Western-sponsored" in patron
    assert "Zelensky" in patron["Western-sponsored"].explanation


def test_press_tv_names_kiev_regime(framed):
    naming = {s.text: s for s in signals(framed["004"], "naming")}
    regime = naming["Kiev regime"]
    assert regime.label == "ukrainian_government: Kiev regime"
    assert regime.weight >= 0.7
    assert "illegitimate" in regime.explanation and "Kyiv" in regime.explanation
    assert any(s.label == "Name_Calling-Labeling" and s.text == "Kiev regime"
               for s in signals(framed["004"], "technique"))  # fmt: skip


def test_press_tv_own_voice_military_operation_and_its_purpose(framed):
    press_tv = framed["004"]
    names = {s.label for s in signals(press_tv, "naming")}
    assert {"war: special military operation", "war: military operation"} <= names
    purposes = [" ".join(s.text.split()) for s in signals(press_tv, "purpose")]
    assert any(p.startswith("aimed at protecting the country") for p in purposes)
    assert any(p.startswith("in face of Kiev") for p in purposes)


def test_press_tv_scare_quotes_security(framed):
    assert "security" in {s.label for s in signals(framed["004"], "scare_quote")}


def test_ukrainian_outlet_names_aggressor_and_occupiers(framed):
    ukrainian = framed["003"]
    naming = {(" ".join(s.text.split())).lower(): s.label for s in signals(ukrainian, "naming")}
    assert naming["the aggressor"] == "occupying_side: the aggressor / the enemy"
    assert naming["occupying authorities"] == "occupying_side: occupiers"
    assert any(label.endswith("(distanced)") for label in naming.values())  # "referendums"


def test_every_signal_says_whose_voice_it_is(framed):
    """A signal inside someone's quoted words is theirs (voice "quote", with the speaker
    the quotes stage named); everywhere else it is the outlet's."""
    for analysis in framed.values():
        voice = find_voice(analysis.article.text, analysis.quotes)
        for signal in analysis.signals:
            whole_name = signal.signal in ("naming", "technique") and voice.partial_at(
                signal.start, signal.end
            )  # 'its "special military operation"': the outlet uses the term itself
            # a stance in the outlet's paraphrase of someone is that speaker's judgement
            reported = signal.signal == "stance" and voice.paraphrase(signal.start, signal.end)
            own = voice.own(signal.start, signal.end) and not reported
            expected = "outlet" if own or whole_name else "quote"
            assert signal.voice == expected, (signal.text, signal.signal)
            assert (signal.speaker is not None) == (expected == "quote"), signal.text


def test_words_only_in_quotes_count_as_the_speakers(framed):
    """'puppet regime' and 'grievously' are Blinken's words in 000: the outlet chose to
    quote them, so they are signals, but in the quote's voice, never the outlet's."""
    trt = framed["000"]
    text = trt.article.text
    for phrase in ("puppet regime", "grievously"):
        at = text.index(phrase)
        hit = [s for s in trt.signals if s.start < at + len(phrase) and at < s.end]
        assert hit and {s.voice for s in hit} == {"quote"}, phrase


def test_neutral_outlet_reads_mostly_unbiased(framed):
    """The Turkish wire report (000) quotes its sources and says 'said'."""
    trt = framed["000"]
    verbs = {s.label for s in signals(trt, "attribution")}
    assert verbs <= {"demanded"}
    share = sum(s.biased for s in trt.sentences) / len(trt.sentences)
    press_tv = framed["004"]
    assert share < sum(s.biased for s in press_tv.sentences) / len(press_tv.sentences)


def test_sentence_scores(framed, settings):
    for analysis in framed.values():
        for sentence in analysis.sentences:
            assert 0.0 <= sentence.bias_score <= 1.0
            assert sentence.biased == (sentence.bias_score >= settings.framing_bias_threshold)
    press_tv = framed["004"]
    remarks = next(s for s in press_tv.sentences if "unsubstantiated" in s.text)
    assert remarks.biased and "loaded:epithet on a statement" in remarks.signals


def test_every_signal_explains_itself(framed):
    for analysis in framed.values():
        for signal in analysis.signals:
            assert signal.text == analysis.article.text[signal.start : signal.end]
            assert len(signal.explanation) > 20 and 0.0 <= signal.weight <= 1.0

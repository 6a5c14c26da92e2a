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


def test_regression_a_speakers_insult_in_indirect_speech_was_the_outlets_stance(frame):
    """Reported in the outlet's paraphrase, the insult still counted as the outlet's own
    stance; the holder is the speaker whose judgement the outlet reports."""
    text = (
        "Mayor Tom Reyes spoke on Monday. Council member Ana Diaz said Tom Reyes was "
        "corrupt and dishonest."
    )
    found = [s for s in stances(frame(text)) if s.target == "Tom Reyes"]
    assert [(s.label, s.voice, s.speaker) for s in found] == [
        ("negative: Tom Reyes", "quote", "Ana Diaz")
    ]
    assert "Ana Diaz's words, as the outlet reports them, are negative" in found[0].explanation


def test_every_stance_names_its_target(frame):
    text = (
        "The reckless senator Maria Lund blocked the bill. Maria Lund, a shameless "
        "opportunist, spoke for an hour."
    )
    found = stances(frame(text))
    assert found and all(s.target for s in found)
    assert all(s.voice == "outlet" and s.speaker is None for s in found)


def test_regression_a_stance_signal_named_no_entity(nlp, settings):
    """19 of 142 stance signals on the Ukraine set named no entity: a mention whose name
    was empty once its title was stripped ("the Senator") still got a stance, and no
    signal recorded its target. Now a stance is taken only toward a named entity, and
    the signal's target is that name."""
    from rashomon.framing.stage import find_signals, framing_context
    from rashomon.model import Analysis, Article, Mention

    text = (
        "The reckless senator Maria Lund blocked the bill. Maria Lund, a shameless "
        "opportunist, spoke for an hour. The disgraceful Senator left. The corrupt Senator "
        "returned."
    )
    doc = nlp(text)

    def mention(words: str, after: int, name: str) -> Mention:
        start = text.index(words, after)
        return Mention("t", start, start + len(words), words, "PERSON", name)

    mentions = [
        mention("Maria Lund", 0, "Maria Lund"),
        mention("Maria Lund", text.index("Maria Lund") + 1, "Maria Lund"),
        mention("Senator", 0, ""),  # a title alone: nobody named
        mention("Senator", text.index("Senator") + 1, ""),
    ]
    analysis = Analysis(article=Article(id="t", input="t", text=text), mentions=mentions)
    signals = find_signals(framing_context(analysis, doc, settings))
    found = [s for s in signals if s.signal == "stance"]
    assert found, "the judged senator should have a stance"
    assert {s.target for s in found} == {"Maria Lund"}
    assert all(s.label.endswith(": Maria Lund") for s in found)

"""Quotes only one outlet of a story chose (framing/choice.py): a pure function."""

from __future__ import annotations

from rashomon.framing.choice import (
    CHOICE_WEIGHT,
    QuotedSpeech,
    StoryArticle,
    chosen_quotes,
    rescore_in_story,
    speaker_keys,
)
from rashomon.model import Sentence


def quote(start: int, speaker: str) -> QuotedSpeech:
    return QuotedSpeech(start, start + 10, "quoted txt", speaker)


def test_speaker_keys_are_surnames_of_each_name():
    assert speaker_keys("Donald Trump") == speaker_keys("Trump") == {"trump"}
    assert speaker_keys("Chuck Schumer; Nancy Pelosi") == {"schumer", "pelosi"}
    assert speaker_keys("Schumer’s") == {"schumer"}
    assert speaker_keys("  ") == set()


def test_only_speakers_no_other_outlet_quotes_are_choices():
    story = [
        StoryArticle("a1", "Alpha", [quote(0, "Mitch McConnell"), quote(20, "Jane Doe")]),
        StoryArticle("a2", "Alpha", [quote(0, "Jane Doe")]),  # same outlet: no counterpart
        StoryArticle("b1", "Beta", [quote(0, "McConnell")]),
        StoryArticle("c1", "Gamma", [quote(5, "Lindsey Graham")]),
    ]
    found = chosen_quotes(story)
    assert [(s.article_id, s.speaker) for s in found] == [
        ("a1", "Jane Doe"),
        ("a2", "Jane Doe"),
        ("c1", "Lindsey Graham"),
    ]
    assert {(s.signal, s.voice, s.weight) for s in found} == {("choice", "quote", CHOICE_WEIGHT)}
    assert found[0].explanation == "No other outlet on this story quotes Jane Doe."


def test_a_story_of_one_outlet_has_no_choices():
    story = [
        StoryArticle("a1", "Alpha", [quote(0, "Jane Doe")]),
        StoryArticle("a2", "Alpha", [quote(0, "John Roe")]),
    ]
    assert chosen_quotes(story) == []


def test_a_group_is_a_choice_only_when_none_of_its_members_is_quoted_elsewhere():
    story = [
        StoryArticle("a1", "Alpha", [quote(0, "Chuck Schumer; Nancy Pelosi")]),
        StoryArticle("b1", "Beta", [quote(0, "Pelosi")]),
    ]
    assert chosen_quotes(story) == []


def test_rescore_moves_only_sentences_holding_a_choice():
    sentences = [Sentence("a1", 0, 30, "x", 0.5), Sentence("a1", 31, 60, "y", 0.5)]
    choices = chosen_quotes(
        [
            StoryArticle("a1", "Alpha", [QuotedSpeech(35, 50, "q", "Jane Doe")]),
            StoryArticle("b1", "Beta", []),
        ]
    )
    rescore_in_story(sentences, choices, weight=2.0, threshold=0.65)
    assert sentences[0].bias_score == 0.5 and not sentences[0].biased
    assert sentences[1].bias_score == 0.8808 and sentences[1].biased  # logistic(0 + 2)

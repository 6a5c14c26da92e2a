"""Informational choice across a story: quotes from a speaker no other outlet quotes.

Which voices an outlet brings into its account of an event is a choice of content that
no single article shows: it appears only beside the other outlets covering the same
event. On BASIL dev (three outlets per event), a sentence quoting a speaker whom none of
the event's other outlets quote is annotated biased (lexical or informational) more
often than one quoting a speaker the others quote too: half A 26.8% against 20.8%,
half B 25.9% against 20.7%. Whether the sentence's content has a counterpart in the
other outlets (compare's points: unique against consensus) showed no such lift (half A
19.8% against 19.6%), so the speaker, not the alignment, carries the signal.

A pure function of the story's articles, so the cross-article stage (``framing.story``)
and the benchmark score the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.framing.inclusion import shifted
from rashomon.framing.score import signals_by_sentence
from rashomon.model import Sentence, Signal

# The weight a choice signal carries, read like every signal's weight as the chance that
# it makes its sentence one-sided: the share of such sentences annotated biased on BASIL
# dev half A (96 of 362). The flag itself moves by ``framing_quote_choice_weight``.
CHOICE_WEIGHT = 0.27
LABEL = "quote only this outlet chose"


@dataclass(frozen=True, slots=True)
class QuotedSpeech:
    """One quote of an article with a named speaker."""

    start: int
    end: int
    text: str
    speaker: str


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """What the choice reads of one article of a story."""

    id: str
    outlet: str
    quotes: list[QuotedSpeech]


def speaker_keys(speaker: str) -> set[str]:
    """The surnames a speaker goes by: the last word of each name ("A; B" is a group),
    so "Donald Trump" in one outlet and "Trump" in another are one speaker."""
    keys = set()
    for name in speaker.split(";"):
        words = name.replace("’", "'").split()
        if words:
            keys.add(words[-1].lower().removesuffix("'s"))
    return keys


def chosen_quotes(articles: list[StoryArticle]) -> list[Signal]:
    """Per article, its quotes whose speaker none of the story's other outlets quotes.

    A story covered by one outlet has nothing to compare against, so it has none.
    """
    if len({a.outlet for a in articles}) < 2:
        return []
    quoted_by: dict[str, set[str]] = {}
    for article in articles:
        for quote in article.quotes:
            for key in speaker_keys(quote.speaker):
                quoted_by.setdefault(key, set()).add(article.outlet)
    found = []
    for article in articles:
        for q in article.quotes:
            keys = speaker_keys(q.speaker)
            if keys and all(quoted_by[k] == {article.outlet} for k in keys):
                found.append(
                    Signal(
                        article.id,
                        q.start,
                        q.end,
                        q.text,
                        "choice",
                        LABEL,
                        f"No other outlet on this story quotes {q.speaker}.",
                        CHOICE_WEIGHT,
                        voice="quote",
                        speaker=q.speaker,
                    )
                )
    return found


def rescore_in_story(
    sentences: list[Sentence], choices: list[Signal], weight: float, threshold: float
) -> list[list[Signal]]:
    """Move, in place, each sentence's bias score (its article-level one) by ``weight`` in
    log-odds when it holds a quote only its outlet chose, and flag it again; the choices
    in each sentence."""
    inside = signals_by_sentence(sentences, choices)
    for sentence, found in zip(sentences, inside, strict=True):
        if found:
            sentence.bias_score = round(shifted(sentence.bias_score, weight), 4)
        sentence.biased = sentence.bias_score >= threshold
    return inside

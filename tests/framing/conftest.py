"""Fixtures for the framing tests: the sample articles analysed by the framing stage alone.

The stages framing needs (sentences, mentions, quotes) are built here by a minimal local
stand-in, so these tests do not depend on the other stages' progress: sentences and
mentions from the spaCy doc, quotes from quotation marks (four words or more) plus the
clause a speech verb introduces ("claiming that ...").
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rashomon.model import Analysis, Article, Mention, Quote, Sentence

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "blinken"
SPEECH_VERBS = {
    "say",
    "said",
    "says",
    "told",
    "tell",
    "claim",
    "claimed",
    "claiming",
    "added",
    "noted",
    "warned",
    "reiterated",
    "demanding",
    "emphasized",
    "wrote",
    "insisted",
    "stressed",
}
MENTION_TYPES = ("PERSON", "ORG", "GPE", "NORP")


def minimal_quotes(doc, article_id: str) -> list[Quote]:
    """Stand-in for the quotes stage: long quoted fragments and reported clauses."""
    from rashomon.framing.voice import quotation_fragments

    quotes = [
        Quote(article_id, f.start, f.end, doc.text[f.start : f.end], "direct", speaker="?")
        for f in quotation_fragments(doc.text)
        if f.words > 3
    ]
    for token in doc:
        if token.lower_ not in SPEECH_VERBS:
            continue
        for child in token.children:
            if child.dep_ == "ccomp":
                words = list(child.subtree)
                start, end = words[0].idx, words[-1].idx + len(words[-1])
                quotes.append(
                    Quote(article_id, start, end, doc.text[start:end], "indirect", speaker="?")
                )
    return quotes


def local_analysis(article: Article, doc, with_quotes: bool = True) -> Analysis:
    return Analysis(
        article=article,
        sentences=[Sentence(article.id, s.start_char, s.end_char, s.text) for s in doc.sents],
        mentions=[
            Mention(article.id, e.start_char, e.end_char, e.text, e.label_, e.text)
            for e in doc.ents
            if e.label_ in MENTION_TYPES
        ],
        quotes=minimal_quotes(doc, article.id) if with_quotes else [],
    )


@pytest.fixture(scope="session")
def framed(nlp, settings) -> dict[str, Analysis]:
    """The five raw sample texts through the framing stage, keyed by file number ("004")."""
    from rashomon.framing.stage import framing

    out = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        article = Article(id=path.stem, input=str(path), text=text, outlet=path.stem[:3])
        analysis = local_analysis(article, doc)
        framing(analysis, doc, settings)
        out[path.stem[:3]] = analysis
    return out


@pytest.fixture(scope="session")
def frame(nlp, settings):
    """Frame one short text with the real annotate, quotes and framing stages."""
    from rashomon.pipeline import load_stages

    stages = load_stages(
        [
            ("annotate", "rashomon.annotate.stage"),
            ("quotes", "rashomon.quotes.stage"),
            ("framing", "rashomon.framing.stage"),
        ]
    )

    def run(text: str, published: str | None = None, **changed) -> Analysis:
        """``changed``: settings fields to frame this text with instead of the defaults."""
        article = Article(id="t", input="t", text=text, published=published)
        analysis = Analysis(article=article)
        doc = nlp(text)
        chosen = dataclasses.replace(settings, **changed) if changed else settings
        for st in stages:
            st(analysis, doc, chosen)
        return analysis

    return run

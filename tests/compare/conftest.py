"""Stories written as ``ArticleText`` (sentences given, no spaCy), and a store of them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from rashomon.compare.units import ArticleText
from rashomon.model import Analysis, Article, InputRecord, Outcome, Sentence
from rashomon.store import Store

# One event told by three outlets: the same appointment in different words, a topical
# neighbour that shares only the subject, and one detail each outlet alone reports.
BOLTON = {
    "Alpha": [
        "President Trump named John Bolton as his new national security adviser on Thursday.",
        "Bolton, a former ambassador to the United Nations, is known for his hawkish views.",
        "The White House said the change would take effect on April 9.",
    ],
    "Beta": [
        "John Bolton will replace H.R. McMaster as Trump's national security adviser.",
        "Critics in Congress warned that the appointment could push the country toward war.",
        "McMaster is expected to retire from the Army later this year.",
    ],
    "Gamma": [
        "Trump picked former UN ambassador John Bolton to be his national security adviser.",
        "The move is the latest shake-up in an administration with record staff turnover.",
        "Bolton has long argued for regime change in Iran and North Korea.",
    ],
}


def as_inputs(story: dict[str, list[str]], published: str = "2018-03-22") -> list[ArticleText]:
    found = []
    for n, (outlet, sentences) in enumerate(story.items()):
        spans, start = [], 0
        for s in sentences:
            spans.append((start, start + len(s), s))
            start += len(s) + 1
        found.append(ArticleText(f"{outlet.lower()}-{n}", outlet, published, spans))
    return found


def outcome(article_id: str, outlet: str, sentences: list[str], published: str) -> Outcome:
    text = " ".join(sentences)
    article = Article(article_id, f"test#{article_id}", text, title=sentences[0][:40],
                      outlet=outlet, published=published)
    analysis = Analysis(article)
    start = 0
    for s in sentences:
        analysis.sentences.append(Sentence(article_id, start, start + len(s), s))
        start += len(s) + 1
    record = InputRecord(article.input, hashlib.sha1(text.encode()).hexdigest(), "ok",
                         article_id=article_id)
    return Outcome(record, analysis)


@pytest.fixture
def bolton_inputs() -> list[ArticleText]:
    return as_inputs(BOLTON)


@pytest.fixture
def store_of(tmp_path: Path):
    """A store holding the given outlets' articles (sentences stored, no other stage)."""

    def make(story: dict[str, list[str]], published: str = "2018-03-22") -> Path:
        path = tmp_path / "story.db"
        with Store(path) as store:
            store.write_outcomes(
                outcome(f"{outlet.lower()}-{published}", outlet, sentences, published)
                for outlet, sentences in story.items()
            )
        return path

    return make

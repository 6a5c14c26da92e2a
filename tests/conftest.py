"""Session fixtures shared by every test package: the spaCy pipeline, the sample
articles, and a real SQLite store analysed from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "blinken"


def ok_outcome(n: int, **fields) -> Outcome:
    """A stored-as-ok outcome of a one-line article ``a{n}``, with the given Article fields."""
    article = Article(id=f"a{n}", input=f"in{n}", text="Body.", **fields)
    return Outcome(InputRecord(f"in{n}", "h", "ok", "", f"a{n}"), Analysis(article))


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    from rashomon.annotate.nlp import load_nlp

    return load_nlp(settings.spacy_model)


@pytest.fixture(scope="session")
def blinken_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def blinken_articles(blinken_paths, settings):
    """The five sample articles as the clean stage makes them."""
    from rashomon.clean import clean_document
    from rashomon.ingest import iter_documents

    articles = []
    for item in iter_documents([str(p) for p in blinken_paths], settings):
        outcome = clean_document(item, settings)
        assert outcome.analysis is not None, outcome.record.reason
        articles.append(outcome.analysis.article)
    return articles


@pytest.fixture(scope="session")
def blinken_db(tmp_path_factory, settings) -> Path:
    """A real SQLite file with the sample corpus analysed by the whole pipeline."""
    from rashomon.analyze import analyze_inputs
    from rashomon.pipeline import run_cross_article
    from rashomon.runners import LocalRunner
    from rashomon.store import Store

    path = tmp_path_factory.mktemp("blinken") / "rashomon.db"
    with Store(path) as store:
        summary = analyze_inputs([str(EXAMPLES)], store, settings, LocalRunner())
        assert summary.counts["ok"] == 5, summary.reasons
        run_cross_article(store, settings)
    return path


# Publication days the samples' own text supports (captions, "on Wednesday" and
# the weekday of the events they report); None where the text allows no day.
PUBLISHED = {
    "000": "2022-03-09",
    "001": "2022-09-21",
    "002": "2022-12-05",
    "003": None,
    "004": None,
}


def analyse_dates_and_figures(nlp, article: Article, quotes=()) -> Analysis:
    from rashomon.dates.stage import date_refs
    from rashomon.figures.stage import extract_figures
    from rashomon.timeline.events import timeline_events

    doc = nlp(article.text)
    analysis = Analysis(article)
    analysis.quotes = list(quotes)
    analysis.dates = date_refs(article, doc)
    analysis.figures = extract_figures(analysis, doc)
    analysis.timeline = timeline_events(analysis, doc)
    return analysis


@pytest.fixture(scope="session")
def samples(nlp) -> dict[str, Analysis]:
    """The sample articles through the dates, figures and timeline stages alone, read as
    stored in examples/ with the publication dates their own text supports, so figure
    and timeline tests do not depend on the clean stage."""
    found = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        key = path.name[:3]
        article = Article(
            id=key,
            input=str(path),
            text=path.read_text(encoding="utf-8"),
            outlet=f"outlet-{key}",
            published=PUBLISHED[key],
        )
        found[key] = analyse_dates_and_figures(nlp, article)
    return found


@pytest.fixture
def write_story(tmp_path):
    """Store one article per outlet, each given as its sentences (stored as the annotate
    stage stores them, no other stage); returns the store's path. Writing again to the
    same name adds the articles to that store."""
    import hashlib

    from rashomon.model import InputRecord, Outcome, Sentence
    from rashomon.store import Store

    def outcome(article_id: str, outlet: str, sentences: list[str], published: str) -> Outcome:
        text = " ".join(sentences)
        article = Article(
            article_id, f"test#{article_id}", text, title=sentences[0][:40],
            outlet=outlet, published=published,
        )
        analysis = Analysis(article)
        start = 0
        for s in sentences:
            analysis.sentences.append(Sentence(article_id, start, start + len(s), s))
            start += len(s) + 1
        digest = hashlib.sha1(text.encode()).hexdigest()
        return Outcome(InputRecord(article.input, digest, "ok", article_id=article_id), analysis)

    def write(story: dict[str, list[str]], published: str = "2018-03-22", name="story.db"):
        path = tmp_path / name
        with Store(path) as store:
            store.write_outcomes(
                outcome(f"{outlet.lower()}-{published}", outlet, sentences, published)
                for outlet, sentences in story.items()
            )
        return path

    return write

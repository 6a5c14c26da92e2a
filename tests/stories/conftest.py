"""Fixtures for the stories tests: the sample articles with their publication days, and
stores built from them in real SQLite files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.settings import Settings
from rashomon.store.db import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "blinken"

# The day each sample was published, as its own text reports the events it covers:
# the caption's "March 9, 2022" press conference; Putin's call to mobilise "on
# Wednesday" (21 September 2022); the referendums "from September 23 to 27" that Russia
# announced "just now" (same day); Blinken "told CBS News on Dec. 4" (next day's article);
# a "press briefing in Germany on Friday" (the Munich conference, 17 February 2023).
PUBLISHED = {
    "000": "2022-03-09",
    "001": "2022-09-21",
    "002": "2022-12-05",
    "003": "2022-09-21",
    "004": "2023-02-17",
}


def sample(key: str, published: str | None = "from-text") -> Article:
    """A sample as stored: first line the title, the rest the text; id = its number."""
    path = next(EXAMPLES.glob(f"{key}_*.txt"))
    title, _, text = path.read_text(encoding="utf-8").partition("\n")
    return Article(
        id=key,
        input=str(path),
        text=text.strip(),
        title=title.strip(),
        outlet=f"outlet-{key}",
        published=PUBLISHED[key] if published == "from-text" else published,
    )


@pytest.fixture(scope="session")
def samples() -> dict[str, Article]:
    return {key: sample(key) for key in sorted(PUBLISHED)}


def add_articles(store: Store, articles: Iterable[Article]) -> None:
    store.write_outcomes(
        Outcome(InputRecord(a.input, f"hash-{a.id}", "ok", article_id=a.id), Analysis(a))
        for a in articles
    )


@pytest.fixture
def make_store(tmp_path):
    """A real SQLite file holding the given articles."""

    def build(articles: Iterable[Article], name: str = "stories.db") -> Store:
        store = Store(tmp_path / name)
        add_articles(store, articles)
        return store

    return build


@pytest.fixture(scope="session")
def stories_settings() -> Settings:
    return Settings()


def placements(store: Store) -> dict[str, dict]:
    return {r["article_id"]: r for r in store.rows("SELECT * FROM story_articles")}


def groups(store: Store, column: str) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    for article_id, row in placements(store).items():
        found.setdefault(row[column], set()).add(article_id)
    return {frozenset(v) for v in found.values()}


def variant(article: Article, **changes) -> Article:
    return replace(article, **changes)


def stream(samples: dict[str, Article]) -> list[Article]:
    """Twenty articles over a fortnight: each sample whole, its two halves a day later (so
    copies of it, one arriving first for a re-rooted group) and an opening paragraph."""
    found = []
    for key, article in sorted(samples.items()):
        paragraphs = [p for p in article.text.split("\n") if p.strip()]
        middle = len(paragraphs) // 2
        day = article.published
        later = None if day is None else (date.fromisoformat(day) + timedelta(days=1)).isoformat()
        parts = {
            "whole": (article.text, day),
            "first": ("\n".join(paragraphs[:middle]), day),
            "second": ("\n".join(paragraphs[middle:]), later),
            "lead": (paragraphs[0], later),
        }
        for part, (text, published) in parts.items():
            found.append(
                replace(
                    article,
                    id=f"{key}-{part}",
                    input=f"{key}-{part}",
                    text=text,
                    outlet=f"outlet-{part}",
                    published=published,
                )
            )
    return found

"""A store holding the five sample articles, written directly (no stages), for briefing tests.

The outlets are given here as a reader would name them; titles are each file's first
non-blank line. The whole-pipeline store is the session fixture ``blinken_db``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "blinken"
OUTLETS = {
    "000": "Daily Sabah",
    "001": "Vanguard",
    "002": "Ukraine Today",
    "003": "UNIAN",
    "004": "Press TV",
}
DATES = {
    "000": "2022-03-09",
    "001": "2022-09-21",
    "002": "2022-12-05",
    "003": "2022-09-22",
    "004": "2023-02-17",
}


def article_from_file(path: Path) -> Article:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    prefix = path.name[:3]
    return Article(
        id=path.stem,
        input=str(path),
        text="\n\n".join(lines[1:]),
        title=lines[0],
        outlet=OUTLETS[prefix],
        published=DATES[prefix],
    )


def write_articles(db: Path, articles: list[Article]) -> Path:
    with Store(db) as store:
        store.write_outcomes(
            Outcome(
                InputRecord(
                    a.input, hashlib.sha1(a.text.encode()).hexdigest(), "ok", article_id=a.id
                ),
                Analysis(a),
            )
            for a in articles
        )
    return db


@pytest.fixture(scope="session")
def articles_only_db(tmp_path_factory) -> Path:
    """The sample articles with no stage output: every section but the sentences is missing."""
    paths = sorted(EXAMPLES.glob("*.txt"))
    return write_articles(
        tmp_path_factory.mktemp("plain") / "plain.db", [article_from_file(p) for p in paths]
    )


@pytest.fixture
def make_db(tmp_path):
    """Write the given articles into a fresh store; returns its path."""

    def make(articles: list[Article]) -> Path:
        return write_articles(tmp_path / "story.db", articles)

    return make

"""The conflicts stage over a real store: conflicts, series, and neither."""

from __future__ import annotations

import json

import pytest

from rashomon.conflicts import stage as conflicts
from rashomon.figures.queries import conflict_rows, figure_rows
from rashomon.model import Analysis, Article, Figure, InputRecord, Outcome
from rashomon.settings import Settings
from rashomon.store import Store


def outcome(article: Article, figures: list[Figure]) -> Outcome:
    analysis = Analysis(article)
    analysis.figures = figures
    record = InputRecord(article.input, f"hash-{article.id}", "ok", article_id=article.id)
    return Outcome(record, analysis)


def fig(
    article_id: str, text: str, value: float, counts: str, as_of=None, qualifier=None, source=None
):
    return Figure(
        article_id, 0, len(text), text, value, None, None, qualifier, counts, as_of, source
    )


def article(key: str, published: str) -> Article:
    return Article(
        id=key, input=f"{key}.txt", text="x" * 50, outlet=f"outlet {key}", published=published
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "r.db") as opened:
        yield opened


def test_conflict_series_and_neither(store):
    store.write_outcomes(
        [
            outcome(
                article("a", "2022-03-09"),
                [fig("a", "474", 474, "civilians killed", source="UN figures")],
            ),
            outcome(
                article("b", "2022-03-09"),
                [fig("b", "600", 600, "civilians killed in Ukraine", source="Kyiv")],
            ),
            outcome(article("c", "2022-03-20"), [fig("c", "900", 900, "civilians killed")]),
            outcome(
                article("d", "2022-03-09"),
                [fig("d", "2 million", 2e6, "people who fled their homes")],
            ),
        ]
    )
    conflicts.run(store, Settings())
    rows = list(conflict_rows(store))
    by_kind = {r["kind"]: r for r in rows}
    assert set(by_kind) == {"conflict", "series"}
    clash = by_kind["conflict"]
    assert [m["article_id"] for m in clash["members"]] == ["a", "b"]
    assert {m["source"] for m in clash["members"]} == {"UN figures", "Kyiv"}
    assert {m["article_id"] for m in by_kind["series"]["members"]} == {"a", "b", "c"}
    conflicts.run(store, Settings())  # re-running adds nothing
    assert list(conflict_rows(store)) == rows


def test_stories_keep_conflicts_apart(store):
    store.write_outcomes(
        [
            outcome(article("a", "2022-03-09"), [fig("a", "474", 474, "civilians killed")]),
            outcome(article("b", "2022-03-09"), [fig("b", "600", 600, "civilians killed")]),
        ]
    )
    store.conn.executemany(
        "INSERT INTO story_articles VALUES (?, ?, ?, NULL, NULL)",
        [("a", "e1", "s1"), ("b", "e2", "s2")],
    )
    store.conn.commit()
    conflicts.run(store, Settings())
    assert list(conflict_rows(store)) == []
    store.conn.execute("UPDATE story_articles SET storyline_id = 's1'")
    store.conn.commit()
    conflicts.run(store, Settings())
    (row,) = conflict_rows(store)
    assert row["story_id"] == "s1"  # the widest story, as views/stories.py names it


def test_samples_refugees_abroad_and_displaced_at_home_are_no_conflict(store, samples):
    store.write_outcomes(
        [
            outcome(samples["000"].article, samples["000"].figures),
            outcome(samples["001"].article, samples["001"].figures),
        ]
    )
    stored = {r["value"]: r for r in figure_rows(store)}
    assert stored[2_100_000]["counts"] and stored[13_000_000]["counts"]
    conflicts.run(store, Settings())
    for row in conflict_rows(store):
        values = {m["value"] for m in row["members"]}
        assert not {2_100_000, 13_000_000} <= values, json.dumps(row)

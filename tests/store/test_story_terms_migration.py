"""Migration 021 on a store the stories stage filled before it: terms get ids, and the next
run stores the term set of every article still placed, from its text."""

from __future__ import annotations

import json

import pytest
from tests.stories.conftest import PUBLISHED, add_articles, sample

from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.stories import repo
from rashomon.stories.stage import run


@pytest.fixture
def samples():
    return {key: sample(key) for key in sorted(PUBLISHED)}


def term_sets(store: Store) -> dict[str, set[str]]:
    names = {i: t for t, i in store.conn.execute("SELECT term, id FROM story_terms")}
    return {
        article_id: {names[int(i)] for i in repo.unpack_ids(blob)}
        for article_id, blob in store.conn.execute(
            "SELECT article_id, term_ids FROM story_features"
        )
    }


def frequencies(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT term, df FROM story_terms").fetchall())


def back_to_020(store: Store) -> None:
    """The stories tables as a store made before migration 021 holds them."""
    with store.transaction():
        store.conn.execute("CREATE TABLE old_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL)"
                           " WITHOUT ROWID")  # fmt: skip
        store.conn.execute("INSERT INTO old_terms SELECT term, df FROM story_terms")
        store.conn.execute("DROP TABLE story_terms")
        store.conn.execute("ALTER TABLE old_terms RENAME TO story_terms")
        store.conn.execute("ALTER TABLE story_features DROP COLUMN term_ids")
        store.conn.execute("DELETE FROM story_state WHERE key = 'next_term'")
        store.conn.execute("DELETE FROM schema_migrations WHERE name LIKE '021_%'")


def test_migration_021_gives_older_stores_the_term_sets_the_stage_writes(tmp_path, samples):
    path = tmp_path / "old.db"
    with Store(path) as store:
        add_articles(store, samples.values())
        run(store, Settings())
        written, counted = term_sets(store), frequencies(store)
        back_to_020(store)
    with Store(path) as store:  # migrated on opening
        assert store.conn.execute("SELECT count(*) FROM story_features WHERE term_ids IS NULL"
                                  ).fetchone()[0] == len(samples)  # fmt: skip
        assert frequencies(store) == counted
        run(store, Settings())
        assert term_sets(store) == written
        assert frequencies(store) == counted
        assert repo.counter(store, "next_term") > max(
            i for (i,) in store.conn.execute("SELECT id FROM story_terms")
        )
        assert not store.conn.execute(
            "SELECT 1 FROM story_state WHERE key = 'term_sets_missing'"
        ).fetchone()


def test_an_article_gone_before_the_first_run_after_021_gives_back_its_stored_terms(
    tmp_path, samples
):
    """The documented rule for a text lost before its term set could be filled: only its
    stored heaviest terms (and its document) leave the counts."""
    path = tmp_path / "old.db"
    with Store(path) as store:
        add_articles(store, samples.values())
        run(store, Settings())
        before = frequencies(store)
        (terms,) = store.conn.execute(
            "SELECT terms FROM story_features WHERE article_id = '004'"
        ).fetchone()
        stored = set(json.loads(terms))
        back_to_020(store)
        with store.transaction():
            store.conn.execute("DELETE FROM inputs WHERE input = ?", (samples["004"].input,))
    with Store(path) as store:
        run(store, Settings())
        after = frequencies(store)
    assert after[""] == before[""] - 1
    for term, df in before.items():
        if term:
            assert after.get(term, 0) == df - (term in stored), term

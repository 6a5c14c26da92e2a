"""The store on a real SQLite file: migrations, WAL, idempotent writes, cascades, FTS."""

import sqlite3

import pytest

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import Store
from rashomon.store.articles import search, status_counts
from rashomon.store.db import migrations, split_sql


def ok(input_name: str, article_id: str, text: str, digest: str = "h1") -> Outcome:
    record = InputRecord(input_name, digest, "ok", "", article_id)
    return Outcome(
        record, Analysis(Article(id=article_id, input=input_name, text=text, title=text[:20]))
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "r.db") as s:
        yield s


def test_fresh_file_is_migrated_in_wal_mode(store):
    assert store.schema_version == max(n for n, _, _ in migrations())
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_does_not_migrate_again(tmp_path):
    Store(tmp_path / "r.db").close()
    with Store(tmp_path / "r.db") as again:
        assert again.schema_version == max(n for n, _, _ in migrations())


def test_writing_the_same_input_twice_keeps_one_row(store):
    store.write_outcomes([ok("a.txt", "a", "The port reopened on Monday.")])
    store.write_outcomes([ok("a.txt", "a", "The port reopened on Monday.")])
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert store.known_input("a.txt", "h1")
    assert not store.known_input("a.txt", "other")


def test_changed_input_replaces_its_article(store):
    store.write_outcomes([ok("a.txt", "a", "The port reopened on Monday.")])
    store.write_outcomes([ok("a.txt", "a", "The port closed again on Friday.", digest="h2")])
    (text,) = store.conn.execute("SELECT text FROM articles").fetchone()
    assert "closed again" in text
    assert [h["id"] for h in search(store, "closed")] == ["a"]
    assert search(store, "reopened") == []


def test_failed_input_keeps_what_others_stored(store):
    store.write_outcomes([ok("a.txt", "a", "The port reopened.")])
    store.write_outcomes([Outcome(InputRecord("b.bin", "x", "failed", "E103: not text"))])
    assert status_counts(store) == {"ok": 1, "skipped": 0, "failed": 1}
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_given_id_used_by_another_input_fails_that_input(store):
    store.write_outcomes([ok("a.jsonl#L1", "same", "First body.")])
    store.write_outcomes([ok("b.jsonl#L1", "same", "Second body.")])
    row = store.conn.execute(
        "SELECT status, reason FROM inputs WHERE input = 'b.jsonl#L1'"
    ).fetchone()
    assert row["status"] == "failed" and row["reason"].startswith("E401")


def test_search_tolerates_fts_syntax_errors(store):
    store.write_outcomes([ok("a.txt", "a", "Blinken said the talks were off.")])
    assert [h["id"] for h in search(store, 'blinken AND "talks')] == ["a"]
    assert search(store, "NEAR(blinken talks)")[0]["id"] == "a"


def test_readonly_store_refuses_writes(tmp_path):
    Store(tmp_path / "r.db").close()
    with Store(tmp_path / "r.db", readonly=True) as ro, pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("DELETE FROM inputs")


def test_split_sql_keeps_triggers_whole():
    script = (
        "CREATE TABLE t (a);\n-- note\n"
        "CREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\nEND;\n"
    )
    assert len(split_sql(script)) == 2


def test_a_migration_numbered_below_the_applied_ones_is_still_applied(tmp_path):
    with Store(tmp_path / "r.db") as store:
        newest = store.schema_version
        # As if the file had been made before migration 002 existed.
        store.conn.execute("DELETE FROM schema_migrations WHERE name LIKE '002%'")
        for table in ("quotes", "mentions", "sentences", "entities"):
            store.conn.execute(f"DROP TABLE IF EXISTS {table}")
    with Store(tmp_path / "r.db") as again:
        names = {r[0] for r in again.conn.execute("SELECT name FROM sqlite_master")}
        assert {"quotes", "mentions", "sentences", "entities"} <= names
        assert again.schema_version == newest

"""The store on a real SQLite file: migrations, WAL, idempotent writes, cascades, FTS."""

import sqlite3

import pytest

from rashomon.errors import RashomonError
from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import Store
from rashomon.store.articles import problems, search, status_counts
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


def failed(input_name: str, reason: str = "E110: could not fetch the URL") -> Outcome:
    return Outcome(InputRecord(input_name, "", "failed", reason))


def test_regression_failed_reread_keeps_the_stored_article(store):
    # A URL briefly down (or a file made unreadable) used to wipe its article.
    store.write_outcomes([ok("https://x.test/a", "a", "The port reopened on Monday.")])
    store.write_outcomes([failed("https://x.test/a")])
    row = store.conn.execute("SELECT status, article_id, failure FROM inputs").fetchone()
    assert (row["status"], row["article_id"]) == ("ok", "a")
    assert row["failure"].startswith("E110")
    assert [h["id"] for h in search(store, "reopened")] == ["a"]
    (listed,) = problems(store)
    assert listed["status"] == "ok" and listed["reason"].startswith("E406")
    assert "E110" in listed["reason"]
    # Kept but not settled: the next run reads it again, and a success clears the note.
    assert not store.known_input("https://x.test/a", "h1")
    store.write_outcomes([ok("https://x.test/a", "a", "The port closed on Friday.", "h2")])
    row = store.conn.execute("SELECT status, failure FROM inputs").fetchone()
    assert (row["status"], row["failure"]) == ("ok", "")
    assert problems(store) == []


def test_regression_file_swapped_for_a_fifo_keeps_the_stored_article(store):
    # benchmarks/hostile.py found it: E118 is a skip, and a skip replaced the article.
    store.write_outcomes([ok("a.txt", "a", "The port reopened on Monday.")])
    fifo = InputRecord("a.txt", "", "skipped", "E118: not a regular file: a FIFO")
    store.write_outcomes([Outcome(fifo)])
    row = store.conn.execute("SELECT status, article_id, failure FROM inputs").fetchone()
    assert (row["status"], row["article_id"]) == ("ok", "a")
    assert row["failure"].startswith("E118")


def test_a_skipped_reread_replaces_the_article(store):
    store.write_outcomes([ok("a.txt", "a", "The port reopened on Monday.")])
    skipped = InputRecord("a.txt", "h2", "skipped", "E202: not English")
    store.write_outcomes([Outcome(skipped)])
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert status_counts(store)["skipped"] == 1


def test_a_duplicate_id_keeps_the_inputs_own_earlier_article(store):
    store.write_outcomes([ok("a.jsonl#L1", "one", "First body.")])
    store.write_outcomes([ok("b.jsonl#L1", "two", "Second body.")])
    store.write_outcomes([ok("b.jsonl#L1", "one", "Second body, changed.", "h2")])
    rows = {r["input"]: dict(r) for r in store.conn.execute("SELECT * FROM inputs")}
    assert rows["b.jsonl#L1"]["status"] == "ok" and rows["b.jsonl#L1"]["article_id"] == "two"
    assert rows["b.jsonl#L1"]["failure"].startswith("E401")


def test_a_read_only_file_is_opened_read_only(tmp_path):
    path = tmp_path / "r.db"
    with Store(path) as store:
        store.write_outcomes([ok("a.txt", "a", "The port reopened.")])
    path.chmod(0o444)
    try:
        with Store(path) as ro:
            assert ro.readonly
            assert status_counts(ro)["ok"] == 1
            with pytest.raises(RashomonError) as err:
                ro.write_outcomes([ok("b.txt", "b", "Another.")])
            assert err.value.code == "E405"
    finally:
        path.chmod(0o644)


def test_a_read_only_folder_is_read_without_wal_files(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with Store(folder / "r.db") as store:
        store.write_outcomes([ok("a.txt", "a", "The port reopened.")])
    for extra in folder.glob("r.db-*"):
        extra.unlink()  # as a copied or archived database has no -wal/-shm beside it
    (folder / "r.db.lock").unlink()
    folder.chmod(0o555)
    try:
        with Store(folder / "r.db") as ro:
            assert ro.readonly
            assert [h["id"] for h in search(ro, "port")] == ["a"]
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.mkdir(), "E512"),
        (lambda p: p.write_text("# README\n\nnot a database\n"), "E512"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200), "E512"),
    ],
    ids=["directory", "text-file", "corrupt"],
)
def test_regression_a_path_that_is_no_database_is_a_numbered_error(tmp_path, make, code):
    # `stories --db README.md` and `status --db DIR` printed tracebacks.
    path = tmp_path / "README.md"
    make(path)
    with pytest.raises(RashomonError) as err:
        Store(path)
    assert err.value.code == code
    with pytest.raises(RashomonError):
        Store(path, readonly=True)


def test_an_outcome_sqlite_refuses_fails_alone(store):
    # A figure or record holding a number too large for SQLite used to abort the batch.
    bad = ok("big.jsonl#L1", "big", "A huge number.")
    bad.analysis.article.published_confidence = 10**5000  # OverflowError in sqlite3
    store.write_outcomes([ok("a.txt", "a", "The port reopened."), bad])
    rows = {r["input"]: dict(r) for r in store.conn.execute("SELECT * FROM inputs")}
    assert rows["a.txt"]["status"] == "ok"
    assert rows["big.jsonl#L1"]["status"] == "failed"
    assert rows["big.jsonl#L1"]["reason"].startswith("E407")
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_known_input_needs_the_stage_versions_that_made_its_article(store):
    outcome = ok("a.txt", "a", "The port reopened on Monday.")
    outcome.stages = {"annotate": "2", "quotes": "3"}
    store.write_outcomes([outcome])
    assert store.article_stages("a") == {"annotate": "2", "quotes": "3"}
    assert store.known_input("a.txt", "h1", {"annotate": "2", "quotes": "3"})
    assert not store.known_input("a.txt", "h1", {"annotate": "2", "quotes": "4"})
    assert not store.known_input("a.txt", "h1", {"annotate": "2", "quotes": "3", "new": "1"})
    assert not store.known_input("a.txt", "h1", {"annotate": "2", "quotes": "3"}, {"quotes"})


def test_replacing_an_article_replaces_its_stage_versions(store):
    first = ok("a.txt", "a", "The port reopened on Monday.")
    first.stages = {"quotes": "3"}
    store.write_outcomes([first])
    second = ok("a.txt", "a", "The port closed again on Friday.", digest="h2")
    second.stages = {"quotes": "4"}
    store.write_outcomes([second])
    rows = store.conn.execute("SELECT stage, version FROM article_stages").fetchall()
    assert [tuple(r) for r in rows] == [("quotes", "4")]


def test_has_table_finds_tables_and_views_and_nothing_else(store):
    store.conn.execute("CREATE VIEW article_titles AS SELECT title FROM articles")
    assert store.has_table("articles") and store.has_table("article_titles")
    assert not store.has_table("no_such_table")
    assert not store.has_table("articles' OR '1'='1")  # the name is a parameter, not SQL

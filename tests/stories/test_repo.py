"""What the stories stage reads from the store beside the articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.stories.conftest import add_articles, sample
from tests.stories.test_copies import band_table

from rashomon.model import Analysis, DateRef, InputRecord, Outcome
from rashomon.settings import Settings
from rashomon.store.db import migrations, split_sql
from rashomon.stories import repo
from rashomon.stories.repo import mentioned_days
from rashomon.stories.stage import run


def test_named_days_are_the_day_precise_single_dates(make_store):
    article = sample("001")
    dates = [
        DateRef(article.id, 0, 9, "Wednesday", "2022-09-21", None, "day"),
        DateRef(article.id, 10, 30, "September 23 to 27", "2022-09-23", "2022-09-27", "day"),
        DateRef(article.id, 31, 40, "in October", "2022-10-01", None, "month"),
        DateRef(article.id, 41, 50, "on Friday", None, None, "day", "pattern:unanchored"),
    ]
    with make_store([]) as store:
        store.write_outcomes(
            [Outcome(InputRecord(article.input, "h", "ok", article_id=article.id),
                     Analysis(article, dates=dates))]
        )  # fmt: skip
        assert mentioned_days(store, [article.id]) == {article.id: [date(2022, 9, 21).toordinal()]}
        assert mentioned_days(store, ["absent"]) == {}


def test_migration_020_backfills_the_band_keys_the_stage_writes(make_store, samples):
    """A store whose signatures predate the band table gets, from migration 020, exactly
    the keys the stage would have written (the SQL slices the stored blobs itself)."""
    with make_store(samples.values()) as store:
        run(store, Settings())
        written = band_table(store)
        assert written
        backfill = next(
            s for _, name, sql in migrations() if name.startswith("020_")
            for s in split_sql(sql) if "INSERT INTO story_bands" in s
        )  # fmt: skip
        with store.transaction():
            store.conn.execute("DELETE FROM story_bands")
            store.conn.execute(backfill)
        assert band_table(store) == written


# Whole-table reads an increment still makes: the ids of articles not yet placed and of
# placed ones deleted since (index-only scans of the id columns, a few bytes an article),
# and the schema (whether the dates table exists).
ID_SCANS = {
    "SCAN sqlite_master",
    "SCAN articles USING COVERING INDEX sqlite_autoindex_articles_1",
    "SCAN a USING INDEX sqlite_autoindex_articles_1",
    "SCAN story_features USING COVERING INDEX sqlite_autoindex_story_features_1",
}


def test_regression_increment_reads_stored_stories_by_key_only(make_store, samples):
    """Each run rebuilt the copy index from every stored signature, and read every
    document frequency and copy root, so adding articles slowed with the store. Now every
    statement of an increment reads the store by key: its query plans scan no table, bar
    the two id-index scans that find what to do."""
    first, second = list(samples.values())[:3], list(samples.values())[3:]
    with make_store(first) as store:
        run(store, Settings())
        add_articles(store, second)
        with store.transaction():  # one deletion too, so forgetting is traced
            store.conn.execute("DELETE FROM inputs WHERE input = ?", (first[0].input,))
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        run(store, Settings())
        store.conn.set_trace_callback(None)
        scans = set()
        for sql in statements:
            if sql.lstrip().split(" ", 1)[0].upper() not in ("SELECT", "UPDATE", "DELETE"):
                continue
            for *_, detail in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
                if detail.startswith("SCAN ") and "CONSTANT ROW" not in detail:
                    scans.add(detail)
        assert len(statements) > 50
        # Forgetting the deleted article's terms (by id) is among what was planned.
        assert any(
            s.startswith("UPDATE story_terms SET df = df -") and "WHERE id =" in s
            for s in statements
        )
        assert scans <= ID_SCANS, scans - ID_SCANS


def document_frequencies(store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT term, df FROM story_terms").fetchall())


def test_regression_deleted_and_reanalysed_articles_kept_their_document_frequencies(
    make_store, samples
):
    """story_terms was only ever incremented: an article deleted, or analysed again with a
    new text, left its old terms counted, so a store that saw A then A' weighted terms
    unlike a store that saw only A'. Now it ends with a fresh store's frequencies."""
    reanalysed = replace(samples["002"], text=samples["002"].text.split("\n")[0] + " Ferry")
    with make_store(samples.values(), "history.db") as store:
        run(store, Settings())
        add_articles(store, [reanalysed])
        with store.transaction():
            store.conn.execute("DELETE FROM inputs WHERE input = ?", (samples["003"].input,))
        run(store, Settings())
        history = document_frequencies(store)
    final = [a for k, a in samples.items() if k not in ("002", "003")] + [reanalysed]
    with make_store(final, "fresh.db") as store:
        run(store, Settings())
        fresh = document_frequencies(store)
    assert history[""] == len(final)
    assert history == fresh


def test_every_counted_term_is_in_its_articles_stored_term_set(make_store, samples):
    with make_store(samples.values()) as store:
        run(store, Settings())
        names = {i: t for t, i in store.conn.execute("SELECT term, id FROM story_terms")}
        counted: Counter[str] = Counter()
        for (blob,) in store.conn.execute("SELECT term_ids FROM story_features"):
            counted.update(names[int(i)] for i in repo.unpack_ids(blob))
        counted[""] = len(samples)
        assert counted == Counter(document_frequencies(store))


@given(st.lists(st.integers(0, 2**35 - 1), max_size=400))
def test_packed_term_ids_round_trip_as_a_sorted_set(ids):
    assert repo.unpack_ids(repo.pack_ids(ids)).tolist() == sorted(set(ids))


def test_regression_two_stale_articles_in_one_run_crashed_the_stage(make_store, samples):
    """orphans sorted sqlite3.Row objects, which do not compare: a run with two or more
    articles deleted or analysed again since the last one raised TypeError."""
    with make_store(samples.values()) as store:
        run(store, Settings())
        with store.transaction():
            for key in ("000", "003"):
                store.conn.execute("DELETE FROM inputs WHERE input = ?", (samples[key].input,))
        assert [article_id for article_id, _, _ in repo.orphans(store)] == ["000", "003"]
        run(store, Settings())
        assert store.conn.execute("SELECT sum(size) FROM story_events").fetchone()[0] == 3


def test_a_term_id_past_the_varint_width_is_refused():
    with pytest.raises(ValueError, match="more than"):
        repo.pack_ids([1 << (7 * repo.VARINT_BYTES)])

"""The entities stage over the sample corpus: one entity per person, stable ids."""

from __future__ import annotations

from rashomon.entities import stage
from rashomon.store import Store


def people(store: Store) -> dict[str, dict]:
    return {r["name"]: r for r in store.rows("SELECT * FROM entities WHERE type = 'PERSON'")}


def test_each_person_is_one_entity(blinken_db):
    with Store(blinken_db) as store:
        found = people(store)
        for surname in ("Blinken", "Haynes", "Truss", "Zelensky"):
            assert len([n for n in found if surname in n]) == 1, sorted(found)
        assert found["Antony Blinken"]["article_count"] == 5
        assert "Anthony Blinken" in found["Antony Blinken"]["aliases"]
        unlinked = store.conn.execute(
            "SELECT count(*) FROM mentions WHERE entity_id IS NULL AND name != ''"
        ).fetchone()[0]
        assert unlinked == 0


def test_rerun_adds_nothing_and_keeps_ids(blinken_db, settings):
    with Store(blinken_db) as store:
        before = {r["id"]: r for r in store.rows("SELECT * FROM entities")}
        stage.run(store, settings)
        after = {r["id"]: r for r in store.rows("SELECT * FROM entities")}
        assert before == after


def test_quote_speakers_are_entities(blinken_db):
    with Store(blinken_db) as store:
        rows = list(
            store.rows("SELECT speaker, speaker_id FROM quotes WHERE speaker_id LIKE '%; %'")
        )
        assert rows and rows[0]["speaker"] == "Antony Blinken; Elizabeth Truss"


def test_rerun_leaves_every_mention_as_it_was(blinken_db, settings, tmp_path):
    """Regression: articles with a rightly unlinked mention were linked again on every
    run, and their mentions' rules changed from 'new' to 'alias'."""
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(blinken_db, copy)
    sql = "SELECT article_id, start, entity_id, rule FROM mentions ORDER BY article_id, start"
    with Store(copy) as store:
        before = [tuple(r) for r in store.conn.execute(sql)]
        stage.run(store, settings)
        assert [tuple(r) for r in store.conn.execute(sql)] == before


def test_an_article_that_fails_to_link_is_recorded_and_the_others_are_linked(
    blinken_db, settings, tmp_path, monkeypatch
):
    import shutil

    from rashomon.store.articles import stage_failures

    copy = tmp_path / "copy.db"
    shutil.copy(blinken_db, copy)
    with Store(copy) as store:
        store.conn.execute("DELETE FROM entity_linked")
        store.conn.execute("UPDATE mentions SET entity_id = NULL")
        store.conn.execute("DELETE FROM entities")
        store.conn.commit()
        first = store.conn.execute("SELECT id FROM articles ORDER BY rowid").fetchone()[0]
        link = stage._link_article

        def failing(store_, index, article_id):
            link(store_, index, article_id)  # half done: its writes must be undone
            if article_id == first:
                raise IndexError("list index out of range")

        monkeypatch.setattr(stage, "_link_article", failing)
        stage.run(store, settings)
        linked = {r[0] for r in store.conn.execute("SELECT article_id FROM entity_linked")}
        assert first not in linked and len(linked) == 4
        (row,) = stage_failures(store)
        assert (row["stage"], row["unit"]) == ("entities", first)
        assert row["reason"].startswith("E305") and "IndexError" in row["reason"]
        left = store.conn.execute(
            "SELECT count(*) FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL",
            (first,),
        ).fetchone()[0]
        assert left == 0
        monkeypatch.setattr(stage, "_link_article", link)
        stage.run(store, settings)  # fixed: the article is linked and its record cleared
        assert stage_failures(store) == []
        assert store.conn.execute("SELECT count(*) FROM entity_linked").fetchone()[0] == 5

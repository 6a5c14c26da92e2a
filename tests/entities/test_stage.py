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

"""Story identity, decided once: events, storylines, copies, and the corpus story."""

from __future__ import annotations

from rashomon.store import Store
from rashomon.views.compare import compare_inputs
from rashomon.views.stories import (
    CORPUS_STORY,
    list_stories,
    narrowest_story,
    story_article_ids,
    story_rows,
    widest_story,
)

STORY = {
    "Alpha": ["The minister resigned on Tuesday after weeks of pressure."],
    "Beta": ["The minister stepped down on Tuesday after the budget row."],
    "Gamma": ["Rain is expected across the north of the country on Friday."],
}


def place(store: Store, rows: list[tuple[str, str, str | None, str | None]]) -> None:
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO story_articles (article_id, event_id, storyline_id, copy_of) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )


def test_a_store_without_stories_has_one_corpus_story(write_story):
    with Store(write_story(STORY)) as store:
        assert [s.id for s in list_stories(store)] == [CORPUS_STORY]
        assert len(story_article_ids(store, CORPUS_STORY)) == 3


def test_events_storylines_and_copies(write_story):
    with Store(write_story(STORY)) as store:
        ids = sorted(r["id"] for r in store.rows("SELECT id FROM articles"))
        alpha, beta, gamma = ids
        place(store, [(alpha, "e1", "s1", None), (beta, "e1", "s1", alpha),
                      (gamma, "e2", None, None)])
        stories = {s.id: s for s in list_stories(store)}
        assert set(stories) == {"s1", "e1", "e2"}
        assert stories["e1"].parent == "s1" and stories["e2"].parent is None
        # A copy stays a member of its story; outlets are counted once each.
        assert sorted(story_article_ids(store, "e1")) == [alpha, beta]
        assert stories["e1"].outlets == ["Alpha", "Beta"]
        assert story_article_ids(store, "e2") == [gamma]


def test_story_rows_of_some_articles_are_those_of_the_whole_read(write_story):
    """A page reads its own articles' placement, not every article's in the store."""
    with Store(write_story(STORY)) as store:
        alpha, beta, gamma = sorted(r["id"] for r in store.rows("SELECT id FROM articles"))
        place(store, [(alpha, "e1", "s1", None), (beta, "e1", "s1", alpha)])
        whole = {r["article_id"]: r for r in story_rows(store)}
        assert story_rows(store, [beta]) == [whole[beta]]
        # in storage order, whatever order the ids are asked in
        stored_order = [r for i, r in whole.items() if i != beta]
        assert story_rows(store, [gamma, alpha]) == stored_order
        assert whole[gamma]["event_id"] is None  # not placed: still a row, with no event
        assert story_rows(store, []) == []


def test_compare_inputs_read_the_stored_sentences_in_publication_order(write_story):
    with Store(write_story(STORY)) as store:
        ids = [r["id"] for r in store.rows("SELECT id FROM articles")]
        found = compare_inputs(store, ids)
    assert [a.outlet for a in found] == ["Alpha", "Beta", "Gamma"]
    assert found[0].sentences == [(0, len(STORY["Alpha"][0]), STORY["Alpha"][0])]


def test_widest_story_is_the_storyline_and_narrowest_the_event_then_the_corpus():
    def row(event: str | None, storyline: str | None) -> dict[str, str | None]:
        return {"article_id": "a", "event_id": event, "storyline_id": storyline, "copy_of": None}

    assert widest_story(row("e1", "s1")) == "s1"
    assert widest_story(row("e2", None)) == "e2"
    assert widest_story(row(None, None)) == CORPUS_STORY
    assert narrowest_story(row("e1", "s1")) == "e1"
    assert narrowest_story(row(None, "s2")) == "s2"
    assert narrowest_story(row(None, None)) == CORPUS_STORY

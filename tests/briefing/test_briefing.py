"""The briefing: content matched by meaning across outlets, single-outlet content, speakers."""

from __future__ import annotations

import json

import pytest

from rashomon.briefing import build_briefing, to_markdown
from rashomon.briefing.queries import CORPUS_STORY, list_stories
from rashomon.errors import RashomonError
from rashomon.model import Article
from rashomon.settings import Settings
from rashomon.store import Store

FILLER = {
    "a": "The harvest festival drew large crowds to the old market square this weekend.",
    "b": "Local bakers reported record sales of bread and pastries at their stalls.",
    "c": "A new cycling lane along the river will open to commuters in the spring.",
}


def story(make_db) -> Store:
    articles = [
        Article(
            "a1",
            "a1",
            "The finance minister resigned on Tuesday after weeks of pressure "
            "over the budget scandal. " + FILLER["a"],
            title="Minister quits",
            outlet="Alpha",
            published="2024-05-01",
        ),
        Article(
            "b1",
            "b1",
            FILLER["b"] + " On Tuesday the country's finance minister stepped "
            "down following the scandal over the budget.",
            title="Finance chief steps down",
            outlet="Beta",
            published="2024-05-01",
        ),
        Article(
            "c1",
            "c1",
            FILLER["c"] + " Opposition leaders called the resignation a "
            "victory for parliament and demanded new elections.",
            title="Calls for a vote",
            outlet="Gamma",
            published="2024-05-02",
        ),
    ]
    return Store(make_db(articles), readonly=True)


def test_paraphrases_are_one_point_carried_by_both_outlets(make_db):
    with story(make_db) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    assert len(b.shared) == 1
    point = b.shared[0]
    assert point.outlets == ["Alpha", "Beta"]
    assert {c.article_id for c in point.carried_by} == {"a1", "b1"}
    assert "resign" in point.text or "stepped down" in point.text


def test_content_of_one_outlet_is_reported_only_by_it(make_db):
    with story(make_db) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    only = {(p.outlets[0], p.text) for p in b.only}
    assert (
        "Gamma",
        "Opposition leaders called the resignation a victory for parliament and "
        "demanded new elections.",
    ) in only
    assert all(len(p.outlets) == 1 for p in b.only)
    assert not any("finance minister" in text for _, text in only)


def test_single_outlet_story_has_no_only_section(make_db):
    text = "The finance minister resigned on Tuesday after weeks of pressure over the budget."
    path = make_db([Article("a1", "a1", text, outlet="Alpha")])
    with Store(path, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    assert b.shared == [] and b.only == []


def test_unknown_story_is_a_numbered_error(articles_only_db):
    with Store(articles_only_db, readonly=True) as store, pytest.raises(RashomonError) as err:
        build_briefing(store, "no-such-story", Settings())
    assert err.value.code == "E601"


def test_missing_stage_tables_are_named(articles_only_db):
    with Store(articles_only_db, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
        stories = list_stories(store)
    assert [s.id for s in stories] == [CORPUS_STORY]
    assert b.quotes == [] and b.figures == []
    json.dumps(b.to_dict())  # the whole briefing is JSON-serialisable


@pytest.fixture(scope="module")
def sample_briefing(blinken_db):
    with Store(blinken_db, readonly=True) as store:
        ids = [s.id for s in list_stories(store) if s.kind != "event"]
        press_tv = next(
            r["id"] for r in store.rows("SELECT id, input FROM articles") if "004_" in r["input"]
        )
        return build_briefing(store, ids[0], Settings()), press_tv


def test_sample_storyline_lists_blinkens_statements_with_their_outlets(sample_briefing):
    b, _ = sample_briefing
    blinken = next(s for s in b.quotes if "Blinken" in s.speaker)
    assert len(blinken.statements) >= 10
    # Only Press TV names itself in the samples; the other four read "outlet unknown",
    # one label, never counted as four outlets (issue 14).
    assert b.story.article_count == 5
    assert sorted(blinken.outlets) == ["Press TV", "outlet unknown"]
    for statement in blinken.statements:
        assert statement.outlets and statement.carried_by
        assert {c.outlet for c in statement.carried_by} == set(statement.outlets)


def test_sample_storyline_marks_what_only_press_tv_says(sample_briefing):
    b, press_tv = sample_briefing
    mine = [p for p in b.only if p.article_id == press_tv]
    assert mine, "Press TV says things no other outlet does"
    assert any("unsubstantiated remarks" in p.text for p in mine)
    outlet = mine[0].outlets[0]
    assert f"only **{outlet}**" in to_markdown(b)
    blinken = next(s for s in b.quotes if "Blinken" in s.speaker)
    assert any(p.outlets == [outlet] for p in blinken.statements)

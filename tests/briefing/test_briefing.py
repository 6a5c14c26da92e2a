"""The briefing on points: the summary first, then how each outlet differs, with provenance."""

from __future__ import annotations

import json

import pytest

from rashomon.briefing import build_briefing, to_markdown
from rashomon.briefing.markdown import NOT_SHARED
from rashomon.compare.stage import run as run_points
from rashomon.errors import RashomonError
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.views.stories import CORPUS_STORY, list_stories

STORY = {
    "Alpha": [
        "The finance minister resigned on Tuesday after weeks of pressure over the budget.",
        "The harvest festival drew large crowds to the old market square this weekend.",
    ],
    "Beta": [
        "On Tuesday the country's finance minister stepped down following the budget row.",
        "Local bakers reported record sales of bread and pastries at their stalls.",
    ],
    "Gamma": [
        "Opposition leaders called the resignation a victory and demanded new elections.",
        "Finance minister quits amid pressure over the budget, officials said on Tuesday.",
    ],
}


@pytest.fixture
def story_db(write_story):
    path = write_story(STORY)
    with Store(path) as store:
        run_points(store, Settings())
    return path


def test_summary_opens_with_what_the_outlets_agree_on(story_db):
    with Store(story_db, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
        texts = {r["id"]: r["text"] for r in store.rows("SELECT id, text FROM articles")}
    assert b.points_stored and b.summary
    top = b.summary[0]
    assert top.kind == "consensus" and top.outlet_count >= 2
    assert "finance minister" in top.text.lower()
    for m in top.members:  # every passage is the article's own text at its span
        assert texts[m.article_id][m.start : m.end] == m.text


def test_each_outlet_adds_its_own_and_leaves_out_the_agreed(story_db):
    with Store(story_db, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    by_outlet = {d.outlet: d for d in b.differences}
    assert set(by_outlet) == {"Alpha", "Beta", "Gamma"}
    assert any("bakers" in p.text for p in by_outlet["Beta"].adds)
    assert all(p.outlets == ["Beta"] for p in by_outlet["Beta"].adds)
    for d in b.differences:
        assert all(d.outlet not in p.outlets for p in d.leaves_out)


def test_briefing_json_and_markdown_carry_the_point_ids(story_db):
    with Store(story_db, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
        stored = {r["id"] for r in store.rows("SELECT id FROM points")}
    data = json.loads(json.dumps(b.to_dict()))
    assert {p["id"] for p in data["summary"]} <= stored
    md = to_markdown(b)
    assert md.index("## Summary") < md.index("## How each outlet differs")
    assert f"[{b.summary[0].id}]" in md
    member = b.summary[0].members[0]
    assert f"`{member.article_id}:{member.start}-{member.end}`" in md


def test_without_the_points_stage_points_are_computed_for_the_read(write_story):
    with Store(write_story(STORY), readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    assert not b.points_stored and b.summary
    assert all(p.id.startswith("unstored-") for p in b.points)


def test_a_one_outlet_story_says_so_in_one_line(write_story):
    with Store(write_story({"Alpha": STORY["Alpha"]}), readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    assert b.single_outlet == "Alpha" and b.differences == []
    assert "Only **Alpha** covers this story: nothing to compare." in to_markdown(b)


def test_regression_markdown_is_not_over_escaped(write_story):
    text = "The drawn-out talks ended after 3 < 4 rounds & a walk-out by AT&T officials."
    other = "The drawn-out talks finally ended after a walk-out by the AT&T officials."
    with Store(write_story({"Alpha": [text], "Beta": [other]}), readonly=True) as store:
        md = to_markdown(build_briefing(store, CORPUS_STORY, Settings()))
    assert "drawn-out" in md and "walk-out" in md and "AT&T" in md and "3 < 4" in md
    assert "\\-" not in md and "&lt;" not in md and "&amp;" not in md


def test_unknown_story_is_a_numbered_error(articles_only_db):
    with Store(articles_only_db, readonly=True) as store, pytest.raises(RashomonError) as err:
        build_briefing(store, "no-such-story", Settings())
    assert err.value.code == "E601"


def test_missing_stage_tables_leave_an_empty_but_whole_briefing(articles_only_db):
    with Store(articles_only_db, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
        stories = list_stories(store)
    assert [s.id for s in stories] == [CORPUS_STORY]
    assert b.summary == [] and b.figures == []
    json.dumps(b.to_dict())  # the whole briefing is JSON-serialisable


@pytest.fixture(scope="module")
def sample_briefing(blinken_db):
    with Store(blinken_db, readonly=True) as store:
        ids = [s.id for s in list_stories(store) if s.kind != "event"]
        return build_briefing(store, ids[0], Settings())


def test_sample_storyline_briefing_compares_the_five_outlets(sample_briefing):
    b = sample_briefing
    assert b.points_stored and b.summary
    assert len(b.differences) == len(b.story.outlets) == 5
    assert all(p.outlet_count >= 2 for p in b.summary[:1])
    press_tv = next(d for d in b.differences if d.outlet == "Press TV")
    assert press_tv.adds and any(v.speaker.startswith("Antony Blinken") for v in press_tv.voices)
    families = {row["family"] for row in b.naming}
    assert "war" in families  # "special military operation" against "invasion"
    assert any(n.family == "war" for n in press_tv.naming)


def test_a_contested_point_is_listed_apart_not_summarised(write_story):
    story = {
        "Alpha": [
            "The minister will attend the summit in Brussels next week, aides said.",
            "The harvest festival drew large crowds to the old market square this weekend.",
        ],
        "Beta": [
            "The minister will not attend the summit in Brussels next week, aides said.",
            "Local bakers reported record sales of bread and pastries at their stalls.",
        ],
    }
    with Store(write_story(story), readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    (point,) = [p for p in b.points if p.outlet_count == 2]
    assert point.kind == "contested" and point.clash == "negation"
    assert point not in b.summary and b.summary
    section = to_markdown(b).split("## Where the outlets' accounts clash")[1].split("\n## ")[0]
    assert f"[{point.id}]" in section and "contested (negation)" in section


def test_regression_summary_empty_when_the_only_shared_point_is_contested(write_story):
    # Two one-sentence excerpts that clash: no consensus point and no other point, so
    # the summary stood empty. Now the contested point stands in, and the briefing says
    # that nothing is carried by most outlets.
    story = {
        "Alpha": ["The minister will attend the summit in Brussels next week, aides said."],
        "Beta": ["The minister will not attend the summit in Brussels next week, aides said."],
    }
    with Store(write_story(story), readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    assert [p.kind for p in b.summary] == ["contested"]
    assert not b.summary_shared and b.to_dict()["summary_shared"] is False
    summary = to_markdown(b).split("## Summary")[1].split("\n## ")[0]
    assert NOT_SHARED in summary and "contested (negation)" in summary


def test_a_summary_of_consensus_points_is_shared(story_db):
    with Store(story_db, readonly=True) as store:
        b = build_briefing(store, CORPUS_STORY, Settings())
    assert b.summary_shared and NOT_SHARED not in to_markdown(b)

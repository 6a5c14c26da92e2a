"""The points stage: stored once, re-running changes nothing, new articles keep old ids."""

from __future__ import annotations

from dataclasses import replace

from rashomon.compare.stage import run
from rashomon.settings import Settings
from rashomon.store import Store

from .conftest import BOLTON


def dump(store: Store) -> tuple[list, list]:
    points = list(store.rows("SELECT * FROM points ORDER BY id"))
    members = list(store.rows("SELECT * FROM point_members ORDER BY point_id, article_id"))
    return points, members


def test_rerunning_the_stage_changes_nothing(write_story):
    with Store(write_story({k: BOLTON[k] for k in ("Alpha", "Beta")})) as store:
        run(store, Settings())
        before = dump(store)
        run(store, Settings())
        assert dump(store) == before
        assert before[0] and all(p["story_id"] == "all" for p in before[0])


def test_adding_an_article_extends_points_without_renumbering(write_story):
    # The store holds sentences only (no entity mentions, so no lead rule): a threshold
    # at which Beta's and Gamma's wordings of the appointment match on their own.
    settings = replace(Settings(), compare_match_threshold=0.45)
    with Store(write_story({k: BOLTON[k] for k in ("Alpha", "Beta")})) as store:
        run(store, settings)
        old = {p["id"]: p["text"] for p in store.rows("SELECT id, text FROM points")}
        old_members = {
            (m["article_id"], m["start"]): m["point_id"]
            for m in store.rows("SELECT * FROM point_members")
        }
        write_story({"Gamma": BOLTON["Gamma"]}, "2018-03-23")  # into the same file
        run(store, settings)
        new_members = {
            (m["article_id"], m["start"]): m["point_id"]
            for m in store.rows("SELECT * FROM point_members")
        }
        ids = [r["id"] for r in store.rows("SELECT id FROM points")]
    for span, point_id in old_members.items():
        assert new_members[span] == point_id, "an old passage changed point"
    assert len(ids) == len(set(ids))
    fresh = set(ids) - set(old)
    assert fresh, "Gamma's own statements are new points"
    assert min(int(i[1:]) for i in fresh) > max(int(i[1:]) for i in old)
    appointment = {new_members[(a, s)] for (a, s) in new_members if a == "gamma-2018-03-23"}
    assert appointment & set(old), "Gamma's account of the appointment joins the old point"


def test_exports_list_points_and_their_members(write_story):
    from rashomon.store.export import available

    exports = available()
    with Store(write_story({k: BOLTON[k] for k in ("Alpha", "Beta")})) as store:
        run(store, Settings())
        points = list(exports["points"].rows(store))
        members = list(exports["point_members"].rows(store))
    assert exports["points"].columns == (
        "story_id", "point_id", "kind", "text", "speaker", "outlets", "article_count",
        "outlet_count", "salience", "first_published",
    )
    assert exports["point_members"].columns == (
        "point_id", "article_id", "outlet", "start", "end", "text", "similarity",
    )
    assert {m["point_id"] for m in members} == {p["point_id"] for p in points}
    shared = [p for p in points if p["outlet_count"] == 2]
    assert shared and shared[0]["outlets"] == ["Alpha", "Beta"]
    assert shared[0]["kind"] == "consensus"


def test_changed_settings_recompute_the_points(write_story):
    from dataclasses import replace

    with Store(write_story({k: BOLTON[k] for k in ("Alpha", "Beta")})) as store:
        run(store, Settings())
        loose = {p["id"]: p["outlet_count"] for p in store.rows("SELECT * FROM points")}
        run(store, replace(Settings(), compare_match_threshold=0.95, compare_mutual_floor=0.95))
        strict = {p["id"]: p["outlet_count"] for p in store.rows("SELECT * FROM points")}
    assert max(loose.values()) == 2 and max(strict.values()) == 1
    assert set(loose) <= set(strict), "the passages keep their ids when a point splits"

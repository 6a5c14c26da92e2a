"""The story page's layout facts: honest date spans, registry facts, the matrix, framing rates."""

from __future__ import annotations

from rashomon.model import PointMember, StoryPoint
from rashomon.render.story import (
    cited_passages,
    date_span,
    facts_text,
    framing_columns,
    framing_views,
    matrix_rows,
)


def point(pid: str, outlets: list[str], kind: str = "shared") -> StoryPoint:
    members = [
        PointMember(pid, f"a-{o}", o, 10 * n, 10 * n + 5, "t", 1.0) for n, o in enumerate(outlets)
    ]
    return StoryPoint(
        pid, "s", kind, "t", members[0].article_id, 0, 5, None, outlets, len(outlets),
        len(outlets), 1.0, None, members=members,
    )  # fmt: skip


def test_regression_month_precision_story_span_showed_a_day():
    articles = [
        {"published": "2023-01-01", "published_precision": "month"},
        {"published": "2023-03-09", "published_precision": "day"},
        {"published": None, "published_precision": None},
    ]
    assert date_span(articles) == "January 2023 to 9 March 2023"
    assert date_span([{"published": None}]) == "undated"


def test_registry_facts_beside_known_outlets_only():
    assert facts_text("Press TV") == "state-affiliated, IR"
    assert facts_text("outlet unknown (fe6b943c)") == ""
    assert facts_text(None) == ""


def test_matrix_marks_who_carries_and_who_leaves_out():
    rows = matrix_rows(
        [point("p1", ["A", "B"]), point("p2", ["C"]), point("p3", ["C"], "contested")],
        ["A", "B", "C"],
        limit=10,
    )
    assert [r.point.id for r in rows] == ["p1", "p3"]  # one outlet's own point is its "adds"
    assert [m.outlet if m else None for m in rows[0].cells] == ["A", "B", None]
    assert len(matrix_rows([point(f"p{n}", ["A", "B"]) for n in range(5)], ["A"], 3)) == 3


def test_framing_is_per_1000_words_and_split_by_voice():
    framing = {
        "outlets": [{"outlet": "A", "counts": {"loaded": 3, "zz_new": 1}, "quoted": {"loaded": 1}}]
    }
    (view,) = framing_views(framing, {"A": 500})
    assert view.words == 500
    assert [(r.kind, r.own, r.quoted) for r in view.rates.values()] == [
        ("Loaded words", 6.0, 2.0),
        ("Zz new", 2.0, 0.0),
    ]
    assert framing_columns([view]) == ["Loaded words", "Zz new"]
    (empty,) = framing_views(framing, {})
    assert all(r.own == 0 for r in empty.rates.values())  # no words: no rate, no error


def test_cited_passages_once_each_in_order():
    cited = cited_passages([point("p1", ["A", "B"]), point("p2", ["A"])])
    assert [m.start for m in cited["a-A"]] == [0]
    assert [m.start for m in cited["a-B"]] == [10]

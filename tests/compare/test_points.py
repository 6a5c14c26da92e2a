"""points_for: paraphrases across outlets become one point; topic-only neighbours do not."""

from __future__ import annotations

from dataclasses import replace

from rashomon.compare import points_for
from rashomon.model import ArticleText
from rashomon.settings import Settings


def test_the_same_appointment_in_three_wordings_is_one_consensus_point(bolton_inputs):
    points = points_for(bolton_inputs, Settings())
    named = [p for p in points if any("Bolton" in m.text and "adviser" in m.text
                                      for m in p.members)]
    top = max(named, key=lambda p: p.outlet_count)
    assert top.outlet_count == 3 and top.kind == "consensus"
    assert {m.outlet for m in top.members} == {"Alpha", "Beta", "Gamma"}
    for m in top.members:  # every member is a span of its own article's text
        assert "national security adviser" in m.text
        assert m.end - m.start == len(m.text)
    assert top.text in {m.text for m in top.members}
    assert max(m.similarity for m in top.members) == 1.0


def test_topic_only_neighbours_stay_apart(bolton_inputs):
    points = points_for(bolton_inputs, Settings())
    for p in points:
        texts = " ".join(m.text for m in p.members)
        if "warned that the appointment" in texts:
            assert p.outlets == ["Beta"] and p.kind == "unique"
        if "regime change" in texts:
            assert p.outlets == ["Gamma"]


def test_each_unit_is_in_exactly_one_point(bolton_inputs):
    points = points_for(bolton_inputs, Settings())
    spans = [(m.article_id, m.start) for p in points for m in p.members]
    assert len(spans) == len(set(spans)) == sum(len(a.sentences) for a in bolton_inputs)


def test_points_come_most_salient_first_with_the_earliest_publication(bolton_inputs):
    bolton_inputs[1].published = "2018-03-21"
    points = points_for(bolton_inputs, Settings())
    assert [p.salience for p in points] == sorted((p.salience for p in points), reverse=True)
    top = max(points, key=lambda p: p.outlet_count)
    assert top.first_published == "2018-03-21"


def test_short_fragments_are_not_units():
    article = ArticleText("a", "Alpha", None, [(0, 9, "By AP."), (10, 60, "x " * 25)])
    assert all(m.text != "By AP." for p in points_for([article], Settings()) for m in p.members)


def test_a_one_outlet_story_has_only_unique_points(bolton_inputs):
    points = points_for(bolton_inputs[:1], Settings())
    assert points and {p.kind for p in points} == {"unique"}


def test_a_stricter_threshold_never_adds_matches(bolton_inputs):
    loose = points_for(bolton_inputs, Settings())
    strict = points_for(
        bolton_inputs,
        replace(Settings(), compare_match_threshold=0.9, compare_mutual_floor=0.9),
    )
    assert len(strict) >= len(loose)
    assert all(p.outlet_count == 1 for p in strict)

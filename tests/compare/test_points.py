"""points_for: paraphrases across outlets become one point; topic-only neighbours do not."""

from __future__ import annotations

from dataclasses import replace

from tests.compare.conftest import past_the_lead

from rashomon.compare import points_for
from rashomon.compare.align import similarity
from rashomon.compare.units import make_units
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


def members_of(points, text: str) -> list[str]:
    """The member texts of the point that holds ``text``."""
    return [m.text for p in points for m in p.members if text in {x.text for x in p.members}]


def test_regression_a_same_article_sentence_does_not_ride_along():
    # a's second sentence answers the quote it follows; it matches b's sentence well
    # enough, but says something else than a's first: the point holds a's first only.
    first = (
        "The senator said the president is determined to stop Iran from building nuclear weapons."
    )
    second = (
        "If you are determined to stop Iran from building nuclear weapons, "
        "you act before it builds them."
    )
    other = (
        "The president is determined to stop Iran from building nuclear weapons, "
        "the senator said on Sunday."
    )
    inputs = [past_the_lead("a", [first, second]), past_the_lead("b", [other])]
    loose = replace(Settings(), compare_same_article_threshold=Settings().compare_match_threshold)
    assert sorted(members_of(points_for(inputs, loose), first)) == sorted([first, second, other])
    assert sorted(members_of(points_for(inputs, Settings()), first)) == sorted([first, other])


def test_regression_an_opposite_claim_is_not_a_silent_member():
    # "might leave office early" / "would not resign": one topic, opposite claims.
    hinted = "Governor Paul Hale hinted on Tuesday that he might leave office early."
    denied = "Governor Paul Hale said Wednesday he would not resign."
    inputs = [past_the_lead("a", [hinted]), past_the_lead("b", [denied])]
    off = replace(Settings(), compare_opposed_threshold=Settings().compare_match_threshold)
    joined = [p for p in points_for(inputs, off) if hinted in {m.text for m in p.members}]
    assert joined[0].kind == "consensus" and joined[0].outlet_count == 2
    assert members_of(points_for(inputs, Settings()), hinted) == [hinted]


def test_regression_a_denial_of_the_same_words_is_contested():
    confirmed = (
        "The mayor's office confirmed that the city would close three public libraries next year."
    )
    denied = "The mayor's office denied that the city plans to close public libraries next year."
    inputs = [past_the_lead("a", [confirmed]), past_the_lead("b", [denied])]
    point = next(p for p in points_for(inputs, Settings()) if p.outlet_count == 2)
    assert point.kind == "contested" and point.clash == "negation"


def test_regression_two_quotes_of_one_speaker_match_on_their_words_only():
    attribution = " Senator Jane Smith of Colorado told reporters at the Capitol on Monday."
    said = (
        "We will show them a real plan for the border",
        "I think the voters are tired of waiting",
    )
    sentences = ['"' + q + '," ' + attribution for q in said]
    inputs = [
        past_the_lead(k, [s], ((0, "Jane Smith", 1, len(q) + 1),))
        for k, s, q in zip("ab", sentences, said, strict=True)
    ]
    settings = replace(Settings(), compare_quote_share=0.2)
    units = [u for a in inputs for u in make_units(a, 6, 0.2)]
    sim = similarity(units, settings.compare_lexical_share, settings.compare_centring)
    i, j = (next(k for k, u in enumerate(units) if u.text == s) for s in sentences)
    # the sentences alone (name, attribution, topic) would match
    assert sim.blend(sim.whole, i, j) >= settings.compare_match_threshold
    assert sim.score(i, j) < settings.compare_match_threshold
    assert members_of(points_for(inputs, settings), sentences[0]) == [sentences[0]]

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Span

from rashomon.annotate.mentions import _outermost, find_mentions
from rashomon.annotate.stage import find_sentences
from rashomon.model import Mention


def person(nlp, text: str, name: str):
    found = [m for m in find_mentions(nlp(text), "a") if m.type == "PERSON" and m.name == name]
    assert found, [(m.text, m.name, m.type) for m in find_mentions(nlp(text), "a")]
    return found[0]


def test_title_goes_to_role(nlp):
    m = person(nlp, "U.S. Secretary of State Antony Blinken said on Wednesday.", "Antony Blinken")
    assert (m.text, m.role, m.rule) == (
        "U.S. Secretary of State Antony Blinken",
        "Secretary of State",
        "ner+title",
    )


def test_apposition_gives_the_role(nlp):
    text = "Avril Haynes spoke. Haynes, the US director of national intelligence, said so."
    m = [x for x in find_mentions(nlp(text), "a") if x.name == "Haynes"][0]
    assert m.role == "US director of national intelligence"


def test_missed_name_found_by_given_name(nlp):
    assert person(nlp, "Avril Haynes referred to past claims.", "Avril Haynes").rule == "given-name"


def test_place_tagged_as_person_is_retyped(nlp):
    doc = nlp("Kherson was shelled again.")
    kinds = {m.name: (m.type, m.rule) for m in find_mentions(doc, "a")}
    assert kinds.get("Kherson", ("GPE", "ner+gazetteer"))[0] == "GPE"


def test_role_noun_is_a_mention_without_a_name(nlp):
    doc = nlp("The American top diplomat said Putin would fail.")
    roles = [m for m in find_mentions(doc, "a") if m.rule == "role-noun"]
    assert [(m.name, m.role) for m in roles] == [("", "top diplomat")]


def test_sentences_are_trimmed(nlp):
    doc = nlp("First one.\n\nSecond one.")
    assert [s.text for s in find_sentences(doc, "a")] == ["First one.", "Second one."]


def test_place_word_in_a_mistagged_person_retypes_nothing(nlp):
    doc = nlp("N. Korea tests a bomb. North Korea said Korea would go on.")
    korea = [t.i for t in doc if t.text == "Korea"]
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, korea[1] - 1, korea[1] + 1, "GPE")]
    people = [m.text for m in find_mentions(doc, "a") if m.type == "PERSON"]
    assert people == ["N. Korea"]  # not every later "Korea"


def _brute_outermost(mentions: list[Mention]) -> list[Mention]:
    """The pairwise definition the sweep replaces: kept unless a longer mention holds it."""
    kept = [
        m
        for m in mentions
        if not any(
            o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
            for o in mentions
        )
    ]
    return sorted(kept, key=lambda m: (m.start, -m.end))


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=30))
def test_outermost_sweep_matches_the_pairwise_definition(spans):
    mentions = [Mention("a", s, s + n, "x", "ORG", "x") for s, n in spans]
    assert [(m.start, m.end) for m in _outermost(mentions)] == [
        (m.start, m.end) for m in _brute_outermost(mentions)
    ]


PARAGRAPH = (
    "U.S. Secretary of State Antony Blinken met Sergei Lavrov in Geneva on {n} May. "
    "Blinken, the top American diplomat, said the United Nations and NATO would meet. "
    "The Russian foreign minister told reporters that Moscow had no plans to invade."
)


def _python_calls(fn, *args) -> int:
    """Python and C function calls made by ``fn``: a step count, deterministic unlike time."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return calls


def test_regression_mention_cost_grows_linearly_with_the_text(nlp):
    # Whole-document scans per mention (doc.text, doc.ents, every pair of mentions)
    # made a 422k-character article take 571 s. Steps for a text four times longer
    # must stay near four times the steps (quadratic work would give sixteen).
    short = nlp("\n\n".join(PARAGRAPH.format(n=n % 28 + 1) for n in range(20)))
    long = nlp("\n\n".join(PARAGRAPH.format(n=n % 28 + 1) for n in range(80)))
    ratio = _python_calls(find_mentions, long, "a") / _python_calls(find_mentions, short, "a")
    assert ratio < 5.5, ratio


def test_sentences_from_the_article_text_are_those_the_doc_rebuilds(nlp):
    text = "  First one.  \n\nSecond one, \u201cquoted\u201d.\n\n\n Third\u00a0one.  "
    doc = nlp(text)
    assert find_sentences(doc, "a", text) == find_sentences(doc, "a")
    assert [s.text for s in find_sentences(doc, "a", text)][0] == "First one."

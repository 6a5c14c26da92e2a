from __future__ import annotations

from spacy.tokens import Span

from rashomon.annotate.mentions import find_mentions
from rashomon.annotate.stage import find_sentences


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

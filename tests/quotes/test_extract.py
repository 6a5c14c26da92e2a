"""One test per quote rule, on short made-up news sentences."""

from __future__ import annotations

import pytest

from rashomon.annotate.stage import annotate
from rashomon.model import Analysis, Article, Quote
from rashomon.quotes.cues import cue_of, inflect
from rashomon.quotes.stage import quotes as quotes_stage


@pytest.fixture
def extract(nlp, settings):
    def run(text: str) -> list[Quote]:
        analysis = Analysis(Article("a1", "test", text))
        doc = nlp(text)
        annotate(analysis, doc, settings)
        quotes_stage(analysis, doc, settings)
        return analysis.quotes

    return run


def only(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_direct_quote_with_cue_after(extract):
    q = only(
        extract('"We will never give up," Prime Minister Mark Rutte said on Monday.'), "give up"
    )
    assert (q.kind, q.speaker, q.cue, q.rule) == ("direct", "Mark Rutte", "said", "direct:after")


def test_split_quote_keeps_the_speaker(extract):
    found = extract('"The talks failed," Angela Merkel said. "We will try again next week."')
    assert only(found, "try again").rule == "direct:split"
    assert only(found, "try again").speaker == "Angela Merkel"


def test_pronoun_goes_to_the_last_compatible_person(extract):
    text = (
        "Foreign Minister Annalena Baerbock met Sergei Lavrov in Geneva.\n\n"
        '"The door remains open," she said.'
    )
    assert only(extract(text), "door remains").speaker == "Annalena Baerbock"


def test_quote_without_closing_mark(extract):
    text = "Senator Mary Jones said, “We have every reason to worry about the budget.\nLater on."
    q = only(extract(text), "every reason")
    assert (q.kind, q.speaker) == ("direct", "Mary Jones")
    assert q.text.endswith("budget.")


def test_paragraph_without_cue_takes_the_previous_speaker(extract):
    text = (
        '"Prices will fall," Governor Tom Hale told reporters.\n\n'
        "“Inflation is already slowing down across the whole state.” That is the plan."
    )
    q = only(extract(text), "already slowing")
    assert (q.speaker, q.rule) == ("Tom Hale", "direct:previous-speaker")


def test_indirect_with_that_and_adding_that(extract):
    text = (
        "Mayor Karen Bass said that the city would open new shelters, adding that "
        "funding had been secured."
    )
    found = extract(text)
    assert only(found, "new shelters").kind == "indirect"
    assert only(found, "funding had been").speaker == "Karen Bass"
    assert only(found, "funding had been").cue == "adding"


def test_according_to(extract):
    q = only(
        extract("At least 40 people died in the floods, according to the Red Cross."), "40 people"
    )
    assert q.rule == "indirect:according-to"
    assert q.speaker == "Red Cross"


def test_mixed_quote_embeds_fragments(extract):
    q = only(extract('John Smith said the plan was "a total disaster" for farmers.'), "plan was")
    assert (q.kind, q.speaker) == ("mixed", "John Smith")


def test_role_noun_speaker(extract):
    text = (
        "U.S. Secretary of State Antony Blinken met his British counterpart.\n\n"
        "The American top diplomat said the sanctions would stay in place."
    )
    assert only(extract(text), "sanctions would").speaker == "Antony Blinken"


def test_scare_quotes_are_no_quotes(extract):
    assert extract("The so-called “referendums” took place in occupied regions.") == []


def test_writer_is_no_speaker(extract):
    assert extract("We remind you that the vote takes place on Sunday in every region.") == []


def test_cue_lexicon_inflects():
    assert {"says", "said", "saying"} <= inflect("say") | {"said"}
    assert cue_of("Emphasized") is not None
    assert "admitted" in inflect("admit")

"""The rules added for reported speech beyond the basic cue + clause, one test each,
on short made-up news sentences."""

from __future__ import annotations

import pytest

from rashomon.annotate.stage import annotate
from rashomon.model import Analysis, Article, Quote
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
    assert len(found) == 1, [(q.text, q.rule) for q in quotes]
    return found[0]


def test_quote_split_around_its_cue_is_one_statement(extract):
    text = '"The talks have failed," Angela Merkel said, "but we will try again next week."'
    found = extract(text)
    second = only(found, "try again")
    assert (second.rule, second.speaker) == ("direct:split", "Angela Merkel")


def test_cue_verb_with_no_comma_before_the_quote(extract):
    text = "In a radio interview Senator Mary Jones declared “The budget is a disgrace.”"
    q = only(extract(text), "budget is")
    assert (q.kind, q.speaker) == ("direct", "Mary Jones")


def test_mid_sentence_quote_without_cue_is_no_new_statement(extract):
    text = (
        '"We will win this race," Governor Tom Baker said.\n\n'
        'Later he described his rival as, "a desperate man who interrupts everyone."'
    )
    assert not [q for q in extract(text) if q.rule == "direct:previous-speaker"]


def test_transcript_turns_are_attributed_to_their_labels(extract):
    text = (
        "Governor Mike Pence spoke to Fox News on Sunday.\n\n"
        '"WALLACE: Will the candidate attend the debate tomorrow night?\n\n'
        '"PENCE: He will be there, and he is ready for a serious debate.\n\n'
        '"WALLACE: Do you think the two of them are equivalent?'
    )
    found = extract(text)
    turn = only(found, "ready for a serious debate")
    assert (turn.kind, turn.rule, turn.speaker) == ("direct", "direct:label", "Mike Pence")
    assert {q.speaker for q in found if "WALLACE" not in q.text and "Will" in q.text} == {"Wallace"}


def test_a_label_naming_nobody_is_no_speaker(extract):
    assert not extract("Update: The meeting was moved to Thursday afternoon.")


def test_statement_carried_by_the_verb_object(extract):
    text = "Senator Jane Smith criticized the new tax plan as a giveaway to the rich."
    q = only(extract(text), "tax plan")
    assert (q.kind, q.rule, q.speaker) == ("indirect", "indirect:object", "Jane Smith")
    assert q.text.endswith("giveaway to the rich")


def test_statement_after_a_preposition_cue(extract):
    text = "The civil rights group NAACP called for a moratorium on new charter schools."
    q = only(extract(text), "moratorium")
    assert q.rule == "indirect:object" and q.text.startswith("a moratorium")


def test_objects_of_unnamed_subjects_are_no_statements(extract):
    assert not extract("The new bill would deny benefits to thousands of families.")


def test_cue_set_off_by_commas_reports_its_sentence(extract):
    text = "The economy, Finance Minister Jane Smith said, is growing faster than expected."
    q = only(extract(text), "economy")
    assert (q.rule, q.speaker) == ("indirect:aside", "Jane Smith")


def test_reported_clause_runs_to_the_end_of_the_sentence(extract):
    text = "Mayor Jennifer Roberts said she hopes to win, but she knows the race is close."
    q = only(extract(text), "hopes to win")
    assert q.text.endswith("the race is close")


def test_reported_clause_stops_at_the_next_statement(extract):
    text = (
        "Senator David Perdue said the attacks did not hurt the party, "
        "arguing that divisions were a bigger hurdle."
    )
    found = extract(text)
    assert "arguing" not in only(found, "did not hurt").text
    assert only(found, "bigger hurdle").speaker == "David Perdue"


def test_pronoun_skips_people_named_inside_the_quote(extract):
    text = (
        "President Barack Obama spoke about climate change at the White House.\n\n"
        '"My top science adviser, John Holdren, sends me charts every morning," he said.'
    )
    assert only(extract(text), "science adviser").speaker == "Barack Obama"


def test_pronoun_chain_keeps_its_person(extract):
    text = (
        "Party elder Don Fowler spoke about the campaign of Hillary Clinton.\n\n"
        "He added a note of caution, should Clinton return too soon.\n\n"
        '"She had better get well before she gets back out there," he said.'
    )
    assert only(extract(text), "get well").speaker == "Don Fowler"


def test_double_apostrophes_quote_like_double_marks(extract):
    text = "''We must not overreact to campaign rhetoric,'' the minister Luis Rubio said."
    q = only(extract(text), "overreact")
    assert (q.kind, q.speaker) == ("direct", "Luis Rubio")

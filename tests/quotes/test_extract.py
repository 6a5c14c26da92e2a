"""One test per quote rule, on short made-up news sentences."""

from __future__ import annotations

from rashomon.model import Quote
from rashomon.text.speech import cue_of, inflect


def only(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [(q.text, q.rule) for q in quotes]
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


# The rules added for reported speech beyond the basic cue + clause.


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


def test_reported_statement_ends_before_the_writers_final_aside(extract):
    text = (
        "Senator Paul Harris acknowledged the reality of climate change, which makes him "
        "an outlier in his party."
    )
    q = only(extract(text), "climate change")
    assert q.text == "the reality of climate change"


def test_cue_past_the_window_that_heads_the_quote_still_attributes_it(extract):
    text = (
        "Douglas Hale said it was fine.\n\n"
        "''It has the important virtue of being fiscally responsible,'' Leonard E. Burman, "
        "director of the centrist Urban-Brookings Tax Policy Center and a professor at the "
        "Maxwell School of Syracuse University, said of the plan."
    )
    assert only(extract(text), "important virtue").speaker == "Leonard E. Burman"

"""Regression tests, one per failure pattern of issue 16, each named after it."""

from __future__ import annotations

import pytest

from rashomon.model import Quote


def with_text(quotes: list[Quote], fragment: str) -> list[Quote]:
    return [q for q in quotes if fragment in q.text]


def test_regression_boilerplate_labels_are_never_speakers(extract):
    text = (
        "WATCH: Trudeau speaks to reporters in Ottawa\n\n"
        "Prime Minister Justin Trudeau spoke on Monday.\n\n"
        "WATCH BELOW: Scheer responds to the budget\n\n"
        "ANALYSIS: Why the Liberals lost Quebec\n\n"
        "ANALYSIS: What comes next for the Bloc\n\n"
        "READ MORE: Union members vote to strike at the port"
    )
    assert extract(text) == []


def test_regression_boilerplate_speaker_is_not_inherited(extract):
    text = (
        "WATCH: Trudeau speaks to reporters in Ottawa\n\n"
        "WATCH: Scheer responds to the budget\n\n"
        '"This is a dark day for the country and for every family in it," the post read.'
    )
    assert all(q.speaker != "Watch" for q in extract(text))
    assert with_text(extract(text), "dark day") == []


def test_regression_cue_is_not_searched_across_a_closed_sentence(extract):
    text = (
        "Justice Ana Mendel wrote for the majority.\n\n"
        '"Nobody is above the ruling of the Court." When asked about the ruling, '
        "Paul Harris replied that he would appeal."
    )
    found = with_text(extract(text), "Nobody is above")
    assert [q.speaker for q in found] != ["Paul Harris"]
    assert all(q.cue != "replied" for q in found)


def test_regression_cue_opening_the_next_words_still_attributes(extract):
    text = '"We have won the vote!" Senator Paul Harris said on Tuesday.'
    (q,) = with_text(extract(text), "won the vote")
    assert (q.speaker, q.cue) == ("Paul Harris", "said")


def test_regression_nested_single_quote_at_the_end_is_a_direct_quote(extract):
    (q,) = with_text(extract("\"He told me 'no,'\" Ana Ruiz said."), "told me")
    assert (q.kind, q.speaker, q.rule) == ("direct", "Ana Ruiz", "direct:after")


def test_regression_quote_without_final_punctuation_before_the_cue(extract):
    text = '"Wind gusts will hit coastal areas" including Lake Cowichan, Environment Canada said.'
    (q,) = with_text(extract(text), "Wind gusts")
    assert (q.kind, q.speaker, q.cue) == ("mixed", "Environment Canada", "said")
    assert q.text == '"Wind gusts will hit coastal areas" including Lake Cowichan'


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Senator Ann Cole confessed that the plan was doomed.", "confessed"),
        ("Senator Ann Cole quipped that the budget was a joke.", "quipped"),
        ("Senator Ann Cole blurted that she had never read the bill.", "blurted"),
    ],
)
def test_regression_missing_cue_verbs(extract, sentence, cue):
    (q,) = extract(sentence)
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Ann Cole", cue)


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060"])
def test_regression_invisible_characters_do_not_break_name_linking(extract, invisible):
    text = (
        f"Mayor John Traeger{invisible} said the road would reopen in May.\n\n"
        "Traeger said the contractor was late."
    )
    found = extract(text)
    assert [q.speaker for q in found] == ["John Traeger", "John Traeger"]
    first = with_text(found, "reopen")[0]
    assert text[first.speaker_start : first.speaker_end] == first.speaker_mention


def test_regression_byte_order_mark_before_the_text_does_not_break_linking(extract):
    text = "\ufeffMayor John Traeger said the road would reopen.\n\nTraeger said it was late."
    assert [q.speaker for q in extract(text)] == ["John Traeger", "John Traeger"]


def test_regression_passive_cue_does_not_make_the_addressee_a_speaker(extract):
    text = "Prime Minister Justin Trudeau was asked twice what he would do about the pipeline."
    assert extract(text) == []


def test_regression_passive_cue_gives_the_agent(extract):
    text = "Mayor Lisa Ray was told by Senator Paul Harris that the bridge would close."
    (q,) = extract(text)
    assert (q.speaker, q.text) == ("Paul Harris", "the bridge would close")


def test_regression_participle_cue_after_a_non_speaker_subject_is_no_quote(extract):
    text = "The NDP held the seat for a decade, affirming that voters trusted the party."
    assert extract(text) == []


def test_participle_cue_after_a_person_keeps_the_person(extract):
    (q,) = extract("Senator Paul Ryan spoke at the rally, adding that taxes would fall.")
    assert (q.speaker, q.text) == ("Paul Ryan", "taxes would fall")


def test_regression_document_speaks_for_its_sender(extract):
    text = (
        "The Canadian Union of Public Employees issued a release on Monday. "
        "The release said the workers had voted to strike."
    )
    (q,) = extract(text)
    assert q.speaker == "Canadian Union of Public Employees"


def test_document_without_a_named_sender_stays_a_description(extract):
    (q,) = extract("A release said the workers had voted to strike.")
    assert (q.speaker, q.speaker_mention) == (None, "A release")


def test_regression_object_pointing_back_is_no_statement_of_a_group(extract):
    text = (
        "Ukraine asked for a no-fly zone. Secretary of State Antony Blinken and Foreign "
        "Secretary Elizabeth Truss continued to reject the calls."
    )
    assert with_text(extract(text), "the calls") == []


def test_regression_pronoun_prefers_the_speaker_of_the_same_paragraph(extract):
    text = (
        "Senator Paul Harris met Governor Tom Hale on Monday.\n\n"
        '"We will fund the bridge," Hale said, before Harris left the room. '
        '"And we will do it this year," he said.'
    )
    assert with_text(extract(text), "this year")[0].speaker == "Tom Hale"


def test_regression_pronoun_is_not_resolved_across_a_topic_change(extract):
    text = (
        "Senator Paul Harris spoke on Monday.\n\n"
        "Governor Anna Hale met Mayor Lisa Ray.\n\n"
        "Lisa Ray and Anna Hale toured the port.\n\n"
        "Anna Hale and Lisa Ray opened the school.\n\n"
        "He said the bridge would be rebuilt by the state."
    )
    found = with_text(extract(text), "bridge")
    assert [q.speaker for q in found] in ([], [None])


def test_pronoun_within_the_topic_still_resolves(extract):
    text = (
        "Senator Paul Harris spoke on Monday.\n\n"
        "Governor Anna Hale met him.\n\n"
        "He said the bridge would be rebuilt by the state."
    )
    assert with_text(extract(text), "bridge")[0].speaker == "Paul Harris"


def test_regression_mid_sentence_cue_is_found(extract):
    text = "It is on Trudeau's watch, Andrew Scheer said, that the deficit has grown."
    (q,) = extract(text)
    assert (q.kind, q.speaker, q.rule) == ("indirect", "Andrew Scheer", "indirect:aside")


def test_regression_plain_said_with_a_pronoun_clause_is_found(extract):
    (q,) = extract("Chief Dan McNeely said they would rebuild the bridge before winter.")
    assert (q.speaker, q.text) == ("Dan McNeely", "they would rebuild the bridge before winter")


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Senator Ann Cole described the plan as a disaster.", "the plan as a disaster"),
        ("Senator Ann Cole called the plan a disaster.", "the plan a disaster"),
        ("Senator Ann Cole sniffed that the plan was a disaster.", "the plan was a disaster"),
        ("Protesters led by Ann Cole chanted that the plan was a disaster.", None),
    ],
)
def test_regression_describe_call_and_sniff_carry_statements(extract, sentence, statement):
    found = [q.text for q in extract(sentence) if q.speaker == "Ann Cole"]
    assert found == ([statement] if statement else [])


# -- pattern 6: mid-sentence fragments ---------------------------------------------------


def test_regression_mid_sentence_fragment_in_a_relative_clause_is_the_speakers(extract):
    found = extract("In a statement, Maria Smith slammed what she called \"a reckless gamble.\"")
    [quote] = with_text(found, "reckless gamble")
    assert (quote.speaker, quote.cue, quote.rule) == ("Maria Smith", "called", "direct:fragment")
    assert quote.text.startswith('"a reckless gamble')


def test_regression_mid_sentence_fragment_under_who_is_said_by_the_noun(extract):
    found = extract('Senator John Kerry, who has called the deal "a disaster," voted no.')
    [quote] = with_text(found, "a disaster")
    assert (quote.speaker, quote.cue, quote.rule) == ("John Kerry", "called", "direct:fragment")


def test_regression_mid_sentence_fragment_after_an_object_keeps_the_statement(extract):
    text = (
        'Secretary of State Antony Blinken called the talks "a dead end," adding that '
        "Washington would consult its allies."
    )
    [quote] = with_text(extract(text), "dead end")
    assert quote.text.startswith("the talks") and quote.kind == "mixed"
    assert (quote.speaker, quote.cue) == ("Antony Blinken", "called")


def test_regression_a_quoted_show_after_a_speech_verb_is_no_fragment_of_speech(extract):
    found = extract('Vice President Mike Pence told "Fox News Sunday" on the weekend.')
    assert with_text(found, "Fox News") == []


def test_a_quoted_word_under_a_verb_of_no_saying_is_no_fragment(extract):
    found = extract('Mayor Bill de Blasio met the so-called "peace envoy" in Paris on Monday.')
    assert with_text(found, "peace envoy") == []

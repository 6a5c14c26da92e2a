"""Regression tests, one per failure pattern of issue 16, each named after it."""

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
    assert (q.kind, q.speaker, q.cue) == ("direct", "Environment Canada", "said")
    assert q.text == '"Wind gusts will hit coastal areas"'


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

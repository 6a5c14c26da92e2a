"""Statement units: stored sentences, quote-filled sentences attributed to their speaker."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.compare.units import make_units, names_in, quoted_words, words
from rashomon.model import ArticleText, QuoteSpan, Span

SENTENCE = "Blinken said the talks would resume next week in Geneva."


def article(**kw) -> ArticleText:
    text = f"{SENTENCE} Officials gave no date for the next round of talks."
    second = text.index("Officials")
    sentences = [(0, len(SENTENCE), SENTENCE), (second, len(text), text[second:])]
    return ArticleText("a", "Alpha", "2024-01-01", sentences, **kw)


def test_a_sentence_a_quote_fills_is_the_speakers_unit():
    quote = QuoteSpan(12, len(SENTENCE) - 1, "Antony Blinken", "said")
    units = make_units(article(quotes=[quote]), 6, 0.5)
    assert units[0].speaker == "Antony Blinken"
    assert units[1].speaker is None


def test_regression_a_scare_quoted_phrase_does_not_make_a_quote_unit():
    phrase = QuoteSpan(16, 21, "Antony Blinken", None)  # "talks" in quotation marks
    assert make_units(article(quotes=[phrase]), 6, 0.5)[0].speaker is None


def test_units_carry_actors_numbers_negation_and_judging_verbs():
    a = article(actors=[(0, 7, "Antony Blinken")], loaded=[Span(8, 12)])
    first, second = make_units(a, 6, 0.5)
    assert first.actors == frozenset({"Antony Blinken"}) and first.loaded
    assert second.negated and not first.negated
    assert not second.loaded


@given(
    st.lists(st.text(alphabet="ab .,'’\n7", max_size=40), max_size=12),
    st.integers(min_value=0, max_value=4),
)
def test_units_are_exactly_the_sentences_with_enough_words_in_order(pieces, min_words):
    spans, start = [], 0
    for piece in pieces:
        spans.append((start, start + len(piece), piece))
        start += len(piece) + 1
    units = make_units(ArticleText("x", "X", None, spans), min_words, 0.5)
    expected = [
        (i, s, e, t) for i, (s, e, t) in enumerate(spans) if len(words(t)) >= min_words
    ]
    assert [(u.position, u.start, u.end, u.text) for u in units] == expected


def test_names_are_capitalised_words_past_the_first_but_not_dates_or_titles():
    text = "Two blasts hit Coptic churches in Egypt on Palm Sunday, President Sisi said on Monday."
    assert names_in(text) == {"coptic", "egypt", "palm", "sisi"}
    assert names_in("Officials gave no date for the next round of talks.") == frozenset()


def test_reported_speech_is_compared_whole_and_a_direct_quote_on_its_words():
    reported = QuoteSpan(13, len(SENTENCE) - 1, "Antony Blinken", "said")
    assert quoted_words(0, SENTENCE, [reported]) == ""
    direct = '"The talks will resume next week," Blinken said in Geneva.'
    quote = QuoteSpan(1, direct.index(","), "Antony Blinken", "said")
    assert quoted_words(0, direct, [quote]) == "The talks will resume next week"
    # a quote carried on from the previous sentence is direct too ("policy,” Biden said")
    tail = "Show me a policy,” Biden said."
    assert quoted_words(40, tail, [QuoteSpan(10, 40 + 16, "Joe Biden", "said")]) == (
        "Show me a policy"
    )


def test_regression_a_denial_is_a_negative_statement():
    text = "The ministry denied that troops had crossed the border on Friday."
    a = ArticleText("a", "Alpha", None, [(0, len(text), text)])
    assert make_units(a, 6, 0.5)[0].negated

from hypothesis import given
from hypothesis import strategies as st

from rashomon.quotes.marks import OPENING, find_quoted_spans, paragraphs, quote_marks


def texts(spans_of: str) -> list[str]:
    return [spans_of[s.start : s.end] for s in find_quoted_spans(spans_of)]


def test_curly_and_straight_quotes():
    assert texts('He said "yes." She said “no.”') == ['"yes."', "“no.”"]


def test_missing_closing_mark_ends_with_the_paragraph():
    spans = find_quoted_spans("He said, “We will win.\nThen he left.")
    assert [(s.closed, s.runs_on) for s in spans] == [(False, False)]
    assert "\n" not in "He said, “We will win.\nThen he left."[spans[0].start : spans[0].end]


def test_quote_running_on_over_paragraphs():
    spans = find_quoted_spans("“First part.\n\n“Second part,” he said.")
    assert [(s.closed, s.runs_on) for s in spans] == [(False, True), (True, False)]


def test_opening_mark_typed_as_closing():
    assert texts("was “increasingly aware of Russia “.") == ["“increasingly aware of Russia “"]


def test_nested_quotes_stay_inside():
    assert texts("“He called it “a mess” today,” she said.") == ["“He called it “a mess” today,”"]


def test_paragraphs_skip_blank_lines():
    assert paragraphs("a\n\n  b \n") == [(0, 1), (5, 6)]


@given(st.text(alphabet=st.sampled_from(list('ab .,\n"“”«»')), max_size=80))
def test_spans_are_ordered_disjoint_and_open_with_a_mark(text):
    spans = find_quoted_spans(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start] in OPENING + '"'
        assert "\n" not in text[s.start : s.end]
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_two_apostrophes_are_a_double_mark():
    text = "''We must not overreact,'' he told me."
    spans = find_quoted_spans(text)
    assert [(text[s.start : s.end], s.mark) for s in spans] == [("''We must not overreact,''", 2)]
    assert text[spans[0].inner_start : spans[0].inner_end] == "We must not overreact,"


def test_single_marks_quote_when_no_double_mark_is_near():
    assert texts("‘We will fight on,’ she said. It’s the voters’ choice.") == [
        "‘We will fight on,’"
    ]
    assert texts("'We will fight on,' she said.") == ["'We will fight on,'"]


def test_single_marks_inside_double_quotes_stay_nested():
    assert texts("“He called it ‘a mess’ today,” she said.") == ["“He called it ‘a mess’ today,”"]


def test_apostrophes_are_not_quotes():
    assert texts("Trump’s plan isn’t the voters’ plan, it's Clinton's.") == []


@given(st.text(alphabet=st.sampled_from(list("ab .,\n'‘’")), max_size=80))
def test_single_mark_spans_open_and_close_with_single_marks(text):
    for s in find_quoted_spans(text):
        assert text[s.start] in "'‘"
        assert "\n" not in text[s.start : s.end]


def test_regression_second_apostrophe_of_a_double_mark_is_no_mark_of_its_own():
    # '' is one mark of width 2: the scan for mark characters must not start another
    # '' at its second apostrophe (''' is one double mark and a stray apostrophe)
    text = "Says '''quoted' here"
    marks = quote_marks(text, 0, len(text))
    assert [(m.at, m.width, m.single) for m in marks] == [(5, 2, False)]
    text = "Says ''''"
    assert [(m.at, m.width) for m in quote_marks(text, 0, len(text))] == [(5, 2), (7, 2)]
    text = "x ''"  # a '' cut by the paragraph's end is no double mark
    assert [(m.at, m.width) for m in quote_marks(text, 0, len(text) - 1)] == []

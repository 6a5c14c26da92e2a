"""The one sentence splitter for text without a parsed Doc."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.text.calendar import MONTH_NAMES
from rashomon.text.sentences import split_sentences


def test_sentences_end_at_stops_and_marks():
    assert split_sentences("He left. Did she? Yes!  Then") == [
        "He left.",
        "Did she?",
        "Yes!",
        "Then",
    ]


def test_regression_a_month_abbreviation_does_not_end_a_sentence():
    for name in MONTH_NAMES:
        if name == "May":
            continue
        text = f"They met on {name[:3]}. 4 in Kyiv. Talks failed."
        assert split_sentences(text) == [f"They met on {name[:3]}. 4 in Kyiv.", "Talks failed."]


@given(st.lists(st.text(alphabet="abc ,", min_size=1).map(str.strip).filter(bool), min_size=1))
def test_joined_sentences_split_back(parts):
    sentences = [p + "." for p in parts]
    assert split_sentences(" ".join(sentences)) == sentences

"""Loaded wording: a word counts in the outlet's own voice and in a quote it chose, apart."""

from __future__ import annotations


def loaded(analysis) -> dict[str, tuple[str, str | None]]:
    """Each loaded word's text → (voice, speaker)."""
    return {s.text: (s.voice, s.speaker) for s in analysis.signals if s.signal == "loaded"}


def test_regression_words_inside_quotes_never_counted(frame):
    """The first pass read only the outlet's own words, so the quote an outlet chose to
    print was never framing evidence (24% of BASIL's lexical-bias spans sit in quotes).
    A loaded word in a quote is a signal now, in the quote's voice with its speaker."""
    quoted = frame(
        'The council voted on Monday. "This is a reckless and shameful bill," '
        "said council member Ana Diaz."
    )
    assert loaded(quoted) == {
        "reckless": ("quote", "Ana Diaz"),
        "shameful": ("quote", "Ana Diaz"),
    }


def test_the_same_words_in_the_outlets_own_voice_are_the_outlets(frame):
    own = frame("The council passed a reckless and shameful bill on Monday.")
    assert loaded(own) == {"reckless": ("outlet", None), "shameful": ("outlet", None)}


def test_a_plain_quote_gives_no_loaded_word(frame):
    plain = frame('"The bill will be read again in June," said council member Ana Diaz.')
    assert loaded(plain) == {}

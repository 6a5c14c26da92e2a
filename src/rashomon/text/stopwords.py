"""The one stopword list: spaCy's English list, which the pipeline's model ships with.

Function words that say nothing of what a text is about, dropped before comparing
phrases or weighting terms. A stage that needs a narrower notion (say, the words that
make a line read as prose) measures it against this list rather than keeping its own.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

STOP_WORDS: frozenset[str] = frozenset(_SPACY_STOP_WORDS)


def is_stop_word(word: str) -> bool:
    """Whether ``word`` (any case) is a function word."""
    return word.lower() in STOP_WORDS

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


# The closed-class words (articles, prepositions, conjunctions, pronouns, auxiliaries)
# that make a line read as prose, and news's reporting verb: STOP_WORDS but for "said"
# and "says", cut to the words a headline capitalises only as function words. The
# pasted-text cleaner measures prose by them (clean/lines.py); the whole list is too
# broad there ("Top", "Back", "Call" open headlines), which cost 0.2 points of pasted
# body F1 (benchmarks/extraction.py: 0.936 -> 0.934).
PROSE_WORDS: frozenset[str] = frozenset(
    [
        "a", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
        "could", "for", "from", "had", "has", "have", "he", "her", "his", "in", "is", "it", "its",
        "may", "no", "not", "of", "on", "or", "our", "said", "says", "she", "should", "than",
        "that", "the", "their", "then", "there", "these", "they", "this", "those", "to", "was",
        "we", "were", "what", "when", "where", "which", "who", "will", "with", "would", "you",
    ]
)  # fmt: skip

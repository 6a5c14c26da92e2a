"""Which number-like candidates are not figures: dates, years, times, names, list
numbers, addresses, and number words that do not count anything.

Each check returns the reason it rejects a candidate, so tests and debugging can
say why a number was dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rashomon.figures.numbers import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span

TIME_AFTER = re.compile(
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|EST|ET\b|local\s+time|o'clock|hrs\b|:\d\d)", re.I
)
ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?"
    r"|Lane|Drive|Place|Square|Way|Highway)\b"
)
NAME_BEFORE = re.compile(r"(?:\bNo\.?|#|\bnumber|\bNr\.?)\s*$", re.I)
LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*\(?$")
LIST_AFTER = re.compile(r"^[.)]\s")
NOUNISH = ("NOUN", "PROPN", "PRON")


def rejection(q: Quantity, span: Span, text: str, date_spans: list[tuple[int, int]]) -> str | None:
    """Why ``q`` is not a figure, or None when it is one."""
    if any(q.start < end and start < q.end for start, end in date_spans):
        return "date"
    after, before = text[q.end : q.end + 40], text[max(0, q.start - 12) : q.start]
    if not q.scaled:
        if _is_year(q):
            return "year"
        if TIME_AFTER.match(after) or before.endswith(":"):
            return "time"
        if ADDRESS_AFTER.match(after):
            return "address"
        if NAME_BEFORE.search(before) or _names_something(span):
            return "name"
        if LIST_ITEM.search(text[max(0, q.start - 40) : q.start]) and (
            LIST_AFTER.match(after) or before.endswith("(")
        ):
            return "list"
    if q.words_only and not q.scaled and not _counts_a_noun(span, q):
        return "word"
    return None


def _is_year(q: Quantity) -> bool:
    digits = q.text.strip()
    return (
        q.qualifier is None
        and q.value_max is None
        and re.fullmatch(r"(?:1[89]|20)\d\d", digits) is not None
    )


def _names_something(span: Span) -> bool:
    """A number after a proper noun it belongs to: "Article 5", "Resolution 2231"."""
    root = span.root
    head = root.head
    return (
        head.i < root.i
        and head.pos_ == "PROPN"
        and root.dep_ in ("nummod", "appos", "npadvmod", "compound")
    )


def _counts_a_noun(span: Span, q: Quantity) -> bool:
    """Number words count something only when they modify a noun ("seven soldiers")."""
    root = span.root
    if q.value == 1:
        return False  # "one" is mostly a pronoun ("one of them", "one to his liking")
    if root.dep_ == "nummod" and root.head.pos_ in NOUNISH:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)

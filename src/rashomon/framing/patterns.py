"""Turn lexicon phrases into regular expressions over the clean text.

Matching runs on characters rather than spaCy tokens because spaCy splits hyphenated
words ("Western-sponsored", "so-called") and the lemmatizer is disabled; so plural and
verb forms are generated here instead (verb forms by the quotes stage's inflector).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from rashomon.framing import speech

HYPHENS = "\\-\u2010\u2011"  # escaped for use inside a character class


def phrase_regex(phrase: str, *, plural: bool) -> str:
    """One phrase as a regex: spaces match any run of spaces, hyphens may be left out."""
    words = []
    for word in phrase.split():
        parts = [re.escape(p) for p in re.split(f"[{HYPHENS}]", word)]
        words.append(f"[{HYPHENS}]?".join(parts))
    body = r"[\s\u00a0]+".join(words)
    if plural:
        body += "(?:e?s)?"
    return body


class PhraseIndex:
    """Finds many phrases as whole words, case-insensitively, each with a payload.

    One big alternation tried at every character is slow in Python's regex engine, so
    phrases are indexed by their first word and only tried where a word starts with one;
    at each such place every payload whose phrases match there is reported, with its
    longest match. A phrase does not match right after a hyphen ("sponsored" in
    "Western-sponsored").
    """

    def __init__(self, entries: Iterable[tuple[str, Any, bool]]) -> None:
        grouped: dict[str, dict[int, tuple[Any, list[str]]]] = {}
        for phrase, payload, plural in entries:
            words = re.split(rf"[\s{HYPHENS}]", phrase.lower())
            keys = {words[0]}
            if plural and len(words) == 1:
                keys |= {words[0] + "s", words[0] + "es"}
            for key in keys:
                slot = grouped.setdefault(key, {}).setdefault(id(payload), (payload, []))
                slot[1].append(phrase_regex(phrase, plural=plural))
        self.index: dict[str, list[tuple[re.Pattern[str], Any]]] = {
            first: [
                (re.compile(f"(?:{'|'.join(sorted(rx, key=len, reverse=True))})(?!\\w)", re.I), pay)
                for pay, rx in slots.values()
            ]
            for first, slots in grouped.items()
        }

    def find(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[tuple[int, int, Any]]:
        end = len(text) if endpos is None else endpos
        for start, word in word_starts(text):
            if start < pos or start >= end or (start and text[start - 1] in HYPHEN_CHARS):
                continue
            for pattern, payload in self.index.get(word, ()):
                if match := pattern.match(text, start, end):
                    yield match.start(), match.end(), payload

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int] | None:
        """The first match in ``text[pos:endpos]``."""
        hit = next(self.find(text, pos, endpos), None)
        return None if hit is None else (hit[0], hit[1])


HYPHEN_CHARS = "-\u2010\u2011"
WORD_RUN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=8)
def word_starts(text: str) -> tuple[tuple[int, str], ...]:
    """Where each run of letters and digits starts, and its lower-case form."""
    return tuple((m.start(), m.group().lower()) for m in WORD_RUN.finditer(text))


def variants(phrase: str, inflect: bool) -> set[str]:
    """The phrase, and with ``inflect`` the forms of its first word ("lashed out")."""
    if not inflect:
        return {phrase}
    head, _, rest = phrase.partition(" ")
    return {f"{form} {rest}".strip() for form in speech.inflect(head)}


@cache
def compile_phrases(
    phrases: tuple[str, ...], plural: bool = False, inflect: bool = False
) -> PhraseIndex:
    """An index of the phrases (and their verb forms when ``inflect``), without payloads."""
    return PhraseIndex((v, None, plural) for p in phrases for v in variants(p, inflect))


def find_all(index: PhraseIndex, text: str) -> Iterator[tuple[int, int]]:
    for start, end, _ in index.find(text):
        yield start, end


def inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def longest_first(spans: Iterable[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep non-overlapping spans, preferring the longer one where two overlap."""
    kept: list[tuple[int, int, object]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not overlaps(span[0], span[1], [(k[0], k[1]) for k in kept]):
            kept.append(span)
    return sorted(kept, key=lambda s: s[0])

"""Turn lexicon phrases into regular expressions over the clean text.

Matching runs on characters rather than spaCy tokens because spaCy splits hyphenated
words ("Western-sponsored", "so-called") and the lemmatizer is disabled; so plural and
verb forms are generated here instead (verb forms by the quotes stage's inflector).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, TypeVar

from rashomon.framing import speech

T = TypeVar("T", bound=tuple)
P = TypeVar("P")  # what a span carries beside its offsets
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
        starts, words = word_starts(text)
        # Rules search one sentence or window at a time: bisect to it, never walk the text.
        for i in range(bisect_left(starts, pos), bisect_left(starts, end)):
            start, word = starts[i], words[i]
            if start and text[start - 1] in HYPHEN_CHARS:
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
def word_starts(text: str) -> tuple[list[int], list[str]]:
    """Where each run of letters and digits starts, and its lower-case form."""
    found = [(m.start(), m.group().lower()) for m in WORD_RUN.finditer(text)]
    return [start for start, _ in found], [word for _, word in found]


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


class SpanSet:
    """Character spans that answer "does any overlap / contain this one?" in O(log n).

    Rules ask this once per candidate (voice, names, kept matches); a scan of every span
    per candidate made the stage quadratic in article length. Spans sorted by start plus a
    running maximum of their ends answer both exactly: the spans starting before ``end``
    are a prefix, and one of them reaches past ``start`` exactly when the prefix's
    largest end does.
    """

    __slots__ = ("spans", "starts", "reach")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._build(sorted(spans))

    def _build(self, ordered: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = ordered
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def add(self, start: int, end: int) -> None:
        """Add one span; cheap when spans come in start order, as rules find them."""
        if self.spans and (start, end) < self.spans[-1]:
            self._build(sorted([*self.spans, (start, end)]))
            return
        self.spans.append((start, end))
        self.starts.append(start)
        self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __len__(self) -> int:
        return len(self.spans)

    def first_overlapping(self, start: int, end: int) -> int | None:
        """The index (in start order) of the first span overlapping ``start:end``."""
        return self._first(bisect_left(self.starts, end), start + 1)

    def first_containing(self, start: int, end: int) -> int | None:
        """The index (in start order) of the first span containing ``start:end``."""
        return self._first(bisect_right(self.starts, start), end)

    def overlaps(self, start: int, end: int) -> bool:
        return self.first_overlapping(start, end) is not None

    def contains(self, start: int, end: int) -> bool:
        return self.first_containing(start, end) is not None

    def _first(self, prefix: int, least_end: int) -> int | None:
        """The first of the first ``prefix`` spans whose end is at least ``least_end``:
        where the running maximum of ends first reaches it (it rises only at such a span)."""
        at = bisect_left(self.reach, least_end, 0, prefix)
        return at if at < prefix else None


def longest_first(spans: Iterable[tuple[int, int, P]]) -> list[tuple[int, int, P]]:
    """Keep non-overlapping spans, preferring the longer one where two overlap."""
    return non_overlapping(sorted(spans, key=lambda s: (s[0] - s[1], s[0])))


def non_overlapping(spans: Iterable[T]) -> list[T]:
    """Each span (a tuple starting ``start, end``) in the given order of preference,
    unless it overlaps one already kept; the kept ones in text order.

    The kept spans of some length never overlap one another, so sorted by start their
    ends rise too and a new span can only collide with its two neighbours there: a
    bisection, not a scan. Empty spans break that order, so they are kept apart: one
    blocks a span it lies strictly inside, and is blocked by a span it lies inside.
    """
    starts: list[int] = []
    ends: list[int] = []
    points: list[int] = []  # where the kept empty spans are, sorted
    kept: list[T] = []
    for span in spans:
        start, end = span[0], span[1]
        at = bisect_left(starts, start)
        if at and ends[at - 1] > start:
            continue  # the kept span before it runs into it
        if start == end:
            if at < len(starts) and starts[at] < start < ends[at]:
                continue
            insort(points, start)
        else:
            if at < len(starts) and starts[at] < end:
                continue  # it runs into the kept span after it
            first = bisect_right(points, start)
            if first < len(points) and points[first] < end:
                continue  # an empty span lies inside it
            starts.insert(at, start)
            ends.insert(at, end)
        kept.append(span)
    return sorted(kept, key=lambda span: span[0])

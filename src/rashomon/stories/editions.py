"""Figures as evidence of another edition: two reports of one happening give the same
figure for the same counted thing; a recurring release (this week's jobless claims, this
month's jobs report) or a later development gives another one.

What "the same counted thing" and "another value" mean is the conflicts stage's own
rule (``rashomon.figures.compare``: the same unit, counted-thing stems that overlap by
``SAME_THING``, value intervals that do not meet once rounding and qualifiers are
allowed for), read from the figures the per-article ``figures`` stage stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from rashomon.figures.compare import SAME_THING, disagree, interval, similarity, stems

# (unit, counted-thing stems, lowest value allowed, highest value allowed, value stated)
FigureKey = tuple[str, frozenset[str], float, float, float]

# Counted figures read per article (the first in the text: the lead's, which say what
# the report is about); bounds the comparisons per candidate event.
MAX_ARTICLE_FIGURES = 20


def figure_keys(rows: Iterable[Mapping]) -> tuple[FigureKey, ...]:
    """One article's counted figures (stored ``figures`` rows in text order), each once."""
    found: dict[FigureKey, None] = {}
    for row in rows:
        counted = stems(row["counts"])
        if not counted:
            continue
        low, high = interval(row["value"], row["value_max"], row["qualifier"], row["text"])
        found[(row["unit"] or "", counted, low, high, row["value"])] = None
        if len(found) >= MAX_ARTICLE_FIGURES:
            break
    return tuple(found)


class FigureBook:
    """An event's figures, counted per key (members may share one), indexed by unit and
    stem so a newcomer's figure is compared with the event's figures of its thing only,
    and by unit and stated value."""

    __slots__ = ("counts", "index", "values")

    def __init__(self) -> None:
        self.counts: Counter[FigureKey] = Counter()
        self.index: dict[tuple[str, str], set[FigureKey]] = {}
        self.values: Counter[tuple[str, float]] = Counter()

    def add(self, keys: Iterable[FigureKey], times: int = 1) -> None:
        for key in keys:
            if not self.counts[key]:
                for stem in key[1]:
                    self.index.setdefault((key[0], stem), set()).add(key)
            self.counts[key] += times
            self.values[(key[0], key[4])] += times

    def remove(self, keys: Iterable[FigureKey]) -> None:
        for key in keys:
            if not self.counts[key]:
                continue
            self.values[(key[0], key[4])] -= 1
            if not self.values[(key[0], key[4])]:
                del self.values[(key[0], key[4])]
            self.counts[key] -= 1
            if self.counts[key]:
                continue
            del self.counts[key]
            for stem in key[1]:
                same = self.index[(key[0], stem)]
                same.discard(key)
                if not same:
                    del self.index[(key[0], stem)]

    def absorb(self, other: FigureBook) -> None:
        for key, times in other.counts.items():
            self.add((key,), times)

    def near(self, key: FigureKey) -> set[FigureKey]:
        """The book's figures in ``key``'s unit that share a counted-thing stem with it."""
        found: set[FigureKey] = set()
        for stem in key[1]:
            found |= self.index.get((key[0], stem), set())
        return found


def differs(keys: Iterable[FigureKey], book: FigureBook | None) -> bool:
    """Whether figures ``keys`` give another value for a thing the book counts and none
    gives one of the book's values: another edition's figures, not a second account.

    Sameness is read loosely, difference strictly. A figure stating a value the book
    states in the same unit, whatever it is said to count, or one whose value meets a
    book figure sharing a stem with it, says the same report; another value counts as
    another edition only for the same thing (``SAME_THING``). Two outlets' accounts of
    one happening name its numbers in other words ("people killed: more than 100,000",
    "Americans who died from the disease: more than 100,000"), and "Americans who died"
    a day (1,400) and in all (100,000) are not two editions of one count."""
    if book is None or not book.counts:
        return False
    keys = tuple(keys)
    if any((key[0], key[4]) in book.values for key in keys):
        return False
    other = False
    for key in keys:
        near = book.near(key)
        if any(not disagree(key[2:4], k[2:4]) for k in near):
            return False
        same = [k for k in near if similarity(k[1], key[1]) >= SAME_THING]
        other = other or (bool(same) and _one_quantity(same))
    return other


def _one_quantity(keys: list[FigureKey]) -> bool:
    """Whether the book's figures of one thing agree among themselves: a thing the event
    itself counts at several values ("votes": 60 to end a filibuster, 51 to confirm) is
    a generic noun, not one quantity a second report would repeat."""
    low = max(k[2] for k in keys)
    high = min(k[3] for k in keys)
    return low <= high

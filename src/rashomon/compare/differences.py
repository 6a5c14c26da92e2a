"""How each outlet differs from the others in one story: what it adds, what it leaves out,
whose voices it quotes, how it names things, and where its figures clash.

Pure functions over the story's points and the rows other stages stored (quotes, the
framing stage's naming comparison, the figures stage's conflicts), so any surface can
show them and a test can pin them without a store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rashomon.model import StoryPoint

UNATTRIBUTED = "unattributed"


@dataclass(slots=True)
class Voice:
    """One speaker in one outlet: the share of the outlet's quoted words that are theirs,
    beside that speaker's share of every other outlet's quoted words."""

    speaker: str
    words: int
    share: float
    others_share: float


@dataclass(slots=True)
class Naming:
    family: str  # what is named ("the war in Ukraine")
    terms: list[str]  # this outlet's words for it
    others: dict[str, list[str]]  # other outlet → its words


@dataclass(slots=True)
class FigureClash:
    counts: str
    unit: str | None
    values: list[str]  # this outlet's figures as printed
    others: dict[str, list[str]]  # other outlet → its figures


@dataclass(slots=True)
class OutletDifferences:
    outlet: str
    adds: list[StoryPoint] = field(default_factory=list)
    leaves_out: list[StoryPoint] = field(default_factory=list)
    voices: list[Voice] = field(default_factory=list)
    naming: list[Naming] = field(default_factory=list)
    clashes: list[FigureClash] = field(default_factory=list)


def adds(points: list[StoryPoint], outlet: str, limit: int) -> list[StoryPoint]:
    """The outlet's most salient unique points (``points`` come most salient first)."""
    return [p for p in points if p.kind == "unique" and p.outlets == [outlet]][:limit]


def leaves_out(points: list[StoryPoint], outlet: str) -> list[StoryPoint]:
    """Consensus points this outlet does not carry."""
    return [p for p in points if p.kind == "consensus" and outlet not in p.outlets]


def voices(quotes: list[tuple[str, str | None, str]]) -> dict[str, list[Voice]]:
    """(outlet, speaker, quoted text) → each outlet's speakers, by share of quoted words."""
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, speaker, text in quotes:
        words[outlet][speaker or UNATTRIBUTED] += len(text.split())
    result = {}
    for outlet, counts in words.items():
        total = sum(counts.values()) or 1
        others: Counter[str] = Counter()
        for other, c in words.items():
            if other != outlet:
                others.update(c)
        others_total = sum(others.values()) or 1
        result[outlet] = [
            Voice(speaker, n, round(n / total, 3), round(others[speaker] / others_total, 3))
            for speaker, n in counts.most_common()
        ]
    return result


def naming(table: list[dict[str, Any]], outlet: str) -> list[Naming]:
    """Rows of the framing naming comparison ({family, terms: outlet → words}) where this
    outlet's words differ from another outlet's."""
    found = []
    for row in table:
        terms = row["terms"]
        mine = terms.get(outlet)
        others = {o: t for o, t in terms.items() if o != outlet}
        if mine and any(set(t) != set(mine) for t in others.values()):
            found.append(Naming(row["family"], list(mine), others))
    return found


def clashes(conflicts: list[dict[str, Any]], outlet: str) -> list[FigureClash]:
    """Conflicting figures (figures stage) where this outlet prints one of the values."""
    found = []
    for c in conflicts:
        by_outlet: dict[str, list[str]] = defaultdict(list)
        for m in c.get("members") or []:
            by_outlet[str(m.get("outlet") or m.get("article_id"))].append(str(m.get("text")))
        if outlet in by_outlet and len(by_outlet) > 1:
            found.append(
                FigureClash(
                    str(c.get("counts") or ""),
                    c.get("unit"),
                    by_outlet.pop(outlet),
                    dict(by_outlet),
                )
            )
    return found

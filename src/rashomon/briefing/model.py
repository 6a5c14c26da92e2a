"""The briefing of one story as typed records: what JSON, Markdown, the report and the web share.

Every item keeps the spans it came from (``article_id, start, end``) so a reader can
go from any line of a briefing to the sentence an outlet printed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

StoryKind = Literal["storyline", "event", "corpus"]


@dataclass(slots=True)
class StorySummary:
    """One story as lists show it: its size, outlets and date span."""

    id: str
    kind: StoryKind
    title: str
    article_count: int
    outlets: list[str]
    first: str | None
    last: str | None
    parent: str | None = None  # the storyline an event belongs to


@dataclass(slots=True)
class Carriage:
    """One outlet's sentence (or quote) that carries a point of the briefing."""

    outlet: str
    article_id: str
    start: int
    end: int
    text: str
    cue: str | None = None  # for quotes: the verb this outlet used to introduce it
    kind: str | None = None  # for quotes: direct, indirect or mixed


@dataclass(slots=True)
class Point:
    """A piece of content: its best wording and every outlet sentence that carries it."""

    text: str
    article_id: str
    start: int
    end: int
    outlets: list[str]
    carried_by: list[Carriage] = field(default_factory=list)


@dataclass(slots=True)
class SpeakerStatements:
    """What one speaker said, statement by statement, with how each outlet carried it."""

    speaker: str
    speaker_id: str | None
    outlets: list[str]
    statements: list[Point]


@dataclass(slots=True)
class ConflictView:
    """Outlets reporting the same quantity with values that differ beyond rounding."""

    counts: str
    unit: str | None
    values: list[dict[str, Any]]


@dataclass(slots=True)
class FigureView:
    outlet: str
    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    counts: str | None
    source: str | None
    as_of: str | None
    outlets: list[str] = field(default_factory=list)  # every outlet printing the same figure


@dataclass(slots=True)
class TimelineEntry:
    date: str
    date_end: str | None
    precision: str | None
    text: str
    outlet: str
    article_id: str
    start: int
    end: int
    kind: str | None = None
    outlets: list[str] = field(default_factory=list)  # every outlet dating the same sentence


@dataclass(slots=True)
class OutletCoverage:
    outlet: str
    article_ids: list[str]
    first: str | None
    last: str | None


@dataclass(slots=True)
class Briefing:
    """Everything a reader needs about one story, extracted from its articles."""

    story: StorySummary
    coverage: list[OutletCoverage]
    shared: list[Point]  # what most outlets carry, best-supported first
    only: list[Point]  # what one outlet alone carries (its ``outlets`` has one name)
    quotes: list[SpeakerStatements]
    figures: list[FigureView]
    conflicts: list[ConflictView]
    timeline: list[TimelineEntry]
    framing: dict[str, Any] | None
    missing: list[str] = field(default_factory=list)  # sections whose tables are absent

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

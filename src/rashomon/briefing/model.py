"""The briefing of one story as typed records: what JSON, Markdown, the report and the web share.

Every item keeps the spans it came from (``article_id, start, end``) so a reader can
go from any line of a briefing to the sentence an outlet printed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rashomon.compare.differences import OutletDifferences
from rashomon.model import StoryPoint
from rashomon.views.stories import StorySummary


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
    first_precision: str | None = None  # day, month or year of ``first``


@dataclass(slots=True)
class Briefing:
    """Everything a reader needs about one story: the summary first, then how each
    outlet differs, then the details the stages extracted.

    ``summary`` and every point in ``differences`` are the comparison's points
    (``StoryPoint``: id, kind, outlets, and each member's article span), so every
    sentence of a briefing links to the passages that carry it.
    """

    story: StorySummary
    coverage: list[OutletCoverage]
    single_outlet: str | None  # the one outlet, when only one covers the story
    summary: list[StoryPoint]
    differences: list[OutletDifferences]
    naming: list[dict[str, Any]]  # family → outlet → terms, where outlets' words differ
    points: list[StoryPoint]  # every point of the story, most salient first
    figures: list[FigureView]
    conflicts: list[ConflictView]
    timeline: list[TimelineEntry]
    framing: dict[str, Any] | None
    missing: list[str] = field(default_factory=list)  # sections whose tables are absent
    points_stored: bool = True  # False: computed for this read (the points stage never ran)
    # False: no summary point is carried by most outlets (the most salient points stand in)
    summary_shared: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

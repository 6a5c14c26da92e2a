"""Response models of the JSON API, so /openapi.json types every answer a client can get.

Rows of the per-article tables keep the store's columns (``extra="allow"`` passes
on columns a later migration adds); the briefing is the ``briefing.model``
dataclasses themselves, so its schema follows that model and cannot drift from it.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from rashomon.briefing.model import Briefing, StorySummary
from rashomon.model import StoryPoint

T = TypeVar("T")

__all__ = [
    "ArticleDetail",
    "ArticleItem",
    "Briefing",
    "EntityDetail",
    "EntityItem",
    "DOWNLOAD_RESPONSES",
    "Page",
    "Problem",
    "SearchHit",
    "StoryArticle",
    "StoryPoints",
    "StorySummary",
    "TableInfo",
]


class Row(BaseModel):
    """A row of one of the store's tables: the columns named here, and any a migration adds."""

    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``, ``total`` matching in all."""

    items: list[T]
    total: int = Field(description="Rows matching in all, across every page.")
    limit: int = Field(description="Rows per page, after the server's cap.")
    offset: int


class Span(Row):
    article_id: str
    start: int = Field(description="Character offset of the span in the article's text.")
    end: int
    text: str


class Quote(Span):
    kind: str = Field(description="direct, indirect or mixed")
    cue: str | None = None
    speaker: str | None = Field(None, description='Canonical name; "A; B" for a group.')
    speaker_id: str | None = Field(None, description='Entity id; "id1; id2" for a group.')
    speaker_mention: str | None = None
    confidence: float = 0


class Figure(Span):
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    counts: str | None = None
    as_of: str | None = None
    source: str | None = None
    speaker: str | None = None


class Signal(Span):
    signal: str = Field(description="The kind: naming, loaded, attribution, technique, …")
    label: str
    explanation: str
    weight: float = 1
    voice: str = Field(
        "outlet",
        description='Whose words the span is: "outlet" (its own voice) or "quote" '
        "(a quote the outlet chose to print); the two count apart.",
    )
    speaker: str | None = Field(None, description='Who said the quoted words (voice "quote").')
    target: str | None = Field(None, description="A stance's target: the entity judged.")


class Mention(Span):
    type: str
    name: str
    role: str | None = None
    entity_id: str | None = None


class DateRef(Span):
    date: str | None = None
    date_end: str | None = None
    precision: str | None = None


class TimelineRow(Span):
    date: str
    date_end: str | None = None
    precision: str
    kind: str = "happening"


class StoryPlace(Row):
    """Where the stories stage put an article (no event before it has run)."""

    article_id: str
    event_id: str | None = None
    storyline_id: str | None = None
    copy_of: str | None = None


class ArticleItem(Row):
    """An article in a list, without its text."""

    id: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    language: str | None = None
    outlet_label: str = Field(description="The outlet as pages show it (from the URL if unnamed).")


class StoryReason(BaseModel):
    nearest: list[tuple[str, float]] = Field(
        description="The members most similar to it, with the stage's similarity."
    )
    shared: list[str] = Field(description="Names it shares with the event's other members.")
    copy_of: str | None = None


class StoryArticle(Row):
    id: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    label: str = Field(description="The outlet as pages show it.")
    copy_of: str | None = Field(None, description="The article this one copies, if any.")
    reason: StoryReason | None = Field(
        None, description="Why it is in its event (None when it is not placed)."
    )


class Copy(Row):
    id: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    copy_of: str | None = None
    copy_similarity: float | None = None
    outlet_label: str


class ArticleDetail(ArticleItem):
    """An article with its text and everything the stages found in it."""

    input: str
    text: str
    author: str | None = None
    published_precision: str | None = None
    published_confidence: float | None = None
    credits: list[Any] = Field(default_factory=list)
    fetched_at: str | None = None
    quotes: list[Quote]
    figures: list[Figure]
    signals: list[Signal]
    mentions: list[Mention]
    dates: list[DateRef]
    timeline: list[TimelineRow]
    story: StoryPlace | None
    copies: list[Copy]


class EntityItem(Row):
    id: str
    name: str
    type: str
    mention_count: int
    article_count: int


class Statement(Row):
    """A quote by the entity, or a sentence naming it, with its article's outlet and date."""

    article_id: str
    start: int
    end: int
    text: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


class EntityDetail(EntityItem):
    roles: list[Any]
    aliases: list[Any]
    said: list[Statement] = Field(description="Its quotes.")
    about: list[Statement] = Field(description="Sentences naming it.")
    outlets: list[str]


class SearchHit(Row):
    id: str
    title: str
    outlet: str | None = None
    published: str | None = None
    snippet: str = Field(description="Hits are marked \\x02…\\x03.")
    rank: float = Field(description="BM25: lower is a better match.")


class TableInfo(BaseModel):
    name: str
    help: str
    columns: list[str]
    csv: str = Field(description="Where to download it as CSV.")
    json_: str = Field(alias="json", description="Where to download it as JSON.")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class Problem(BaseModel):
    """What an error answers: why, in words (an unknown id, a bad table name)."""

    detail: str


# The download endpoint streams a whole table; its body is described, not modelled.
DOWNLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The table, streamed.",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
        },
    }
}


class StoryPoints(BaseModel):
    """A story's points with their members; ids as in the briefing and the points export."""

    story_id: str
    stored: bool = Field(description="Whether the points come from the compare stage's tables.")
    items: list[StoryPoint]
    total: int

"""The typed records every stage, the store and every surface share.

Each record is a plain dataclass so it pickles across processes and Dask workers.
Spans are ``(article_id, start, end)`` character offsets into ``Article.text``,
the clean text as stored, so any finding can be highlighted and traced back.
Records that a rule or a model produced say which (``rule``) and how sure
(``confidence``). A record's fields are its table's columns in the store
(lists and dicts are stored as JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Status = Literal["ok", "skipped", "failed"]
# "given": by the user (manifest, --outlet, a JSONL field); "story": from the other
# articles of the article's event or storyline; "fetch": the fetch or file time's year.
DateSource = Literal["given", "meta", "url", "text", "story", "fetch", "none"]
OutletSource = Literal["given", "url", "meta", "text", "none"]
TitleSource = Literal["given", "page", "derived", "none"]
Precision = Literal["day", "month", "year", "range"]



QuoteKind = Literal["direct", "indirect", "mixed"]

@dataclass(slots=True)
class RawDocument:
    """One item to analyse, as ingested: not yet cleaned.

    ``input`` names it uniquely and stably (a path, ``path#L3`` for a JSONL line,
    ``feed#entry-id`` for a feed entry, a URL); re-runs recognise it by that name
    and ``content_hash``.
    """

    input: str
    content_hash: str
    kind: Literal["text", "html", "record"]
    text: str = ""
    html: str = ""
    url: str | None = None
    id: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    raw: bool = False
    fetched_at: datetime | None = None
    # How the bytes were read (ingest/decode.py): the encoding, and how sure (0 to 1).
    encoding: str | None = None
    encoding_confidence: float | None = None
    # What the user said about this input (manifest or --outlet): any of outlet, url,
    # published, title, author, language; these win over what cleaning finds.
    given: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class InputRecord:
    """What became of one input: ``ok``, ``skipped`` with a reason, or ``failed`` with one."""

    input: str
    content_hash: str
    status: Status
    reason: str = ""
    article_id: str | None = None


@dataclass(slots=True)
class Article:
    """A clean article: the text every span points into."""

    id: str
    input: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD), or None
    published_source: DateSource = "none"
    published_precision: Precision | None = None
    published_confidence: float = 0.0
    language: str = "en"
    credits: list[str] = field(default_factory=list)
    fetched_at: str | None = None  # ISO datetime, the latest a publication date may be
    encoding: str | None = None  # the input's encoding, as ingest read it
    encoding_confidence: float | None = None
    outlet_source: OutletSource = "none"
    title_source: TitleSource = "none"  # "derived": no headline, made from the first sentence
    # Which cleaner the text took: pasted, html, html-as-page (trafilatura found no
    # body), record, record-as-page (a JSONL or feed text that is a whole page), raw.
    clean_path: str = ""


@dataclass(slots=True)
class Sentence:
    article_id: str
    start: int
    end: int
    text: str
    bias_score: float = 0.0
    biased: bool = False
    signals: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """One raw mention of a person, organisation, place or group."""

    article_id: str
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, LOC, NORP
    name: str  # the name with titles stripped ("Antony Blinken")
    role: str | None = None  # title or apposition ("Secretary of State")
    rule: str = ""  # how this mention was found or linked
    entity_id: str | None = None  # set by the cross-article entity stage


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mention_count: int = 0
    article_count: int = 0


@dataclass(slots=True)
class Quote:
    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None
    speaker: str | None = None  # canonical name once entities are resolved
    speaker_id: str | None = None
    speaker_mention: str | None = None  # the words naming the speaker in this article
    speaker_start: int | None = None
    speaker_end: int | None = None
    confidence: float = 0.0
    rule: str = ""


@dataclass(slots=True)
class Figure:
    article_id: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None  # for ranges
    unit: str | None = None
    qualifier: str | None = None  # at least, over, nearly, around, up to …
    counts: str | None = None  # what is counted ("civilians killed")
    as_of: str | None = None  # period or as-of date as an ISO date or the phrase
    source: str | None = None  # cited source ("United Nations figures")
    speaker: str | None = None  # when the figure sits inside a quote
    rule: str = ""
    confidence: float = 0.0


@dataclass(slots=True)
class DateRef:
    """A date expression in the text, normalised against the publication date."""

    article_id: str
    start: int
    end: int
    text: str
    date: str | None  # ISO start
    date_end: str | None = None
    precision: Precision | None = None
    rule: str = ""


@dataclass(slots=True)
class TimelineEvent:
    """A dated statement or happening, linked to its sentence."""

    article_id: str
    date: str
    date_end: str | None
    precision: Precision
    text: str
    start: int
    end: int
    kind: Literal["statement", "happening"] = "happening"


@dataclass(slots=True)
class Signal:
    """A framing signal: a span with a label and a plain-language explanation."""

    article_id: str
    start: int
    end: int
    text: str
    signal: str  # naming, loaded, subjective, attribution, scare_quote, hedge, intensifier,
    # technique, purpose (an action's aim stated as fact), stance, choice (a quote only
    # this outlet chose)
    label: str
    explanation: str
    weight: float = 1.0
    # Whose words carry the signal: "outlet" (its own voice) or "quote" (words it chose
    # to quote, said by ``speaker``); both count, separately (issue 15).
    voice: str = "outlet"
    speaker: str | None = None
    target: str | None = None  # stance: the entity judged (its name in the article)


@dataclass(slots=True)
class Analysis:
    """Everything the per-article stages found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)


@dataclass(slots=True)
class Outcome:
    """The result of one input: its record, and the analysis when it was ok.

    ``stages`` maps each per-article stage that made the analysis to its version,
    so the store can tell when a changed stage must re-analyse the article.
    """

    record: InputRecord
    analysis: Analysis | None = None
    stages: dict[str, str] = field(default_factory=dict)


# -- comparison (issue 12): points, the unit of comparison across a story's articles --
# What the comparison reads (views/compare.py builds it) lives here, so the read layer
# and compare/ share it without importing each other.


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quote's character range, with its speaker and cue as stored."""

    start: int
    end: int
    speaker: str | None
    cue: str | None


@dataclass(slots=True)
class ArticleText:
    """What the comparison reads of one article (from views.compare_inputs)."""

    id: str
    outlet: str
    published: str | None
    sentences: list[tuple[int, int, str]]
    quotes: list[QuoteSpan] = field(default_factory=list)
    actors: list[tuple[int, int, str]] = field(default_factory=list)  # entity mentions
    loaded: list[Span] = field(default_factory=list)  # judging attribution verbs ("claimed")


@dataclass(slots=True)
class PointMember:
    """One article's passage that carries a point, and how close it is to the point's text."""

    point_id: str
    article_id: str
    outlet: str
    start: int
    end: int
    text: str
    similarity: float
    speaker: str | None = None  # when the passage is a quote


PointKind = Literal["consensus", "contested", "shared", "unique"]


@dataclass(slots=True)
class StoryPoint:
    """The same information as reported by one or more of a story's articles."""

    id: str
    story_id: str
    kind: PointKind
    text: str  # the member that best covers the others
    article_id: str  # where ``text`` is, as ``start``/``end``
    start: int
    end: int
    speaker: str | None
    outlets: list[str]
    article_count: int
    outlet_count: int
    salience: float
    first_published: str | None
    clash: str | None = None  # why a point is contested: figure, negation, actor, attribution
    members: list[PointMember] = field(default_factory=list)

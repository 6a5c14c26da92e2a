"""What the story page shows beyond the briefing, computed once for the web page and the report.

The briefing (briefing/build.py) holds the comparison; a reader also needs it laid out:
the outlets × points matrix (who carries each salient point, who leaves it out), each
outlet's registry facts, honest date spans, and framing scaled per 1,000 words and
split by voice (the outlet's own words, or the quotes it chose). Both surfaces render
this one record through the same template, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rashomon import labels
from rashomon.briefing.model import Briefing
from rashomon.clean.published import format_published
from rashomon.clean.registry import outlet_facts
from rashomon.model import PointMember, StoryPoint
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.views.articles import article_word_counts
from rashomon.views.stories import StorySummary, date_bounds

PER_WORDS = 1000  # framing counts are shown per this many words of the outlet's articles


@dataclass(slots=True)
class FramingRow:
    """One signal kind for one outlet: per 1,000 words in its own voice and in its quotes."""

    kind: str  # the human label ("Loaded words")
    own: float
    quoted: float


@dataclass(slots=True)
class OutletFramingView:
    outlet: str
    words: int
    rates: dict[str, FramingRow] = field(default_factory=dict)  # by human kind label


@dataclass(slots=True)
class MatrixRow:
    """One point of the matrix and, per outlet (in ``StoryView.outlets`` order), the passage
    that carries it, or None where the outlet leaves it out."""

    point: StoryPoint
    cells: list[PointMember | None]


@dataclass(slots=True)
class StoryView:
    """The layout facts of one story page (see the module docstring)."""

    outlets: list[str]  # the briefing's outlet order
    outlets_phrase: str  # "1 outlet and 4 articles whose outlet is unknown"
    facts: dict[str, str]  # outlet label → "public broadcaster, GB" (registry facts)
    dates: str  # the story's span as precise as its sources ("January 2023 to 9 March 2023")
    matrix: list[MatrixRow]  # the salient points, outlet by outlet
    framing: list[OutletFramingView]
    framing_columns: list[str]  # the kinds any outlet shows (human labels)
    cited: dict[str, list[PointMember]]  # article id → its passages the points cite, in order
    leaves_out_shown: int  # "leaves out" points listed per outlet card


def facts_text(name: str | None, extra_files: tuple[str, ...] = ()) -> str:
    """The registry's kind and country of an outlet, for beside its name ("" when unknown)."""
    facts = outlet_facts(name, extra_files)
    if facts is None:
        return ""
    return ", ".join(part for part in (facts.kind, facts.country) if part)


def date_span(articles: list[dict[str, Any]]) -> str:
    """First to last publication date, each shown as precisely as it was given."""
    first, last = date_bounds(articles)
    if first is None or last is None:
        return format_published(None, None)
    return published_span(
        first["published"],
        first.get("published_precision"),
        last["published"],
        last.get("published_precision"),
    )


def summary_span(story: StorySummary) -> str:
    """``date_span`` of a listed story, from the bounds ``list_stories`` already found."""
    return published_span(story.first, story.first_precision, story.last, story.last_precision)


def published_span(
    first: str | None, first_precision: str | None, last: str | None, last_precision: str | None
) -> str:
    shown = format_published(first, first_precision)
    until = format_published(last, last_precision)
    return shown if shown == until else f"{shown} to {until}"


def matrix_rows(points: list[StoryPoint], outlets: list[str], limit: int) -> list[MatrixRow]:
    """The most salient points that say something about the outlets: carried by more than
    one, or contested (a point one outlet alone carries is in its "adds")."""
    chosen = [p for p in points if p.outlet_count > 1 or p.kind == "contested"][:limit]
    rows = []
    for p in chosen:
        first: dict[str, PointMember] = {}
        for m in p.members:
            first.setdefault(m.outlet, m)
        rows.append(MatrixRow(p, [first.get(o) for o in outlets]))
    return rows


def cited_passages(points: list[StoryPoint]) -> dict[str, list[PointMember]]:
    """Each article's passages that points cite, once each: the single-file report prints
    them under the article so its links land on the words, as the web's do."""
    found: dict[str, dict[int, PointMember]] = {}
    for p in points:
        linked: dict[str, PointMember] = {}  # pages link each outlet's first passage only
        for m in p.members:
            linked.setdefault(m.outlet, m)
        for m in linked.values():
            found.setdefault(m.article_id, {}).setdefault(m.start, m)
    return {a: [by[k] for k in sorted(by)] for a, by in found.items()}


def shown_points(b: Briefing, rows: list[MatrixRow]) -> list[StoryPoint]:
    """The points the story page links passages of: summary, clashes, each outlet's
    additions and the matrix (not every point: a 1,000-article report stays small)."""
    shown = [*b.summary, *(p for p in b.points if p.kind == "contested")]
    shown += [p for d in b.differences for p in d.adds]
    return shown + [r.point for r in rows]


def outlet_words(store: Store, articles: list[dict[str, Any]]) -> dict[str, int]:
    """Words printed per outlet label across the story's articles."""
    label = {a["id"]: a["label"] for a in articles}
    words: dict[str, int] = {}
    for article_id, count in article_word_counts(store, list(label)).items():
        words[label[article_id]] = words.get(label[article_id], 0) + count
    return words


def per_words(count: int, words: int) -> float:
    return round(count * PER_WORDS / words, 1) if words else 0.0


def framing_views(framing: dict[str, Any] | None, words: dict[str, int]) -> list[OutletFramingView]:
    """Each outlet's framing counts per 1,000 words, own voice and quotes apart."""
    views = []
    for o in (framing or {}).get("outlets") or []:
        n = words.get(o["outlet"], 0)
        own, quoted = o.get("counts") or {}, o.get("quoted") or {}
        kinds = [k for k in labels.SIGNAL_KINDS if k in own or k in quoted]
        kinds += sorted((set(own) | set(quoted)) - set(kinds))
        rates = {
            labels.signal_kind(k): FramingRow(
                labels.signal_kind(k), per_words(own.get(k, 0), n), per_words(quoted.get(k, 0), n)
            )
            for k in kinds
        }
        views.append(OutletFramingView(o["outlet"], n, rates))
    return views


def framing_columns(views: list[OutletFramingView]) -> list[str]:
    """The signal kinds any outlet shows, in the pages' kind order: the table's columns."""
    found = {kind for v in views for kind in v.rates}
    ordered = [labels.signal_kind(k) for k in labels.SIGNAL_KINDS]
    return [k for k in ordered if k in found] + sorted(found - set(ordered))


def story_view(
    store: Store, b: Briefing, articles: list[dict[str, Any]], settings: Settings
) -> StoryView:
    """The story page's layout facts for a briefing and the story's article rows."""
    outlets = [d.outlet for d in b.differences] or [c.outlet for c in b.coverage]
    files = settings.outlet_registry_files
    framing = framing_views(b.framing, outlet_words(store, articles))
    rows = matrix_rows(b.points, outlets, settings.story_matrix_points)
    return StoryView(
        outlets=outlets,
        outlets_phrase=labels.outlets_phrase(a["label"] for a in articles),
        facts={o: facts_text(o, files) for o in outlets},
        dates=date_span(articles),
        matrix=rows,
        framing=framing,
        framing_columns=framing_columns(framing),
        cited=cited_passages(shown_points(b, rows)),
        leaves_out_shown=settings.story_leaves_out_shown,
    )

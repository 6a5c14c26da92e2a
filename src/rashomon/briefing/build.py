"""Build the briefing of one story on the comparison's points.

The summary is the story's most salient consensus points (briefing/summary.py); then,
outlet by outlet, what it adds, what it leaves out, whose voices it quotes, how it
names things and where its figures clash (compare/differences.py). Points come from
the store (the ``points`` stage); a store where that stage never ran gets them computed
for this read, so a briefing is never empty for want of a stage.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rashomon.briefing.framing import framing_comparison
from rashomon.briefing.model import (
    Briefing,
    ConflictView,
    FigureView,
    OutletCoverage,
    TimelineEntry,
)
from rashomon.briefing.summary import shared, summary_points
from rashomon.compare import differences as diff
from rashomon.compare.points import points_for
from rashomon.errors import error
from rashomon.model import StoryPoint
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.store.points import story_points
from rashomon.views import records as reads
from rashomon.views.compare import clashing_figures, compare_inputs
from rashomon.views.stories import (
    StorySummary,
    article_meta,
    date_bounds,
    list_stories,
    story_article_ids,
)


def build_briefing(store: Store, story_id: str, settings: Settings) -> Briefing:
    """The briefing of an event, a storyline, or (without story tables) the whole corpus."""
    story = find_story(store, story_id)
    ids = story_article_ids(store, story_id)
    meta = article_meta(store, ids)
    ids = list(meta)  # publication order
    label = {i: meta[i]["label"] for i in ids}
    points, stored = load_points(store, story_id, ids, settings)
    outlets = sorted(set(label.values()))
    framing = framing_comparison(store, story_id, ids)
    naming = (framing or {}).get("naming") or []
    conflict_rows = [labelled(r, label) for r in reads.conflicts(store, ids)]
    summary = summary_points(points, len(ids), settings)
    return Briefing(
        story=story,
        coverage=coverage(ids, meta),
        single_outlet=outlets[0] if len(outlets) == 1 else None,
        summary=summary,
        differences=differences(store, ids, label, points, naming, conflict_rows, settings)
        if len(outlets) > 1
        else [],
        naming=naming,
        points=points,
        figures=figures(reads.records(store, "figures", ids), label),
        conflicts=[conflict_view(r) for r in conflict_rows],
        timeline=timeline(reads.records(store, "timeline", ids, "date, article_id"), label),
        framing=framing,
        missing=[
            t
            for t in ("quotes", "figures", "conflicts", "timeline", "signals")
            if not store.has_table(t)
        ],
        points_stored=stored,
        summary_shared=shared(summary),
    )


def find_story(store: Store, story_id: str) -> StorySummary:
    for story in list_stories(store):
        if story.id == story_id:
            return story
    raise error("E601", story=story_id)


def load_points(
    store: Store, story_id: str, ids: list[str], settings: Settings
) -> tuple[list[StoryPoint], bool]:
    """The stored points, or (the stage never ran) points computed now with read-only ids."""
    stored = story_points(store, story_id)
    if stored:
        return stored, True
    found = points_for(compare_inputs(store, ids), settings, clashing_figures(store, ids), story_id)
    for n, p in enumerate(found, 1):
        p.id = f"unstored-{n}"
        for m in p.members:
            m.point_id = p.id
    return found, False


def labelled(row: dict[str, Any], label: dict[str, str]) -> dict[str, Any]:
    """A conflict row whose members name their outlet as every other section does."""
    for m in row.get("members") or []:
        if isinstance(m, dict) and m.get("article_id") in label:
            m["outlet"] = label[m["article_id"]]
    return row


def differences(
    store: Store,
    ids: list[str],
    label: dict[str, str],
    points: list[StoryPoint],
    naming: list[dict[str, Any]],
    conflict_rows: list[dict[str, Any]],
    settings: Settings,
) -> list[diff.OutletDifferences]:
    quotes = [
        (label[q["article_id"]], q.get("speaker"), q["text"])
        for q in reads.records(store, "quotes", ids)
    ]
    voices = diff.voices(quotes)
    by_outlet: dict[str, int] = defaultdict(int)
    for i in ids:
        by_outlet[label[i]] += 1
    return [
        diff.OutletDifferences(
            outlet=o,
            adds=diff.adds(points, o, settings.briefing_adds_per_outlet),
            leaves_out=diff.leaves_out(points, o),
            voices=voices.get(o, []),
            naming=diff.naming(naming, o),
            clashes=diff.clashes(conflict_rows, o),
        )
        for o in sorted(by_outlet, key=lambda o: (-by_outlet[o], o))
    ]


def coverage(ids: list[str], meta: dict[str, dict[str, Any]]) -> list[OutletCoverage]:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        by_outlet[meta[i]["label"]].append(i)
    result = []
    for outlet, article_ids in by_outlet.items():
        first, last = date_bounds([meta[i] for i in article_ids])
        result.append(
            OutletCoverage(
                outlet,
                article_ids,
                first["published"] if first else None,
                last["published"] if last else None,
                first.get("published_precision") if first else None,
            )
        )
    result.sort(key=lambda c: (-len(c.article_ids), c.outlet))
    return result


def figures(rows: list[dict[str, Any]], label: dict[str, str]) -> list[FigureView]:
    """Each figure once, with every outlet that printed it in the same words and context."""
    found: dict[tuple, FigureView] = {}
    for row in rows:
        key = (row["text"], row.get("counts"), row.get("source"), row.get("as_of"))
        outlet = label[row["article_id"]]
        if key in found:
            if outlet not in found[key].outlets:
                found[key].outlets.append(outlet)
            continue
        found[key] = FigureView(
            outlet=outlet,
            article_id=row["article_id"],
            start=row["start"],
            end=row["end"],
            text=row["text"],
            value=row.get("value"),
            unit=row.get("unit"),
            counts=row.get("counts"),
            source=row.get("source"),
            as_of=row.get("as_of"),
            outlets=[outlet],
        )
    return list(found.values())


def conflict_view(row: dict[str, Any]) -> ConflictView:
    """A conflict row of the figures stage: what is counted, and each outlet's value."""
    members = row.get("members")
    return ConflictView(
        counts=str(row.get("counts") or ""),
        unit=row.get("unit"),
        values=members if isinstance(members, list) else [],
    )


def timeline(rows: list[dict[str, Any]], label: dict[str, str]) -> list[TimelineEntry]:
    """Dated events in date order, each sentence once with every outlet that printed it."""
    found: dict[tuple, TimelineEntry] = {}
    for r in rows:
        if not r.get("date"):
            continue
        key = (r["date"], r.get("date_end"), r["text"])
        outlet = label[r["article_id"]]
        if key in found:
            if outlet not in found[key].outlets:
                found[key].outlets.append(outlet)
            continue
        found[key] = TimelineEntry(
            date=r["date"],
            date_end=r.get("date_end"),
            precision=r.get("precision"),
            text=r["text"],
            outlet=outlet,
            article_id=r["article_id"],
            start=r["start"],
            end=r["end"],
            kind=r.get("kind"),
            outlets=[outlet],
        )
    return list(found.values())

"""Build the extractive briefing of one story from what the stages stored.

Content is matched across articles by meaning: each sentence is embedded, the
story's mean vector (the topic every sentence shares) is taken away, and sentences
of different articles whose remaining vectors agree are taken to say the same thing.
A sentence's support is the set of outlets that carry it; the briefing leads with
the best-supported content and lists, outlet by outlet, what no other outlet carries.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from rashomon.briefing import queries
from rashomon.briefing.model import (
    Briefing,
    Carriage,
    ConflictView,
    FigureView,
    OutletCoverage,
    Point,
    SpeakerStatements,
    StorySummary,
    TimelineEntry,
)
from rashomon.briefing.similarity import Wordings, match_wordings
from rashomon.errors import error
from rashomon.settings import Settings
from rashomon.store.db import Store

UNATTRIBUTED = "unattributed"


def build_briefing(store: Store, story_id: str, settings: Settings) -> Briefing:
    """The briefing of an event, a storyline, or (without story tables) the whole corpus."""
    story = find_story(store, story_id)
    ids = queries.story_article_ids(store, story_id)
    meta = queries.article_meta(store, ids)
    ids = list(meta)  # publication order
    label = {i: meta[i]["label"] for i in ids}
    order = {i: n for n, i in enumerate(ids)}

    sentences = [
        s
        for s in queries.sentences(store, ids)
        if len(s["text"].split()) >= settings.briefing_min_words
    ]
    sentences.sort(key=lambda s: (order[s["article_id"]], s["start"]))
    wordings = match_wordings([s["text"] for s in sentences], settings.briefing_match_threshold)
    shared, only = rank_points(sentences, wordings, label, settings)

    quote_rows = queries.records(store, "quotes", ids)
    return Briefing(
        story=story,
        coverage=coverage(ids, meta),
        shared=shared,
        only=only,
        quotes=speaker_statements(quote_rows, label, order, wordings.mean, settings),
        figures=figures(queries.records(store, "figures", ids), label),
        conflicts=[conflict_view(r) for r in queries.conflicts(store, ids)],
        timeline=timeline(queries.records(store, "timeline", ids, "date, article_id"), label),
        framing=queries.framing_comparison(store, story_id, ids),
        missing=[
            t
            for t in ("sentences", "quotes", "figures", "conflicts", "timeline", "signals")
            if not queries.has_table(store, t)
        ],
    )


def find_story(store: Store, story_id: str) -> StorySummary:
    for story in queries.list_stories(store):
        if story.id == story_id:
            return story
    raise error("E601", story=story_id)


def carriage(row: dict[str, Any], label: dict[str, str]) -> Carriage:
    return Carriage(
        outlet=label[row["article_id"]],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        cue=row.get("cue"),
        kind=row.get("kind"),
    )


def point(lead: int, rows: list[dict[str, Any]], members: list[int], label: dict) -> Point:
    """A point worded as ``rows[lead]``, carried by one sentence per article among ``members``."""
    seen: dict[str, int] = {}
    for i in [lead, *members]:
        seen.setdefault(rows[i]["article_id"], i)
    carried = [carriage(rows[i], label) for i in seen.values()]
    head = rows[lead]
    return Point(
        text=head["text"],
        article_id=head["article_id"],
        start=head["start"],
        end=head["end"],
        outlets=sorted({c.outlet for c in carried}),
        carried_by=carried,
    )


def rank_points(
    rows: list[dict[str, Any]], wordings: Wordings, label: dict[str, str], settings: Settings
) -> tuple[list[Point], list[Point]]:
    """Shared points (most outlets first, each covering its paraphrases) and single-outlet ones.

    A wording's support is the set of outlets printing it or a wording that matches it
    (matches inside one article add only that article's own outlet, so they cannot
    inflate support).
    """
    outlets = [{label[rows[r]["article_id"]] for r in group} for group in wordings.rows_of]
    support = [
        outlets[w].union(*(outlets[v] for v in wordings.links[w])) for w in range(len(outlets))
    ]
    shared: list[Point] = []
    covered: set[int] = set()
    for w in sorted(range(len(support)), key=lambda w: (-len(support[w]), wordings.rows_of[w][0])):
        if len(support[w]) < 2 or len(shared) >= settings.briefing_shared_limit:
            break
        if w in covered:
            continue
        covered.update([w, *wordings.links[w]])
        members = [r for v in [w, *wordings.links[w]] for r in wordings.rows_of[v]]
        shared.append(point(members[0], rows, members, label))
    only: list[Point] = []
    if len({label[r["article_id"]] for r in rows}) < 2:
        return shared, only  # with one outlet, "only this outlet says" says nothing
    per_outlet: dict[str, int] = defaultdict(int)
    for w in sorted(range(len(support)), key=lambda w: wordings.rows_of[w][0]):  # reading order
        lead = wordings.rows_of[w][0]
        outlet = label[rows[lead]["article_id"]]
        if len(support[w]) == 1 and per_outlet[outlet] < settings.briefing_only_per_outlet:
            per_outlet[outlet] += 1
            only.append(point(lead, rows, wordings.rows_of[w], label))
    return shared, only


def speaker_statements(
    quotes: list[dict[str, Any]],
    label: dict[str, str],
    order: dict[str, int],
    mean: np.ndarray | None,
    settings: Settings,
) -> list[SpeakerStatements]:
    """Quotes grouped by speaker, then by statement: the same words carried by several outlets."""
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in sorted(quotes, key=lambda q: (order[q["article_id"]], q["start"])):
        by_speaker[quote.get("speaker") or UNATTRIBUTED].append(quote)
    result = []
    for speaker, rows in by_speaker.items():
        wordings = match_wordings(
            [r["text"] for r in rows], settings.briefing_match_threshold, mean
        )
        statements, taken = [], set()
        for w in range(len(wordings.texts)):
            if w in taken:
                continue
            group = [v for v in [w, *wordings.links[w]] if v not in taken]
            taken.update(group)
            members = [r for v in group for r in wordings.rows_of[v]]
            statements.append(point(members[0], rows, members, label))
        statements.sort(key=lambda p: -len(p.outlets))
        result.append(
            SpeakerStatements(
                speaker=speaker,
                speaker_id=rows[0].get("speaker_id"),
                outlets=sorted({label[r["article_id"]] for r in rows}),
                statements=statements,
            )
        )
    result.sort(key=lambda s: (s.speaker == UNATTRIBUTED, -len(s.outlets), -len(s.statements)))
    return result


def coverage(ids: list[str], meta: dict[str, dict[str, Any]]) -> list[OutletCoverage]:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        by_outlet[meta[i]["label"]].append(i)
    result = []
    for outlet, article_ids in by_outlet.items():
        dates = sorted(meta[i]["published"] for i in article_ids if meta[i]["published"])
        result.append(
            OutletCoverage(
                outlet, article_ids, dates[0] if dates else None, dates[-1] if dates else None
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

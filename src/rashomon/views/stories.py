"""Story identity, decided once: which articles form each story, and how lists show it.

An event (the stories stage's ``event_id``) and a storyline (``storyline_id``) are both
stories; syndicated copies (``copy_of``) stay members of their story, and count once
per outlet wherever outlets are counted. A store without story tables (``--no-cross``)
has one story, the whole corpus, as has every article the stage has not placed. Every
surface and every cross-article read of a story goes through ``story_article_ids`` (or
``story_members`` for all stories at once); a stage that must count each article in one
story only takes its widest (``widest_story``), one that compares accounts of one
happening its narrowest (``event_members``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rashomon.clean.outlet import outlet_label
from rashomon.store.db import Store

CORPUS_STORY = "all"  # the one story of a store that has no story tables yet

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
    # day, month or year: how much of ``first``/``last`` their articles gave, so a surface
    # never shows a day the source did not give
    first_precision: str | None = None
    last_precision: str | None = None


def date_bounds(articles: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, ...]:
    """The earliest and the latest dated article (None, None when none is dated)."""
    dated = sorted((a for a in articles if a["published"]), key=lambda a: a["published"])
    return (dated[0], dated[-1]) if dated else (None, None)


def placeholders(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


STORY_PLACE = ("article_id", "event_id", "storyline_id", "copy_of")


def story_rows(store: Store, ids: list[str] | None = None) -> list[dict[str, Any]]:
    """(``STORY_PLACE``, copy_similarity) for the given articles (every ok one when None),
    in storage order; an article the stories stage has not placed (``--no-cross``, or not
    run yet) has no event. The one read of story placement: the stories export is its
    placed rows, and a page reads only its own articles' rows."""
    sql = (
        "SELECT a.id AS article_id, s.event_id, s.storyline_id, s.copy_of, "
        "s.copy_similarity FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id"
    )
    params: list[str] = []
    if ids is not None:
        sql += f" WHERE a.id IN ({placeholders(ids)})"
        params = ids
    return list(store.rows(sql + " ORDER BY a.rowid", params))


def story_titles(store: Store) -> dict[str, str]:
    """Titles the stories stage chose, by event or storyline id."""
    sql = "SELECT id, title FROM story_events UNION ALL SELECT id, title FROM storylines"
    return {row["id"]: row["title"] for row in store.rows(sql) if row["title"]}


def article_meta(store: Store, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """id → title, outlet label, published, url for the given articles (all when None)."""
    sql = "SELECT id, title, outlet, url, published, published_precision FROM articles"
    params: list[str] = []
    if ids is not None:
        sql += f" WHERE id IN ({placeholders(ids)})"
        params = ids
    meta = {}
    for row in store.rows(sql + " ORDER BY published, rowid", params):
        row["label"] = outlet_label(row["outlet"], row["url"], row["id"])
        meta[row["id"]] = row
    return meta


def list_stories(store: Store) -> list[StorySummary]:
    """Storylines, then events, each with its size, outlets and date span."""
    rows = story_rows(store)
    meta = article_meta(store)
    titles = story_titles(store)
    groups: dict[tuple[StoryKind, str], list[str]] = {}
    parents: dict[str, str | None] = {}
    for row in rows:
        if row["article_id"] not in meta:
            continue
        if row["storyline_id"] is None and row["event_id"] is None:
            groups.setdefault(("corpus", CORPUS_STORY), []).append(row["article_id"])
            continue
        if row["storyline_id"] is not None:
            groups.setdefault(("storyline", str(row["storyline_id"])), []).append(row["article_id"])
        if row["event_id"] is not None:
            key: tuple[StoryKind, str] = ("event", str(row["event_id"]))
            groups.setdefault(key, []).append(row["article_id"])
            parents[key[1]] = None if row["storyline_id"] is None else str(row["storyline_id"])
    stories = []
    for (kind, story_id), ids in groups.items():
        articles = [meta[i] for i in ids]
        first, last = date_bounds(articles)
        earliest = min(articles, key=lambda a: (a["published"] or "9999", a["id"]))
        stories.append(
            StorySummary(
                id=story_id,
                kind=kind,
                title=titles.get(story_id)
                or ("All articles" if kind == "corpus" else earliest["title"] or story_id),
                article_count=len(ids),
                outlets=sorted({a["label"] for a in articles}),
                first=first["published"] if first else None,
                last=last["published"] if last else None,
                parent=parents.get(story_id) if kind == "event" else None,
                first_precision=first.get("published_precision") if first else None,
                last_precision=last.get("published_precision") if last else None,
            )
        )
    order = {"storyline": 0, "corpus": 0, "event": 1}
    stories.sort(key=lambda s: (order[s.kind], -s.article_count, s.first or "", s.id))
    return stories


def story_members(store: Store) -> dict[str, list[str]]:
    """Every story's articles at once (story id → article ids, in store order): what a
    stage walking every story reads instead of one ``story_article_ids`` per story."""
    members: dict[str, list[str]] = {}
    for r in story_rows(store):
        keys = [str(k) for k in (r["event_id"], r["storyline_id"]) if k is not None]
        for key in keys or [CORPUS_STORY]:
            members.setdefault(key, []).append(str(r["article_id"]))
    return members


def widest_story(row: dict[str, Any]) -> str:
    """The one story a ``story_rows`` row counts in: its storyline, else its event, else
    the corpus story. A storyline gathers its events, so a stage that must see each
    article once (conflicts) groups by this and loses no pairing an event would make."""
    return first_story(row, ("storyline_id", "event_id"))


def narrowest_story(row: dict[str, Any]) -> str:
    """The one happening a ``story_rows`` row tells: its event, else its storyline, else
    the corpus story. What compares accounts of one event (framing's quote choice, the
    CLI's event filter) groups by this."""
    return first_story(row, ("event_id", "storyline_id"))


def first_story(row: dict[str, Any], keys: tuple[str, str]) -> str:
    return next((str(row[k]) for k in keys if row[k] is not None), CORPUS_STORY)


def event_members(store: Store) -> dict[str, list[str]]:
    """Each event's articles, in store order (``narrowest_story``: an article placed in
    no event counts in its storyline, else the corpus story)."""
    members: dict[str, list[str]] = {}
    for r in story_rows(store):
        members.setdefault(narrowest_story(r), []).append(str(r["article_id"]))
    return members


def article_versions(store: Store) -> dict[str, int]:
    """Article id → its row number: a re-analysed input is stored as a new row, so a
    changed number tells a cross-article stage that the article's text changed."""
    return {r["id"]: r["rowid"] for r in store.rows("SELECT id, rowid FROM articles")}


def story_article_ids(store: Store, story_id: str) -> list[str]:
    """The articles of an event or storyline (every article for the corpus story)."""
    return story_members(store).get(story_id, [])

"""Every read the briefing makes, one function per table, tolerant of tables not yet built.

A store analysed without a stage lacks that stage's table; each reader then returns
nothing and the briefing says which section is missing, instead of failing.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from rashomon.briefing.model import StorySummary
from rashomon.store.articles import outlet_label
from rashomon.store.db import Store

CORPUS_STORY = "all"  # the one story of a store that has no story tables yet


def has_table(store: Store, name: str) -> bool:
    row = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone()
    return row is not None


def placeholders(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


def story_rows(store: Store) -> list[dict[str, Any]]:
    """(article_id, event_id, storyline_id, copy_of) for every ok article; an article the
    stories stage has not placed (``--no-cross``, or not run yet) has no event."""
    return list(
        store.rows(
            "SELECT a.id AS article_id, s.event_id, s.storyline_id, s.copy_of FROM articles a "
            "LEFT JOIN story_articles s ON s.article_id = a.id ORDER BY a.rowid"
        )
    )


def story_titles(store: Store) -> dict[str, str]:
    """Titles the stories stage chose, by event or storyline id."""
    sql = "SELECT id, title FROM story_events UNION ALL SELECT id, title FROM storylines"
    return {row["id"]: row["title"] for row in store.rows(sql) if row["title"]}


def article_meta(store: Store, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """id → title, outlet label, published, url for the given articles (all when None)."""
    sql = "SELECT id, title, outlet, url, published FROM articles"
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
    groups: dict[tuple[str, str], list[str]] = {}
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
            key = ("event", str(row["event_id"]))
            groups.setdefault(key, []).append(row["article_id"])
            parents[key[1]] = None if row["storyline_id"] is None else str(row["storyline_id"])
    stories = []
    for (kind, story_id), ids in groups.items():
        articles = [meta[i] for i in ids]
        dates = sorted(a["published"] for a in articles if a["published"])
        earliest = min(articles, key=lambda a: (a["published"] or "9999", a["id"]))
        stories.append(
            StorySummary(
                id=story_id,
                kind=kind,  # type: ignore[arg-type]
                title=titles.get(story_id)
                or ("All articles" if kind == "corpus" else earliest["title"] or story_id),
                article_count=len(ids),
                outlets=sorted({a["label"] for a in articles}),
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
                parent=parents.get(story_id) if kind == "event" else None,
            )
        )
    order = {"storyline": 0, "corpus": 0, "event": 1}
    stories.sort(key=lambda s: (order[s.kind], -s.article_count, s.first or "", s.id))
    return stories


def story_article_ids(store: Store, story_id: str) -> list[str]:
    """The articles of an event or storyline (every article for the corpus story)."""
    ids = [
        r["article_id"]
        for r in story_rows(store)
        if story_id in (r["event_id"], r["storyline_id"])
        or (story_id == CORPUS_STORY and r["event_id"] is None and r["storyline_id"] is None)
    ]
    return list(dict.fromkeys(str(i) for i in ids))


# A plain sentence splitter for stores analysed without the annotate stage: a full stop,
# question or exclamation mark (and closing quotes) followed by space, or a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def split_sentences(article_id: str, text: str) -> list[dict[str, Any]]:
    found, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() if text[match.start()] == "\n" else match.end()
        piece = text[start:end].strip()
        if piece:
            offset = text.index(piece, start)
            found.append(
                {
                    "article_id": article_id,
                    "start": offset,
                    "end": offset + len(piece),
                    "text": piece,
                }
            )
        start = match.end()
    piece = text[start:].strip()
    if piece:
        offset = text.index(piece, start)
        found.append(
            {"article_id": article_id, "start": offset, "end": offset + len(piece), "text": piece}
        )
    return found


def sentences(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Sentences of the given articles; split here for any article without stored ones."""
    if not ids:
        return []
    found: list[dict[str, Any]] = []
    if has_table(store, "sentences"):
        sql = (
            "SELECT article_id, start, end, text FROM sentences "
            f"WHERE article_id IN ({placeholders(ids)}) ORDER BY article_id, start"
        )
        found = list(store.rows(sql, ids))
    done = {row["article_id"] for row in found}
    rest = [i for i in ids if i not in done]
    if rest:
        sql = f"SELECT id, text FROM articles WHERE id IN ({placeholders(rest)})"
        for row in store.rows(sql, rest):
            found.extend(split_sentences(row["id"], row["text"]))
    return found


def records(store: Store, table: str, ids: list[str], order: str = "article_id, start") -> list:
    """Every row of a per-article table for the given articles, JSON columns decoded."""
    if not ids or not has_table(store, table):
        return []
    sql = f"SELECT * FROM {table} WHERE article_id IN ({placeholders(ids)}) ORDER BY {order}"
    return [decode_json(row) for row in store.rows(sql, ids)]


# Columns of free text from articles: never decoded, even when they start with "[".
FREE_TEXT = frozenset({"text", "title", "label", "explanation", "cue", "speaker", "counts"})


def decode_json(row: dict[str, Any]) -> dict[str, Any]:
    """Lists and dicts the writer stored as JSON text, decoded; free text left alone."""
    for key, value in row.items():
        if key in FREE_TEXT or not isinstance(value, str) or value[:1] not in "[{":
            continue
        with contextlib.suppress(ValueError):
            row[key] = json.loads(value)
    return row


def conflicts(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Clashing figures (not series of updates) that involve any of the given articles."""
    if not ids or not has_table(store, "conflicts"):
        return []
    wanted = set(ids)
    found = []
    for row in store.rows("SELECT * FROM conflicts WHERE kind = 'conflict'"):
        row = decode_json(row)
        if wanted & set(article_ids_in(row)):
            found.append(row)
    return found


def article_ids_in(row: Any) -> list[str]:
    """Every ``article_id`` value nested anywhere in a conflict row."""
    if isinstance(row, dict):
        own = [str(row["article_id"])] if row.get("article_id") else []
        return own + [i for value in row.values() for i in article_ids_in(value)]
    if isinstance(row, list):
        return [i for value in row for i in article_ids_in(value)]
    return []


def framing_comparison(store: Store, story_id: str, ids: list[str]) -> dict[str, Any] | None:
    """The framing stage's per-story comparison, with the outlet × signal table laid out.

    Keys: ``summaries`` (outlet → one sentence), ``columns`` and ``table`` (outlet →
    signal → count), ``naming`` (contested families: outlet → terms), ``outlets`` (the
    comparison's own records, each claim with its spans).
    """
    if not ids or not has_table(store, "signals"):
        return None
    from rashomon.framing.compare import compare_story

    result = compare_story(store, None if story_id == CORPUS_STORY else story_id)
    # The comparison names an outlet-less article by its id; show the briefing's label.
    name = {m["outlet"] or i: m["label"] for i, m in article_meta(store, ids).items()}
    for o in result.outlets:
        o.outlet = name.get(o.outlet, o.outlet)
    table = {o.outlet: o.counts for o in result.outlets}
    columns = sorted({kind for counts in table.values() for kind in counts})
    naming = [
        {"family": c.family, "terms": {name.get(o, o): sorted(t) for o, t in c.by_outlet.items()}}
        for c in result.naming
        if c.contested
    ]
    return {
        "summaries": {o.outlet: o.summary for o in result.outlets},
        "columns": columns,
        "table": table,
        "naming": naming,
        "outlets": [asdict(o) for o in result.outlets],
    }

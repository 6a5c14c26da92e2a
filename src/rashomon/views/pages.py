"""The reads behind the web pages and the API (story identity is in rashomon.views).

Each function returns plain dicts and lists, so the HTML pages and the JSON API
show exactly the same data.
"""

from __future__ import annotations

import json
from typing import Any

from rashomon.clean.outlet import outlet_label
from rashomon.entities.local import GROUP_SEPARATOR
from rashomon.labels import article_title
from rashomon.store.db import Store
from rashomon.views.articles import article_count
from rashomon.views.records import decode_json, records
from rashomon.views.stories import (
    STORY_PLACE,
    StorySummary,
    article_meta,
    list_stories,
    placeholders,
    story_rows,
)

ARTICLE_LIST_COLUMNS = "id, title, outlet, url, published, published_source, language"


def filter_stories(
    store: Store,
    *,
    kind: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_size: int | None = None,
) -> list[StorySummary]:
    """Stories matching every filter given (none given: all of them)."""
    found = []
    for s in list_stories(store):
        if kind and s.kind != kind:
            continue
        if outlet and not any(outlet.lower() in o.lower() for o in s.outlets):
            continue
        if title and title.lower() not in s.title.lower():
            continue
        if since and (s.last or "") < since:
            continue
        if until and (s.first or "9999") > until:
            continue
        if min_size and s.article_count < min_size:
            continue
        found.append(s)
    return found


def article_page(store: Store, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    total = article_count(store)
    rows = list(
        store.rows(
            f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles ORDER BY published, rowid "
            "LIMIT ? OFFSET ?",
            (limit, offset),
        )
    )
    for row in rows:
        row["outlet_label"] = outlet_label(row["outlet"], row["url"], row["id"])
    return rows, total


def titled_article_page(store: Store, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """``article_page`` for the HTML list: an untitled article is named by its first words,
    so it still has a link (the API keeps the stored, empty title)."""
    rows, total = article_page(store, limit, offset)
    untitled = [r["id"] for r in rows if not (r["title"] or "").strip()]
    if untitled:
        sql = "SELECT id, substr(text, 1, 400) AS lead FROM articles WHERE id IN "
        sql += f"({placeholders(untitled)})"
        leads = {r["id"]: r["lead"] for r in store.rows(sql, untitled)}
        for r in rows:
            r["title"] = article_title(r["title"], leads.get(r["id"]), r["id"])
    return rows, total


def story_articles(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    meta = article_meta(store, ids)
    copies = {r["article_id"]: r.get("copy_of") for r in story_rows(store, ids)}
    return [dict(m, copy_of=copies.get(i)) for i, m in meta.items()]


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with everything the stages found in it and the articles it shares text with."""
    row = next(store.rows("SELECT * FROM articles WHERE id = ?", (article_id,)), None)
    if row is None:
        return None
    row.pop("rowid", None)
    row["credits"] = json.loads(row["credits"] or "[]")  # wire credits, stored as a JSON list
    row["outlet_label"] = outlet_label(row["outlet"], row["url"], row["id"])
    ids = [article_id]
    for table in ("quotes", "figures", "signals", "mentions", "dates", "timeline"):
        row[table] = records(store, table, ids)
    place = next(iter(story_rows(store, ids)), None)
    row["story"] = place and {k: place[k] for k in STORY_PLACE}
    row["copies"] = copies_of(store, article_id)
    return row


def copies_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    """Articles this one copies, and articles that copy it (near-duplicates by MinHash)."""
    if not store.has_table("story_articles"):
        return []
    sql = (
        "SELECT a.id, a.title, a.outlet, a.url, a.published, s.copy_of, s.copy_similarity "
        "FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE (s.copy_of = :id AND s.article_id != :id) "
        "OR s.article_id = (SELECT copy_of FROM story_articles WHERE article_id = :id)"
    )
    found = [dict(r) for r in store.conn.execute(sql, {"id": article_id})]
    for r in found:
        r["outlet_label"] = outlet_label(r["outlet"], r["url"], r["id"])
    return found


def entity_list(store: Store, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    if not store.has_table("entities"):
        return [], 0
    total = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    sql = (
        "SELECT id, name, type, mention_count, article_count FROM entities "
        "ORDER BY article_count DESC, mention_count DESC, name LIMIT ? OFFSET ?"
    )
    return list(store.rows(sql, (limit, offset))), total


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """One entity: what it said (its quotes) and what was said about it (sentences naming it)."""
    if not store.has_table("entities"):
        return None
    row = next(store.rows("SELECT * FROM entities WHERE id = ?", (entity_id,)), None)
    if row is None:
        return None
    row = decode_json(row)  # roles and aliases are stored as JSON lists
    meta = article_meta(store)
    said = quotes_said(store, entity_id, meta) if store.has_table("quotes") else []
    about = []
    if store.has_table("mentions") and store.has_table("sentences"):
        sql = (
            "SELECT DISTINCT s.article_id, s.start, s.end, s.text FROM mentions m "
            "JOIN sentences s ON s.article_id = m.article_id "
            "AND s.start <= m.start AND m.end <= s.end "
            "WHERE m.entity_id = ? ORDER BY s.article_id, s.start"
        )
        about = in_time_order(list(store.rows(sql, (entity_id,))), meta)
    row["said"] = said
    row["about"] = about
    row["outlets"] = sorted({r["outlet"] for r in [*said, *about] if r["outlet"]})
    return row


def quotes_said(
    store: Store, speaker_id: str, meta: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The quotes of one speaker (an entity, or a group as quotes store it), oldest first."""
    sql = "SELECT * FROM quotes WHERE speaker_id = ? ORDER BY article_id, start"
    return in_time_order(list(store.rows(sql, (speaker_id,))), meta)


def in_time_order(
    items: list[dict[str, Any]], meta: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Article-level rows with their article's outlet label, dates and title (from
    ``article_meta``), by publication date then outlet (undated last)."""
    for item in items:
        m = meta.get(item["article_id"], {})
        item.update(
            outlet=m.get("label"),
            published=m.get("published"),
            published_precision=m.get("published_precision"),
            title=m.get("title"),
        )
    return sorted(items, key=lambda r: (r["published"] or "9999", r["outlet"] or ""))


def entity_group(store: Store, group_id: str) -> dict[str, Any] | None:
    """A group speaker ("id1; id2", as quotes store it): its members and what it said together.

    Quotes attributed to several people at once link here, so the link does not 404.
    """
    ids = group_id.split(GROUP_SEPARATOR)
    if len(ids) < 2 or not store.has_table("entities") or not store.has_table("quotes"):
        return None
    found = {
        r["id"]: r
        for r in store.rows(
            f"SELECT id, name, type FROM entities WHERE id IN ({placeholders(ids)})", ids
        )
    }
    members = [found[i] for i in ids if i in found]
    if not members:
        return None
    return {
        "id": group_id,
        "members": members,
        "said": quotes_said(store, group_id, article_meta(store)),
    }


def passages(store: Store, article_id: str) -> list[tuple[int, int]]:
    """The spans of an article that story points cite (``/article/{id}#c{start}`` links)."""
    if not store.has_table("point_members"):
        return []
    sql = 'SELECT DISTINCT start, "end" FROM point_members WHERE article_id = ?'
    return [(r["start"], r["end"]) for r in store.rows(sql, (article_id,))]

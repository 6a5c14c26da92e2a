"""Per-article tables read for a story's articles, tolerant of tables not yet built.

A store analysed without a stage lacks that stage's table; each reader then returns
nothing and the briefing says which section is missing, instead of failing.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from rashomon.store.db import Store
from rashomon.views.stories import placeholders


def records(store: Store, table: str, ids: list[str], order: str = "article_id, start") -> list:
    """Every row of a per-article table for the given articles, JSON columns decoded."""
    if not ids or not store.has_table(table):
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
    if not ids or not store.has_table("conflicts"):
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

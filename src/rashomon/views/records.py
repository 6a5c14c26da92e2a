"""Per-article tables read for a story's articles, tolerant of tables not yet built.

A store analysed without a stage lacks that stage's table; each reader then returns
nothing and the briefing says which section is missing, instead of failing.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict
from typing import Any

from rashomon.store.db import Store
from rashomon.views.stories import CORPUS_STORY, article_meta, has_table, placeholders


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

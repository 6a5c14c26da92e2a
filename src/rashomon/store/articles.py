"""Article and input queries shared by the CLI and the web UI."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from rashomon.errors import Reason
from rashomon.store.db import Store

# Snippet highlight markers: control characters never found in stored text, so each
# surface can turn them into its own markup after escaping the text around them.
MARK_START, MARK_END = "\x02", "\x03"

FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}

def status_counts(store: Store) -> dict[str, int]:
    counts = {"ok": 0, "skipped": 0, "failed": 0}
    for status, n in store.conn.execute("SELECT status, count(*) FROM inputs GROUP BY status"):
        counts[status] = n
    return counts


def missing_counts(store: Store) -> dict[str, int]:
    """Articles with no outlet and with no publication date, for surfaces to say plainly."""
    row = store.conn.execute(
        "SELECT sum(outlet IS NULL OR outlet = ''), sum(published IS NULL OR published = '') "
        "FROM articles"
    ).fetchone()
    return {"outlet_unknown": row[0] or 0, "undated": row[1] or 0}


def problems(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Skipped and failed inputs with their reasons, newest first.

    An input whose re-reading failed but whose earlier article was kept is listed
    too: its status is still ``ok`` and its reason says what failed (E406 …).
    """
    sql = (
        "SELECT input, status, CASE WHEN failure != '' THEN ? || ' (' || failure || ')' "
        "ELSE reason END AS reason FROM inputs WHERE status != 'ok' OR failure != '' "
        "ORDER BY updated_at DESC, rowid DESC LIMIT ?"
    )
    return list(store.rows(sql, (Reason.REREAD_FAILED.value, limit)))


def stage_failures(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Units of work a cross-article stage could not process, newest first (E305 …)."""
    sql = "SELECT stage, unit, reason, at FROM stage_failures ORDER BY at DESC, rowid DESC LIMIT ?"
    return list(store.rows(sql, (limit,)))


def search(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search with BM25 ranking and highlighted snippets.

    The query is FTS5 syntax; one that FTS5 cannot parse is searched as its plain words.
    """
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, "
        f"snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', ' … ', 16) AS snippet, "
        "bm25(articles_fts) AS rank "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    try:
        return list(store.rows(sql, (query, limit)))
    except sqlite3.OperationalError:
        words = [w for w in re.findall(r"\w+", query) if w not in FTS_OPERATORS]
        quoted = " ".join(f'"{word}"' for word in words)
        return list(store.rows(sql, (quoted, limit))) if quoted else []

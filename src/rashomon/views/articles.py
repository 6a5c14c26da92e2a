"""Article and quote reads for the Python API (``rashomon.corpus``), each with the
outlet label clean/outlet.py gives, so a notebook shows what the CLI and web show."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from rashomon.clean.outlet import outlet_label
from rashomon.clean.registry import outlet_facts
from rashomon.store.db import Store
from rashomon.store.export import exporter
from rashomon.views.stories import placeholders

ARTICLE_COLUMNS = (
    "id",
    "input",
    "url",
    "title",
    "outlet",
    "published",
    "published_source",
    "published_precision",
    "outlet_source",
    "outlet_kind",
    "outlet_country",
    "title_source",
    "clean_path",
    "language",
    "encoding",
    "encoding_confidence",
    "text",
    "status",
    "reason",
)


@exporter("articles", ARTICLE_COLUMNS, "every input with its article, status and reason")
def article_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per input: ok ones with their article, skipped and failed ones with the reason."""
    sql = (
        "SELECT a.id, i.input, a.url, a.title, a.outlet, a.published, a.published_source, "
        "a.published_precision, a.outlet_source, a.title_source, a.clean_path, "
        "a.language, a.encoding, a.encoding_confidence, a.text, i.status, i.reason "
        "FROM inputs i LEFT JOIN articles a ON a.input = i.input ORDER BY i.rowid"
    )
    for row in store.rows(sql):
        facts = outlet_facts(row["outlet"])  # the built-in registry's public facts
        row["outlet_kind"] = facts.kind if facts else None
        row["outlet_country"] = facts.country if facts else None
        yield row


def article_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def articles_in_order(store: Store) -> list[dict[str, Any]]:
    """Every article (id, title, outlet label, url, published, language, input) in
    publication order."""
    rows = list(
        store.rows(
            "SELECT id, title, outlet, url, published, language, input FROM articles "
            "ORDER BY published, rowid"
        )
    )
    for row in rows:
        row["outlet"] = outlet_label(row["outlet"], row["url"], row["id"])
    return rows


def article_text(store: Store, article_id: str) -> str | None:
    """An article's stored text; None for an unknown id."""
    found = store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if found is None else str(found[0])


def quotes_in_order(store: Store, speaker: str | None = None) -> list[dict[str, Any]]:
    """Every quote in publication order, with its article's outlet label, url and date;
    with ``speaker`` only those whose speaker (or the words naming them) contain it, in
    any case."""
    return speaker_quotes(store, speaker, "a.published, a.rowid, q.start")


# How quotes can be listed: by publication date, or in the order articles were stored.
QuoteOrder = Literal["a.published, a.rowid, q.start", "a.rowid, q.start"]


def speaker_quotes(store: Store, speaker: str | None, order: QuoteOrder) -> list[dict[str, Any]]:
    """``quotes_in_order`` in the given order (the CLI's grouping wants storage order)."""
    if not store.has_table("quotes"):
        return []
    sql = (
        "SELECT q.*, a.outlet, a.url, a.published FROM quotes q "
        "JOIN articles a ON a.id = q.article_id "
        "WHERE (:p IS NULL OR q.speaker LIKE :p OR q.speaker_mention LIKE :p) "
        f"ORDER BY {order}"
    )
    rows = [dict(r) for r in store.conn.execute(sql, {"p": f"%{speaker}%" if speaker else None})]
    for row in rows:
        row["outlet"] = outlet_label(row["outlet"], row["url"], row["article_id"])
    return rows


def article_word_counts(store: Store, ids: list[str]) -> dict[str, int]:
    """Words in each given article's stored text (what per-1,000-word rates divide by)."""
    if not ids:
        return {}
    sql = f"SELECT id, text FROM articles WHERE id IN ({placeholders(ids)})"
    return {row["id"]: len((row["text"] or "").split()) for row in store.rows(sql, ids)}

"""Timeline queries shared by the CLI, the web UI and exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rashomon.store.db import Store
from rashomon.store.export import exporter

EVENT_COLUMNS = ("article_id", "date", "date_end", "precision", "text", "start", "end")


@exporter("events", EVENT_COLUMNS, "dated statements and happenings, in date order")
def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every timeline event across the corpus, oldest first, with its article's outlet."""
    sql = (
        'SELECT t.article_id, t.date, t.date_end, t.precision, t.text, t.start, t."end", '
        "t.kind, a.outlet, a.title FROM timeline t JOIN articles a ON a.id = t.article_id "
        "ORDER BY t.date, coalesce(t.date_end, t.date), a.rowid, t.start"
    )
    yield from store.rows(sql)

"""Figure and conflict queries shared by the CLI, the web UI and exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rashomon.store.db import Store
from rashomon.store.export import exporter

FIGURE_COLUMNS = (
    "article_id",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "qualifier",
    "counts",
    "as_of",
    "source",
    "speaker",
)
CONFLICT_COLUMNS = ("id", "story_id", "kind", "counts", "unit", "members")


@exporter("figures", FIGURE_COLUMNS, "every quantity with what it counts, its period and source")
def figure_rows(store: Store) -> Iterator[dict[str, Any]]:
    sql = (
        'SELECT f.article_id, f.start, f."end", f.text, f.value, f.value_max, f.unit, '
        "f.qualifier, f.counts, f.as_of, f.source, f.speaker, a.outlet, a.published "
        "FROM figures f JOIN articles a ON a.id = f.article_id ORDER BY a.rowid, f.start"
    )
    yield from store.rows(sql)


@exporter("conflicts", CONFLICT_COLUMNS, "figures that clash (or update one another) in a story")
def conflict_rows(store: Store) -> Iterator[dict[str, Any]]:
    sql = (
        "SELECT id, story_id, kind, counts, unit, members FROM conflicts "
        "ORDER BY story_id, kind, id"
    )
    for row in store.rows(sql):
        row["members"] = json.loads(row["members"])
        yield row

"""Entity and mention queries shared by the CLI, exports and the web UI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rashomon.store.db import Store
from rashomon.store.export import exporter

ENTITY_COLUMNS = ("id", "name", "type", "roles", "aliases", "mention_count", "article_count")
MENTION_COLUMNS = (
    "article_id",
    "start",
    "end",
    "text",
    "type",
    "name",
    "role",
    "rule",
    "entity_id",
)


@exporter("entities", ENTITY_COLUMNS, "canonical people, organisations, places and groups")
def entity_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.rows("SELECT * FROM entities ORDER BY mention_count DESC, id"):
        yield {**row, "roles": json.loads(row["roles"]), "aliases": json.loads(row["aliases"])}


@exporter("mentions", MENTION_COLUMNS, "every raw entity mention, with the rule that linked it")
def mention_rows(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.rows("SELECT * FROM mentions ORDER BY article_id, start")


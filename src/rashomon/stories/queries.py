"""Stories as the CLI and exports read them: events under their storylines, and one row
per placed article."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rashomon.store.db import Store
from rashomon.store.export import exporter
from rashomon.stories.explain import Reason, explain_event
from rashomon.views.pages import story_articles
from rashomon.views.stories import STORY_PLACE, story_rows

STORY_COLUMNS = (*STORY_PLACE, "copy_similarity")


@exporter(
    "stories",
    (*STORY_COLUMNS, "reason"),
    "each article's event and storyline, the earlier article it copies (if any), and why "
    "it is in its event (JSON: nearest members with their similarity, shared names)",
)
def story_export_rows(store: Store) -> Iterator[dict[str, Any]]:
    if not store.has_table("story_articles"):
        return
    reason = Reasons(store)
    for row in story_rows(store):
        if row["event_id"] is None:  # not placed: no row in the export
            continue
        found = reason(row["article_id"], row["event_id"])
        row["reason"] = found.as_json() if found else None
        yield row


class Reasons:
    """Why an article is in its event, each event explained once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.events: dict[str, dict[str, Reason]] = {}

    def __call__(self, article_id: str, event_id: str | None) -> Reason | None:
        if event_id is None:
            return None
        if event_id not in self.events:
            self.events[event_id] = explain_event(self.store, event_id)
        return self.events[event_id].get(article_id)


def explained_story_articles(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The story page's and API's articles, each with why it is in its event."""
    events = {r["article_id"]: r["event_id"] for r in story_rows(store, ids)}
    reason = Reasons(store)
    found = []
    for row in story_articles(store, ids):
        explained = reason(row["id"], events.get(row["id"]))
        found.append(dict(row, reason=explained and explained.as_dict()))
    return found


@dataclass(slots=True)
class EventRow:
    id: str
    title: str
    size: int
    copies: int
    outlets: list[str]
    first_date: str | None
    last_date: str | None


@dataclass(slots=True)
class StorylineRow:
    id: str | None
    title: str
    actors: list[str]
    events: list[EventRow] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(e.size for e in self.events)


def storylines_with_events(store: Store) -> list[StorylineRow]:
    """Every storyline with its events, largest first; events with no storyline last."""
    if not store.has_table("story_events"):
        return []
    outlets: dict[str, list[str]] = {}
    copies: dict[str, int] = {}
    for row in store.rows(
        "SELECT s.event_id, a.outlet, s.copy_of FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id ORDER BY a.rowid"
    ):
        if row["outlet"] and row["outlet"] not in outlets.setdefault(row["event_id"], []):
            outlets[row["event_id"]].append(row["outlet"])
        copies[row["event_id"]] = copies.get(row["event_id"], 0) + bool(row["copy_of"])
    lines = {
        r["id"]: StorylineRow(r["id"], r["title"], json.loads(r["actors"]))
        for r in store.rows("SELECT id, title, actors FROM storylines")
    }
    loose = StorylineRow(None, "(no storyline)", [])
    for r in store.rows(
        "SELECT id, storyline_id, title, size, first_date, last_date FROM story_events"
    ):
        event = EventRow(
            r["id"],
            r["title"],
            r["size"],
            copies.get(r["id"], 0),
            outlets.get(r["id"], []),
            r["first_date"],
            r["last_date"],
        )
        lines.get(r["storyline_id"], loose).events.append(event)
    found = [line for line in lines.values() if line.events]
    if loose.events:
        found.append(loose)
    for line in found:
        line.events.sort(key=lambda e: (e.first_date or "9999", -e.size, e.id))
    return sorted(found, key=lambda line: (line.id is None, -line.size, line.id or ""))


def wire_credit_counts(store: Store) -> list[tuple[str, int]]:
    if not store.has_table("wire_credits"):
        return []
    return [
        (r[0], r[1])
        for r in store.conn.execute(
            "SELECT agency, count(*) FROM wire_credits GROUP BY agency ORDER BY 2 DESC, 1"
        )
    ]

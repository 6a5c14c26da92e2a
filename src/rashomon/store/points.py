"""The points tables: what the comparison stage writes and every surface reads.

Ids are kept across runs: when a story's articles change, each recomputed point takes
the id of the stored point it shares most members with, and only new information gets
a new id, from a counter that never goes back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from rashomon.model import PointMember, StoryPoint
from rashomon.store.db import Store, to_column
from rashomon.store.export import exporter

POINT_COLUMNS = (
    "story_id",
    "point_id",
    "kind",
    "text",
    "speaker",
    "outlets",
    "article_count",
    "outlet_count",
    "salience",
    "first_published",
)
MEMBER_COLUMNS = ("point_id", "article_id", "outlet", "start", "end", "text", "similarity")
POINT_FIELDS = tuple(f.name for f in fields(StoryPoint) if f.name != "members")
POINT_LIST = ", ".join(f'"{n}"' for n in POINT_FIELDS)


@exporter("points", POINT_COLUMNS, "each story's points: what one or more outlets report alike")
def point_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.rows(
        "SELECT story_id, id AS point_id, kind, text, speaker, outlets, article_count, "
        "outlet_count, salience, first_published FROM points ORDER BY story_id, rowid"
    ):
        row["outlets"] = json.loads(row["outlets"])
        yield row


@exporter("point_members", MEMBER_COLUMNS, "each article passage that carries a point")
def member_rows(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.rows(
        'SELECT m.point_id, m.article_id, m.outlet, m.start, m."end", m.text, m.similarity '
        "FROM point_members m JOIN points p ON p.id = m.point_id ORDER BY p.rowid, m.rowid"
    )


def signatures(store: Store) -> dict[str, str]:
    return {r["story_id"]: r["signature"] for r in store.rows("SELECT * FROM point_stories")}


def story_points(store: Store, story_id: str) -> list[StoryPoint]:
    """A story's stored points, most salient first, each with its members."""
    members: dict[str, list[PointMember]] = {}
    for row in store.rows(
        "SELECT m.* FROM point_members m JOIN points p ON p.id = m.point_id "
        "WHERE p.story_id = ? ORDER BY m.rowid",
        (story_id,),
    ):
        members.setdefault(row["point_id"], []).append(PointMember(**row))
    found = []
    for row in store.rows(
        f"SELECT {POINT_LIST} FROM points WHERE story_id = ? "
        "ORDER BY salience DESC, rowid",
        (story_id,),
    ):
        row["outlets"] = json.loads(row["outlets"])
        found.append(StoryPoint(**row, members=members.get(row["id"], [])))
    return found


def assign_ids(store: Store, story_id: str, points: list[StoryPoint]) -> None:
    """Give each point the id of the stored point it shares most members with, else a new one."""
    owner: dict[tuple[str, int], str] = {
        (r["article_id"], r["start"]): r["point_id"]
        for r in store.rows(
            "SELECT m.point_id, m.article_id, m.start FROM point_members m "
            "JOIN points p ON p.id = m.point_id WHERE p.story_id = ?",
            (story_id,),
        )
    }
    overlaps: list[tuple[int, int, str]] = []
    for n, p in enumerate(points):
        shared: dict[str, int] = {}
        for m in p.members:
            old = owner.get((m.article_id, m.start))
            if old is not None:
                shared[old] = shared.get(old, 0) + 1
        overlaps.extend((-count, n, old) for old, count in shared.items())
    taken: set[str] = set()
    for _, n, old in sorted(overlaps):
        if not points[n].id and old not in taken:
            points[n].id = old
            taken.add(old)
    row = store.conn.execute("SELECT value FROM point_state WHERE key = 'next_point'").fetchone()
    counter = row[0] if row else 1
    for p in points:
        if not p.id:
            p.id, counter = f"p{counter}", counter + 1
    store.conn.execute(
        "INSERT INTO point_state (key, value) VALUES ('next_point', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (counter,),
    )


def replace_story(store: Store, story_id: str, signature: str, points: list[StoryPoint]) -> None:
    """Store a story's recomputed points (ids kept where the information is the same)."""
    assign_ids(store, story_id, points)
    store.conn.execute("DELETE FROM points WHERE story_id = ?", (story_id,))
    for p in points:
        for m in p.members:
            m.point_id = p.id
    store.conn.executemany(
        f"INSERT INTO points ({POINT_LIST}) VALUES ({', '.join('?' for _ in POINT_FIELDS)})",
        [tuple(to_column(getattr(p, n)) for n in POINT_FIELDS) for p in points],
    )
    store.insert("point_members", [m for p in points for m in p.members])
    store.conn.execute(
        "INSERT INTO point_stories (story_id, signature) VALUES (?, ?) "
        "ON CONFLICT(story_id) DO UPDATE SET signature = excluded.signature",
        (story_id, signature),
    )


def drop_stories(store: Store, keep: set[str]) -> None:
    """Remove points of stories that no longer exist (merged events)."""
    for story_id in set(signatures(store)) - keep:
        store.conn.execute("DELETE FROM points WHERE story_id = ?", (story_id,))
        store.conn.execute("DELETE FROM point_stories WHERE story_id = ?", (story_id,))


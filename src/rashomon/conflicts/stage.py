"""Cross-article stage ``conflicts``: figures that clash, or update one another, in a story.

Inside a story (views/stories.py decides which: an article's storyline, else its
event, else the corpus story), two figures from
different articles are about the same quantity when they count the same thing
(``compare.SAME_THING``) in the same unit. If their values disagree beyond
rounding and qualifiers, they are a *conflict* when their periods overlap and a
*series* (a later figure updating an earlier one) when they do not. Copies of
an article (``copy_of`` set) are left out: they are not another outlet's word.

Stories change as articles arrive (storylines merge), so the stage recomputes
its table from the stored figures in one transaction: re-running yields the
same rows, new articles extend them. Ids hash the members, so a conflict keeps
its id while nothing about it changes.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rashomon.errors import Reason
from rashomon.figures.compare import (
    SAME_THING,
    disagree,
    interval,
    overlap,
    period,
    similarity,
    stems,
)
from rashomon.guard import failure_detail
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.views.stories import story_rows, widest_story

MEMBER_FIELDS = (
    "article_id",
    "outlet",
    "published",
    "start",
    "end",
    "text",
    "value",
    "value_max",
    "qualifier",
    "source",
    "as_of",
)


@dataclass(slots=True)
class Conflict:
    id: str
    story_id: str
    kind: str  # "conflict" or "series"
    counts: str
    unit: str | None
    members: list[dict[str, Any]]


def run(store: Store, settings: Settings) -> None:
    # Copies are left out: they are not another outlet's word.
    stories = {r["article_id"]: widest_story(r) for r in story_rows(store) if not r["copy_of"]}
    figures = list(
        store.rows(
            'SELECT f.article_id, a.outlet, a.published, f.start, f."end", f.text, f.value, '
            "f.value_max, f.qualifier, f.source, f.as_of, f.counts, f.unit "
            "FROM figures f JOIN articles a ON a.id = f.article_id "
            "WHERE f.counts IS NOT NULL ORDER BY a.rowid, f.start"
        )
    )
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for figure in figures:
        story = stories.get(figure["article_id"])
        if story is not None:
            by_story[story].append(figure)
    found: list[Conflict] = []
    failures: dict[str, str] = {}
    for story, items in sorted(by_story.items()):
        try:  # one story's odd figures must not cost every other story its conflicts
            found.extend(find_conflicts(story, items))
        except Exception as exc:
            detail = failure_detail("conflicts", exc)
            failures[story] = Reason.CROSS_STAGE_FAILED.with_detail(detail)
    with store.transaction():
        store.conn.execute("DELETE FROM conflicts")
        store.insert("conflicts", found)
        store.conn.execute("DELETE FROM stage_failures WHERE stage = 'conflicts' AND unit != '*'")
        for story, reason in failures.items():
            store.record_stage_failure("conflicts", story, reason)


def find_conflicts(story_id: str, figures: list[dict[str, Any]]) -> list[Conflict]:
    """Conflicts and series among one story's figures."""
    keyed = [
        (
            f,
            stems(f["counts"]),
            interval(f["value"], f["value_max"], f["qualifier"], f["text"]),
            period(f["as_of"], f["published"]),
        )
        for f in figures
    ]
    edges: dict[str, list[tuple[int, int]]] = {"conflict": [], "series": []}
    for i, (a, stems_a, range_a, period_a) in enumerate(keyed):
        for j in range(i + 1, len(keyed)):
            b, stems_b, range_b, period_b = keyed[j]
            if a["article_id"] == b["article_id"] or a["unit"] != b["unit"]:
                continue
            if similarity(stems_a, stems_b) < SAME_THING or not disagree(range_a, range_b):
                continue
            meets = overlap(period_a, period_b)
            edges["conflict" if meets in (True, None) else "series"].append((i, j))
    conflicts = []
    for kind, pairs in edges.items():
        for component in _components(pairs):
            members = sorted(
                (keyed[k][0] for k in component),
                key=lambda f: (f["published"] or "", f["article_id"], f["start"]),
            )
            conflicts.append(_record(story_id, kind, members))
    return conflicts


def _components(pairs: list[tuple[int, int]]) -> list[list[int]]:
    linked: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        linked[i].add(j)
        linked[j].add(i)
    seen: set[int] = set()
    components = []
    for start in sorted(linked):
        if start in seen:
            continue
        stack, component = [start], []
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            component.append(node)
            stack.extend(linked[node] - seen)
        components.append(sorted(component))
    return components


def _record(story_id: str, kind: str, members: list[dict[str, Any]]) -> Conflict:
    keys = sorted(f"{m['article_id']}:{m['start']}" for m in members)
    digest = hashlib.sha1(json.dumps([story_id, kind, keys]).encode()).hexdigest()[:16]
    counts = min((m["counts"] for m in members), key=len)
    return Conflict(
        digest,
        story_id,
        kind,
        counts,
        members[0]["unit"],
        [{k: m[k] for k in MEMBER_FIELDS} for m in members],
    )

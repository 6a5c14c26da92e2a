"""Why an article is in its event: its nearest fellow members, how similar, what it shares.

Read back from what the stage stored (each member's embedding, TF-IDF terms and actors),
so it explains the grouping as it stands after merges, without re-reading any text.
The export's ``reason`` column and the web story page both call ``explain_event``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.stories.repo import actor_label, from_blob

# Fellow members named per article, and shared names.
NEAREST = 3
SHARED = 5
# Members compared per event: an event larger than this is explained against its
# earliest members only, which keeps the cost per event bounded (m² embedding dots).
MAX_MEMBERS = 500


@dataclass(slots=True)
class Reason:
    """One article's place in its event."""

    article_id: str
    event_id: str
    nearest: list[tuple[str, float]] = field(default_factory=list)  # (member, similarity)
    shared: list[str] = field(default_factory=list)  # names shared with the other members
    copy_of: str | None = None

    def as_dict(self) -> dict:
        data: dict = {
            "nearest": [[a, s] for a, s in self.nearest],
            "shared": self.shared,
        }
        if self.copy_of:
            data["copy_of"] = self.copy_of
        return data

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, separators=(",", ":"))


def explain_event(
    store: Store, event_id: str, embedding_weight: float | None = None
) -> dict[str, Reason]:
    """article id → Reason for every member of ``event_id``. Similarity is the stage's own
    blend of embedding cosine and TF-IDF term overlap (the shipped weight by default)."""
    weight = Settings().stories_embedding_weight if embedding_weight is None else embedding_weight
    rows = store.conn.execute(
        "SELECT f.article_id, f.embedding, f.terms, f.actors, s.copy_of FROM story_features f "
        "JOIN story_articles s ON s.article_id = f.article_id WHERE f.event_id = ? "
        "ORDER BY f.seq",
        (event_id,),
    ).fetchall()
    if not rows:
        return {}
    compared = rows[:MAX_MEMBERS]
    vectors = np.stack([from_blob(r[1]) for r in compared])
    terms = [json.loads(r[2]) for r in compared]
    index = {r[0]: i for i, r in enumerate(compared)}
    labels: dict[str, str] = {}
    found = {}
    for row in rows:
        article_id = row[0]
        vector = from_blob(row[1])
        own_terms = json.loads(row[2])
        dense = vectors @ vector
        if article_id in index:
            dense[index[article_id]] = -np.inf
        order = [int(i) for i in np.argsort(-dense, kind="stable")[:NEAREST] if dense[i] > -np.inf]
        nearest = []
        for i in order:
            sparse = sum(w * terms[i].get(t, 0.0) for t, w in own_terms.items())
            nearest.append(
                (compared[i][0], round(weight * float(dense[i]) + (1 - weight) * sparse, 3))
            )
        found[article_id] = Reason(article_id, event_id, nearest, [], row[4])
    actors = {r[0]: Counter(json.loads(r[3])) for r in rows}
    everyone: Counter[str] = Counter()
    for counts in actors.values():
        everyone.update(counts.keys())
    for article_id, reason in found.items():
        own = actors[article_id]
        # Names at least one other member also has, the most mentioned first.
        common = [a for a, _ in own.most_common() if everyone[a] > 1][:SHARED]
        reason.shared = [_label(store, a, labels) for a in common]
    return found


def _label(store: Store, actor: str, cache: dict[str, str]) -> str:
    if actor not in cache:
        cache[actor] = actor_label(store, actor)
    return cache[actor]


def explain(store: Store, article_id: str) -> Reason | None:
    """Why one placed article is in its event (None when it is not placed)."""
    if not store.has_table("story_articles"):
        return None
    row = store.conn.execute(
        "SELECT event_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else explain_event(store, row[0]).get(article_id)

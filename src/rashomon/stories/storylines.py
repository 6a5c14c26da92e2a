"""Storylines: events linked over weeks or months because they share main actors and issue.

When an article starts a new event, the event is placed in the storyline whose main
actors include one of the article's and whose articles are, on average, about the
same issue (the same average-link similarity as events, without the day penalty,
at a lower threshold); otherwise it starts a storyline of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rashomon.stories.clusters import ArticleFeatures, Cluster, similarity

# Main actors: an article's most-mentioned names, and a storyline's. Three is the
# smallest count at which every sample article's top actors include its protagonist
# when entity mentions are stored (the rest being countries or leaders it reports on).
ARTICLE_ACTORS = 3
STORYLINE_ACTORS = 6
# Storylines compared per new event: the most recently extended of those sharing an actor.
# A name in every entry of a feed (the outlet's own) made each new event score every
# storyline, quadratic in the feed's length; no dev event has more candidates than this.
MAX_CANDIDATES = 50


@dataclass(frozen=True, slots=True)
class StorylineParams:
    threshold: float
    embedding_weight: float
    window_days: int
    max_active: int


def storyline_number(storyline_id: str) -> int:
    return int(storyline_id[1:])


class StorylineIndex:
    def __init__(
        self,
        params: StorylineParams,
        next_number: int,
        fetch: Callable[[str], Cluster | None],
    ) -> None:
        self.params = params
        self.next_number = next_number
        self.fetch = fetch
        self.storylines: dict[str, Cluster] = {}
        self.by_actor: dict[str, set[str]] = {}
        self.indexed: dict[str, set[str]] = {}  # storyline → the actors it is indexed under
        self.changed: set[str] = set()
        self.emptied: set[str] = set()
        self.latest: int | None = None  # the latest publication day placed (set by the stage)

    def load(self, storyline: Cluster) -> None:
        self.storylines[storyline.id] = storyline
        actors = storyline.top_actors(STORYLINE_ACTORS)
        self.indexed[storyline.id] = actors
        for actor in actors:
            self.by_actor.setdefault(actor, set()).add(storyline.id)

    def _unindex(self, storyline: Cluster) -> None:
        for actor in self.indexed.pop(storyline.id, set()):
            ids = self.by_actor.get(actor)
            if ids is not None:
                ids.discard(storyline.id)
                if not ids:
                    del self.by_actor[actor]

    def get(self, storyline_id: str) -> Cluster | None:
        if storyline_id not in self.storylines:
            found = self.fetch(storyline_id)
            if found is None:
                return None
            self.load(found)
        return self.storylines[storyline_id]

    def evict(self, day: int | None) -> list[Cluster]:
        gone: dict[str, Cluster] = {}
        if day is not None:
            limit = day - self.params.window_days
            gone = {
                i: s
                for i, s in self.storylines.items()
                if s.last_day is not None and s.last_day < limit
            }
        if len(self.storylines) - len(gone) > self.params.max_active:
            rest = sorted(
                (s for i, s in self.storylines.items() if i not in gone), key=lambda s: s.touched
            )
            gone |= {s.id: s for s in rest[: len(rest) - self.params.max_active]}
        for storyline in gone.values():
            self._unindex(storyline)
            del self.storylines[storyline.id]
        return list(gone.values())

    def place(self, article: ArticleFeatures) -> str:
        """The storyline for a new event started by ``article``: an existing one or a new one."""
        params = self.params
        candidates = set()
        for actor, _ in article.actors.most_common(ARTICLE_ACTORS):
            candidates |= self.by_actor.get(actor, set())
        if len(candidates) > MAX_CANDIDATES:
            recent = sorted(candidates, key=lambda i: (-self.storylines[i].touched, i))
            candidates = set(recent[:MAX_CANDIDATES])
        best, best_score = None, params.threshold
        for storyline_id in sorted(candidates, key=storyline_number):
            storyline = self.storylines[storyline_id]
            if not storyline.reachable(article.day, self.latest, params.window_days):
                continue
            score = similarity(article, storyline, params.embedding_weight)
            if score >= best_score:
                best, best_score = storyline_id, score
        if best is None:
            best = f"s{self.next_number}"
            self.next_number += 1
            self.storylines[best] = Cluster(
                best, 0, None, None, np.zeros_like(article.embedding), {}
            )
        self.changed.add(best)
        return best

    def add(self, storyline_id: str, article: ArticleFeatures) -> None:
        storyline = self.get(storyline_id)
        if storyline is None:
            return
        self._unindex(storyline)
        storyline.add(article)
        self.load(storyline)
        self.changed.add(storyline_id)

    def move(self, event: Cluster, from_id: str | None, into_id: str | None) -> None:
        """An event's articles changed storyline (its event merged into another one)."""
        if from_id == into_id:
            return
        source = self.get(from_id) if from_id else None
        if source is not None:
            self._unindex(source)
            source.subtract(event)
            if source.size <= 0:
                del self.storylines[source.id]
                self.changed.discard(source.id)
                self.emptied.add(source.id)
            else:
                self.load(source)
                self.changed.add(source.id)
        target = self.get(into_id) if into_id else None
        if target is not None:
            self._unindex(target)
            target.absorb(event)
            self.load(target)
            self.changed.add(target.id)

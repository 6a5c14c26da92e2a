"""Events: articles about the same happening, clustered one article at a time, in time order.

A new article is scored against the events it shares a term with (an inverted index,
so never against all events) and joins the best one when the score reaches the
threshold, else it starts a new event. The score is the average-link similarity
(embedding and TF-IDF terms, entities included as terms) minus a penalty per day
between the article and the event's span, and minus a cost when the event already holds
an article of the newcomer's outlet (its outlet slot is taken: an outlet's second report
is more likely a later development than a second account of the same happening), and
minus a cost when the newcomer gives another value for a thing the event's figures count
and states none of the event's values (``editions.differs``: another edition of a
recurring release, or a later development). When the new member makes two events as
close as one event's members are, the younger merges into the older and the merge is
returned to be recorded: an event is never silently re-split or reshuffled.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from rashomon.stories.clusters import ArticleFeatures, Cluster, cluster_similarity
from rashomon.stories.editions import FigureBook, differs

# A term in more open events than this says nothing about which one an article belongs
# to (it is a stop word for the window); it is skipped, which bounds the work per article
# (at most ARTICLE_TERMS x MAX_POSTING additions). 400 let a 10,000-entry one-day feed
# cost 5 ms an article in this loop alone; dev F1 is the same at 100 (no dev term is in
# more open events).
MAX_POSTING = 100
# Events scored in full per article: the closest by shared terms. Without a cap a feed of
# look-alike entries scores every open event and a 10,000-entry feed grew quadratically
# (2,000 entries: 72 s; 1,000: 7 s); dev F1 is the same at 50 or more.
MAX_CANDIDATES = 100
# Events the newcomer may bridge with the one it joined: the closest few, for the same reason.
MERGE_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class EventParams:
    threshold: float
    embedding_weight: float
    day_penalty: float
    day_exponent: float
    free_days: int
    named_day_cost: float
    undated_penalty: float
    merge_threshold: float
    max_active: int
    same_outlet_cost: float = 0.0
    figure_cost: float = 0.0
    max_days: int = 10**6

    @property
    def window_days(self) -> int:
        """Beyond this gap no similarity (at most 1) can still reach the threshold, nor
        may an event grow more than ``max_days`` after its span (an event is one
        happening, told within days)."""
        if not self.day_penalty:
            return self.max_days
        days = ((1 - self.threshold) / self.day_penalty) ** (1 / self.day_exponent)
        return min(math.floor(days) + self.free_days, self.max_days)

    def time_penalty(self, gap: float | None) -> float:
        """Score lost to ``gap`` days: nothing for the first ``free_days`` (a date without a
        time may be minutes from the next day's), then ``day_penalty`` a day; an unknown
        gap costs ``undated_penalty``, well under a day's, as it is no evidence of distance.
        Below an exponent of 1 the decay slows after the first day: a report two or three
        days on loses less per day than the first day costs."""
        if gap is None:
            return self.undated_penalty
        return self.day_penalty * max(0.0, gap - self.free_days) ** self.day_exponent


@dataclass(frozen=True, slots=True)
class Merge:
    from_event: str
    into_event: str
    score: float
    reason: str
    absorbed: Cluster | None = field(default=None, compare=False, repr=False)
    kept: Cluster | None = field(default=None, compare=False, repr=False)


def event_number(event_id: str) -> int:
    return int(event_id[1:])


class EventIndex:
    """The events an arriving article may join, with their term postings."""

    def __init__(
        self,
        params: EventParams,
        next_number: int,
        fetch: Callable[[str], Cluster | None],
        read_outlets: Callable[[list[str]], dict[str, Counter[str]]] = lambda ids: {},
        read_figures: Callable[[list[str]], dict[str, FigureBook]] = lambda ids: {},
    ) -> None:
        self.params = params
        self.next_number = next_number
        self.fetch = fetch
        # Outlet slots of events loaded from the store, read when they are first scored
        self.read_outlets = read_outlets
        # Figures of events loaded from the store, read when they first reach the threshold
        self.read_figures = read_figures
        self.events: dict[str, Cluster] = {}
        # term → {event: the event's summed weight of it}: one lookup per posting when scoring
        self.postings: dict[str, dict[str, float]] = {}
        self.changed: set[str] = set()
        self.latest: int | None = None  # the latest publication day placed (set by the stage)

    # -- membership of the index -------------------------------------------------

    def load(self, event: Cluster) -> None:
        self.events[event.id] = event
        for term, weight in event.terms.items():
            self.postings.setdefault(term, {})[event.id] = weight

    def _unindex(self, event: Cluster) -> None:
        for term in event.terms:
            self._drop(term, event.id)

    def _drop(self, term: str, event_id: str) -> None:
        ids = self.postings.get(term)
        if ids is not None:
            ids.pop(event_id, None)
            if not ids:
                del self.postings[term]

    def _reindex(self, event: Cluster, before: set[str]) -> None:
        """After the event's sums changed: drop the terms it lost, store every weight anew."""
        for term in before - event.terms.keys():
            self._drop(term, event.id)
        for term, weight in event.terms.items():
            self.postings.setdefault(term, {})[event.id] = weight

    def get(self, event_id: str) -> Cluster | None:
        if event_id not in self.events:
            found = self.fetch(event_id)
            if found is None:
                return None
            self.load(found)
        return self.events[event_id]

    def _know_outlets(self, ids: list[str]) -> None:
        """Read the outlet slots of the events among ``ids`` loaded without them, before
        they are scored or grow (what the store holds is then still their whole membership)."""
        missing = [i for i in ids if self.events[i].outlets is None]
        if missing:
            found = self.read_outlets(missing)
            for event_id in missing:
                self.events[event_id].outlets = found.get(event_id, Counter())

    def _know_figures(self, ids: list[str]) -> None:
        """Read the figures of the events among ``ids`` loaded without them, before they
        are weighed or grow (as ``_know_outlets``); only when figures cost anything."""
        if not self.params.figure_cost:
            return
        missing = [i for i in ids if self.events[i].figures is None]
        if missing:
            found = self.read_figures(missing)
            for event_id in missing:
                self.events[event_id].figures = found.get(event_id) or FigureBook()

    def evict(self, day: int | None) -> list[Cluster]:
        """Drop events no article from ``day`` on can reach, and the least recent beyond the cap."""
        gone: dict[str, Cluster] = {}
        if day is not None:
            limit = day - self.params.window_days
            gone = {
                i: e
                for i, e in self.events.items()
                if e.last_day is not None and e.last_day < limit
            }
        if len(self.events) - len(gone) > self.params.max_active:
            rest = sorted(
                (e for i, e in self.events.items() if i not in gone), key=lambda e: e.touched
            )
            gone |= {e.id: e for e in rest[: len(rest) - self.params.max_active]}
        for event in gone.values():
            self._unindex(event)
            del self.events[event.id]
        return list(gone.values())

    # -- placing an article --------------------------------------------------------

    def scores(self, article: ArticleFeatures) -> dict[str, float]:
        """Score of every event sharing a term with the article, time penalty included."""
        sparse: dict[str, float] = {}
        for term, weight in article.terms.items():
            posting = self.postings.get(term)
            if not posting or len(posting) > MAX_POSTING:
                continue
            for event_id, summed in posting.items():
                sparse[event_id] = sparse.get(event_id, 0.0) + weight * summed
        params = self.params
        found: dict[str, float] = {}
        window = params.window_days
        ids = [i for i in sparse if self.events[i].reachable(article.day, self.latest, window)]
        if len(ids) > MAX_CANDIDATES:
            events = self.events
            ids = heapq.nlargest(
                MAX_CANDIDATES, ids, key=lambda i: (sparse[i] / events[i].size, -event_number(i))
            )
        if not ids:
            return found
        self._know_outlets(ids)
        sums = np.stack([self.events[i].embedding_sum for i in ids])
        dense = sums @ article.embedding
        for event_id, dot in zip(ids, dense, strict=True):
            event = self.events[event_id]
            score = (
                params.embedding_weight * float(dot) / event.size
                + (1 - params.embedding_weight) * sparse[event_id] / event.size
                - params.time_penalty(event.gap_of(article, params.named_day_cost))
                - (params.same_outlet_cost if event.holds_outlet(article.outlet) else 0.0)
            )
            found[event_id] = score
        if params.figure_cost and article.figures:
            # Only an event the newcomer could join is worth its figures: the cost only lowers.
            near = [i for i, score in found.items() if score >= params.threshold]
            self._know_figures(near)
            for event_id in near:
                if differs(article.figures, self.events[event_id].figures):
                    found[event_id] -= params.figure_cost
        return found

    def assign(
        self, article: ArticleFeatures, storyline: Callable[[ArticleFeatures], str | None]
    ) -> tuple[str, list[Merge]]:
        """Put the article in its event (an existing one or a new one, placed in a storyline by
        ``storyline``); return the event and any merges."""
        scores = self.scores(article)
        best = max(scores, key=lambda i: (scores[i], -event_number(i)), default=None)
        if best is not None and scores[best] >= self.params.threshold:
            self.join(article, best)
            merges = self._merge_neighbours(best, article, scores)
            return (merges[-1].into_event if merges else best), merges
        event = Cluster.start(f"e{self.next_number}", article)
        self.next_number += 1
        event.parent = storyline(article)
        self.load(event)
        self.changed.add(event.id)
        return event.id, []

    def join(self, article: ArticleFeatures, event_id: str) -> Cluster:
        event = self.get(event_id)
        if event is None:
            raise KeyError(event_id)
        self._know_outlets([event_id])
        self._know_figures([event_id])
        before = set(event.terms)
        event.add(article)
        self._reindex(event, before)
        self.changed.add(event_id)
        return event

    def _merge_neighbours(
        self, event_id: str, article: ArticleFeatures, scores: dict[str, float]
    ) -> list[Merge]:
        """Merge into one the events the newcomer bridges, when their members are as close as
        one event's are."""
        merges = []
        params = self.params
        current = event_id
        ranked = sorted(scores, key=lambda i: (-scores[i], event_number(i)))
        for other_id in ranked[: MERGE_CANDIDATES + 1]:
            if other_id == current or other_id not in self.events:
                continue
            if scores[other_id] < params.threshold:
                break
            self._know_figures([current, other_id])  # a union's figures must be whole
            a, b = self.events[current], self.events[other_id]
            score = cluster_similarity(a, b, params.embedding_weight)
            score -= params.time_penalty(a.gap_to(b))
            score -= params.same_outlet_cost if a.shares_outlet(b) else 0.0
            if params.figure_cost and a.figures is not None:
                score -= params.figure_cost if differs(a.figures.counts, b.figures) else 0.0
            if score < params.merge_threshold:
                continue
            into, away = sorted((a, b), key=lambda e: event_number(e.id))
            self._unindex(away)
            before = set(into.terms)
            into.absorb(away)
            self._reindex(into, before)
            del self.events[away.id]
            self.changed.discard(away.id)
            self.changed.add(into.id)
            reason = (
                f"article {article.id} matched both (scores {scores[current]:.3f}, "
                f"{scores[other_id]:.3f}); events' average-link similarity {score:.3f}"
            )
            merges.append(Merge(away.id, into.id, round(score, 4), reason, away, into))
            current = into.id
        return merges

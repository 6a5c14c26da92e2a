"""What events and storylines have in common: a group of articles summed into one profile.

A cluster keeps the sum of its members' unit embeddings and unit TF-IDF vectors, so
the average similarity of a newcomer to every member (average link) is one dot
product with each sum divided by the size: no member has to be read again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from rashomon.clean.outlet import is_unknown
from rashomon.stories.editions import FigureBook, FigureKey

# Terms kept per cluster profile (the heaviest summed weights): terms members share add
# up and stay; one article's own rare words are cut first. Dev F1 is the same at 100 or
# more; 300 keeps an article-sized profile whole.
MAX_CLUSTER_TERMS = 300
# Actors kept per cluster, by mention count.
MAX_CLUSTER_ACTORS = 20


@dataclass(slots=True, eq=False)
class ArticleFeatures:
    """One article as the stories stage sees it."""

    id: str
    seq: int  # processing order: the time order the stage saw articles in
    day: int | None  # proleptic ordinal of the publication (else fetch) date
    embedding: np.ndarray
    terms: dict[str, float]  # unit TF-IDF, cut to the heaviest terms
    actors: Counter[str]
    title: str = ""
    # Days the text names near its publication (or, undated, any it names with a year):
    # an article that names an event's day is close to it whatever its own date.
    mentioned: tuple[int, ...] = ()
    outlet: str = ""  # the publishing outlet's label; "" when unknown
    figures: tuple[FigureKey, ...] = ()  # its counted figures (editions.figure_keys)


@dataclass(slots=True, eq=False)
class Cluster:
    id: str
    size: int
    first_day: int | None
    last_day: int | None
    embedding_sum: np.ndarray
    terms: dict[str, float]
    actors: Counter[str] = field(default_factory=Counter)
    parent: str | None = None  # an event's storyline
    touched: int = 0  # seq of the last article added: recency for eviction
    # Members per known outlet (an event's outlet slots); None until read from the store
    # for a cluster loaded there (they are not among its stored sums).
    outlets: Counter[str] | None = None
    # An event's members' counted figures; None until read from the store, as outlets.
    figures: FigureBook | None = None

    @classmethod
    def start(cls, cluster_id: str, article: ArticleFeatures) -> Cluster:
        new = cls(cluster_id, 0, None, None, np.zeros_like(article.embedding), {}, Counter())
        new.outlets = Counter()
        new.figures = FigureBook()
        new.add(article)
        return new

    def add(self, article: ArticleFeatures) -> None:
        self.size += 1
        self.embedding_sum = self.embedding_sum + article.embedding
        for term, weight in article.terms.items():
            self.terms[term] = self.terms.get(term, 0.0) + weight
        self.actors.update(article.actors)
        if self.outlets is not None and article.outlet:
            self.outlets[article.outlet] += 1
        if self.figures is not None:
            self.figures.add(article.figures)
        self._widen(article.day, article.day)
        self.touched = max(self.touched, article.seq)
        self._trim()

    def remove(self, article: ArticleFeatures) -> None:
        """Take a deleted article back out of the sums (its dates are recomputed by the caller)."""
        self.size -= 1
        self.embedding_sum = self.embedding_sum - article.embedding
        for term, weight in article.terms.items():
            left = self.terms.get(term, 0.0) - weight
            if left > 1e-6:
                self.terms[term] = left
            else:
                self.terms.pop(term, None)
        self.actors.subtract(article.actors)
        self.actors = +self.actors
        if self.outlets is not None and article.outlet:
            self.outlets[article.outlet] -= 1
            self.outlets = +self.outlets
        if self.figures is not None:
            self.figures.remove(article.figures)

    def absorb(self, other: Cluster) -> None:
        self.size += other.size
        self.embedding_sum = self.embedding_sum + other.embedding_sum
        for term, weight in other.terms.items():
            self.terms[term] = self.terms.get(term, 0.0) + weight
        self.actors.update(other.actors)
        if self.outlets is not None and other.outlets is not None:
            self.outlets.update(other.outlets)
        if self.figures is not None and other.figures is not None:
            self.figures.absorb(other.figures)
        self._widen(other.first_day, other.last_day)
        self.touched = max(self.touched, other.touched)
        self._trim()

    def subtract(self, other: Cluster) -> None:
        """Take a whole cluster's members back out (an event leaving its storyline)."""
        self.size -= other.size
        self.embedding_sum = self.embedding_sum - other.embedding_sum
        for term, weight in other.terms.items():
            left = self.terms.get(term, 0.0) - weight
            if left > 1e-6:
                self.terms[term] = left
            else:
                self.terms.pop(term, None)
        self.actors.subtract(other.actors)
        self.actors = +self.actors

    def _widen(self, first: int | None, last: int | None) -> None:
        if first is not None:
            self.first_day = first if self.first_day is None else min(self.first_day, first)
        if last is not None:
            self.last_day = last if self.last_day is None else max(self.last_day, last)

    def _trim(self) -> None:
        if len(self.terms) > MAX_CLUSTER_TERMS:
            top = sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CLUSTER_TERMS]
            self.terms = dict(top)
        if len(self.actors) > MAX_CLUSTER_ACTORS:
            self.actors = Counter(dict(self.actors.most_common(MAX_CLUSTER_ACTORS)))

    def gap(self, day: int | None) -> float | None:
        """Days between ``day`` and this cluster's span (0 inside it); None when unknown."""
        if day is None or self.first_day is None or self.last_day is None:
            return None
        return max(0, day - self.last_day, self.first_day - day)

    def gap_of(self, article: ArticleFeatures, named_cost: float) -> float | None:
        """Days between the article and this cluster's span: from its publication day, or
        from a day its text names plus ``named_cost`` (a named day says when the event
        happened, not that the article is about this cluster's happening), whichever is
        smaller; None when nothing is known."""
        gaps = [g + named_cost for d in article.mentioned if (g := self.gap(d)) is not None]
        if (own := self.gap(article.day)) is not None:
            gaps.append(own)
        return min(gaps) if gaps else None

    def gap_to(self, other: Cluster) -> float | None:
        first, last = self.first_day, self.last_day
        other_first, other_last = other.first_day, other.last_day
        if first is None or last is None or other_first is None or other_last is None:
            return None
        return max(0, other_first - last, first - other_last)

    def reachable(self, day: int | None, latest: int | None, window: float) -> bool:
        """Whether an article of ``day`` may still join: within ``window`` days of the span;
        an undated article only while the cluster is within the window of the latest
        placed day (so what it can join never depends on when clusters were evicted)."""
        if day is None and latest is not None and self.last_day is not None:
            return self.last_day >= latest - window
        gap = self.gap(day)
        return gap is None or gap <= window

    def holds_outlet(self, outlet: str) -> bool:
        """Whether a member was published by ``outlet`` (a known one)."""
        return bool(outlet) and self.outlets is not None and self.outlets[outlet] > 0

    def shares_outlet(self, other: Cluster) -> bool:
        """Whether the two clusters hold articles of one known outlet."""
        mine, theirs = self.outlets, other.outlets
        return mine is not None and theirs is not None and not mine.keys().isdisjoint(theirs)

    def top_actors(self, count: int) -> set[str]:
        return {a for a, _ in self.actors.most_common(count)}


def outlet_key(label: str | None) -> str:
    """The outlet an article's stored label names, or "" when it names none."""
    return "" if not label or is_unknown(label) else label


def similarity(article: ArticleFeatures, cluster: Cluster, embedding_weight: float) -> float:
    """Average-link similarity of an article to a cluster's members, before any time penalty."""
    dense = float(article.embedding @ cluster.embedding_sum) / cluster.size
    sparse = sum(w * cluster.terms.get(t, 0.0) for t, w in article.terms.items()) / cluster.size
    return embedding_weight * dense + (1 - embedding_weight) * sparse


def cluster_similarity(a: Cluster, b: Cluster, embedding_weight: float) -> float:
    """Average-link similarity between the members of two clusters."""
    dense = float(a.embedding_sum @ b.embedding_sum) / (a.size * b.size)
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    sparse = sum(w * large.get(t, 0.0) for t, w in small.items()) / (a.size * b.size)
    return embedding_weight * dense + (1 - embedding_weight) * sparse

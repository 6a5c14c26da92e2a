"""Align statement units across articles into groups that say the same thing.

Two units of different articles match when a blend of two signals reaches the
threshold: the cosine of their wordllama vectors (meaning, whatever the words), and a
lexical overlap that weighs words by how rare they are among the story's units (names
and numbers weigh more, ``compare_fact_weight``), so paraphrases that keep the facts
("Bolton", "national security adviser") match and sentences that only share the
story's topic do not. The vectors are partly centred on the story's mean
(``compare_centring``): wholly centred, a story of a few short articles loses its
content with its mean and true paraphrases score near zero; not centred, sentences
that only share the topic match.

Leads get a second, looser chance (``compare_mutual_*``): news excerpts tell one event
in their first sentences with different words, so two outlets' lead sentences that are
each other's closest sentence across the two articles, and state a name or a number in
common, match from a lower score. A name is an actor the entities stage found or a word
written with a capital inside the sentence (units.py ``names_in``): the recogniser
misses some ("the Vatican"), and without them a lead pair sharing only such a name had
no anchor (NeuS consensus share 0.77 → 0.78 tune, 0.77 → 0.81 held-out, ROUGE-1
0.453/0.436 → 0.452/0.439, mixed rate 0.053/0.068 → 0.065/0.068). Past the lead,
every sentence has some closest partner in a long article, so the rule would match
neighbours; it stays in the lead.

Two direct quotes must match on their quoted words too (units.py ``content``; their score
is the smaller of the sentences' and the quoted words'): with the attribution in, two
different quotes of one speaker on the story's topic ("We will show them a plan," Smith
told reporters / "Voters are tired of waiting," Smith told reporters) share the
speaker's name and the sentence's shape, and matched. On the quoted words alone (the
larger score allowed too) BASIL gained as many wrong quote pairs as it lost; reported
speech scored on its reported clause lost its names (held-out ROUGE-1 0.441 -> 0.437).

Groups grow by complete linkage: two groups join only when every pair between them
matches (two sentences of one article included), so a chain of loose neighbours never
becomes one point. On the NeuS tune half (threshold 0.40), letting half the pairs
suffice mixed two different stories in 12% of multi-member points against 8% with
complete linkage, for the same consensus share and summary ROUGE.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rashomon.compare.units import Unit, content_words
from rashomon.embeddings import embed

# Rows compared per matrix product: 1,024 × 20,000 float32 cosines is 80 MB.
BLOCK_ROWS = 1024


@dataclass(slots=True)
class Wording:
    """What the comparison reads of one set of texts: vectors and rare-word weights."""

    vectors: np.ndarray  # wordllama vectors, unit length
    weights: list[dict[str, float]]  # unit → content word → weight
    norms: list[float]
    anchors: list[frozenset[str]]  # unit → the names (actors, capitalised) and numbers it states


@dataclass(slots=True)
class Similarity:
    """Everything needed to score any pair of a story's units."""

    whole: Wording  # each unit's sentence
    quoted: Wording  # a direct quote's quoted words (read for two quotes only; empty for the rest)
    is_quote: np.ndarray  # unit → whether it is a direct quote (units.py ``content``)
    lexical_share: float
    numbers: list[frozenset[str]]  # unit → the numbers it states
    anchor_min: int = 1

    def anchored(self, i: int, j: int) -> bool:
        """Whether the two units state at least ``anchor_min`` names or numbers in common,
        and no two different sets of numbers ("372,000 jobs" / "787,000 claims": two
        figures of one report, not one statement)."""
        a, b = self.numbers[i], self.numbers[j]
        if a and b and a.isdisjoint(b):
            return False
        return len(self.whole.anchors[i] & self.whole.anchors[j]) >= self.anchor_min

    def lexical(self, i: int, j: int) -> float:
        """The rare-word overlap; two quotes' is the smaller of their sentences' and their
        quoted words'."""
        found = overlap(self.whole, i, j)
        if self.is_quote[i] and self.is_quote[j]:
            found = min(found, overlap(self.quoted, i, j))
        return found

    def score(self, i: int, j: int, cosine: float | None = None) -> float:
        """The blend (``cosine``: the sentences' vector cosine, when already computed);
        two direct quotes' is the smaller of their sentences' and their quoted words'."""
        found = self.blend(self.whole, i, j, cosine)
        if self.is_quote[i] and self.is_quote[j]:
            found = min(found, self.blend(self.quoted, i, j))
        return found

    def blend(self, w: Wording, i: int, j: int, cosine: float | None = None) -> float:
        if cosine is None:
            cosine = float(w.vectors[i] @ w.vectors[j])
        return (1 - self.lexical_share) * cosine + self.lexical_share * overlap(w, i, j)


def overlap(w: Wording, i: int, j: int) -> float:
    """Rare-word overlap of two units in one wording: a cosine of their weighted bags."""
    a, b = w.weights[i], w.weights[j]
    if len(a) > len(b):
        a, b = b, a
    shared = sum(v * b[t] for t, v in a.items() if t in b)
    return shared / (w.norms[i] * w.norms[j]) if shared else 0.0


def similarity(
    units: list[Unit],
    lexical_share: float,
    centring: float = 0.0,
    fact_weight: float = 2.0,
    anchor_min: int = 1,
) -> Similarity:
    texts = [u.text for u in units]
    bags = [set(content_words(t)) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    raw = embed(texts)
    # Quotes are centred on the story's mean too: a story's few quotes have a mean of
    # their own too close to each of them.
    mean = centring * raw.mean(axis=0) if centring and len(units) > 1 else None
    whole = wording(units, bags, centred(raw, mean), df, fact_weight)
    quotes = [k for k, u in enumerate(units) if u.content]
    inner = whole
    if quotes:
        # Only two quotes read their quoted wording: every other unit's is left empty
        # (no words, a zero vector) rather than computed and never read.
        vectors = np.zeros_like(raw)
        vectors[quotes] = centred(embed([units[k].content for k in quotes]), mean)
        spoken = [set(content_words(u.content)) for u in units]
        inner = wording(units, spoken, vectors, df, fact_weight)
    is_quote = np.zeros(len(units), dtype=bool)
    is_quote[quotes] = True
    numbers = [u.numbers for u in units]
    return Similarity(whole, inner, is_quote, lexical_share, numbers, anchor_min)


def centred(vectors: np.ndarray, mean: np.ndarray | None) -> np.ndarray:
    """``vectors`` less ``mean`` (the story's mean times the centring; None: not centred),
    unit length again."""
    if mean is None:
        return vectors
    moved = vectors - mean
    return moved / np.maximum(np.linalg.norm(moved, axis=1, keepdims=True), 1e-9)


def wording(
    units: list[Unit],
    bags: list[set[str]],
    vectors: np.ndarray,
    df: Counter[str],
    fact_weight: float,
) -> Wording:
    """Rare-word weights of each unit's content words (``bags``, from ``content_words``)
    beside their vectors; a word's rarity is counted over the story's sentences (``df``).
    An empty bag has no weights, no anchors and a norm of 1."""
    n = len(units)
    weights: list[dict[str, float]] = []
    anchors: list[frozenset[str]] = []
    for unit, bag in zip(units, bags, strict=True):
        if not bag:
            weights.append({})
            anchors.append(frozenset())
            continue
        facts = {w for a in unit.actors for w in content_words(a)} | set(unit.numbers)
        anchors.append(frozenset((facts | unit.names) & bag))
        weights.append(
            {
                w: math.log(1 + n / max(df[w], 1)) * (fact_weight if w in facts else 1.0)
                for w in bag
            }
        )
    norms = [math.sqrt(sum(v * v for v in w.values())) or 1.0 for w in weights]
    return Wording(vectors, weights, norms, anchors)


def matches(
    units: list[Unit],
    sim: Similarity,
    threshold: float,
    mutual_floor: float | None = None,
    lead: int = 2,
) -> dict[tuple[int, int], float]:
    """Every pair (i < j) of units of different articles that say the same thing.

    A pair matches when it scores at least ``threshold``, or when both units are among
    their article's first ``lead`` sentences, score at least ``mutual_floor``, share an
    anchor, and each is the other's best match among the other article's lead: two
    outlets' leads on one event are each other's closest lead sentences even when worded
    apart, while a topical neighbour usually has a closer partner.
    """
    index: dict[str, int] = {}
    article = np.asarray([index.setdefault(u.article_id, len(index)) for u in units])
    found = scored_pairs(sim, article, np.arange(len(units)), threshold)
    if mutual_floor is None:
        return found
    leads = np.asarray([k for k, u in enumerate(units) if u.position < lead], dtype=int)
    candidates = scored_pairs(sim, article, leads, mutual_floor)
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (unit, other article) → best
    for (i, j), v in candidates.items():
        for a, b in ((i, j), (j, i)):
            key = (a, int(article[b]))
            if key not in best or v > best[key][0]:
                best[key] = (v, b)
    for (i, j), v in candidates.items():
        if (
            best[(i, int(article[j]))][1] == j
            and best[(j, int(article[i]))][1] == i
            and sim.anchored(i, j)
        ):
            found[(i, j)] = v
    return found


def opposed(
    units: list[Unit], edges: dict[tuple[int, int], float], floor: float, lead: int
) -> dict[tuple[int, int], float]:
    """``edges`` without the pairs of opposite polarity scoring under ``floor``, past
    the lead: two leads (each within its article's first ``lead`` sentences) tell the one
    event both articles report, and a "not" in one ("insisted he is not conceding") is
    rarely the opposite claim there."""
    return {
        (i, j): v
        for (i, j), v in edges.items()
        if units[i].negated == units[j].negated
        or v >= floor
        or (units[i].position < lead and units[j].position < lead)
    }


def scored_pairs(
    sim: Similarity, article: np.ndarray, rows: np.ndarray, floor: float
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) among ``rows`` of different articles scoring at least ``floor``.

    The blend cannot reach ``floor`` unless the cosine reaches
    ``(floor - share) / (1 - share)`` (the lexical part is at most 1), so only those
    pairs are scored lexically.
    """
    share = sim.lexical_share
    cos_floor = (floor - share) / (1 - share) if share < 1 else -1.0
    vectors = sim.whole.vectors[rows]
    owner = article[rows]
    found: dict[tuple[int, int], float] = {}
    for lo in range(0, len(rows), BLOCK_ROWS):
        cos = vectors[lo : lo + BLOCK_ROWS] @ vectors.T
        cos[owner[lo : lo + BLOCK_ROWS, None] == owner[None, :]] = -2.0
        hits_r, hits_c = np.nonzero(cos >= cos_floor)
        for r, c in zip(hits_r.tolist(), hits_c.tolist(), strict=True):
            i, j = int(rows[lo + r]), int(rows[c])
            if i >= j:
                continue
            score = sim.score(i, j, float(cos[r, c]))
            if score >= floor:
                found[(i, j)] = score
    return found


def group(
    units: list[Unit],
    edges: dict[tuple[int, int], float],
    close: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Groups of units (each sorted), strongest matches first, by complete linkage.

    Pairs from different articles must be ``edges``; two units of one article (an outlet
    splitting one statement over two sentences) must be ``close`` to each other, so one
    sentence of another outlet cannot gather a whole article's loosely related sentences.
    """
    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for (i, j), _score in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        pairs = [(min(x, y), max(x, y)) for x in members[a] for y in members[b]]
        if not all(
            p in edges
            if units[p[0]].article_id != units[p[1]].article_id
            else close is None or close(*p)
            for p in pairs
        ):
            continue
        members[a].extend(members.pop(b))
        for x in members[a]:
            group_of[x] = a
    return [sorted(m) for m in sorted(members.values(), key=min)]

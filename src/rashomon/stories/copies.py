"""Syndicated copies: near-duplicate texts found by MinHash LSH over word shingles.

Two texts are copies when most shingles of the shorter one are in the longer one
(containment), so a copy that adds a caption, a "Read also" line or a footer, or
prints only the first half of the wire story, still counts. Containment is estimated
from the MinHash Jaccard and the two shingle counts: |A∩B| = J(|A|+|B|)/(1+J).
Signatures are stored (uint32, 512 bytes each) with their LSH band keys, so a later run
looks up each new article's candidates in the store by key: it neither re-hashes a text
nor rebuilds an index from every stored signature, and adding articles costs the same
whatever the store's size. The keys are those of datasketch's MinHashLSH with the same
bands and rows (a test compares the two), so datasketch is only needed for MinHash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import numpy as np
from datasketch import MinHash

from rashomon.stories.text import shingles

NUM_PERM = 128
SHINGLE_WORDS = 3
# LSH bands × rows: a pair becomes a candidate with probability 1 - (1 - J^r)^b, which is
# 0.5 at J ≈ 0.29 and 0.96 at J = 0.5. J = 0.3 is where a copy whose shorter side is half
# the longer one, with 70% containment, lands; fewer bands than datasketch's optimum for
# 0.3 (37 × 3) keeps the index near 1 KB per article.
LSH_BANDS, LSH_ROWS = 24, 3
SIGNATURE_DTYPE = np.uint32
# Bytes of one band key: LSH_ROWS signature values (migration 020 slices stored blobs so).
BAND_BYTES = LSH_ROWS * np.dtype(SIGNATURE_DTYPE).itemsize


@cache
def template() -> MinHash:
    """One MinHash whose permutations every signature reuses (creating them is the slow part)."""
    return MinHash(num_perm=NUM_PERM)


def signature(text: str) -> tuple[np.ndarray, int]:
    """The MinHash signature of a text's word shingles, and how many distinct shingles it has."""
    grams = shingles(text, SHINGLE_WORDS)
    base = template()
    sketch = MinHash(num_perm=NUM_PERM, permutations=base.permutations, scheme=base.scheme)
    sketch.update_batch([g.encode("utf-8") for g in grams])
    return sketch.hashvalues.astype(SIGNATURE_DTYPE), len(grams)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the larger one."""
    if not size_a or not size_b:
        return 0.0
    j = jaccard(a, b)
    shared = j * (size_a + size_b) / (1 + j)
    return min(shared / min(size_a, size_b), 1.0)


def band_keys(sig: np.ndarray) -> list[bytes]:
    """The signature's LSH keys, band ``b`` at index ``b``: its values ``b·r … b·r + r - 1``
    as stored bytes. Two signatures are LSH candidates when they share a band's key, as in
    MinHashLSH (whose keys are the same values as uint64)."""
    raw = sig.astype(SIGNATURE_DTYPE).tobytes()
    return [raw[b * BAND_BYTES : (b + 1) * BAND_BYTES] for b in range(LSH_BANDS)]


@dataclass(slots=True)
class Match:
    article_id: str
    similarity: float


class StoredSignatures(Protocol):
    """Signatures committed to the store, read by band key or by article (stories/repo.py)."""

    def candidates(
        self, keys: list[bytes], min_shingles: int
    ) -> Iterable[tuple[str, np.ndarray, int]]:
        """(article id, signature, shingles) of every stored text with at least
        ``min_shingles`` shingles that shares a band key with ``keys``."""
        ...

    def signature(self, article_id: str) -> tuple[np.ndarray, int]: ...


class CopyIndex:
    """The copy candidates of each new article: stored texts found by band key in the
    store, and texts added since the last ``flush`` (not yet committed) held here.

    Texts with fewer than ``min_shingles`` shingles neither copy nor are copied: a stub
    page ("Chat with us", a gallery caption) shares its few words with every other stub.
    """

    def __init__(self, threshold: float, min_shingles: int, stored: StoredSignatures) -> None:
        self.threshold = threshold
        self.min_shingles = max(min_shingles, 1)
        self.stored = stored
        self.bands: dict[tuple[int, bytes], list[str]] = {}
        self.signatures: dict[str, tuple[np.ndarray, int]] = {}

    def add(self, article_id: str, sig: np.ndarray, size: int) -> None:
        if size < self.min_shingles or article_id in self.signatures:
            return
        for band, key in enumerate(band_keys(sig)):
            self.bands.setdefault((band, key), []).append(article_id)
        self.signatures[article_id] = (sig, size)

    def flush(self) -> None:
        """Forget the texts added so far: they are committed, so the store finds them."""
        self.bands.clear()
        self.signatures.clear()

    def signature(self, article_id: str) -> tuple[np.ndarray, int]:
        return self.signatures.get(article_id) or self.stored.signature(article_id)

    def candidates(self, sig: np.ndarray) -> dict[str, tuple[np.ndarray, int]]:
        """Every indexed text sharing a band key with ``sig``: its signature and size."""
        keys = band_keys(sig)
        found = {i: (s, n) for i, s, n in self.stored.candidates(keys, self.min_shingles)}
        for band, key in enumerate(keys):
            for other in self.bands.get((band, key), ()):
                found[other] = self.signatures[other]
        return found

    def matches(self, sig: np.ndarray, size: int) -> list[Match]:
        """Indexed articles this text copies or is copied by, most similar first."""
        if size < self.min_shingles:
            return []
        found = []
        for other, (other_sig, other_size) in self.candidates(sig).items():
            score = containment(sig, size, other_sig, other_size)
            if score >= self.threshold:
                found.append(Match(other, round(score, 4)))
        return sorted(found, key=lambda m: (-m.similarity, m.article_id))

"""Syndicated copies: near-duplicate texts found by MinHash LSH over word shingles.

Two texts are copies when most shingles of the shorter one are in the longer one
(containment), so a copy that adds a caption, a "Read also" line or a footer, or
prints only the first half of the wire story, still counts. Containment is estimated
from the MinHash Jaccard and the two shingle counts: |A∩B| = J(|A|+|B|)/(1+J).
Signatures are stored (uint32, 512 bytes each), so later runs rebuild the LSH index
without re-hashing any text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from rashomon.stories.text import shingles

NUM_PERM = 128
SHINGLE_WORDS = 3
# LSH bands × rows: a pair becomes a candidate with probability 1 - (1 - J^r)^b, which is
# 0.5 at J ≈ 0.29 and 0.96 at J = 0.5. J = 0.3 is where a copy whose shorter side is half
# the longer one, with 70% containment, lands; fewer bands than datasketch's optimum for
# 0.3 (37 × 3) keeps the index near 1 KB per article.
LSH_BANDS, LSH_ROWS = 24, 3
SIGNATURE_DTYPE = np.uint32


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


@dataclass(slots=True)
class Match:
    article_id: str
    similarity: float


class CopyIndex:
    """Every stored signature in an LSH index, queried before each new article joins it.

    Texts with fewer than ``min_shingles`` shingles neither copy nor are copied: a stub
    page ("Chat with us", a gallery caption) shares its few words with every other stub.
    """

    def __init__(self, threshold: float, min_shingles: int = 0) -> None:
        self.threshold = threshold
        self.min_shingles = max(min_shingles, 1)
        self.lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        self.signatures: dict[str, tuple[np.ndarray, int]] = {}

    def add(self, article_id: str, sig: np.ndarray, size: int) -> None:
        if size < self.min_shingles or article_id in self.signatures:
            return
        base = template()
        sketch = MinHash(
            num_perm=NUM_PERM, hashvalues=sig, permutations=base.permutations, scheme=base.scheme
        )
        self.lsh.insert(article_id, sketch)
        self.signatures[article_id] = (sig, size)

    def matches(self, sig: np.ndarray, size: int) -> list[Match]:
        """Stored articles this text copies or is copied by, most similar first."""
        if size < self.min_shingles:
            return []
        base = template()
        sketch = MinHash(
            num_perm=NUM_PERM, hashvalues=sig, permutations=base.permutations, scheme=base.scheme
        )
        found = []
        for other in self.lsh.query(sketch):
            other_sig, other_size = self.signatures[other]
            score = containment(sig, size, other_sig, other_size)
            if score >= self.threshold:
                found.append(Match(other, round(score, 4)))
        return sorted(found, key=lambda m: (-m.similarity, m.article_id))

"""Which sentences of different articles say the same thing, by meaning rather than wording.

Sentences are embedded with wordllama (weights shipped in the wheel, never downloaded)
and compared by cosine similarity in row blocks, so memory stays bounded by
``block × n`` however large the story is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rashomon.embeddings import embed

# Rows compared per matrix product: 1,024 × 20,000 float32 similarities is 80 MB.
BLOCK_ROWS = 1024


def neighbours(vectors: np.ndarray, groups: list[int], threshold: float) -> list[list[int]]:
    """For each row, the rows of other groups (articles) at or above ``threshold`` cosine."""
    n = len(vectors)
    found: list[list[int]] = [[] for _ in range(n)]
    group = np.asarray(groups)
    for lo in range(0, n, BLOCK_ROWS):
        sims = vectors[lo : lo + BLOCK_ROWS] @ vectors.T
        sims[group[lo : lo + BLOCK_ROWS, None] == group[None, :]] = -1.0
        rows, cols = np.nonzero(sims >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            found[lo + r].append(c)
    return found


@dataclass(slots=True)
class Wordings:
    """Rows grouped by identical wording, and which wordings say the same thing.

    Syndicated copies repeat sentences word for word, so each wording is embedded and
    compared once however many articles print it.
    """

    texts: list[str]  # each distinct wording
    rows_of: list[list[int]]  # wording → the rows that have it
    links: list[list[int]]  # wording → the other wordings that match it
    mean: np.ndarray | None  # the mean vector over all rows (the story's common topic)


def match_wordings(texts: list[str], threshold: float, mean: np.ndarray | None = None) -> Wordings:
    """Group rows by wording and link wordings whose centred cosine reaches ``threshold``.

    Vectors are centred on ``mean`` (by default the mean over all rows) so that what
    every sentence of a story shares does not count as agreement.
    """
    index: dict[str, int] = {}
    rows_of: list[list[int]] = []
    for row, text in enumerate(texts):
        if text not in index:
            index[text] = len(index)
            rows_of.append([])
        rows_of[index[text]].append(row)
    unique = list(index)
    if not unique:
        return Wordings([], [], [], mean)
    vectors = embed(unique)
    if mean is None:
        weights = np.asarray([len(r) for r in rows_of], dtype=np.float32)
        mean = (weights @ vectors) / weights.sum()
    centred = vectors - mean
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
    links = neighbours(centred, list(range(len(unique))), threshold)
    return Wordings(unique, rows_of, links, mean)

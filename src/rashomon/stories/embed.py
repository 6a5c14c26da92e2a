"""Dense article vectors from wordllama, whose weights ship inside its wheel.

wordllama's weights come from LLaMA-2's token-embedding table, so they carry the
Llama 2 Community License; the package is loaded from its own folder with downloads
disabled, so nothing is fetched at run time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 256


@cache
def model() -> Any:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = model().embed(texts, norm=True)
    return np.asarray(vectors, dtype=np.float32)


def to_blob(vector: np.ndarray) -> bytes:
    """float16 bytes: 512 bytes an article, precise enough for cosines to about 1e-3."""
    return vector.astype(np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)

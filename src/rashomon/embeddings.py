"""Sentence and article vectors from wordllama, whose weights ship inside its wheel.

One loader for every stage that compares meaning (stories, briefing, the framing
bias model). wordllama's weights come from LLaMA-2's token-embedding table, so they
carry the Llama 2 Community License. The model is loaded from the package's own
folder with downloads disabled: nothing is fetched at run time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 256


@cache
def load_wordllama() -> Any:
    """The model, once per process (and so once per Dask worker)."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text; identical texts are embedded once."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = np.asarray(load_wordllama().embed(unique, norm=True), dtype=np.float32)
    if len(unique) == len(texts):
        return vectors
    index = {text: i for i, text in enumerate(unique)}
    return vectors[[index[t] for t in texts]]

"""Rashomon: how many outlets cover one story, and what each of them says, with provenance.

``rashomon.open("news.db")`` returns a ``Corpus`` to analyse articles into and read
stories, briefings, quotes and articles from (see the README's "Python API").
Importing the package loads nothing heavy: ``open`` and ``Corpus`` are imported on
first use, because every pool process and Dask worker imports this package.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rashomon.corpus import ArticleRecord, Corpus, QuoteRecord, Records, open

try:
    __version__ = metadata.version("rashomon")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["ArticleRecord", "Corpus", "QuoteRecord", "Records", "__version__", "open"]
_LAZY = {"ArticleRecord", "Corpus", "QuoteRecord", "Records", "open"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from rashomon import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'rashomon' has no attribute {name!r}")

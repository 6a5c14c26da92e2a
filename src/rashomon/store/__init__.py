"""The embedded store: one SQLite file (WAL, foreign keys, FTS5), a thin layer over the model."""

from rashomon.store.db import Store

__all__ = ["Store"]

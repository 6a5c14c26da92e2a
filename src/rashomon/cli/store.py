"""Open the store for a reading command, with a clear error when there is none."""

from __future__ import annotations

from pathlib import Path

from rashomon.errors import RashomonError
from rashomon.store import Store


def open_store(db: Path) -> Store:
    if not db.exists():
        raise RashomonError("E506", f"no database at {db}: run 'rashomon analyze INPUT… --db {db}'")
    return Store(db)

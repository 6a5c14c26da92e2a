"""Open the store for a command, with a numbered error when it cannot be used."""

from __future__ import annotations

from pathlib import Path

from rashomon.errors import error
from rashomon.store import Store


def open_store(db: Path) -> Store:
    """The store at ``db`` for a reading command; E506 when nothing is there.

    Checked before opening, because SQLite would create a missing file.
    """
    if not db.exists():
        raise error("E506", db=db)
    return writable_store(db)


def writable_store(db: Path) -> Store:
    """The store at ``db``, created when missing. The store itself refuses a directory or
    a file that is not SQLite (E512), before SQLite would meet it at the first query."""
    return Store(db)

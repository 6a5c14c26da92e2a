"""Open the store for a command, with a numbered error when it cannot be used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rashomon.errors import error
from rashomon.store import Store

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_store(db: Path) -> Store:
    """The store at ``db`` for a reading command; E506 when nothing is there.

    Checked before opening, because SQLite would create a missing file.
    """
    if not db.exists():
        raise error("E506", db=db)
    return writable_store(db)


def writable_store(db: Path) -> Store:
    """The store at ``db``, created when missing; E512 when ``db`` is a directory, a file
    of another kind or unreadable (SQLite itself reports those only at the first query)."""
    if db.is_dir():
        raise error("E512", db=db, detail="it is a directory")
    if db.exists():
        try:
            with db.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise error("E512", db=db, detail=exc.strerror or exc) from None
        if head and head != SQLITE_MAGIC:
            raise error("E512", db=db, detail="not an SQLite database")
    try:
        return Store(db)
    except sqlite3.DatabaseError as exc:
        raise error("E512", db=db, detail=exc) from None

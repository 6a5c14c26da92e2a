"""The writer lock: one process writes a database at a time; readers never wait.

SQLite's own locks serialise transactions, not runs: two ``analyze`` runs on one file
would interleave their batches and their cross-article stages (doubled counts, an
IntegrityError in one). So a writer holds an exclusive ``flock`` on a lock file beside
the database for as long as its store is open. The kernel drops the lock when the
process dies, even by ``kill -9``, so a crash never leaves a stale lock behind. The
file holds the holder's pid, host and start time, for the error the next writer gets.

Within one process the lock is shared (counted per database), so code that opens a
second store on the file it is already writing does not lock itself out.
"""

from __future__ import annotations

import fcntl
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import error


@dataclass(slots=True)
class _Held:
    fd: int
    count: int


# Locks this process holds, by lock file: a process-wide fact, like the flock itself.
_HELD: dict[Path, _Held] = {}


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def acquire(db: Path) -> Path:
    """Take the writer lock of ``db`` or raise E402 naming the process that holds it."""
    path = lock_path(db.resolve())
    held = _HELD.get(path)
    if held is not None:
        held.count += 1
        return path
    try:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError:  # another user's lock file: a read-only one locks as well
            fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise error("E408", path=path, detail=exc) from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_holder(fd)
        os.close(fd)
        raise error("E402", db=db, holder=holder) from None
    except OSError as exc:  # a file system without locks
        os.close(fd)
        raise error("E408", path=path, detail=exc) from exc
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    command = " ".join(sys.argv[:3])
    holder = f"pid {os.getpid()} on {socket.gethostname()} since {stamp}: {command}"
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, holder.encode(), 0)
    except OSError:
        pass  # the lock holds without its note; the next writer learns less about us
    _HELD[path] = _Held(fd, 1)
    return path


def release(path: Path) -> None:
    held = _HELD.get(path)
    if held is None:
        return
    held.count -= 1
    if held.count == 0:
        del _HELD[path]
        os.close(held.fd)  # closing the last descriptor drops the flock


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 500, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "its pid is unknown"

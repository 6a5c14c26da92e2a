"""Open, migrate and write the SQLite store.

Records map to tables by name (``Analysis`` field → table of the same name) and
columns by dataclass field, so a stage that adds a record type adds one
migration and nothing here. Lists and dicts are stored as JSON text.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import asdict, fields
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rashomon.errors import RashomonError, Reason, error
from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import lock

# Analysis fields that hold lists of records, each stored in the table of that name.
RECORD_TABLES = tuple(f.name for f in fields(Analysis) if f.name != "article")


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration shipped with the package, in order."""
    folder = resources.files("rashomon.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def to_column(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


SQLITE_HEADER = b"SQLite format 3\x00"
# Errors that one outcome's records cause, as opposed to the database's own state
# (locked, full, read-only), which must stop the run rather than fail every input.
UNSTORABLE = (
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    sqlite3.DataError,
    OverflowError,
    TypeError,
    ValueError,
)


def check_database_path(path: Path) -> None:
    """Refuse a directory or a file that is not SQLite before sqlite3 meets it."""
    if path.is_dir():
        raise error("E512", db=path, detail="it is a directory, not a database file")
    if path.is_file() and path.stat().st_size > 0:
        try:
            with path.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise error("E512", db=path, detail=exc.strerror or exc) from exc
        if header != SQLITE_HEADER:
            raise not_a_database(path, None)


def in_wal_mode(path: Path) -> bool:
    """Whether the file is a database already in WAL mode (header bytes 18-19 are 2)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == header[19] == 2


def not_a_database(path: Path, exc: Exception | None) -> RashomonError:
    detail = f" ({exc})" if exc else ""
    return error("E512", db=path, detail=f"not a SQLite database{detail}")


def writable(path: Path) -> bool:
    """Whether to write the database: the file, and its folder (for the WAL files).

    Write permission bits count as well as access: a file or folder made read-only
    (``chmod a-w``) is read-only for root too, who could otherwise write it anyway.
    """
    folder = path.parent
    if not folder.exists():
        return True  # a new database; creating it will say what is wrong
    targets = [path, folder] if path.exists() else [folder]
    return all(_can_write(t) for t in targets)


def _can_write(path: Path) -> bool:
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection; read-only ones fall back to ``immutable`` when WAL files cannot be made.

    A WAL database opened ``mode=ro`` needs its -shm file, which a read-only folder may
    not hold; ``immutable=1`` then reads the file as it is, right when no one writes it,
    which a folder nobody can write guarantees (a -wal left in it is not read).
    """
    if not readonly:
        conn = sqlite3.connect(path, check_same_thread=False)
        _settle(conn)  # wait out a writer creating the file, rather than fail at once
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn
    if not path.exists():
        raise error("E506", db=path)
    base = f"file:{quote(str(path.resolve()))}"
    try:
        conn = sqlite3.connect(f"{base}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if _can_write(path.parent):
            raise  # a writer may be at work here: immutable could read a half-written file
        conn = sqlite3.connect(f"{base}?immutable=1", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    _settle(conn)
    return conn


def _settle(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")


class Store:
    """One SQLite file. Writes happen in one transaction per batch, from one writer.

    A file that this process may not write (mode 0444, or a read-only directory) is
    opened read-only, so every reading command still works; a path that is a
    directory or not a SQLite database is a numbered error (E512), not a
    traceback. The first write (or ``claim_writer``) takes the writer lock
    (``store.lock``), held until the store closes: a second writing process gets
    E402, while stores that only read never take it.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._lock: Path | None = None
        # (stage, unit, reason) of each failure recorded through this connection, so a
        # run can report its own cross-article failures and not older, unrevisited ones.
        self.failures_recorded: list[tuple[str, str, str]] = []
        check_database_path(self.path)
        self.readonly = readonly or not writable(self.path)
        if not self.readonly and not in_wal_mode(self.path):
            # Creating the file or switching it to WAL needs it alone, and SQLite may
            # answer "locked" at once rather than wait: the writer lock goes first.
            self.claim_writer()
        try:
            self.conn = connect(self.path, self.readonly)
        except sqlite3.OperationalError as exc:
            raise error("E512", db=self.path, detail=exc) from exc
        except sqlite3.DatabaseError as exc:
            raise not_a_database(self.path, exc) from exc
        self.conn.row_factory = sqlite3.Row
        if not self.readonly:
            self.migrate()

    def claim_writer(self) -> None:
        """Take the writer lock now (E402 when another process holds it)."""
        if self.readonly:
            raise error("E405", db=self.path)
        if self._lock is None:
            self._lock = lock.acquire(self.path)

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            lock.release(self._lock)
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply, each in its own transaction, every shipped migration not yet applied.

        Applied migrations are recorded by name, so one numbered below a migration that
        already ran (two branches of work landing in either order) is still applied.
        ``user_version`` holds the highest number, for tools that read only that.
        Migrating is writing: when one is due the writer lock is taken first, so a second
        process meets E402 there instead of a locked database; a store that is up to
        date is only read, and readers never take the lock.
        """
        if not self.pending_migrations():
            return
        self.claim_writer()
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
            "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
        applied = {row[0] for row in self.conn.execute("SELECT name FROM schema_migrations")}
        for number, name, sql in migrations():
            if name in applied:
                continue
            with self.transaction():
                for statement in split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO schema_migrations (name) VALUES (?)", (name,))
                if number > self.schema_version:
                    self.conn.execute(f"PRAGMA user_version = {number}")

    def pending_migrations(self) -> list[str]:
        """Names of the shipped migrations this file has not had yet (read only)."""
        try:
            applied = {r[0] for r in self.conn.execute("SELECT name FROM schema_migrations")}
        except sqlite3.OperationalError:  # a new file: no migration table yet
            applied = set()
        return [name for _, name, _ in migrations() if name not in applied]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.claim_writer()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- reading ----------------------------------------------------------------

    def known_input(
        self,
        input_name: str,
        content_hash: str,
        versions: Mapping[str, str] | None = None,
        rerun: AbstractSet[str] = frozenset(),
    ) -> bool:
        """True when this input, with this content, was already analysed (ok or skipped).

        An input whose last re-reading failed is analysed again, so that a success
        clears the recorded failure. With ``versions`` (stage name → version), an
        article is known only when exactly those stage versions made it and none of
        them is in ``rerun``: a changed stage re-analyses what it made.
        """
        row = self.conn.execute(
            "SELECT article_id FROM inputs WHERE input = ? AND content_hash = ? "
            "AND status != 'failed' AND failure = ''",
            (input_name, content_hash),
        ).fetchone()
        if row is None:
            return False
        if versions is None or row[0] is None:  # a skipped input: no stage made anything
            return True
        made = self.article_stages(row[0])
        return made == dict(versions) and not rerun & made.keys()

    def article_stages(self, article_id: str) -> dict[str, str]:
        """The version of each per-article stage that made this stored article."""
        found = self.conn.execute(
            "SELECT stage, version FROM article_stages WHERE article_id = ?", (article_id,)
        )
        return {stage: version for stage, version in found}

    def rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute(sql, tuple(params)):
            yield dict(row)

    def has_table(self, name: str) -> bool:
        """Whether a table (or view) exists: a read of a stage that never ran finds none."""
        found = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
        ).fetchone()
        return found is not None

    def articles(self) -> Iterator[Article]:
        names = [f.name for f in fields(Article)]
        for row in self.conn.execute(f"SELECT {', '.join(names)} FROM articles ORDER BY rowid"):
            values = dict(row)
            values["credits"] = json.loads(values["credits"])
            yield Article(**values)

    # -- writing ----------------------------------------------------------------

    def write_outcomes(self, outcomes: Iterable[Outcome]) -> None:
        """Store one batch in one transaction: a killed run loses at most this batch.

        Each outcome is written in a savepoint: one whose records SQLite refuses (a
        number too large for an INTEGER, a broken constraint) is undone alone and
        recorded as failed (E407), and the rest of the batch is stored.
        """
        with self.transaction():
            for outcome in outcomes:
                self.conn.execute("SAVEPOINT outcome")
                try:
                    self._write_outcome(outcome)
                except UNSTORABLE as exc:
                    self.conn.execute("ROLLBACK TO outcome")
                    detail = f"{type(exc).__name__}: {exc}"[:200]
                    outcome.record.status, outcome.record.article_id = "failed", None
                    outcome.record.reason = Reason.UNSTORABLE.with_detail(detail)
                    outcome.analysis = None
                    self._write_outcome(outcome)
                self.conn.execute("RELEASE outcome")

    def _write_outcome(self, outcome: Outcome) -> None:
        """Replace what an input made only by a known new outcome.

        A failed reading of an input that has an article keeps that article and
        its status, and records the failure beside it (``inputs.failure``), and so
        does a skip that read no bytes (no content hash: a file swapped for a FIFO
        says nothing about the article); any other outcome, a skip of content
        included, replaces the input's rows.
        """
        record = outcome.record
        unread = record.status == "failed" or (
            record.status == "skipped" and not record.content_hash
        )
        if unread and self._has_article(record.input):
            self.conn.execute(
                "UPDATE inputs SET failure = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                "'now') WHERE input = ?",
                (record.reason or record.status, record.input),
            )
            return
        if outcome.analysis is not None:
            article = outcome.analysis.article
            taken = self.conn.execute(
                "SELECT input FROM articles WHERE id = ? AND input != ?",
                (article.id, record.input),
            ).fetchone()
            if taken is not None:
                record.status, record.article_id = "failed", None
                record.reason = Reason.DUPLICATE_ID.with_detail(
                    f"id {article.id!r} from {taken[0]}"
                )
                outcome.analysis = None
                self._write_outcome(outcome)
                return
        # A changed input replaces what it made before (the cascade removes its rows).
        self.conn.execute("DELETE FROM articles WHERE input = ?", (record.input,))
        self._upsert_input(record)
        if outcome.analysis is None:
            return
        self.insert("articles", [outcome.analysis.article])
        self.conn.executemany(
            "INSERT INTO article_stages (article_id, stage, version) VALUES (?, ?, ?)",
            [(outcome.analysis.article.id, n, v) for n, v in outcome.stages.items()],
        )
        for table in RECORD_TABLES:
            self.insert(table, getattr(outcome.analysis, table))

    def _has_article(self, input_name: str) -> bool:
        found = self.conn.execute("SELECT 1 FROM articles WHERE input = ?", (input_name,))
        return found.fetchone() is not None

    def record_stage_failure(self, stage: str, unit: str, reason: str) -> None:
        """Note that a cross-article stage could not process ``unit`` (E305 …).

        Called inside the stage's transaction or on its own; the row says why until
        the unit succeeds (``clear_stage_failure``).
        """
        sql = (
            "INSERT INTO stage_failures (stage, unit, reason) VALUES (?, ?, ?) "
            "ON CONFLICT(stage, unit) DO UPDATE SET reason = excluded.reason, "
            "at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        )
        self._execute_atomic(sql, (stage, unit, reason))
        self.failures_recorded.append((stage, unit, reason))

    def clear_stage_failure(self, stage: str, unit: str) -> None:
        sql = "DELETE FROM stage_failures WHERE stage = ? AND unit = ?"
        self._execute_atomic(sql, (stage, unit))

    def _execute_atomic(self, sql: str, params: tuple[Any, ...]) -> None:
        """Run one write in the open transaction, or in a transaction of its own."""
        if self.conn.in_transaction:
            self.conn.execute(sql, params)
        else:
            with self.transaction():
                self.conn.execute(sql, params)

    def _upsert_input(self, record: InputRecord) -> None:
        self.conn.execute(
            "INSERT INTO inputs (input, content_hash, status, reason, article_id) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(input) DO UPDATE SET "
            "content_hash = excluded.content_hash, status = excluded.status, "
            "reason = excluded.reason, article_id = excluded.article_id, failure = '', "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            (record.input, record.content_hash, record.status, record.reason, record.article_id),
        )

    def insert(self, table: str, records: Iterable[Any]) -> None:
        """Insert dataclass records into ``table``, one column per field."""
        records = list(records)
        if not records:
            return
        names = [f.name for f in fields(records[0])]
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        self.conn.executemany(
            sql, [tuple(to_column(v) for v in asdict(r).values()) for r in records]
        )


def split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("--")):
            continue
        current.append(line)
        text = "\n".join(current)
        if stripped.endswith(";") and sqlite3.complete_statement(text):
            statements.append(text)
            current = []
    if current and "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements

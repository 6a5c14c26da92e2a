"""Open, migrate and write the SQLite store.

Records map to tables by name (``Analysis`` field → table of the same name) and
columns by dataclass field, so a stage that adds a record type adds one
migration and nothing here. Lists and dicts are stored as JSON text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from importlib import resources
from pathlib import Path
from typing import Any

from rashomon.model import Analysis, Article, InputRecord, Outcome

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


class Store:
    """One SQLite file. Writes happen in one transaction per batch, from one writer."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            uri = f"file:{self.path.resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")
        if not readonly:
            self.migrate()

    def close(self) -> None:
        self.conn.close()

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
        """
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

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- reading ----------------------------------------------------------------

    def known_input(self, input_name: str, content_hash: str) -> bool:
        """True when this input, with this content, was already analysed (ok or skipped)."""
        row = self.conn.execute(
            "SELECT 1 FROM inputs WHERE input = ? AND content_hash = ? AND status != 'failed'",
            (input_name, content_hash),
        ).fetchone()
        return row is not None

    def rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute(sql, tuple(params)):
            yield dict(row)

    def articles(self) -> Iterator[Article]:
        names = [f.name for f in fields(Article)]
        for row in self.conn.execute(f"SELECT {', '.join(names)} FROM articles ORDER BY rowid"):
            values = dict(row)
            values["credits"] = json.loads(values["credits"])
            yield Article(**values)

    # -- writing ----------------------------------------------------------------

    def write_outcomes(self, outcomes: Iterable[Outcome]) -> None:
        """Store one batch in one transaction: a killed run loses at most this batch."""
        with self.transaction():
            for outcome in outcomes:
                self._write_outcome(outcome)

    def _write_outcome(self, outcome: Outcome) -> None:
        record = outcome.record
        # A changed input replaces what it made before (the cascade removes its rows).
        self.conn.execute("DELETE FROM articles WHERE input = ?", (record.input,))
        self._upsert_input(record)
        if outcome.analysis is None:
            return
        article = outcome.analysis.article
        taken = self.conn.execute(
            "SELECT input FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if taken is not None:
            from rashomon.errors import Reason

            record.status, record.article_id = "failed", None
            record.reason = Reason.DUPLICATE_ID.with_detail(f"id {article.id!r} from {taken[0]}")
            self._upsert_input(record)
            return
        self.insert("articles", [article])
        for table in RECORD_TABLES:
            self.insert(table, getattr(outcome.analysis, table))

    def _upsert_input(self, record: InputRecord) -> None:
        self.conn.execute(
            "INSERT INTO inputs (input, content_hash, status, reason, article_id) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(input) DO UPDATE SET "
            "content_hash = excluded.content_hash, status = excluded.status, "
            "reason = excluded.reason, article_id = excluded.article_id, "
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
    statements, current = [], []
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

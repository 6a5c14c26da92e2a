"""``rashomon export``: every table users can take away, as JSONL, CSV or Parquet.

Each ``--what`` is an ``Export`` registered by the module that owns its tables;
rows stream from SQLite to the file so no export holds the corpus in memory.
The column lists are public: users' scripts rely on them.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rashomon.errors import error
from rashomon.store.db import Store

Rows = Callable[[Store], Iterator[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class Export:
    name: str
    columns: tuple[str, ...]
    rows: Rows
    help: str


EXPORTS: dict[str, Export] = {}

# Modules whose import registers their exports.
EXPORT_MODULES = (
    "rashomon.views.articles",
    "rashomon.figures.queries",
    "rashomon.timeline.queries",
    "rashomon.framing.export",
    "rashomon.quotes.queries",
    "rashomon.entities.queries",
    "rashomon.stories.queries",
    "rashomon.store.points",
)

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_ROW_GROUP = 5_000


def exporter(name: str, columns: tuple[str, ...], help: str) -> Callable[[Rows], Rows]:
    def register(fn: Rows) -> Rows:
        EXPORTS[name] = Export(name, columns, fn, help)
        return fn

    return register


def available() -> dict[str, Export]:
    for module in EXPORT_MODULES:
        importlib.import_module(module)
    return EXPORTS


def write_export(export: Export, store: Store, fmt: str, out: Path | None) -> int:
    """Write every row of ``export`` to ``out`` (stdout when None); return the row count.

    A file is written beside ``out`` and renamed into place, so a failed export never
    leaves a truncated file where a good one is expected.
    """
    rows = ({c: row.get(c) for c in export.columns} for row in export.rows(store))
    if fmt == "parquet":
        if out is None:
            raise error("E504")
        from rashomon.store.parquet import export_schema, write_rows

        schema = export_schema(export.name, export.columns)
        with atomic_path(out) as temporary:
            return write_rows(schema, rows, temporary, PARQUET_ROW_GROUP)
    if out is None:
        return write_text(export.columns, rows, fmt, sys.stdout)
    with atomic_path(out) as temporary, temporary.open("w", encoding="utf-8", newline="") as fh:
        return write_text(export.columns, rows, fmt, fh)


@contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A hidden temporary path beside ``out``, renamed to ``out`` when the block succeeds
    and removed when it fails; E519 when the folder cannot be written."""
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        temporary.replace(out)
    except OSError as exc:
        raise error("E519", path=out, detail=exc.strerror or exc) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(out: Path, write: Callable[[IO[str]], object]) -> None:
    """Write a text file through ``write(fh)``, all or nothing (see ``atomic_path``)."""
    with atomic_path(out) as temporary, temporary.open("w", encoding="utf-8") as fh:
        write(fh)


def write_text(columns: tuple[str, ...], rows: Iterator[dict], fmt: str, fh: IO[str]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_row(row))
            count += 1
    else:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# Injection"): such cells get a leading single quote, which makes them text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: lists and dicts as JSON, text that could run as a formula defused.

    Every CSV Rashomon writes (``rashomon export``, the web's ``/download/*.csv``) goes
    through here. Numbers are left as they are: ``-3`` is a value, not a formula.
    """
    return {k: csv_cell(v) for k, v in row.items()}


def csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value

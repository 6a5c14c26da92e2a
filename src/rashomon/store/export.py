"""``rashomon export``: every table users can take away, as JSONL, CSV or Parquet.

Each ``--what`` is an ``Export`` registered by the module that owns its tables;
rows stream from SQLite to the file so no export holds the corpus in memory.
The column lists are public: users' scripts rely on them.
"""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rashomon.pipeline import batched
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
    "rashomon.store.articles",
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
    """Write every row of ``export`` to ``out`` (stdout when None); return the row count."""
    rows = ({c: row.get(c) for c in export.columns} for row in export.rows(store))
    if fmt == "parquet":
        if out is None:
            from rashomon.errors import RashomonError

            raise RashomonError("E504", "Parquet needs a file: give -o FILE")
        return write_parquet(export.columns, rows, out)
    if out is None:
        return write_text(export.columns, rows, fmt, sys.stdout)
    with out.open("w", encoding="utf-8", newline="") as fh:
        return write_text(export.columns, rows, fmt, fh)


def write_text(columns: tuple[str, ...], rows: Iterator[dict], fmt: str, fh: IO[str]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: flat(v) for k, v in row.items()})
            count += 1
    else:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def flat(value: Any) -> Any:
    """CSV cells: lists and dicts as JSON, the rest as they are."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def write_parquet(columns: tuple[str, ...], rows: Iterator[dict], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    count = 0
    try:
        for chunk in batched(rows, PARQUET_ROW_GROUP):
            table = pa.Table.from_pylist([{k: flat(v) for k, v in row.items()} for row in chunk])
            if writer is None:
                writer = pq.ParquetWriter(out, table.schema)
            else:
                table = table.cast(writer.schema)
            writer.write_table(table)
            count += len(chunk)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        pq.write_table(pa.table({c: pa.array([], pa.string()) for c in columns}), out)
    return count

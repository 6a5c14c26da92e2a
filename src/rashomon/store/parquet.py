"""Partitioned Parquet output, for corpora too big for one SQLite file.

``rashomon analyze … --out parquet DIR`` writes one directory per table
(``inputs``, ``articles`` and every record table of ``Analysis``), each holding
numbered parts ``part-00042.parquet``; part N of every table holds the rows of
the same inputs, so tables can be joined part by part. Columns are the record's
dataclass fields with native Arrow types (lists as lists), so DuckDB
(``read_parquet('DIR/quotes/*.parquet')``), Spark (``spark.read.parquet('DIR/quotes')``)
and ``pyarrow.dataset`` read them as they are.

Streaming: outcomes are buffered up to ``part_inputs`` and then written, so
memory holds one part at most. A part is written to hidden temporary files
(which Spark and the ``*.parquet`` glob ignore) and renamed into place, the
``inputs`` file last: a part whose ``inputs`` file exists is complete, and
opening the folder again removes whatever a killed run left of a later part. A
re-run passes over inputs already written with the same content, as the SQLite
store does; the output is append-only, so a changed input is written again in a
later part (keep, per input, the row of the highest part).
"""

from __future__ import annotations

import hashlib
import json
import re
import types
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import fields
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from rashomon.model import (
    Analysis,
    Article,
    Entity,
    Figure,
    InputRecord,
    Mention,
    Outcome,
    Quote,
    Sentence,
    Signal,
    TimelineEvent,
)
from rashomon.store.db import RECORD_TABLES

# Inputs per part: about 7 MB of article text at the sample articles' ~3.3 KB,
# large enough for DuckDB and Spark to read efficiently, small enough to buffer.
PART_INPUTS = 2_048
# Known inputs not yet merged into the sorted index; merging costs a copy of the
# index, so this bounds both the merge rate and the unsorted set's memory.
PENDING_KNOWN = 65_536

PART_NAME = re.compile(r"part-(\d{5,})\.parquet")
SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a record field's annotation (``X | None`` is a nullable X)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return arrow_type(inner)
    if origin is Literal:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if origin is dict:
        return pa.string()  # JSON text, as in SQLite: its keys vary per record
    if hint in SCALARS:
        return SCALARS[hint]
    raise TypeError(f"no Parquet type for {hint!r}")


def record_schema(cls: type) -> pa.Schema:
    hints = get_type_hints(cls)
    return pa.schema([pa.field(f.name, arrow_type(hints[f.name])) for f in fields(cls)])


def table_classes() -> dict[str, type]:
    """Every table written, with the record class whose fields are its columns."""
    hints = get_type_hints(Analysis)
    classes: dict[str, type] = {"inputs": InputRecord, "articles": Article}
    for name in RECORD_TABLES:
        (cls,) = get_args(hints[name])
        classes[name] = cls
    return classes


def to_table(records: list[Any], schema: pa.Schema) -> pa.Table:
    columns = []
    for column in schema:
        values = [getattr(r, column.name) for r in records]
        if column.type == pa.string():  # dict fields are JSON text
            values = [as_json(v) if isinstance(v, dict) else v for v in values]
        columns.append(pa.array(values, type=column.type))
    return pa.Table.from_arrays(columns, schema=schema)


def as_json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- exports (``rashomon export --format parquet``) ----------------------------
# One fixed schema per export, whatever its rows hold: a column is never typed
# ``null`` because its first rows are NULL, lists stay lists, dates are dates.

# Record classes whose field annotations type an export's columns (first one wins).
EXPORT_RECORDS: dict[str, tuple[type, ...]] = {
    "articles": (Article, InputRecord),
    "figures": (Figure,),
    "quotes": (Quote,),
    "events": (TimelineEvent,),
    "framing": (Signal,),
    "sentences": (Sentence,),
    "entities": (Entity,),
    "mentions": (Mention,),
}
# Exports of cross-article tables that have no record class.
EXPORT_TYPES: dict[str, dict[str, pa.DataType]] = {
    "articles": {"outlet_kind": pa.string(), "outlet_country": pa.string()},
    "points": {
        "story_id": pa.string(),
        "point_id": pa.string(),
        "kind": pa.string(),
        "text": pa.string(),
        "speaker": pa.string(),
        "outlets": pa.list_(pa.string()),
        "article_count": pa.int64(),
        "outlet_count": pa.int64(),
        "salience": pa.float64(),
    },
    "point_members": {
        "point_id": pa.string(),
        "article_id": pa.string(),
        "outlet": pa.string(),
        "start": pa.int64(),
        "end": pa.int64(),
        "text": pa.string(),
        "similarity": pa.float64(),
    },
    "stories": {
        "article_id": pa.string(),
        "event_id": pa.string(),
        "storyline_id": pa.string(),
        "copy_of": pa.string(),
        "copy_similarity": pa.float64(),
        "reason": pa.string(),  # compact JSON: nearest members, shared names, copy_of
    },
    "conflicts": {
        "id": pa.string(),
        "story_id": pa.string(),
        "kind": pa.string(),
        "counts": pa.string(),
        "unit": pa.string(),
        "members": pa.string(),  # JSON text: each member's keys depend on its figure
    },
}
# Columns holding ISO dates (YYYY-MM-DD, the start of a month or year for coarser ones).
EXPORT_DATES: dict[str, tuple[str, ...]] = {
    "articles": ("published",),
    "events": ("date", "date_end"),
    "points": ("first_published",),
}


def declared_types(name: str) -> dict[str, pa.DataType]:
    """The Arrow type of every column the export ``name`` declares."""
    types = dict(EXPORT_TYPES.get(name, {}))
    for cls in EXPORT_RECORDS.get(name, ()):
        for column in record_schema(cls):
            types.setdefault(column.name, column.type)
    types.update({column: pa.date32() for column in EXPORT_DATES.get(name, ())})
    return types


def export_schema(name: str, columns: tuple[str, ...]) -> pa.Schema:
    """The export's schema; a column nothing declares is text (tests require a declaration)."""
    types = declared_types(name)
    return pa.schema([pa.field(c, types.get(c, pa.string())) for c in columns])


def arrow_value(value: Any, kind: pa.DataType) -> Any:
    """A store value as the column's type: SQLite keeps lists as JSON text, booleans as
    0/1 and dates as ISO text."""
    if value is None:
        return None
    if pa.types.is_list(kind) and isinstance(value, str):
        return json.loads(value)
    if pa.types.is_boolean(kind):
        return bool(value)
    if pa.types.is_date(kind):
        return date.fromisoformat(str(value)[:10])
    if pa.types.is_string(kind) and not isinstance(value, str):
        return (
            json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
        )
    return value


def write_rows(schema: pa.Schema, rows: Iterator[dict], out: Path, group: int) -> int:
    """Stream ``rows`` into one Parquet file of ``schema``, ``group`` rows per row group;
    an export with no rows is still a file with every column typed."""
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        while chunk := list(islice(rows, group)):
            converted = [
                {f.name: arrow_value(row.get(f.name), f.type) for f in schema} for row in chunk
            ]
            writer.write_table(pa.Table.from_pylist(converted, schema=schema))
            count += len(chunk)
    return count


def known_key(input_name: str, content_hash: str) -> int:
    """A 64-bit digest of (input, content): collisions are ~1 in 10^12 at 10M inputs."""
    digest = hashlib.blake2b(f"{input_name}\0{content_hash}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class ParquetStore:
    """A folder of partitioned Parquet tables, written by one writer; see the module doc."""

    def __init__(self, folder: str | Path, *, part_inputs: int = PART_INPUTS) -> None:
        self.folder = Path(folder)
        self.part_inputs = part_inputs
        self.schemas = {name: record_schema(cls) for name, cls in table_classes().items()}
        for name in self.schemas:
            (self.folder / name).mkdir(parents=True, exist_ok=True)
        self.next_part = self._remove_incomplete_parts()
        self.buffer: list[Outcome] = []
        self.known = np.array(sorted(self._stored_keys()), dtype=np.uint64)
        self.pending: set[int] = set()

    def __enter__(self) -> ParquetStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Write what is buffered: every outcome handed over is on disk after this."""
        self.flush()

    # -- resuming ----------------------------------------------------------------

    def parts(self, table: str) -> dict[int, Path]:
        found = {}
        for path in (self.folder / table).iterdir():
            match = PART_NAME.fullmatch(path.name)
            if match:
                found[int(match.group(1))] = path
        return found

    def _remove_incomplete_parts(self) -> int:
        """Delete leftovers of a killed write; return the number of the next part."""
        complete = set(self.parts("inputs"))
        for table in self.schemas:
            for path in (self.folder / table).glob(".part-*"):
                path.unlink()
            for number, path in self.parts(table).items():
                if number not in complete:
                    path.unlink()
        return max(complete, default=-1) + 1

    def _stored_keys(self) -> Iterable[int]:
        for path in self.parts("inputs").values():
            table = pq.read_table(path, columns=["input", "content_hash", "status"])
            for name, digest, status in zip(*(c.to_pylist() for c in table.columns), strict=True):
                if status != "failed":
                    yield known_key(name, digest)

    def known_input(
        self,
        input_name: str,
        content_hash: str,
        versions: Mapping[str, str] | None = None,
        rerun: AbstractSet[str] = frozenset(),
    ) -> bool:
        """True when this input, with this content, was already written (ok or skipped).

        Parts once written are never rewritten, so the stage ``versions`` and ``rerun``
        that decide re-analysis in the SQLite store do not apply here (the CLI refuses
        ``--rerun`` with ``--out``); content alone decides.
        """
        key = known_key(input_name, content_hash)
        if key in self.pending:
            return True
        at = int(np.searchsorted(self.known, np.uint64(key)))
        return at < len(self.known) and int(self.known[at]) == key

    def _remember(self, record: InputRecord) -> None:
        if record.status == "failed":
            return
        self.pending.add(known_key(record.input, record.content_hash))
        if len(self.pending) >= PENDING_KNOWN:
            merged = np.fromiter(self.pending, dtype=np.uint64, count=len(self.pending))
            self.known = np.union1d(self.known, merged)
            self.pending.clear()

    # -- writing -----------------------------------------------------------------

    def write_outcomes(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            self.buffer.append(outcome)
            self._remember(outcome.record)
        if len(self.buffer) >= self.part_inputs:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        rows: dict[str, list[Any]] = {name: [] for name in self.schemas}
        for outcome in self.buffer:
            rows["inputs"].append(outcome.record)
            if outcome.analysis is not None:
                rows["articles"].append(outcome.analysis.article)
                for table in RECORD_TABLES:
                    rows[table].extend(getattr(outcome.analysis, table))
        name = f"part-{self.next_part:05d}.parquet"
        written = []
        for table, schema in self.schemas.items():
            temporary = self.folder / table / f".{name}.tmp"
            pq.write_table(to_table(rows[table], schema), temporary)
            written.append((temporary, self.folder / table / name))
        # inputs last: its part file is what marks the whole part complete
        written.sort(key=lambda pair: pair[1].parent.name == "inputs")
        for temporary, final in written:
            temporary.replace(final)
        self.next_part += 1
        self.buffer.clear()

"""What the user knows about their inputs: ``--outlet NAME`` and ``--manifest FILE``.

A manifest is CSV (a header row) or JSONL (one object a line) whose ``input``
column names a path, a glob or a URL, and whose other columns give any of
``outlet, url, published, title, author, language``. Relative paths and globs
are read from the manifest's own folder. A value given here always wins over
what cleaning finds, and is recorded with provenance ``given``. The values are
part of a document's content hash, so re-running with a new manifest
re-analyses the inputs it changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path

from rashomon.errors import error
from rashomon.model import InputRecord, RawDocument

FIELDS = ("outlet", "url", "published", "title", "author", "language")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Manifest:
    """Given values per input pattern, in file order (a later matching row wins per field)."""

    rows: tuple[tuple[str, dict[str, str]], ...] = ()
    outlet: str | None = None  # --outlet: for every input of the command
    folder: Path = field(default_factory=Path)

    def values_for(self, input_name: str) -> dict[str, str]:
        """The given values for one input (``path``, ``path#L3``, ``feed#entry``, URL)."""
        given: dict[str, str] = {}
        if self.outlet:
            given["outlet"] = self.outlet
        for pattern, values in self.rows:
            if _matches(pattern, input_name, self.folder):
                given.update(values)
        return given


def _resolved(name: str) -> str:
    return str(Path(name).resolve()) if "://" not in name else name


def _matches(pattern: str, input_name: str, folder: Path) -> bool:
    names = {input_name, input_name.split("#", 1)[0]}
    if "://" in pattern:
        return pattern in names
    full = pattern if Path(pattern).is_absolute() else str(folder / pattern)
    targets = {_resolved(n) for n in names if "://" not in n}
    if _GLOB_CHARS & set(pattern):
        return any(fnmatch(t, str(Path(full).parent.resolve() / Path(full).name)) for t in targets)
    return _resolved(full) in targets


def _clean_values(row: dict, origin: str) -> tuple[str, dict[str, str]]:
    pattern = row.get("input")
    if not isinstance(pattern, str) or not pattern.strip():
        raise error("E206", detail=f"{origin}: every manifest row needs an 'input'")
    unknown = sorted(set(row) - {"input", *FIELDS})
    if unknown:
        raise error("E206", detail=f"{origin}: unknown manifest columns {', '.join(unknown)}")
    values = {}
    for name in FIELDS:
        value = row.get(name)
        if value is None or str(value).strip() == "":
            continue
        if not isinstance(value, str | int):
            raise error("E206", detail=f"{origin}: {name} must be text")
        values[name] = str(value).strip()
    return pattern.strip(), values


def read_manifest(path: Path, outlet: str | None = None) -> Manifest:
    """Read a CSV or JSONL manifest; raises RashomonError E206 when it cannot be used."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise error("E206", detail=f"manifest {path}: {exc}") from exc
    rows = []
    if path.suffix.lower() in (".jsonl", ".json") or text.lstrip().startswith("{"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise error("E206", detail=f"{path} line {number}: {exc.msg}") from exc
            if not isinstance(value, dict):
                raise error("E206", detail=f"{path} line {number}: not an object")
            rows.append(_clean_values(value, f"{path} line {number}"))
    else:
        reader = csv.DictReader(text.splitlines())
        for number, row in enumerate(reader, start=2):
            if None in row:
                raise error("E206", detail=f"{path} line {number}: more cells than columns")
            rows.append(_clean_values(row, f"{path} line {number}"))
    return Manifest(tuple(rows), outlet, path.parent.resolve())


def with_given(items: Iterable[RawDocument | InputRecord], manifest: Manifest | None) -> Iterator:
    """Attach each document's given values, folding them into its content hash."""
    for item in items:
        values = manifest.values_for(item.input) if manifest else {}
        if not values or not isinstance(item, RawDocument):  # a record has no document
            yield item
            continue
        stamp = json.dumps(values, sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(f"{item.content_hash}\n{stamp}".encode()).hexdigest()
        yield replace(item, given=values, content_hash=digest)

"""Read one file: size cap, decoding, and the reader its extension calls for."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from rashomon.errors import Reason
from rashomon.ingest.decode import NotText, decode
from rashomon.ingest.feeds import read_feed
from rashomon.ingest.records import read_records
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_path(path: Path, settings: Settings) -> Iterator[RawDocument | InputRecord]:
    name = str(path)
    suffix = path.suffix.lower()
    known = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            detail = f"{size} bytes > max_file_bytes {settings.max_file_bytes}"
            yield InputRecord(name, "", "failed", Reason.TOO_LARGE.with_detail(detail))
            return
        data = path.read_bytes()
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except OSError as exc:
        yield InputRecord(
            name, "", "failed", Reason.NOT_FOUND.with_detail(exc.strerror or str(exc))
        )
        return
    digest = content_hash(data)
    if suffix not in known:
        yield InputRecord(
            name, digest, "skipped", Reason.UNKNOWN_TYPE.with_detail(suffix or "none")
        )
        return
    yield from read_bytes(name, data, digest, suffix, modified, settings)


def read_bytes(
    name: str,
    data: bytes,
    digest: str,
    suffix: str,
    fetched_at: datetime,
    settings: Settings,
    url: str | None = None,
) -> Iterator[RawDocument | InputRecord]:
    """Documents in ``data``, read as the kind ``suffix`` names (shared by files and URLs)."""
    if not data.strip():
        yield InputRecord(name, digest, "failed", Reason.EMPTY.value)
        return
    if suffix in FEED_SUFFIXES:
        yield from read_feed(name, data, digest, fetched_at)
        return
    try:
        text, _encoding = decode(data)
    except NotText as exc:
        reason = Reason.BINARY if exc.binary else Reason.UNDECODABLE
        yield InputRecord(name, digest, "failed", reason.with_detail(str(exc)))
        return
    if not text.strip():
        yield InputRecord(name, digest, "failed", Reason.EMPTY.value)
    elif suffix in RECORD_SUFFIXES:
        yield from read_records(name, text, fetched_at, settings)
    else:
        kind = "html" if suffix in HTML_SUFFIXES else "text"
        yield RawDocument(
            input=name,
            content_hash=digest,
            kind=kind,
            text=text if kind == "text" else "",
            html=text if kind == "html" else "",
            url=url,
            raw=settings.raw,
            fetched_at=fetched_at,
        )

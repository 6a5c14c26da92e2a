"""Read one file: regular files only, a bounded read, decoding, and the reader for its type.

The file's mode is checked before it is opened and again on the open descriptor
(opened non-blocking, so a FIFO swapped in between cannot hang the run): FIFOs,
devices and sockets are refused. Reads are bounded by ``max_file_bytes`` even when
``stat`` reports a small size (``/proc`` files report 0). JSON Lines are streamed,
so their cap is per record.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Literal

from rashomon.errors import Reason
from rashomon.ingest.decode import NotText, decode
from rashomon.ingest.feeds import read_feed
from rashomon.ingest.names import display_name
from rashomon.ingest.records import read_record_stream
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


class NotRegular(OSError):
    """The path names something other than a regular file."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_kind(mode: int) -> str:
    return next((kind for test, kind in SPECIAL_KINDS if test(mode)), "not a regular file")


def open_regular(path: Path) -> tuple[BinaryIO, os.stat_result]:
    """Open a regular file for reading, or raise NotRegular without blocking."""
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):
        raise NotRegular(file_kind(before.st_mode))
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode):
            raise NotRegular(file_kind(after.st_mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), after
    except BaseException:
        os.close(fd)
        raise


def read_path(path: Path, settings: Settings) -> Iterator[RawDocument | InputRecord]:
    name = display_name(path)
    suffix = path.suffix.lower()
    try:
        handle, info = open_regular(path)
    except NotRegular as exc:
        yield InputRecord(name, "", "skipped", Reason.NOT_REGULAR.with_detail(str(exc)))
        return
    except OSError as exc:
        yield _unreadable(name, exc)
        return
    modified = datetime.fromtimestamp(info.st_mtime, tz=UTC)
    with handle:
        if suffix in RECORD_SUFFIXES:
            try:
                yield from read_record_stream(name, handle, modified, settings)
            except OSError as exc:
                yield _unreadable(name, exc)
            return
        try:
            data = _read_capped(handle, info, settings.max_file_bytes)
        except OSError as exc:
            yield _unreadable(name, exc)
            return
    if data is None:
        detail = f"more than max_file_bytes {settings.max_file_bytes} bytes"
        yield InputRecord(name, "", "failed", Reason.TOO_LARGE.with_detail(detail))
        return
    digest = content_hash(data)
    if suffix not in KNOWN_SUFFIXES:
        yield InputRecord(
            name, digest, "skipped", Reason.UNKNOWN_TYPE.with_detail(suffix or "none")
        )
        return
    yield from read_bytes(name, data, digest, suffix, modified, settings)


def _read_capped(handle: BinaryIO, info: os.stat_result, cap: int) -> bytes | None:
    """The file's bytes, or None when it holds more than ``cap`` (however it grew)."""
    if info.st_size > cap:
        return None
    data = handle.read(cap + 1)
    return None if len(data) > cap else data


def _unreadable(name: str, exc: OSError) -> InputRecord:
    return InputRecord(name, "", "failed", Reason.NOT_FOUND.with_detail(exc.strerror or str(exc)))


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
    if suffix in RECORD_SUFFIXES:
        yield from read_record_stream(name, io.BytesIO(data), fetched_at, settings)
        return
    try:
        decoded = decode(data, settings)
    except NotText as exc:
        reason = Reason.BINARY if exc.binary else Reason.UNDECODABLE
        yield InputRecord(name, digest, "failed", reason.with_detail(str(exc)))
        return
    if not decoded.text.strip():
        yield InputRecord(name, digest, "failed", Reason.EMPTY.value)
        return
    kind: Literal["html", "text"] = "html" if suffix in HTML_SUFFIXES else "text"
    yield RawDocument(
        input=name,
        content_hash=digest,
        kind=kind,
        text=decoded.text if kind == "text" else "",
        html=decoded.text if kind == "html" else "",
        url=url,
        raw=settings.raw,
        fetched_at=fetched_at,
        encoding=decoded.encoding,
        encoding_confidence=decoded.confidence,
    )

"""JSON Lines (or one JSON object or array): one article object per record.

Fields: ``id``, ``url``, ``title``, ``text`` or ``html``, ``published``, ``outlet``,
``author``; a given ``id`` is kept as the article id, and on the input's record
when the record is refused. Each line is its own input (``file#L3``) so one invalid
line fails alone.

A JSONL file is streamed: lines are split on ``\\n`` only (U+2028 or U+0085 inside
a string is text, not a line break), and ``max_record_bytes`` bounds each line, not
the file. Nesting depth and number length are checked before Python's parser could
fail on them (RecursionError, its 4,300-digit integer limit).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from itertools import accumulate
from typing import Any, BinaryIO

from rashomon.errors import Reason
from rashomon.ingest.decode import Decoded, NotText, decode
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

STRING_FIELDS = ("id", "url", "title", "text", "html", "published", "outlet", "author")
CHUNK = 1 << 20
# JSON strings, so that brackets inside them do not count as nesting.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonLimit(ValueError):
    """A JSON text beyond a named limit; ``reason`` says which, with the detail."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def json_depth(text: str) -> int:
    """Deepest bracket nesting in a JSON text, brackets inside strings left out."""
    brackets = _BRACKETS.findall(_STRING.sub("", text))
    return max(accumulate(_DEPTH_STEP[b] for b in brackets), default=0)


def parse_json(text: str, settings: Settings) -> Any:
    """``json.loads`` within the depth and number-length limits, or raise JsonLimit."""
    limit = settings.json_max_depth
    # Cheap first: a text with no more brackets than the limit cannot nest deeper.
    if text.count("[") + text.count("{") > limit and json_depth(text) > limit:
        detail = f"deeper than {limit} levels"
        raise JsonLimit(Reason.JSON_TOO_DEEP.with_detail(detail))
    digits = settings.json_max_number_digits

    def number(kind: type) -> Any:
        def parse(literal: str) -> Any:
            if len(literal) > digits:
                detail = f"a number of {len(literal)} characters > {digits}"
                raise JsonLimit(Reason.JSON_NUMBER_TOO_LONG.with_detail(detail))
            return kind(literal)

        return parse

    try:
        return json.loads(text, parse_int=number(int), parse_float=number(float))
    except RecursionError:  # the depth check above should make this unreachable
        raise JsonLimit(Reason.JSON_TOO_DEEP.with_detail("too deep to parse")) from None


def read_record_stream(
    name: str, stream: BinaryIO, fetched_at: datetime, settings: Settings
) -> Iterator[RawDocument | InputRecord]:
    """Records in a seekable binary stream: one array, one object, or JSON Lines."""
    head = stream.read(settings.max_record_bytes + 1)
    body = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if not body:
        digest = hashlib.sha256(head).hexdigest()
        yield InputRecord(name, digest, "failed", Reason.EMPTY.value)
        return
    if body.startswith(b"["):
        data = head + stream.read(max(settings.max_file_bytes + 1 - len(head), 0))
        yield from read_array(name, data, fetched_at, settings)
        return
    whole = len(head) <= settings.max_record_bytes
    if whole and body.startswith(b"{") and body.rstrip().count(b"\n") > 0:
        # A pretty-printed single object spans several lines.
        item = _whole_object(name, head, fetched_at, settings)
        if item is not None:
            yield item
            return
    stream.seek(0)
    yield from read_lines(name, stream, fetched_at, settings)


def _whole_object(
    name: str, data: bytes, fetched_at: datetime, settings: Settings
) -> RawDocument | InputRecord | None:
    try:
        decoded = decode(data, settings)
        value = parse_json(decoded.text, settings)
    except (NotText, JsonLimit, json.JSONDecodeError):
        return None  # read it line by line, where each line gets its own reason
    return record_document(f"{name}#L1", decoded.text, value, fetched_at, settings, decoded)


def read_lines(
    name: str, stream: BinaryIO, fetched_at: datetime, settings: Settings
) -> Iterator[RawDocument | InputRecord]:
    """One input per non-blank line, each read with at most ``max_record_bytes`` in memory."""
    limit = settings.max_record_bytes
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        key = f"{name}#L{number}"
        if len(line) > limit and not line.endswith(b"\n"):
            digest = _skip_line(line, stream)
            detail = f"more than {limit} bytes"
            yield InputRecord(key, digest, "failed", Reason.RECORD_TOO_LARGE.with_detail(detail))
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        line = line.rstrip(b"\r\n")
        if not line.strip():
            continue
        yield read_line(key, line, fetched_at, settings)


def _skip_line(start: bytes, stream: BinaryIO) -> str:
    """Read past the rest of an over-long line; the hash of the whole line."""
    digest = hashlib.sha256(start)
    while chunk := stream.readline(CHUNK):
        digest.update(chunk)
        if chunk.endswith(b"\n"):
            break
    return digest.hexdigest()


def read_line(
    key: str, line: bytes, fetched_at: datetime, settings: Settings
) -> RawDocument | InputRecord:
    """One JSONL line (without its line break) as a document or a failed record."""
    try:
        decoded = decode(line, settings)
    except NotText as exc:
        digest = hashlib.sha256(line).hexdigest()
        reason = Reason.BINARY if exc.binary else Reason.UNDECODABLE
        return InputRecord(key, digest, "failed", reason.with_detail(str(exc)))
    digest = hashlib.sha256(decoded.text.encode("utf-8")).hexdigest()
    try:
        value = parse_json(decoded.text, settings)
    except JsonLimit as exc:
        return InputRecord(key, digest, "failed", exc.reason)
    except json.JSONDecodeError as exc:
        return InputRecord(key, digest, "failed", Reason.BAD_JSON.with_detail(exc.msg))
    return record_document(key, decoded.text, value, fetched_at, settings, decoded)


def read_array(
    name: str, data: bytes, fetched_at: datetime, settings: Settings
) -> Iterator[RawDocument | InputRecord]:
    """A JSON array of records, read whole: ``max_file_bytes`` bounds it (E114)."""
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > settings.max_file_bytes:
        detail = f"a JSON array over max_file_bytes {settings.max_file_bytes}; use JSON Lines"
        yield InputRecord(name, digest, "failed", Reason.TOO_LARGE.with_detail(detail))
        return
    try:
        decoded = decode(data, settings)
        values = parse_json(decoded.text, settings)
    except NotText as exc:
        reason = Reason.BINARY if exc.binary else Reason.UNDECODABLE
        yield InputRecord(name, digest, "failed", reason.with_detail(str(exc)))
        return
    except JsonLimit as exc:
        yield InputRecord(name, digest, "failed", exc.reason)
        return
    except json.JSONDecodeError as exc:
        yield InputRecord(name, digest, "failed", Reason.BAD_JSON.with_detail(exc.msg))
        return
    for index, value in enumerate(values):
        source = json.dumps(value, ensure_ascii=False, sort_keys=True)
        yield record_document(f"{name}#{index}", source, value, fetched_at, settings, decoded)


def given_id(value: Any) -> str | None:
    """The record's own ``id`` when it has a usable one."""
    if isinstance(value, dict) and isinstance(value.get("id"), str | int):
        return str(value["id"]) or None
    return None


def record_document(
    key: str,
    source: str,
    value: Any,
    fetched_at: datetime,
    settings: Settings,
    decoded: Decoded | None = None,
) -> RawDocument | InputRecord:
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    if not isinstance(value, dict):
        return InputRecord(key, digest, "failed", Reason.BAD_JSON.with_detail("not an object"))
    ident = given_id(value)
    fields = {f: value.get(f) for f in STRING_FIELDS}
    bad = [f for f, v in fields.items() if v is not None and not isinstance(v, str | int)]
    if bad:
        detail = f"{', '.join(bad)} must be text"
        reason = Reason.BAD_RECORD.with_detail(detail)
        return InputRecord(key, digest, "failed", reason, ident)
    text, html = fields["text"] or "", fields["html"] or ""
    if not str(text).strip() and not str(html).strip():
        return InputRecord(key, digest, "failed", Reason.BAD_RECORD.value, ident)
    return RawDocument(
        input=key,
        content_hash=digest,
        kind="record" if str(text).strip() else "html",
        text=str(text),
        html=str(html),
        url=fields["url"],
        id=ident,
        title=fields["title"],
        published=None if fields["published"] is None else str(fields["published"]),
        outlet=fields["outlet"],
        author=fields["author"],
        raw=settings.raw,
        fetched_at=fetched_at,
        encoding=decoded.encoding if decoded else "utf-8",
        encoding_confidence=decoded.confidence if decoded else 1.0,
    )

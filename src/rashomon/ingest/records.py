"""JSON Lines (or one JSON object or array): one article object per record.

Fields: ``id``, ``url``, ``title``, ``text`` or ``html``, ``published``, ``outlet``,
``author``; a given ``id`` is kept as the article id. Each line is its own input
(``file#L3``) so one invalid line fails alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from rashomon.errors import Reason
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

STRING_FIELDS = ("id", "url", "title", "text", "html", "published", "outlet", "author")


def read_records(
    name: str, text: str, fetched_at: datetime, settings: Settings
) -> Iterator[RawDocument | InputRecord]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from read_array(name, text, fetched_at, settings)
        return
    lines = text.splitlines()
    if stripped.startswith("{") and len([ln for ln in lines if ln.strip()]) > 1:
        try:  # a pretty-printed single object spans several lines
            value = json.loads(text)
        except json.JSONDecodeError:
            pass
        else:
            yield record_document(f"{name}#L1", text, value, fetched_at, settings)
            return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        key = f"{name}#L{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            digest = hashlib.sha256(line.encode()).hexdigest()
            yield InputRecord(key, digest, "failed", Reason.BAD_JSON.with_detail(exc.msg))
            continue
        yield record_document(key, line, value, fetched_at, settings)


def read_array(
    name: str, text: str, fetched_at: datetime, settings: Settings
) -> Iterator[RawDocument | InputRecord]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputRecord(name, digest, "failed", Reason.BAD_JSON.with_detail(exc.msg))
        return
    for index, value in enumerate(values):
        source = json.dumps(value, ensure_ascii=False, sort_keys=True)
        yield record_document(f"{name}#{index}", source, value, fetched_at, settings)


def record_document(
    key: str, source: str, value: Any, fetched_at: datetime, settings: Settings
) -> RawDocument | InputRecord:
    digest = hashlib.sha256(source.encode()).hexdigest()
    if not isinstance(value, dict):
        return InputRecord(key, digest, "failed", Reason.BAD_JSON.with_detail("not an object"))
    fields = {f: value.get(f) for f in STRING_FIELDS}
    bad = [f for f, v in fields.items() if v is not None and not isinstance(v, str | int)]
    if bad:
        detail = f"{', '.join(bad)} must be text"
        return InputRecord(key, digest, "failed", Reason.BAD_RECORD.with_detail(detail))
    text, html = fields["text"] or "", fields["html"] or ""
    if not str(text).strip() and not str(html).strip():
        return InputRecord(key, digest, "failed", Reason.BAD_RECORD.value)
    return RawDocument(
        input=key,
        content_hash=digest,
        kind="record" if str(text).strip() else "html",
        text=str(text),
        html=str(html),
        url=fields["url"],
        id=None if fields["id"] is None else str(fields["id"]),
        title=fields["title"],
        published=None if fields["published"] is None else str(fields["published"]),
        outlet=fields["outlet"],
        author=fields["author"],
        raw=settings.raw,
        fetched_at=fetched_at,
    )

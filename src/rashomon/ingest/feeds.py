"""RSS and Atom feeds: each entry becomes a document (``feed#entry-id``).

An entry's full content is used when the feed carries it, else its summary;
feedparser sanitises the entry HTML, which the clean stage then extracts.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime

import feedparser

from rashomon.errors import Reason
from rashomon.model import InputRecord, RawDocument


def read_feed(
    name: str, data: bytes, digest: str, fetched_at: datetime
) -> Iterator[RawDocument | InputRecord]:
    parsed = feedparser.parse(data)
    # A truncated feed can leave an entry with nothing in it: that is no entry.
    entries = [e for e in parsed.get("entries") or [] if e]
    if not entries:
        detail = str(parsed.get("bozo_exception") or "no entries")[:200]
        yield InputRecord(name, digest, "failed", Reason.BAD_FEED.with_detail(detail))
        return
    outlet = (parsed.get("feed") or {}).get("title")
    encoding = parsed.get("encoding")  # feedparser decodes by the XML declaration
    for index, entry in enumerate(entries):
        ident = entry.get("id") or entry.get("link") or str(index)
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        key = f"{name}#{ident}"
        entry_hash = hashlib.sha256(
            f"{ident}\n{entry.get('title', '')}\n{body}".encode()
        ).hexdigest()
        if not body.strip():
            yield InputRecord(key, entry_hash, "failed", Reason.NO_BODY.with_detail("empty entry"))
            continue
        yield RawDocument(
            input=key,
            content_hash=entry_hash,
            kind="html",
            html=f"<html><body><article>{body}</article></body></html>",
            url=entry.get("link"),
            title=entry.get("title"),
            published=entry_date(entry),
            outlet=outlet,
            author=entry.get("author"),
            fetched_at=fetched_at,
            encoding=encoding,
        )


def entry_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date().isoformat()

"""Fetch a URL with care: http(s) only, a timeout, a size cap, a content-type check,
a bounded number of redirects each checked again, and private or loopback
addresses refused unless ``allow_private`` (a feed or page must not become a way
to reach the user's own network).
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime

from rashomon.errors import Reason
from rashomon.ingest.files import FEED_SUFFIXES, read_bytes
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
}
CHUNK = 64 * 1024


class Refused(Exception):
    """The URL (or a redirect) points somewhere Rashomon will not go."""


class TooLarge(Exception):
    pass


def check_url(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) schemes and hosts that resolve to non-public addresses."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"not an http(s) URL: {url}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise urllib.error.URLError(exc) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global:
            raise Refused(
                f"{parts.hostname} is a private or loopback address ({address}); "
                "use --allow-private to fetch it"
            )


class CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, checking each target like the first URL."""

    def __init__(self, limit: int, allow_private: bool) -> None:
        self.limit, self.allow_private, self.count = limit, allow_private, 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        self.count += 1
        if self.count > self.limit:
            raise Refused(f"more than {self.limit} redirects")
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL) or raise Refused / TooLarge / URLError."""
    check_url(url, settings.allow_private)
    opener = urllib.request.build_opener(
        CheckedRedirects(settings.fetch_max_redirects, settings.allow_private)
    )
    request = urllib.request.Request(url, headers={"User-Agent": settings.user_agent})
    with opener.open(request, timeout=settings.fetch_timeout) as response:
        ctype = response.headers.get_content_type()
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > settings.fetch_max_bytes:
            raise TooLarge(f"Content-Length {declared}")
        body = bytearray()
        while chunk := response.read(CHUNK):
            body.extend(chunk)
            if len(body) > settings.fetch_max_bytes:
                raise TooLarge(f"more than {settings.fetch_max_bytes} bytes")
        return bytes(body), ctype, response.geturl()


def read_url(url: str, settings: Settings) -> Iterator[RawDocument | InputRecord]:
    try:
        data, ctype, final_url = fetch(url, settings)
    except Refused as exc:
        yield InputRecord(url, "", "failed", Reason.FETCH_REFUSED.with_detail(str(exc)))
        return
    except TooLarge as exc:
        yield InputRecord(url, "", "failed", Reason.FETCH_TOO_LARGE.with_detail(str(exc)))
        return
    except (urllib.error.URLError, OSError, ValueError) as exc:
        http = isinstance(exc, urllib.error.HTTPError)
        detail = str(exc) if http else str(getattr(exc, "reason", exc))
        yield InputRecord(url, "", "failed", Reason.FETCH_FAILED.with_detail(detail))
        return
    suffix = CONTENT_TYPES.get(ctype)
    if suffix is None:
        digest = hashlib.sha256(data).hexdigest()
        yield InputRecord(url, digest, "failed", Reason.FETCH_BAD_TYPE.with_detail(ctype))
        return
    if suffix == ".xml" and b"<html" in data[:2048].lower():
        suffix = ".html"
    digest = hashlib.sha256(data).hexdigest()
    now = datetime.now(tz=UTC)
    url_for_doc = None if suffix in FEED_SUFFIXES else final_url
    yield from read_bytes(url, data, digest, suffix, now, settings, url=url_for_doc)

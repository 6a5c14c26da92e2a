"""Fetch a URL with care: http(s) only, a per-wait timeout and a total deadline, a size
cap, a content-type check, and a bounded number of redirects, each checked again.

Private or loopback addresses are refused unless ``allow_private`` (a feed or page
must not become a way to reach the user's own network). The guard is by address:
each hop's host is resolved once, every address is checked, and the connection
goes to exactly a checked address, the request still naming the host (``Host``
header, TLS SNI and certificate check), so DNS rebinding between the check and the
connection cannot reach another address. Every connection is closed when its hop
ends, whether the download finished or was cut.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime
from types import TracebackType

from rashomon.errors import Reason
from rashomon.ingest.files import FEED_SUFFIXES, read_bytes
from rashomon.ingest.names import display_name
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
REDIRECTS = {301, 302, 303, 307, 308}
# Characters a URL may carry as they are; anything else (spaces, non-ASCII) is escaped.
URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


class Refused(Exception):
    """The URL (or a redirect) points somewhere Rashomon will not go."""


class TooLarge(Exception):
    pass


class FetchFailed(Exception):
    """The server answered with an error status."""


class DeadlineExceeded(Exception):
    pass


class Deadline:
    """One fetch's total time budget: at the end it shuts the open socket, whatever it waits on.

    A per-read timeout never fires on a server that sends a byte a second, so a timer
    thread cuts the connection instead; the reader then sees it closed.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        """Seconds left, or raise DeadlineExceeded."""
        left = self.end - time.monotonic()
        if self.expired or left <= 0:
            self.expired = True
            raise DeadlineExceeded(f"more than fetch_deadline {self.seconds:g} s")
        return left

    def watch(self, sock: socket.socket | None) -> None:
        """The socket to shut when time runs out (None when the hop is over)."""
        with self._lock:
            self._sock = sock
            if sock is not None and self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._sock is not None:
                _shut(self._sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for a TLS socket: it wakes a blocked read
    # without touching the TLS state another thread is using.
    with contextlib.suppress(OSError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def open_socket(address: str, port: int, timeout: float) -> socket.socket:
    """A TCP connection to exactly this address, no resolver involved (tests replace it)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((address, port))
    except BaseException:
        sock.close()
        raise
    return sock


def tls_context() -> ssl.SSLContext:
    """The TLS settings for https: the system's CAs, hostname checked."""
    return ssl.create_default_context()


def split_url(url: str) -> urllib.parse.SplitResult:
    """The URL's parts, or Refused when it is not an http(s) URL with a host."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"not an http(s) URL: {display_name(url)}")
    return parts


def resolve(host: str, port: int, allow_private: bool) -> list[str]:
    """The host's addresses, resolved once; Refused when one is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"could not resolve {host}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for found in addresses:
            address = ipaddress.ip_address(found.split("%", 1)[0])
            if not address.is_global:
                raise Refused(
                    f"{host} is a private or loopback address ({address}); "
                    "use --allow-private to fetch it"
                )
    return addresses


class PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to a checked address; the Host header still names the host."""

    def __init__(
        self, host: str, port: int, addresses: list[str], timeout: float, deadline: Deadline
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses, self.deadline = addresses, deadline

    def _open(self) -> socket.socket:
        error: OSError | None = None
        for address in self.addresses:
            try:
                timeout = self.deadline.remaining()
                if self.timeout is not None:
                    timeout = min(self.timeout, timeout)
                sock = open_socket(address, self.port, timeout)
            except OSError as exc:
                error = exc
                continue
            self.deadline.watch(sock)
            return sock
        raise error or OSError("no address to connect to")

    def connect(self) -> None:
        self.sock = self._open()

    def close(self) -> None:
        self.deadline.watch(None)
        super().close()


class PinnedHTTPSConnection(PinnedHTTPConnection):
    """HTTPS to a checked address, with SNI and the certificate checked for the host."""

    default_port = 443

    def connect(self) -> None:
        raw = self._open()
        try:
            sock = tls_context().wrap_socket(
                raw, server_hostname=self.host, do_handshake_on_connect=False
            )
        except BaseException:
            raw.close()
            raise
        self.sock = sock
        self.deadline.watch(sock)
        sock.do_handshake()


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL) or raise Refused / TooLarge / FetchFailed /
    DeadlineExceeded / OSError."""
    with Deadline(settings.fetch_deadline) as deadline:
        try:
            return _fetch(url, settings, deadline)
        except (OSError, http.client.HTTPException, TooLarge, FetchFailed) as exc:
            if deadline.expired:  # the cut connection shows as an error of any kind
                raise DeadlineExceeded(f"more than fetch_deadline {deadline.seconds:g} s") from exc
            raise


def _fetch(url: str, settings: Settings, deadline: Deadline) -> tuple[bytes, str, str]:
    for _hop in range(settings.fetch_max_redirects + 1):
        parts = split_url(url)
        https = parts.scheme == "https"
        port = parts.port or (443 if https else 80)
        host = parts.hostname or ""
        addresses = resolve(host, port, settings.allow_private)
        kind = PinnedHTTPSConnection if https else PinnedHTTPConnection
        conn = kind(host, port, addresses, settings.fetch_timeout, deadline)
        try:
            target = quote_target(parts)
            conn.request(
                "GET",
                target,
                headers={"User-Agent": settings.user_agent, "Accept-Encoding": "identity"},
            )
            response = conn.getresponse()
            location = response.getheader("Location")
            if response.status in REDIRECTS and location:
                url = urllib.parse.urljoin(url, location)
                continue
            if not 200 <= response.status < 300:
                raise FetchFailed(f"HTTP Error {response.status}: {response.reason}")
            body = _read_body(response, settings, deadline)
            if deadline.expired:  # a cut connection can look like the end of the body
                raise DeadlineExceeded(f"more than fetch_deadline {deadline.seconds:g} s")
            return body, response.headers.get_content_type(), url
        finally:
            conn.close()
    raise Refused(f"more than {settings.fetch_max_redirects} redirects")


def quote_target(parts: urllib.parse.SplitResult) -> str:
    """The request target, with spaces and non-ASCII characters percent-escaped."""
    path = urllib.parse.quote(parts.path or "/", safe=URL_SAFE, errors="surrogateescape")
    if not parts.query:
        return path
    return f"{path}?{urllib.parse.quote(parts.query, safe=URL_SAFE, errors='surrogateescape')}"


def _read_body(response: http.client.HTTPResponse, settings: Settings, deadline: Deadline) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > settings.fetch_max_bytes:
        raise TooLarge(f"Content-Length {declared}")
    body = bytearray()
    while True:
        deadline.remaining()
        # read1 returns what one read brings: read(n) would wait for all n bytes.
        chunk = response.read1(CHUNK)
        if not chunk:
            return bytes(body)
        body.extend(chunk)
        if len(body) > settings.fetch_max_bytes:
            raise TooLarge(f"more than {settings.fetch_max_bytes} bytes")


def read_url(url: str, settings: Settings) -> Iterator[RawDocument | InputRecord]:
    name = display_name(url)
    try:
        data, ctype, final_url = fetch(url, settings)
    except Refused as exc:
        yield InputRecord(name, "", "failed", Reason.FETCH_REFUSED.with_detail(str(exc)))
        return
    except TooLarge as exc:
        yield InputRecord(name, "", "failed", Reason.FETCH_TOO_LARGE.with_detail(str(exc)))
        return
    except DeadlineExceeded as exc:
        yield InputRecord(name, "", "failed", Reason.FETCH_DEADLINE.with_detail(str(exc)))
        return
    except (FetchFailed, http.client.HTTPException, OSError, ValueError) as exc:
        detail = str(exc) or type(exc).__name__
        yield InputRecord(name, "", "failed", Reason.FETCH_FAILED.with_detail(detail))
        return
    suffix = CONTENT_TYPES.get(ctype)
    digest = hashlib.sha256(data).hexdigest()
    if suffix is None:
        yield InputRecord(name, digest, "failed", Reason.FETCH_BAD_TYPE.with_detail(ctype))
        return
    if suffix == ".xml" and b"<html" in data[:2048].lower():
        suffix = ".html"
    now = datetime.now(tz=UTC)
    url_for_doc = None if suffix in FEED_SUFFIXES else final_url
    yield from read_bytes(name, data, digest, suffix, now, settings, url=url_for_doc)

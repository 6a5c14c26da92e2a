"""URL fetching against a real loopback server (the only network tests may use)."""

import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rashomon.ingest import iter_documents, urls
from rashomon.settings import Settings

PAGE = (
    b"<html><head><title>Port reopens</title></head><body><p>The port reopened.</p></body></html>"
)
FEED = (
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
    b"<item><guid>1</guid><title>A</title><description>Body one.</description></item>"
    b"</channel></rss>"
)


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/page": (200, "text/html; charset=utf-8", PAGE),
        "/feed": (200, "application/rss+xml", FEED),
        "/image": (200, "image/png", b"\x89PNG...."),
        "/big": (200, "text/html", b"x" * 5000),
    }

    def do_GET(self):  # noqa: N802 (the stdlib's name)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path.startswith("/hop/"):
            self.send_response(302)
            self.send_header("Location", f"/hop/{int(self.path[5:]) + 1}")
            self.end_headers()
            return
        if self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "http://inside.example/page")
            self.end_headers()
            return
        if self.path == "/outside":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fetch(url, **settings):
    return list(iter_documents([url], Settings(allow_private=True, fetch_timeout=5, **settings)))


def test_loopback_is_refused_without_allow_private(server):
    (item,) = list(iter_documents([f"{server}/page"], Settings()))
    assert item.status == "failed" and item.reason.startswith("E111")
    assert "--allow-private" in item.reason


def test_page_is_fetched(server):
    (doc,) = fetch(f"{server}/page")
    assert doc.kind == "html" and b"port reopened" in doc.html.encode()
    assert doc.url == f"{server}/page" and doc.fetched_at is not None


def test_redirects_are_followed_and_bounded(server):
    (doc,) = fetch(f"{server}/redirect")
    assert doc.url == f"{server}/page"
    (loop,) = fetch(f"{server}/hop/0")
    assert loop.status == "failed" and loop.reason.startswith("E111")


def test_redirect_to_another_scheme_is_refused(server):
    (item,) = fetch(f"{server}/outside")
    assert item.status == "failed" and item.reason[:4] in {"E110", "E111"}


def test_feed_url_yields_entries(server):
    (doc,) = fetch(f"{server}/feed")
    assert doc.input == f"{server}/feed#1" and doc.outlet == "Wire"


@pytest.mark.parametrize(("path", "code"), [("/image", "E113"), ("/missing", "E110")])
def test_wrong_type_and_missing(server, path, code):
    (item,) = fetch(f"{server}{path}")
    assert item.status == "failed" and item.reason.startswith(code)


def test_size_cap(server):
    (item,) = fetch(f"{server}/big", fetch_max_bytes=1000)
    assert item.status == "failed" and item.reason.startswith("E112")


def test_unreachable_url_fails_cleanly():
    (item,) = fetch("http://127.0.0.1:9/nothing-listens-here")
    assert item.status == "failed" and item.reason.startswith("E110")


# -- hostile servers: slow drip, aborted downloads, DNS rebinding, TLS by host name --------


class Hostile(BaseHTTPRequestHandler):
    """Bounded misbehaviour: every loop stops by itself within a few seconds."""

    closed = threading.Event()
    hosts: list[str] = []
    paths: list[str] = []

    def do_GET(self):  # noqa: N802 (the stdlib's name)
        type(self).hosts.append(self.headers.get("Host", ""))
        type(self).paths.append(self.path)
        if self.path == "/drip":
            self._drip()
        elif self.path == "/slow-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Padding: ")
            self._write_until_closed(b"a", 0.05, 200)
        elif self.path == "/endless":
            self._endless()
        else:
            body = PAGE
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def _drip(self):
        # One byte every 50 ms, each well inside fetch_timeout: only a total deadline cuts it.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self._write_until_closed(b"x", 0.05, 200)

    def _endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self._write_until_closed(b"y" * 4096, 0.001, 2000)

    def _write_until_closed(self, chunk, pause, count):
        try:
            for _ in range(count):
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(pause)
        except OSError:  # the client closed the connection
            type(self).closed.set()

    def log_message(self, *args):
        pass


@pytest.fixture
def hostile():
    Hostile.closed.clear()
    Hostile.hosts.clear()
    Hostile.paths.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_regression_slow_drip_server_is_cut_at_the_deadline(hostile):
    start = time.monotonic()
    (item,) = fetch(f"http://127.0.0.1:{hostile}/drip", fetch_deadline=0.5)
    elapsed = time.monotonic() - start
    assert item.status == "failed" and item.reason.startswith("E119"), item.reason
    assert elapsed < 3.0  # the drip alone would run for 10 s
    assert Hostile.closed.wait(5), "the cut connection was left open"


def test_regression_slow_drip_headers_are_cut_at_the_deadline(hostile):
    start = time.monotonic()
    (item,) = fetch(f"http://127.0.0.1:{hostile}/slow-headers", fetch_deadline=0.5)
    assert item.status == "failed" and item.reason.startswith("E119"), item.reason
    assert time.monotonic() - start < 3.0


def test_non_ascii_path_is_escaped_in_the_request(hostile):
    (doc,) = fetch(f"http://127.0.0.1:{hostile}/caf\u00e9 menu")
    assert doc.kind == "html" and Hostile.paths == ["/caf%C3%A9%20menu"]


def test_regression_aborted_download_closes_its_connection(hostile):
    (item,) = fetch(f"http://127.0.0.1:{hostile}/endless", fetch_max_bytes=20_000)
    assert item.status == "failed" and item.reason.startswith("E112")
    assert Hostile.closed.wait(5), "the aborted download's connection was left open"


def fake_resolver(*answers):
    """A getaddrinfo that gives each answer in turn (the last one for any later call)."""
    calls = []

    def getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        address = answers[min(len(calls), len(answers)) - 1]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    return getaddrinfo, calls


def test_regression_dns_rebinding_connects_to_the_checked_address(monkeypatch):
    # The first answer is public, a second lookup would say loopback. No packet may
    # leave the machine: the connection is recorded and refused, never made.
    getaddrinfo, calls = fake_resolver("93.184.216.34", "127.0.0.1")
    monkeypatch.setattr(urls.socket, "getaddrinfo", getaddrinfo)
    connected = []

    def refuse(address, port, timeout):
        connected.append(address)
        raise ConnectionRefusedError("test: no connection is made")

    monkeypatch.setattr(urls, "open_socket", refuse)
    (item,) = list(iter_documents(["http://rebind.example/page"], Settings(fetch_timeout=1)))
    assert item.status == "failed" and item.reason.startswith("E110")
    assert calls == ["rebind.example"]  # resolved once
    assert connected == ["93.184.216.34"]  # and connected to what was checked


def test_regression_redirect_hop_is_checked_and_pinned(monkeypatch, server):
    # public.example "is" the loopback test server (a fake network maps its public
    # address there); it redirects to inside.example, whose name resolves to loopback.
    names = {"public.example": "93.184.216.34", "inside.example": "127.0.0.1"}

    def getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[host], port))]

    opened, real_open = [], urls.open_socket

    def fake_network(address, port, timeout):
        opened.append(address)
        if address != "93.184.216.34":
            raise ConnectionRefusedError("test: only the public address is reachable")
        return real_open("127.0.0.1", int(server.rsplit(":", 1)[1]), timeout)

    monkeypatch.setattr(urls.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urls, "open_socket", fake_network)
    (item,) = list(iter_documents(["http://public.example/away"], Settings()))
    assert item.status == "failed" and item.reason.startswith("E111")
    assert "inside.example" in item.reason
    assert opened == ["93.184.216.34"]  # the redirect's loopback target was never reached


def test_pinned_connection_names_the_host(monkeypatch, hostile):
    getaddrinfo, calls = fake_resolver("127.0.0.1")
    monkeypatch.setattr(urls.socket, "getaddrinfo", getaddrinfo)
    (doc,) = fetch(f"http://news.example:{hostile}/page")
    assert doc.kind == "html" and doc.url == f"http://news.example:{hostile}/page"
    assert Hostile.hosts == [f"news.example:{hostile}"] and calls == ["news.example"]


@pytest.fixture
def tls_server(monkeypatch):
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("secure.example")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_context)
    httpd.socket = server_context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def client_context():
        context = ssl.create_default_context()
        ca.configure_trust(context)
        return context

    monkeypatch.setattr(urls, "tls_context", client_context)
    Hostile.hosts.clear()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_https_to_a_checked_address_keeps_sni_and_certificate_check(monkeypatch, tls_server):
    getaddrinfo, _calls = fake_resolver("127.0.0.1")
    monkeypatch.setattr(urls.socket, "getaddrinfo", getaddrinfo)
    (doc,) = fetch(f"https://secure.example:{tls_server}/page")
    assert doc.kind == "html" and "port reopened" in doc.html
    # The certificate is for secure.example only: a host it does not name is refused.
    (item,) = fetch(f"https://other.example:{tls_server}/page")
    assert item.status == "failed" and item.reason.startswith("E110")
    assert "certificate" in item.reason.lower() or "hostname" in item.reason.lower()

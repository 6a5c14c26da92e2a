"""URL fetching against a real loopback server (the only network tests may use)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rashomon.ingest import iter_documents
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

"""Web fixtures: the XSS corpus as stores, a live uvicorn server per store, and chromium.

The XSS corpus (tests/xss/corpus.jsonl) goes in two ways: analysed by the real
pipeline (JSONL records with --raw, as a user would feed it) and written straight
into the store together with figure and timeline rows that carry payloads, so the
surfaces are tested on hostile data in every table they read.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rashomon.model import Analysis, Article, Figure, InputRecord, Outcome, TimelineEvent
from rashomon.settings import Settings
from rashomon.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "xss" / "corpus.jsonl"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def xss_records() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def hostile_findings(article: Article) -> Analysis:
    """The article with a figure and a timeline event whose words are payloads too."""
    payload = "<img src=x onerror=alert('finding')>"
    start = article.text.index("40 people")
    return Analysis(
        article,
        figures=[
            Figure(
                article.id,
                start,
                start + 9,
                "40 people",
                40.0,
                counts=payload,
                source=f"<script>alert('source')</script>{article.outlet}",
            )
        ],
        timeline=[
            TimelineEvent(
                article.id,
                article.published or "2023-01-01",
                None,
                "day",
                payload + " talks resume",
                0,
                20,
            )
        ],
    )


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory) -> Path:
    """The XSS corpus written straight into a store, payloads in findings as well."""
    path = tmp_path_factory.mktemp("xss") / "xss.db"
    with Store(path) as store:
        outcomes = []
        for r in xss_records():
            article = Article(
                id=r["id"],
                input=f"xss#{r['id']}",
                text=r["text"],
                title=r["title"],
                url=r["url"],
                outlet=r["outlet"],
                published=r["published"],
            )
            digest = hashlib.sha256(r["text"].encode()).hexdigest()
            outcomes.append(
                Outcome(
                    InputRecord(article.input, digest, "ok", article_id=article.id),
                    hostile_findings(article),
                )
            )
        store.write_outcomes(outcomes)
    return path


@pytest.fixture(scope="session")
def xss_analysed_db(tmp_path_factory, settings: Settings) -> Path:
    """The XSS corpus analysed by the whole pipeline from JSONL, text kept as given (--raw)."""
    from rashomon.analyze import analyze_inputs
    from rashomon.pipeline import run_cross_article
    from rashomon.runners import LocalRunner

    path = tmp_path_factory.mktemp("xss-analysed") / "xss.db"
    raw = settings.with_overrides(raw=True)
    with Store(path) as store:
        summary = analyze_inputs([str(CORPUS)], store, raw, LocalRunner())
        assert summary.counts["ok"] == len(xss_records()), summary.reasons
        run_cross_article(store, raw)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Start a real uvicorn server on loopback for a store; returns its base URL."""
    import uvicorn

    from rashomon.web.app import create_app

    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(db: Path) -> str:
        port = free_port()
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (make browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def screenshot(tab, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path

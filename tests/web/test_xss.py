"""The XSS corpus through every page and the report: payloads shown as text, never run."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from rashomon.report import render_report
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.web.app import create_app

# Elements a page of ours never contains; any of them can only have come from a payload.
FORBIDDEN_TAGS = {"script", "img", "iframe", "object", "embed", "base", "meta", "link"}
OWN_HEAD_TAGS = {"meta", "link"}  # allowed in <head> only


class Injected(HTMLParser):
    """Collects every element or attribute in a page that could run or load something."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        if tag in FORBIDDEN_TAGS and not (self.in_head and tag in OWN_HEAD_TAGS):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action", "data") and value is not None:
                if not value.strip().startswith(("/", "#", "?", "http://", "https://")):
                    self.found.append(f"{tag}[{name}={value}]")
                if name == "src" or (name == "href" and tag != "a" and not self.in_head):
                    self.found.append(f"{tag}[{name}] loads {value}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def injected(html: str) -> list[str]:
    parser = Injected()
    parser.feed(html)
    return parser.found


ARTICLE_IDS = ["xss-script", "xss-attr", "xss-tab", "xss-data"]


def pages(client: TestClient) -> list[str]:
    stories = client.get("/api/stories").json()["items"]
    paths = [
        "/",
        "/articles",
        "/entities",
        "/tables",
        "/api",
        "/search?q=talks",
        "/search?q=script",
        "/search?q=%3Cscript%3E",
    ]
    paths += [f"/story/{s['id']}" for s in stories]
    paths += [f"/article/{i}" for i in ARTICLE_IDS]
    return paths


@pytest.fixture(params=["written", "analysed"])
def hostile_db(request):
    return request.getfixturevalue("xss_db" if request.param == "written" else "xss_analysed_db")


def test_every_page_renders_payloads_as_text(hostile_db):
    client = TestClient(create_app(hostile_db))
    for path in pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert injected(response.text) == [], path
    article = client.get("/article/xss-script").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article


def test_only_web_links_are_rendered(xss_db):
    client = TestClient(create_app(xss_db))
    for path in pages(client):
        hrefs = re.findall(r'href="([^"]*)"', client.get(path).text)
        for href in hrefs:
            assert href.startswith(("/", "#", "?", "http://", "https://")), (path, href)


def test_api_returns_payloads_as_data(xss_db):
    client = TestClient(create_app(xss_db))
    response = client.get("/api/articles/xss-script")
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["title"].startswith("<script>")  # data kept, not altered


def test_report_renders_payloads_as_text(xss_db):
    with Store(xss_db, readonly=True) as store:
        html = render_report(store, Settings())
    assert injected(html) == []

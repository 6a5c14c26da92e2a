"""The JSON API and pages over the sample store: read-only, paged, documented offline."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rashomon.settings import Settings
from rashomon.store.articles import MARK_START
from rashomon.store.export import available
from rashomon.web.app import create_app


@pytest.fixture(scope="module")
def client(blinken_db):
    return TestClient(create_app(blinken_db, Settings(api_default_limit=2, api_max_limit=3)))


def test_stories_list_then_briefing(client):
    stories = client.get("/api/stories").json()
    assert stories["total"] >= 1 and stories["items"]
    story = stories["items"][0]
    assert {"id", "kind", "title", "article_count", "outlets", "first", "last"} <= set(story)
    briefing = client.get(f"/api/stories/{story['id']}").json()
    assert {"summary", "differences", "naming", "points", "figures", "timeline"} <= set(briefing)
    articles = client.get(f"/api/stories/{story['id']}/articles").json()["items"]
    assert len(articles) == story["article_count"]


def test_story_points_carry_the_ids_of_the_briefing_and_the_export(client, blinken_db):
    from rashomon.store import Store

    story = client.get("/api/stories").json()["items"][0]["id"]
    served = client.get(f"/api/stories/{story}/points").json()
    assert served["stored"] and served["total"] == len(served["items"]) > 0
    ids = {p["id"] for p in served["items"]}
    briefing = client.get(f"/api/stories/{story}").json()
    assert {p["id"] for p in briefing["summary"]} <= ids
    with Store(blinken_db, readonly=True) as store:
        exported = {r["point_id"] for r in available()["points"].rows(store)
                    if r["story_id"] == story}
    assert exported == ids
    for p in served["items"]:
        assert p["members"] and {m["point_id"] for m in p["members"]} == {p["id"]}
    assert client.get("/api/stories/nope/points").status_code == 404


def test_paging_uses_the_named_limits(client):
    first = client.get("/api/articles").json()
    assert first["limit"] == 2 and len(first["items"]) == 2 and first["total"] == 5
    capped = client.get("/api/articles?limit=100&offset=3").json()
    assert capped["limit"] == 3 and len(capped["items"]) == 2
    assert client.get("/api/articles?limit=0").status_code == 422


def test_article_with_its_findings(client):
    article_id = client.get("/api/articles").json()["items"][0]["id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["text"] and isinstance(article["quotes"], list)
    assert client.get("/api/articles/nope").status_code == 404


def test_entity_said_and_about(client):
    entities = client.get("/api/entities?limit=3").json()["items"]
    blinken = next(e for e in entities if "Blinken" in e["name"])
    found = client.get(f"/api/entities/{blinken['id']}").json()
    assert found["said"] and found["about"]
    assert isinstance(found["roles"], list) and isinstance(found["aliases"], list)
    assert len(found["outlets"]) >= 2


def test_search_keeps_markers_in_json_and_marks_html(client):
    hits = client.get("/api/search?q=Blinken").json()["items"]
    assert hits and MARK_START in hits[0]["snippet"]
    html = client.get("/search?q=Blinken").text
    assert "<mark>Blinken</mark>" in html and MARK_START not in html


def test_downloads_of_every_table(client):
    tables = client.get("/api/tables").json()
    assert {t["name"] for t in tables} == set(available())
    for table in tables:
        csv = client.get(table["csv"])
        assert csv.status_code == 200, table["name"]
        assert csv.text.splitlines()[0].split(",") == table["columns"]
        assert isinstance(client.get(table["json"]).json(), list)


def test_read_only_and_no_cdn_docs(client):
    schema = client.get("/openapi.json").json()
    methods = {m for path in schema["paths"].values() for m in path}
    assert methods == {"get"}
    assert "/api/stories" in schema["paths"]
    assert client.get("/docs").status_code == 404
    assert client.post("/api/stories").status_code == 405
    assert "/openapi.json" in client.get("/api").text


def test_every_page_renders(client):
    story = client.get("/api/stories").json()["items"][0]["id"]
    article = client.get("/api/articles").json()["items"][0]["id"]
    entity = client.get("/api/entities").json()["items"][0]["id"]
    for path in [
        "/",
        "/?kind=event",
        "/?outlet=press&min_size=1",
        f"/story/{story}",
        f"/story/{story}/briefing.md",
        f"/article/{article}",
        f"/entity/{entity}",
        "/articles",
        "/entities",
        "/tables",
        "/api",
        "/search?q=Kiev",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "default-src 'none'" in response.headers["content-security-policy"]
    assert client.get("/story/nope").status_code == 404


def test_serve_binds_loopback_by_default():
    from typer.testing import CliRunner

    from rashomon.cli import app

    help_text = CliRunner().invoke(app, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text


def test_an_articles_signals_say_whose_voice_they_are_in(client, blinken_db):
    """Issue 15: the JSON API gives each signal its voice, and a quote's speaker, as the
    export does; /openapi.json documents the fields."""
    from rashomon.store import Store

    with Store(blinken_db, readonly=True) as store:
        sql = "SELECT article_id FROM signals WHERE voice = 'quote' AND speaker IS NOT NULL"
        article = next(store.rows(sql))["article_id"]
    signals = client.get(f"/api/articles/{article}").json()["signals"]
    assert {s["voice"] for s in signals} == {"outlet", "quote"}
    assert all(s["speaker"] for s in signals if s["voice"] == "quote")
    assert not [s for s in signals if s["voice"] == "outlet" and s["speaker"]]
    fields = client.get("/openapi.json").json()["components"]["schemas"]["Signal"]["properties"]
    assert {"voice", "speaker", "target"} <= set(fields) and fields["voice"]["description"]

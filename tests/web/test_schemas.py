"""The OpenAPI schema: valid OpenAPI 3, every JSON answer typed, every endpoint on /api."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from rashomon.settings import Settings
from rashomon.web.app import create_app


@pytest.fixture(scope="module")
def client(blinken_db):
    return TestClient(create_app(blinken_db, Settings(api_default_limit=2, api_max_limit=3)))


@pytest.fixture(scope="module")
def schema(client) -> dict:
    return client.get("/openapi.json").json()


def ok_schemas(schema: dict) -> dict[str, dict]:
    """The 200 response schema of every GET, by path."""
    found = {}
    for path, ops in schema["paths"].items():
        content = ops["get"]["responses"]["200"].get("content", {})
        found[path] = next(iter(content.values()), {}).get("schema", {})
    return found


def test_openapi_document_is_valid(schema):
    from openapi_spec_validator import validate

    validate(schema)


def test_regression_untyped_responses_every_endpoint_has_a_typed_answer(schema):
    responses = ok_schemas(schema)
    # typed: a model ($ref) for JSON, a described body for the streamed download; a bare
    # {"type": "object"} (what a dict[str, Any] annotation gives) is not
    untyped = [
        path
        for path, body in responses.items()
        if "$ref" not in json.dumps(body) and body.get("type") != "string"
    ]
    assert untyped == [], "endpoints answering `{}` or a bare object in /openapi.json"
    assert len(responses) == 11  # stories, story, its points and articles, articles ×2, …
    story = responses["/api/stories/{story_id}"]["$ref"].rsplit("/", 1)[-1]
    summary = schema["components"]["schemas"][story]["properties"]["summary"]
    assert summary["type"] == "array" and "$ref" in summary["items"]


def test_answers_validate_against_their_models(client):
    article_id = client.get("/api/articles").json()["items"][0]["id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["quotes"] and {"speaker", "start", "end", "kind"} <= set(article["quotes"][0])
    assert article["signals"] and "explanation" in article["signals"][0]
    tables = client.get("/api/tables").json()
    assert tables and {"csv", "json"} <= set(tables[0]) and "json_" not in tables[0]
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and set(missing.json()) == {"detail"}


def test_regression_api_index_lists_endpoints_of_included_routers(client, schema):
    html = client.get("/api").text
    for path in schema["paths"]:
        assert f"GET {path}</code>" in html.replace("&#123;", "{").replace("&#125;", "}")
    assert html.count("<code>GET /") == len(schema["paths"]) >= 10

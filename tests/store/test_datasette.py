"""datasette on the demo database: the search box finds articles, the views facet."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from rashomon.store.datasette import FACETED_VIEWS, INTERNAL_TABLES, metadata

datasette_app = pytest.importorskip("datasette.app")


def query(db, path: str) -> dict:
    ds = datasette_app.Datasette([str(db)], metadata=metadata(db.stem))

    async def get() -> dict:
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    # A thread of its own: a session-scoped Playwright browser (tests/web) keeps an event
    # loop running in the main thread, where asyncio.run refuses to start a second one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, get()).result()


def test_datasette_detects_the_full_text_index(blinken_db):
    every = query(blinken_db, f"/{blinken_db.stem}/articles.json?_shape=objects")["rows"]
    found = query(blinken_db, f"/{blinken_db.stem}/articles.json?_search=Truss&_shape=objects")
    # Where datasette misses the index it ignores _search and lists every article.
    assert 0 < len(found["rows"]) < len(every)
    assert all("Truss" in row["text"] for row in found["rows"])


@pytest.mark.parametrize("view", sorted(FACETED_VIEWS))
def test_datasette_facets_each_view_by_outlet(blinken_db, view):
    data = query(blinken_db, f"/{blinken_db.stem}/{view}.json?_facet=outlet&_extra=facet_results")
    facets = data["facet_results"]
    results = facets.get("results", facets)  # the shape differs across datasette versions
    assert "outlet" in results


def test_internal_tables_are_hidden_and_exist(blinken_db):
    import sqlite3

    names = {
        row[0] for row in sqlite3.connect(blinken_db).execute("SELECT name FROM sqlite_master")
    }
    assert set(INTERNAL_TABLES) <= names
    tables = metadata(blinken_db.stem)["databases"][blinken_db.stem]["tables"]
    assert all(tables[name]["hidden"] for name in INTERNAL_TABLES)


def test_the_metadata_module_prints_json():
    out = subprocess.run(
        [sys.executable, "-m", "rashomon.store.datasette", "news"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "news" in json.loads(out)["databases"]

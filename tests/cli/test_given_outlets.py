"""Issue 14's promise: outlets a user gives in a manifest show on every surface, five
named outlets for the five samples, recorded with provenance ``given``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import ROOT, invoke

# Placeholder names: the test is of the mechanism (what a user gives wins everywhere),
# not a claim about which outlet published which sample.
GIVEN = ["Outlet Alpha", "Outlet Bravo", "Outlet Charlie", "Outlet Delta", "Outlet Echo"]


@pytest.fixture(scope="module")
def given_db(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("given")
    samples = sorted((ROOT / "examples" / "blinken").glob("*.txt"))
    manifest = work / "manifest.csv"
    rows = [f"{path},{outlet}" for path, outlet in zip(samples, GIVEN, strict=True)]
    manifest.write_text("input,outlet\n" + "\n".join(rows) + "\n", encoding="utf-8")
    db = work / "given.db"
    args = ["analyze", *map(str, samples), "--manifest", str(manifest), "--db", str(db)]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return db


def json_lines(*args: str) -> list[dict]:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_given_outlets_are_stored_with_their_provenance(given_db):
    rows = json_lines("export", "--what", "articles", "--db", str(given_db))
    assert sorted(r["outlet"] for r in rows) == GIVEN
    assert {r["outlet_source"] for r in rows} == {"given"}


def test_status_and_stories_show_five_named_outlets(given_db):
    outlets = [
        r for r in json_lines("status", "--json", "--db", str(given_db)) if r["row"] == "outlet"
    ]
    assert sorted(r["outlet"] for r in outlets) == GIVEN
    stories = json_lines("stories", "--json", "--db", str(given_db))
    assert set().union(*(set(s["outlets"]) for s in stories)) == set(GIVEN)


def test_the_briefing_and_the_report_compare_the_five_outlets(given_db, tmp_path):
    storyline = next(
        s["storyline_id"] for s in json_lines("stories", "--json", "--db", str(given_db))
    )
    result = invoke("briefing", "--story", storyline, "--format", "json", "--db", str(given_db))
    assert result.exit_code == 0, result.output
    briefing = json.loads(result.stdout)
    assert sorted(d["outlet"] for d in briefing["differences"]) == GIVEN
    report = tmp_path / "report.html"
    assert invoke("report", "-o", str(report), "--db", str(given_db)).exit_code == 0
    html = report.read_text(encoding="utf-8")
    assert all(name in html for name in GIVEN)
    assert "outlet unknown" not in html

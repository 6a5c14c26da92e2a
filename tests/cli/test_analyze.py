"""``rashomon analyze``: stage versions decide re-analysis, --rerun forces it, and the
run says what it does (model loading, one bar per phase, cross-article failures)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.cli.conftest import ROOT, invoke

from rashomon.pipeline import REGISTRY, stage_versions

EXAMPLES = ROOT / "examples" / "blinken"
ARTICLES = 2


@pytest.fixture
def inputs(tmp_path) -> Path:
    """Two sample articles in a folder of their own."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(EXAMPLES.iterdir())[:ARTICLES]:
        shutil.copy(path, folder / path.name)
    return folder


def analyze(inputs: Path, db: Path, *extra: str):
    return invoke("analyze", str(inputs), "--db", str(db), "--no-cross", *extra)


def made_by(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT stage, version FROM article_stages"))


def summary_line(result) -> str:
    return next(line for line in result.output.splitlines() if " unchanged " in line)


def test_every_article_records_the_version_of_each_stage(inputs, tmp_path):
    db = tmp_path / "r.db"
    assert analyze(inputs, db).exit_code == 0
    with sqlite3.connect(db) as conn:
        per_article = conn.execute(
            "SELECT count(*) FROM article_stages GROUP BY article_id"
        ).fetchall()
    assert per_article == [(len(stage_versions()),)] * ARTICLES
    assert made_by(db) == set(stage_versions().items())


def test_unchanged_stage_versions_pass_over(inputs, tmp_path):
    db = tmp_path / "r.db"
    analyze(inputs, db)
    again = analyze(inputs, db)
    assert again.exit_code == 0
    assert f"0 ok, 0 skipped, 0 failed, {ARTICLES} unchanged" in summary_line(again)


def test_a_bumped_stage_version_reanalyses_its_articles(inputs, tmp_path, monkeypatch):
    db = tmp_path / "r.db"
    analyze(inputs, db)
    old = stage_versions()["quotes"]
    bumped = f"{old}-bumped"
    monkeypatch.setitem(REGISTRY, "quotes", dataclasses.replace(REGISTRY["quotes"], version=bumped))
    again = analyze(inputs, db)
    assert f"{ARTICLES} ok, 0 skipped, 0 failed, 0 unchanged" in summary_line(again)
    assert ("quotes", bumped) in made_by(db) and ("quotes", old) not in made_by(db)
    third = analyze(inputs, db)  # now made by the bumped version: passed over
    assert f"{ARTICLES} unchanged" in summary_line(third)


def test_rerun_quotes_reanalyses(inputs, tmp_path):
    db = tmp_path / "r.db"
    analyze(inputs, db)
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT rowid FROM articles ORDER BY rowid").fetchall()
    again = analyze(inputs, db, "--rerun", "quotes")
    assert again.exit_code == 0
    assert f"{ARTICLES} ok, 0 skipped, 0 failed, 0 unchanged" in summary_line(again)
    with sqlite3.connect(db) as conn:
        after = conn.execute("SELECT rowid FROM articles ORDER BY rowid").fetchall()
    assert len(after) == ARTICLES and set(after).isdisjoint(before)  # written anew


def test_regression_articles_stored_without_stage_versions_are_reanalysed(inputs, tmp_path):
    """Articles stored before migration 016 have no versions: analysed again, not passed over."""
    db = tmp_path / "r.db"
    analyze(inputs, db)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM article_stages")
    again = analyze(inputs, db)
    assert f"{ARTICLES} ok, 0 skipped, 0 failed, 0 unchanged" in summary_line(again)
    assert made_by(db) == set(stage_versions().items())


def test_unknown_rerun_stage_is_refused(inputs, tmp_path):
    result = analyze(inputs, tmp_path / "r.db", "--rerun", "nothing")
    assert result.exit_code == 2
    assert "E510" in result.output and "'nothing'" in result.output
    assert not (tmp_path / "r.db").exists()


def test_rerun_with_parquet_out_is_refused(inputs, tmp_path):
    out = tmp_path / "parts"
    result = invoke("analyze", str(inputs), "--out", "parquet", str(out), "--rerun", "quotes")
    assert result.exit_code == 2 and "E510" in result.output


def test_says_it_loads_the_model_and_names_each_phase_once(inputs, tmp_path):
    result = invoke("analyze", str(inputs), "--db", str(tmp_path / "r.db"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    loading = next(i for i, line in enumerate(lines) if "loading the language model" in line)
    first_bar = next(i for i, line in enumerate(lines) if "analysing articles" in line)
    assert loading < first_bar
    for name in ("entities", "stories", "story_dates", "conflicts", "points"):
        assert any(f"linking: {name}" in line for line in lines), name


def test_a_failing_cross_article_stage_is_printed_counted_and_listed(inputs, tmp_path, monkeypatch):
    def broken(store, settings):
        raise ValueError("broken on purpose")

    import rashomon.compare.stage as points_stage

    ran: list[str] = []
    points_run = points_stage.run
    monkeypatch.setattr("rashomon.conflicts.stage.run", broken)
    monkeypatch.setattr(points_stage, "run", lambda *a: (ran.append("points"), points_run(*a)))
    db = tmp_path / "r.db"
    result = invoke("analyze", str(inputs), "--db", str(db))
    assert result.exit_code == 1
    assert "1 cross-article unit(s) failed" in result.output
    assert "E305" in result.output and "broken on purpose" in result.output
    assert ran == ["points"]  # the stage after the failed one still ran
    status = invoke("status", "--db", str(db), "--json")
    rows = [json.loads(line) for line in status.stdout.splitlines()]
    failures = [r for r in rows if r["row"] == "stage_failure"]
    assert [(r["stage"], r["unit"]) for r in failures] == [("conflicts", "*")]
    assert "cross-article stages that failed" in invoke("status", "--db", str(db)).output


def test_stage_failures_of_an_earlier_run_do_not_fail_a_clean_run(inputs, tmp_path, monkeypatch):
    db = tmp_path / "r.db"
    with monkeypatch.context() as patch:
        patch.setattr("rashomon.conflicts.stage.run", lambda store, settings: 1 / 0)
        assert invoke("analyze", str(inputs), "--db", str(db)).exit_code == 1
    again = invoke("analyze", str(inputs), "--db", str(db))
    assert again.exit_code == 0 and "cross-article unit(s) failed" not in again.output

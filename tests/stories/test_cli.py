"""``rashomon stories`` and ``rashomon export --what stories`` over a real store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.stories.stage import run


def test_stories_command_and_export(make_store, samples, stories_settings, tmp_path):
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        db = store.path
    runner = CliRunner()
    shown = runner.invoke(app, ["stories", "--db", str(db)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "s1" in shown.output and "2022-09-21" in shown.output
    assert samples["002"].title in shown.output
    assert "Wire credits: " in shown.output and "ZN.ua" in shown.output
    out = tmp_path / "stories.jsonl"
    exported = runner.invoke(app, ["export", "--what", "stories", "--db", str(db), "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 5
    columns = ["article_id", "event_id", "storyline_id", "copy_of", "copy_similarity", "reason"]
    assert list(rows[0]) == columns
    assert {r["storyline_id"] for r in rows} == {"s1"}
    reasons = {r["article_id"]: json.loads(r["reason"]) for r in rows}
    # The September pair explain each other; the lone events have no fellow member.
    assert [member for member, _ in reasons["001"]["nearest"]] == ["003"]
    assert [member for member, _ in reasons["003"]["nearest"]] == ["001"]
    assert 0 < reasons["001"]["nearest"][0][1] <= 1
    assert "Ukraine" in reasons["001"]["shared"] and "Ukraine" in reasons["003"]["shared"]
    assert len(reasons["001"]["shared"]) <= 5
    assert reasons["000"] == {"nearest": [], "shared": []}

"""``rashomon figures``, ``rashomon timeline`` and the three exports over a small store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.cli.figures import readable
from rashomon.conflicts import stage as conflicts
from rashomon.figures.queries import CONFLICT_COLUMNS, FIGURE_COLUMNS
from rashomon.model import Analysis, Article, Figure, InputRecord, Outcome, TimelineEvent
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.timeline.queries import EVENT_COLUMNS


def stored(tmp_path):
    path = tmp_path / "r.db"
    with Store(path) as store:
        outcomes = []
        for key, value in (("a", 474.0), ("b", 600.0)):
            article = Article(id=key, input=f"{key}.txt", text="x" * 40, outlet=f"outlet {key}",
                              published="2022-03-09")  # fmt: skip
            analysis = Analysis(article)
            text = f"{value:g}"
            analysis.figures = [Figure(key, 0, len(text), text, value, counts="civilians killed")]
            analysis.timeline = [
                TimelineEvent(key, "2022-03-09", None, "day", "It happened.", 0, 12)
            ]
            outcomes.append(
                Outcome(InputRecord(article.input, key, "ok", article_id=key), analysis)
            )
        store.write_outcomes(outcomes)
        conflicts.run(store, Settings())
    return path


def test_commands_and_exports(tmp_path):
    path = stored(tmp_path)
    runner = CliRunner(env={"COLUMNS": "200"})
    shown = runner.invoke(app, ["figures", "--db", str(path)])
    assert shown.exit_code == 0 and "civilians killed" in shown.output
    clashes = runner.invoke(app, ["figures", "--conflicts", "--db", str(path)])
    assert clashes.exit_code == 0 and "conflict" in clashes.output and "outlet b" in clashes.output
    events = runner.invoke(app, ["timeline", "--db", str(path)])
    assert events.exit_code == 0 and "It happened." in events.output
    for what, columns in (("figures", FIGURE_COLUMNS), ("conflicts", CONFLICT_COLUMNS),
                          ("events", EVENT_COLUMNS)):  # fmt: skip
        out = runner.invoke(app, ["export", "--what", what, "--db", str(path)])
        assert out.exit_code == 0, out.output
        rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
        assert rows and all(tuple(row) == columns for row in rows)


def test_public_columns():
    assert FIGURE_COLUMNS == ("article_id", "start", "end", "text", "value", "unit", "qualifier",
                              "counts", "as_of", "source", "speaker")  # fmt: skip
    assert EVENT_COLUMNS == ("article_id", "date", "date_end", "precision", "text", "start", "end")


def test_readable_values():
    assert readable(150_800_000_000) == "150.8 billion"
    assert readable(1200) == "1,200"
    assert readable(2_100_000) == "2.1 million"

"""How CLI tests run the command: in process, at a fixed terminal width, no colour."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

ROOT = Path(__file__).resolve().parents[2]

# Wide enough that no cell is wrapped in the hostile-text checks; tests that read
# content a script would read use --json, which does not depend on the width.
WIDTH = 300
runner = CliRunner()


def invoke(*args: str, columns: int = WIDTH):
    """Run ``rashomon ARGS``; an exception the CLI did not turn into an exit fails the test."""
    env = {"COLUMNS": str(columns), "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


# Untrusted text as an article could carry it: closing markup, a live hyperlink, an
# ANSI colour, a bidirectional override.
HOSTILE = "[/] [link=http://x]y[/link] \x1b[31mred\u202e"
# Displayed text columns of every table a listing command reads.
HOSTILE_COLUMNS = {
    "articles": ("title", "outlet"),
    "inputs": ("reason",),
    "quotes": ("text", "speaker", "cue"),
    "figures": ("text", "counts", "source"),
    "timeline": ("text",),
    "entities": ("name",),
    "story_events": ("title",),
    "storylines": ("title",),
    "signals": ("text", "label"),
}


@pytest.fixture()
def cli_db(blinken_db: Path, tmp_path: Path) -> Path:
    """A private copy of the analysed sample store, safe to modify."""
    db = tmp_path / "cli.db"
    shutil.copy(blinken_db, db)
    return db


@pytest.fixture()
def hostile_db(cli_db: Path) -> Path:
    """The sample store with HOSTILE appended to every text a command displays."""
    with sqlite3.connect(cli_db) as conn:
        for table, columns in HOSTILE_COLUMNS.items():
            sets = ", ".join(f"{c} = coalesce({c}, '') || ?" for c in columns)
            conn.execute(f"UPDATE {table} SET {sets}", [HOSTILE] * len(columns))
        conn.execute("UPDATE inputs SET status = 'failed' WHERE rowid = 1")
    return cli_db

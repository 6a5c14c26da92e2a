"""Issue 18 item 4: every listing command composes: --story, --outlet, --since/--until,
--limit and --json (JSON lines, whole text) mean the same everywhere."""

import json
import sqlite3

import pytest
from tests.cli.conftest import invoke

OUTLET = "Press TV"  # the one sample article with an outlet; its date is 2023-01-01


def lines(*args: str) -> list[dict]:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def facts(db) -> dict:
    with sqlite3.connect(db) as conn:
        press = conn.execute("SELECT id FROM articles WHERE outlet = ?", (OUTLET,)).fetchone()[0]
        event = conn.execute(
            "SELECT event_id FROM story_articles WHERE article_id = ?", (press,)
        ).fetchone()[0]
        members = {
            e: {
                a
                for (a,) in conn.execute(
                    "SELECT article_id FROM story_articles WHERE event_id = ?", (e,)
                )
            }
            for (e,) in conn.execute("SELECT DISTINCT event_id FROM story_articles")
        }
    return {"press": press, "event": event, "members": members}


def articles_of(command: str, row: dict, known: dict) -> set[str]:
    """The articles a row of ``command --json`` stands for."""
    if command in ("figures", "timeline"):
        return {row["article_id"]}
    if command == "search":
        return {row["id"]}
    if command == "quotes":
        return set(row["article_ids"])
    if command == "framing":
        return set(row["articles"]) if row["row"] == "outlet" else set()
    if command == "stories":
        return known["members"][row["id"]]
    raise AssertionError(command)


COMMANDS = {
    "search": ["search", "Ukraine"],
    "quotes": ["quotes"],
    "figures": ["figures"],
    "timeline": ["timeline"],
    "framing": ["framing"],
    "stories": ["stories"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_outlet_keeps_only_that_outlets_articles(cli_db, command):
    known = facts(cli_db)
    every = lines(*COMMANDS[command], "--json", "--db", str(cli_db))
    picked = lines(*COMMANDS[command], "--json", "--outlet", OUTLET.lower(), "--db", str(cli_db))
    assert picked and len(picked) < len(every)
    for row in picked:
        found = articles_of(command, row, known)
        assert not found or known["press"] in found


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_story_keeps_only_that_events_articles(cli_db, command):
    known = facts(cli_db)
    picked = lines(*COMMANDS[command], "--json", "--story", known["event"], "--db", str(cli_db))
    assert picked
    for row in picked:
        found = articles_of(command, row, known)
        assert not found or found & known["members"][known["event"]]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_limit_caps_the_rows(cli_db, command):
    def counted(rows):  # framing's --limit counts outlets; its naming rows follow them
        return [r for r in rows if r.get("row", "outlet") == "outlet"]

    every = counted(lines(*COMMANDS[command], "--json", "--db", str(cli_db)))
    assert len(every) > 1
    assert (
        len(counted(lines(*COMMANDS[command], "--json", "--limit", "1", "--db", str(cli_db)))) == 1
    )
    assert lines(*COMMANDS[command], "--json", "--limit", "0", "--db", str(cli_db)) == []


@pytest.mark.parametrize("command", ["search", "quotes", "figures", "stories"])
def test_since_leaves_out_older_and_undated_articles(cli_db, command):
    known = facts(cli_db)
    picked = lines(*COMMANDS[command], "--json", "--since", "2023-01-01", "--db", str(cli_db))
    assert picked
    for row in picked:
        assert known["press"] in articles_of(command, row, known)
    assert lines(*COMMANDS[command], "--json", "--until", "1990-01-01", "--db", str(cli_db)) == []


def test_timeline_dates_filter_by_the_events_own_date(cli_db):
    rows = lines(
        "timeline", "--json", "--since", "2022-03-01", "--until", "2022-03-31", "--db", str(cli_db)
    )
    assert rows and all("2022-03-01" <= r["date"] <= "2022-03-31" for r in rows)


def test_entities_filter_by_the_articles_that_mention_them(cli_db):
    every = lines("entities", "--json", "--limit", "1000", "--db", str(cli_db))
    picked = lines("entities", "--json", "--limit", "1000", "--outlet", OUTLET, "--db", str(cli_db))
    assert 0 < len(picked) < len(every)
    assert lines("entities", "--json", "--outlet", "No Such Outlet", "--db", str(cli_db)) == []


def test_status_counts_articles_of_the_chosen_outlet(cli_db):
    rows = lines("status", "--json", "--outlet", OUTLET, "--db", str(cli_db))
    outlets = [r for r in rows if r["row"] == "outlet"]
    assert outlets == [
        {
            "row": "outlet",
            "outlet": OUTLET,
            "articles": 1,
            "first": "2023-01-01",
            "last": "2023-01-01",
        }
    ]
    assert rows[0]["row"] == "inputs" and rows[0]["ok"] == 5


def test_regression_quotes_are_whole_in_json(cli_db):
    from rashomon.cli.quotes import SHOWN_CHARACTERS

    with sqlite3.connect(cli_db) as conn:
        conn.execute(
            "UPDATE quotes SET text = text || ? WHERE rowid = 1", ("x" * SHOWN_CHARACTERS,)
        )
        (whole,) = conn.execute("SELECT text FROM quotes WHERE rowid = 1").fetchone()
    texts = [r["text"] for r in lines("quotes", "--json", "--db", str(cli_db))]
    assert whole in texts
    assert not any(t.endswith("…") for t in texts)
    assert whole not in invoke("quotes", "--db", str(cli_db)).stdout  # the table cuts it


def test_version_prints_the_package_version():
    from rashomon.cli import package_version

    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"rashomon {package_version()}"

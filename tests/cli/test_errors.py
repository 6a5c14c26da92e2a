"""Issue 11 item 10 and issue 18 item 4: every mistake on the command line is one numbered
line on stderr and exit 2, never a traceback, and the same mistake reads the same on
every command."""

import socket
from pathlib import Path

import pytest
from tests.cli.conftest import invoke

ROOT = Path(__file__).resolve().parents[2]
LISTING = ("status", "quotes", "stories", "figures", "timeline", "framing", "entities")
EVERY = (*LISTING, "export", "report", "briefing")


def cases(tmp: Path, db: Path) -> dict[str, tuple[list[str], str]]:
    """name → (arguments, the code they must fail with); ``tmp`` holds the TOML files."""
    bad_toml, unknown, mistyped = tmp / "bad.toml", tmp / "unknown.toml", tmp / "mistyped.toml"
    found = {
        "not-sqlite-stories": (["stories", "--db", str(ROOT / "README.md")], "E512"),
        "not-sqlite-status": (["status", "--db", str(ROOT / "README.md")], "E512"),
        "not-sqlite-analyze": (
            ["analyze", str(ROOT / "examples"), "--db", str(ROOT / "README.md")],
            "E512",
        ),
        "directory-status": (["status", "--db", str(tmp)], "E512"),
        "directory-serve": (["serve", "--db", str(tmp)], "E512"),
        "unknown-option": (["status", "--bogus", "--db", str(db)], "E510"),
        "unknown-command": (["nosuchcommand"], "E510"),
        "limit-not-a-number": (["quotes", "--limit", "many", "--db", str(db)], "E510"),
        "limit-negative": (["stories", "--limit", "-1", "--db", str(db)], "E510"),
        "missing-argument": (["search", "--db", str(db)], "E510"),
        "export-unknown-table": (["export", "--what", "nothing", "--db", str(db)], "E507"),
        "export-unknown-format": (["export", "--format", "xml", "--db", str(db)], "E508"),
        "briefing-unknown-format": (["briefing", "--format", "xml", "--db", str(db)], "E508"),
        "parquet-to-stdout": (["export", "--format", "parquet", "--db", str(db)], "E504"),
        "export-unwritable": (
            ["export", "-o", str(tmp / "no" / "such" / "dir.csv"), "--db", str(db)],
            "E519",
        ),
        "report-unwritable": (
            ["report", "-o", str(tmp / "no" / "r.html"), "--db", str(db)],
            "E519",
        ),
        "analyze-out-unknown": (
            ["analyze", str(ROOT / "examples"), "--out", "csv", str(tmp / "o"), "--db", str(db)],
            "E511",
        ),
    }
    for command in EVERY:
        base = [command, "--db", str(db)]
        found[f"missing-db-{command}"] = ([command, "--db", str(tmp / "none.db")], "E506")
        found[f"bad-config-{command}"] = ([*base, "--config", str(bad_toml)], "E516")
        found[f"absent-config-{command}"] = ([*base, "--config", str(tmp / "x.toml")], "E516")
        found[f"unknown-config-{command}"] = ([*base, "--config", str(unknown)], "E502")
        found[f"mistyped-config-{command}"] = ([*base, "--config", str(mistyped)], "E520")
        found[f"unknown-setting-{command}"] = ([*base, "--setting", "nope=1"], "E513")
        found[f"mistyped-setting-{command}"] = ([*base, "--setting", "batch_size=x"], "E514")
        found[f"setting-without-value-{command}"] = ([*base, "--setting", "batch_size"], "E515")
    for command in (*LISTING, "report", "briefing"):
        found[f"unknown-story-{command}"] = ([command, "--db", str(db), "--story", "e999"], "E601")
    for command in LISTING:
        found[f"bad-since-{command}"] = (
            [command, "--db", str(db), "--since", "2022-13-01"],
            "E517",
        )
        found[f"bad-until-{command}"] = ([command, "--db", str(db), "--until", "March"], "E517")
    return found


CASE_NAMES = sorted(cases(Path("/t"), Path("/t/db")))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_regression_bad_flags_give_one_numbered_line_and_exit_2(name, cli_db, tmp_path):
    (tmp_path / "bad.toml").write_text("this is = = not toml\n")
    (tmp_path / "unknown.toml").write_text("[rashomon]\nno_such_setting = 1\n")
    (tmp_path / "mistyped.toml").write_text('[rashomon]\nbatch_size = "many"\n')
    args, code = cases(tmp_path, cli_db)[name]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith(f"{code}: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # one line


def test_regression_serve_on_a_busy_port_fails_before_printing_its_url(cli_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = invoke("serve", "--db", str(cli_db), "--port", str(port))
    assert result.exit_code == 2
    assert result.stderr.startswith("E518: ")
    assert "http://" not in result.stdout

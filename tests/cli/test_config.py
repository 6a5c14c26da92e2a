"""Issue 17 item 5: --config FILE and --setting NAME=VALUE on every command, typed by the
Settings field, and used: report, briefing and serve used to run on defaults only."""

import json

import pytest
import typer.main
from hypothesis import given
from hypothesis import strategies as st
from tests.cli.conftest import ROOT, invoke

from rashomon.cli import app
from rashomon.cli.config import parse_setting
from rashomon.errors import RashomonError

EXAMPLES = ROOT / "examples" / "blinken"
COMMAND_ARGS = {
    "analyze": [str(EXAMPLES), "--no-cross"],
    "search": ["Blinken"],
    "serve": ["--port", "0"],
}


def every_command() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


@pytest.fixture()
def toml(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("[rashomon]\nbriefing_adds_per_outlet = 1\napi_default_limit = 1\n")
    return path


@pytest.mark.parametrize("command", every_command())
def test_every_command_loads_a_toml_and_takes_setting(command, cli_db, toml, monkeypatch):
    import rashomon.cli.serve as serve

    monkeypatch.setattr(serve, "run", lambda app, sock: sock.close())  # bind, then stop
    args = [command, *COMMAND_ARGS.get(command, []), "--db", str(cli_db)]
    result = invoke(*args, "--config", str(toml), "--setting", "compare_min_words=6")
    assert result.exit_code == 0, result.output


def briefing_adds(*extra: str, db) -> int:
    result = invoke("briefing", "--format", "json", "--story", "s1", "--db", str(db), *extra)
    assert result.exit_code == 0, result.output
    return sum(len(d["adds"]) for d in json.loads(result.stdout)["differences"])


def test_setting_changes_the_briefing(cli_db, toml):
    default = briefing_adds(db=cli_db)
    assert default > 5
    assert briefing_adds("--setting", "briefing_adds_per_outlet=1", db=cli_db) <= 5
    assert briefing_adds("--config", str(toml), db=cli_db) <= 5
    # a --setting wins over the file
    assert (
        briefing_adds("--config", str(toml), "--setting", "briefing_adds_per_outlet=5", db=cli_db)
        == default
    )


def test_setting_changes_the_report(cli_db, tmp_path):
    html = {}
    for value in ("1", "5"):
        out = tmp_path / f"r{value}.html"
        args = ["report", "-o", str(out), "--story", "s1", "--db", str(cli_db)]
        assert invoke(*args, "--setting", f"briefing_adds_per_outlet={value}").exit_code == 0
        html[value] = out.read_text(encoding="utf-8")
    assert len(html["1"]) < len(html["5"])


def test_setting_changes_what_serve_serves(cli_db, monkeypatch):
    from fastapi.testclient import TestClient

    import rashomon.cli.serve as serve

    served = {}

    def run(app, sock):
        sock.close()
        served["app"] = app

    monkeypatch.setattr(serve, "run", run)
    args = ["serve", "--port", "0", "--db", str(cli_db), "--setting", "api_default_limit=2"]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Rashomon on http://127.0.0.1:")
    page = TestClient(served["app"]).get("/api/articles").json()
    assert len(page["items"]) == 2 and page["total"] == 5


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ("batch_size=8", ("batch_size", 8)),
        ("fetch_timeout=2.5", ("fetch_timeout", 2.5)),
        ("allow_private=yes", ("allow_private", True)),
        ("raw=false", ("raw", False)),
        ("languages=en, de", ("languages", ("en", "de"))),
        ("user_agent=a=b", ("user_agent", "a=b")),
    ],
)
def test_setting_values_are_typed_by_their_field(pair, expected):
    assert parse_setting(pair) == expected


@given(st.integers(), st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_round_trip_through_setting_text(whole, real):
    assert parse_setting(f"batch_size={whole}") == ("batch_size", whole)
    assert parse_setting(f"fetch_timeout={real!r}") == ("fetch_timeout", real)


@given(st.text())
def test_any_setting_text_is_a_value_or_a_numbered_error(text):
    for name in ("batch_size", "fetch_timeout", "raw", "languages", "user_agent", text):
        try:
            parse_setting(f"{name}={text}")
        except RashomonError as exc:
            assert exc.code in {"E513", "E514", "E515"}

"""Every reading command works on a database this process may not write."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

READING_COMMANDS = [
    ["status"],
    ["search", "Blinken"],
    ["stories"],
    ["quotes"],
    ["entities"],
    ["figures"],
    ["framing"],
    ["timeline"],
    ["briefing"],
    ["export", "--what", "articles", "--format", "jsonl"],
]


@pytest.fixture(scope="module", params=["file", "folder"])
def readonly_db(request, blinken_db, tmp_path_factory):
    """A copy of the sample store made read-only: the file (0444) or its folder (0555)."""
    folder = tmp_path_factory.mktemp(f"ro-{request.param}")
    path = folder / "rashomon.db"
    shutil.copy(blinken_db, path)
    path.chmod(0o444)
    if request.param == "folder":
        folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_regression_reading_commands_read_a_read_only_database(readonly_db, command, tmp_path):
    # A read-only database could be read by no command, serve included.
    args = [*command, "--db", str(readonly_db)]
    if command[0] == "export":
        args += ["--out", str(tmp_path / "articles.jsonl")]
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output

"""Issue 11 item 7: a title ``[/]`` broke six commands with a rich MarkupError, ``[link=…]``
became a live hyperlink and ANSI escapes passed through. One regression test per command."""

import pytest
from tests.cli.conftest import invoke

COMMANDS = {
    "status": ["status"],
    "search": ["search", "Blinken"],
    "quotes": ["quotes"],
    "stories": ["stories"],
    "figures": ["figures"],
    "timeline": ["timeline"],
    "framing": ["framing"],
    "entities": ["entities"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_regression_hostile_text_is_printed_as_text(hostile_db, name):
    result = invoke(*COMMANDS[name], "--db", str(hostile_db))
    assert result.exit_code == 0, result.output
    assert "[/]" in result.stdout  # shown, not read as a closing tag
    assert "[link=http://x]y[/link]" in result.stdout  # shown, not made a hyperlink
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "red" in result.stdout


def test_regression_markdown_briefing_carries_no_terminal_escapes(hostile_db):
    result = invoke("briefing", "--format", "md", "--db", str(hostile_db))
    assert result.exit_code == 0, result.output
    assert "red" in result.stdout  # Markdown-escaped by the briefing, the words kept
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_regression_hostile_text_in_json_lines_is_escaped(hostile_db, name):
    result = invoke(*COMMANDS[name], "--json", "--db", str(hostile_db))
    assert result.exit_code == 0, result.output
    assert "\\u001b[31m" in result.stdout and "\\u202e" in result.stdout  # kept, escaped
    assert "\x1b" not in result.stdout

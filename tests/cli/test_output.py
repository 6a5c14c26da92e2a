"""Untrusted text reaches the terminal as text: no markup, no escapes, no controls."""

import io
import json

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from rashomon.cli.output import as_json, cell, markup, safe


def rendered(renderable) -> str:
    out = io.StringIO()
    console = Console(file=out, width=200, force_terminal=True, color_system="truecolor")
    console.print(renderable, highlight=False)
    return out.getvalue()


def test_regression_ansi_escapes_are_stripped():
    assert safe("\x1b[31mred\x1b[0m \x1b]8;;http://x\x07y\x1b]8;;\x07") == "red y"


def test_regression_controls_and_bidi_overrides_are_stripped():
    assert safe("a\x00b\x07c\u202ed\x9be") == "abcde"


def test_line_breaks_are_spaces_unless_the_field_is_multi_line():
    assert safe("one\r\ntwo\u2028three\tfour") == "one two three four"
    assert safe("one\r\ntwo\x1b[1m", multiline=True) == "one\ntwo"


def test_regression_link_markup_is_never_a_live_hyperlink():
    out = rendered(cell("[link=http://x]y[/link]"))
    assert "[link=http://x]y[/link]" in out
    assert "\x1b]8;" not in out  # the OSC 8 sequence of a terminal hyperlink


def test_regression_closing_tag_in_our_own_markup_prints_as_text():
    assert "[/]" in rendered(f"[bold]{markup('[/]')}[/bold]")


@given(st.text())
def test_safe_text_holds_no_character_a_terminal_acts_on(text):
    cleaned = safe(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert safe(cleaned) == cleaned  # idempotent: nothing left to strip


@given(st.text())
def test_markup_escaped_text_renders_as_itself(text):
    out = io.StringIO()
    console = Console(file=out, width=10_000, color_system=None)
    console.print(f"[bold]{markup(text)}[/bold]", end="", soft_wrap=True)
    assert out.getvalue() == safe(text)


@given(st.dictionaries(st.text(), st.text()))
def test_json_lines_round_trip_with_terminal_controls_escaped(row):
    line = as_json(row)
    assert json.loads(line) == row
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in line)

"""Everything a command prints from the store goes through here.

Article text is untrusted: a title ``[/]`` is rich markup, ``[link=…]`` a live
terminal hyperlink, ``\\x1b[31m`` an ANSI escape. ``safe`` strips escapes and
control characters; ``cell`` wraps the result in a rich ``Text``, which rich never
parses as markup; ``markup`` escapes it for a string that also holds our own markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

# CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-byte ESC sequences.
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Line and paragraph breaks of every kind; kept as \n in a multi-line field.
BREAKS = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
# C0 and C1 controls (tab included: it moves the cursor) and the bidirectional
# overrides that make text display in another order than it reads.
CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters json.dumps leaves raw with ensure_ascii=False that a terminal acts on.
JSON_RAW = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe(value: Any, *, multiline: bool = False) -> str:
    """``value`` as text a terminal shows as it is: no escapes, no control characters."""
    if value is None:
        return ""
    text = ANSI.sub("", str(value))
    text = BREAKS.sub("\n" if multiline else " ", text).replace("\t", " ")
    if multiline:
        return "\n".join(CONTROLS.sub("", line) for line in text.split("\n"))
    return CONTROLS.sub("", text)


def cell(value: Any, *, multiline: bool = False, style: str = "") -> Text:
    """A table cell or title from untrusted text: a ``Text`` is never read as markup."""
    return Text(safe(value, multiline=multiline), style=style)


def markup(value: Any) -> str:
    """Untrusted text to embed in a string that holds our own rich markup."""
    return escape(safe(value))


def console(*, stderr: bool = False) -> Console:
    """The console every command prints through: no emoji codes, no guessed highlighting
    (both rewrite article text), width from the terminal or $COLUMNS."""
    return Console(stderr=stderr, emoji=False, highlight=False)


def as_json(value: Any, *, indent: int | None = None) -> str:
    """JSON with every character a terminal acts on escaped (json.dumps escapes only C0);
    values JSON cannot hold natively (dates) become text."""
    text = json.dumps(value, ensure_ascii=False, default=str, indent=indent)
    return JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def emit_json(rows: Iterable[dict[str, Any]]) -> None:
    """JSON lines: one row per line, full text, nothing cut."""
    for row in rows:
        typer.echo(as_json(row))

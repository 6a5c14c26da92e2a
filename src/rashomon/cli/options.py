"""Options every command shares, so each is spelt, parsed and documented once.

A mistake in any of them reads the same on every command: their values are checked
in one place (cli/select.py, cli/config.py), never by a command's own wording.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path, typer.Option("--db", help="The SQLite file to read or write.", envvar="RASHOMON_DB")
]
DEFAULT_DB = Path("rashomon.db")
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="A TOML file with a [rashomon] table of settings."),
]
SettingOption = Annotated[
    list[str] | None,
    typer.Option(
        "--setting", metavar="NAME=VALUE", help="Change one setting (repeatable); see settings.md."
    ),
]
StoryOption = Annotated[
    str | None,
    typer.Option("--story", help="Only this event or storyline id ('rashomon stories')."),
]
OutletOption = Annotated[
    str | None, typer.Option("--outlet", help="Only articles of this outlet (any letter case).")
]


SinceOption = Annotated[
    str | None,
    typer.Option("--since", metavar="YYYY-MM-DD", help="Only articles published on or after."),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", metavar="YYYY-MM-DD", help="Only articles published on or before."),
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=0, help="Show at most this many rows.")
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help="JSON lines on stdout, one row each, full text, for scripts."),
]

"""Options every command shares, so each is spelt and documented once."""

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
    typer.Option("--config", help="A TOML file with a [rashomon] table of settings.", exists=True),
]

"""``rashomon export``: any table as JSONL, CSV or Parquet, streamed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rashomon.cli.config import command_settings
from rashomon.cli.options import DEFAULT_DB, ConfigOption, DbOption, SettingOption
from rashomon.cli.output import console, markup, safe
from rashomon.cli.store import open_store
from rashomon.errors import error
from rashomon.store.export import FORMATS, available, write_export


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    what: Annotated[
        str, typer.Option("--what", help="Which table; see 'rashomon export --list'.")
    ] = "articles",
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="File to write; stdout if omitted.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    list_: Annotated[bool, typer.Option("--list", help="List what can be exported.")] = False,
    config: ConfigOption = None,
    setting: SettingOption = None,
) -> None:
    """Export a table. Columns are a stable interface: new ones may be added, none renamed."""
    command_settings(config, setting)
    exports = available()
    if list_:
        for name, item in exports.items():
            typer.echo(f"{name}\t{item.help}\t{', '.join(item.columns)}")
        return
    if what not in exports:
        raise error("E507", what=safe(what), choices=", ".join(exports))
    if fmt not in FORMATS:
        raise error("E508", fmt=safe(fmt), choices=", ".join(FORMATS))
    with open_store(db) as store:
        count = write_export(exports[what], store, fmt, out)
    if out is not None:
        console(stderr=True).print(f"{count} {what} rows → {markup(out)}")

"""``rashomon entities``: the canonical people, organisations and places of the corpus."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.entities.queries import entities as list_entities


def register(app: typer.Typer) -> None:
    app.command("entities")(entities)


def entities(
    type_: Annotated[
        str | None, typer.Option("--type", help="Only this type: PERSON, ORG, GPE, LOC, NORP.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many.")] = 50,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Entities by number of mentions, with their roles and the spellings merged into them."""
    with open_store(db) as store:
        rows = list_entities(store, type_, limit)
    table = Table(title="Entities")
    for column in ("id", "name", "type", "roles", "aliases", "mentions", "articles"):
        table.add_column(column, justify="right" if column in {"mentions", "articles"} else "left")
    for r in rows:
        table.add_row(
            r["id"],
            r["name"],
            r["type"],
            "; ".join(r["roles"]),
            "; ".join(r["aliases"]),
            str(r["mention_count"]),
            str(r["article_count"]),
        )
    Console().print(table)

"""``rashomon entities``: the canonical people, organisations and places of the corpus."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from rashomon.cli.options import (
    DEFAULT_DB,
    ConfigOption,
    DbOption,
    JsonOption,
    LimitOption,
    OutletOption,
    SettingOption,
    SinceOption,
    StoryOption,
    UntilOption,
)
from rashomon.cli.output import cell, console, emit_json
from rashomon.cli.select import selected
from rashomon.entities.queries import entity_rows, mention_rows

# Entities shown when --limit is not given.
DEFAULT_ENTITIES = 50


def register(app: typer.Typer) -> None:
    app.command("entities")(entities)


def entities(
    type_: Annotated[
        str | None, typer.Option("--type", help="Only this type: PERSON, ORG, GPE, LOC, NORP.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    story: StoryOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
    setting: SettingOption = None,
) -> None:
    """Entities by number of mentions, with their roles and the spellings merged into them.

    Filters keep entities mentioned in a matching article; counts stay corpus-wide."""
    wanted = DEFAULT_ENTITIES if limit is None else limit
    with selected(db, config, setting, story, outlet, since, until, wanted) as bound:
        store = bound.store
        mentioned = None
        if bound.selection.filters:
            mentioned = {
                m["entity_id"] for m in mention_rows(store) if bound.article_ok(m["article_id"])
            }
        rows = list(
            bound.limited(
                r
                for r in entity_rows(store)
                if (type_ is None or r["type"] == type_.upper())
                and (mentioned is None or r["id"] in mentioned)
            )
        )
    if as_json:
        emit_json(rows)
        return
    table = Table(title="Entities")
    for column in ("id", "name", "type", "roles", "aliases", "mentions", "articles"):
        table.add_column(column, justify="right" if column in {"mentions", "articles"} else "left")
    for r in rows:
        table.add_row(
            cell(r["id"]),
            cell(r["name"]),
            cell(r["type"]),
            cell("; ".join(r["roles"])),
            cell("; ".join(r["aliases"])),
            str(r["mention_count"]),
            str(r["article_count"]),
        )
    console().print(table)

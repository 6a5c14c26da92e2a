"""``rashomon timeline``: dated statements and happenings across the corpus, oldest first."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.timeline.queries import event_rows


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)


def timeline(db: DbOption = DEFAULT_DB) -> None:
    """What happened and who said what, when: each event with its date, outlet and sentence."""
    console = Console()
    with open_store(db) as store:
        rows = list(event_rows(store))
    table = Table("date", "precision", "kind", "outlet", "sentence", title=f"{len(rows)} events")
    for row in rows:
        when = row["date"] + (f" → {row['date_end']}" if row["date_end"] else "")
        table.add_row(
            when, row["precision"], row["kind"], row["outlet"] or row["article_id"], row["text"]
        )
    console.print(table)

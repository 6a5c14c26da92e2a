"""``rashomon quotes``: who said what, grouped by speaker, with the outlets carrying it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.quotes.queries import quotes_by_speaker

# Quotes are cut to this many characters in the table; exports carry them whole.
SHOWN_CHARACTERS = 220


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)


def quotes(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only speakers whose name contains this.")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Quotes grouped by speaker; identical quotes from several outlets are shown once."""
    with open_store(db) as store:
        grouped = quotes_by_speaker(store, speaker)
    console = Console()
    if not grouped:
        console.print("No quotes." if speaker is None else f"No quotes by {speaker!r}.")
        return
    for who, items in grouped.items():
        table = Table(title=f"{who} ({len(items)})", title_justify="left", show_lines=True)
        table.add_column("kind")
        table.add_column("quote", ratio=4)
        table.add_column("cue")
        table.add_column("outlets", ratio=1)
        table.add_column("conf.", justify="right")
        for q in items:
            text = (
                q["text"]
                if len(q["text"]) <= SHOWN_CHARACTERS
                else q["text"][:SHOWN_CHARACTERS] + "…"
            )
            table.add_row(
                q["kind"], text, q["cue"] or "", ", ".join(q["outlets"]), f"{q['confidence']:.2f}"
            )
        console.print(table)

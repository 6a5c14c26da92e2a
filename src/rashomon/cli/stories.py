"""``rashomon stories``: events (size, outlets, date span, title) grouped under storylines."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.stories.queries import storylines_with_events, wire_credit_counts


def register(app: typer.Typer) -> None:
    app.command("stories")(stories)


def stories(
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many storylines.")] = 50,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Storylines, largest first, each with its events; copies are counted, not hidden."""
    with open_store(db) as store:
        lines = storylines_with_events(store)
        credits = wire_credit_counts(store)
    console = Console()
    if not lines:
        console.print("No stories yet: run `rashomon analyze` first.")
        return
    for line in lines[:limit]:
        heading = f"{line.id or ''} {line.title}".strip()
        if line.actors:
            heading += f"  [dim]({', '.join(line.actors)})[/dim]"
        table = Table(title=heading, title_justify="left")
        for column in ("event", "articles", "copies", "outlets", "dates", "title"):
            numeric = column in {"articles", "copies"}
            table.add_column(column, justify="right" if numeric else "left")
        for event in line.events:
            table.add_row(
                event.id,
                str(event.size),
                str(event.copies),
                ", ".join(event.outlets) or "-",
                span(event.first_date, event.last_date),
                event.title or "-",
            )
        console.print(table)
    if len(lines) > limit:
        console.print(f"… {len(lines) - limit} more storylines (--limit)")
    if credits:
        console.print("Wire credits: " + ", ".join(f"{a} ({n})" for a, n in credits))


def span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last or not last else f"{first} – {last}"

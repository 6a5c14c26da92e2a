"""``rashomon figures``: every figure with what it counts and on whose word; ``--conflicts``
shows where outlets' figures clash instead."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.figures.queries import conflict_rows, figure_rows


def register(app: typer.Typer) -> None:
    app.command("figures")(figures)


def figures(
    db: DbOption = DEFAULT_DB,
    conflicts: Annotated[
        bool,
        typer.Option("--conflicts", help="Show clashing figures and series, not every figure."),
    ] = False,
) -> None:
    """Figures found in the articles: value, unit, what they count, as of when, and source."""
    console = Console()
    with open_store(db) as store:
        if conflicts:
            _print_conflicts(console, list(conflict_rows(store)))
        else:
            _print_figures(console, list(figure_rows(store)))


SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def readable(value: float | None) -> str:
    """1.508e11 → "150.8 billion", 1200 → "1,200"."""
    if value is None:
        return ""
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return f"{value:,.10g}"


def _print_figures(console: Console, rows: list[dict]) -> None:
    table = Table(
        "outlet",
        "figure",
        "value",
        "unit",
        "counts",
        "as of",
        "source",
        "speaker",
        title=f"{len(rows)} figures",
    )
    for row in rows:
        value = readable(row["value"]) + (
            f"–{readable(row['value_max'])}" if row["value_max"] else ""
        )
        table.add_row(
            row["outlet"] or row["article_id"],
            row["text"],
            value,
            row["unit"] or "",
            row["counts"] or "",
            row["as_of"] or "",
            row["source"] or "",
            row["speaker"] or "",
        )
    console.print(table)


def _print_conflicts(console: Console, rows: list[dict]) -> None:
    if not rows:
        console.print("No conflicting figures.")
        return
    for row in rows:
        table = Table(
            "outlet",
            "published",
            "figure",
            "value",
            "as of",
            "source",
            title=f"{row['kind']}: {row['counts']} ({row['unit'] or 'count'}) · {row['story_id']}",
        )
        for m in row["members"]:
            table.add_row(
                m["outlet"] or m["article_id"],
                m["published"] or "",
                m["text"],
                readable(m["value"]),
                m["as_of"] or "",
                m["source"] or "",
            )
        console.print(table)

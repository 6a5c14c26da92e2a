"""``rashomon figures``: every figure with what it counts and on whose word; ``--conflicts``
shows where outlets' figures clash instead."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
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
from rashomon.figures.queries import conflict_rows, figure_rows


def register(app: typer.Typer) -> None:
    app.command("figures")(figures)


def figures(
    db: DbOption = DEFAULT_DB,
    conflicts: Annotated[
        bool,
        typer.Option("--conflicts", help="Show clashing figures and series, not every figure."),
    ] = False,
    story: StoryOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
    setting: SettingOption = None,
) -> None:
    """Figures found in the articles: value, unit, what they count, as of when, and source.

    With --conflicts, filters keep a clash when any of its figures' articles matches."""
    with selected(db, config, setting, story, outlet, since, until, limit) as bound:
        store = bound.store
        if conflicts:
            rows = list(
                bound.limited(
                    r
                    for r in conflict_rows(store)
                    if bound.any_article_ok(m["article_id"] for m in r["members"])
                )
            )
        else:
            rows = list(bound.rows(figure_rows(store)))
    if as_json:
        emit_json(rows)
    elif conflicts:
        _print_conflicts(console(), rows)
    else:
        _print_figures(console(), rows)


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
            cell(row["outlet"] or row["article_id"]),
            cell(row["text"]),
            value,
            cell(row["unit"]),
            cell(row["counts"]),
            cell(row["as_of"]),
            cell(row["source"]),
            cell(row["speaker"]),
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
            title=cell(
                f"{row['kind']}: {row['counts']} ({row['unit'] or 'count'}) · {row['story_id']}"
            ),
        )
        for m in row["members"]:
            table.add_row(
                cell(m["outlet"] or m["article_id"]),
                cell(m["published"]),
                cell(m["text"]),
                readable(m["value"]),
                cell(m["as_of"]),
                cell(m["source"]),
            )
        console.print(table)

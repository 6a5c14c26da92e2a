"""``rashomon status``: what the store holds, and which inputs were skipped or failed, and why."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.store.articles import missing_counts, problems, status_counts


def register(app: typer.Typer) -> None:
    app.command("status")(status)


def status(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Most problem inputs to list.")] = 50,
) -> None:
    """Counts of inputs by status, articles by outlet, and the reasons for each problem."""
    console = Console()
    with open_store(db) as store:
        counts = status_counts(store)
        outlets = list(
            store.rows(
                "SELECT coalesce(outlet, 'outlet unknown') AS outlet, count(*) AS n, "
                "min(published) AS first, max(published) AS last "
                "FROM articles GROUP BY 1 ORDER BY n DESC, outlet"
            )
        )
        listed = problems(store, limit)
        missing = missing_counts(store)
        version = store.schema_version
    console.print(
        f"{db} (schema {version}): {counts['ok']} ok, {counts['skipped']} skipped, "
        f"{counts['failed']} failed; {missing['outlet_unknown']} outlet unknown, "
        f"{missing['undated']} undated"
    )
    table = Table("outlet", "articles", "first", "last", title="articles by outlet")
    for row in outlets:
        table.add_row(row["outlet"], str(row["n"]), row["first"] or "", row["last"] or "")
    console.print(table)
    if listed:
        issues = Table(title="skipped and failed inputs")
        issues.add_column("input", overflow="fold")  # a path must show whole, wrapped
        issues.add_column("status")
        issues.add_column("reason", overflow="fold")
        for row in listed:
            issues.add_row(row["input"], row["status"], row["reason"])
        console.print(issues)

"""``rashomon status``: what the store holds, and which inputs were skipped or failed, and why."""

from __future__ import annotations

from typing import Any

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
from rashomon.cli.output import cell, console, emit_json, markup
from rashomon.cli.select import Bound, selected
from rashomon.store.articles import missing_counts, problems, stage_failures, status_counts

# Problem inputs listed when --limit is not given.
DEFAULT_PROBLEMS = 50


def register(app: typer.Typer) -> None:
    app.command("status")(status)


def status(
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
    """Counts of inputs by status, articles by outlet, and the reasons for each problem.

    --story, --outlet, --since and --until narrow the articles counted per outlet;
    --limit caps the problem inputs and the failed cross-article units listed (default 50
    each)."""
    with selected(db, config, setting, story, outlet, since, until, limit) as bound:
        store = bound.store
        counts = status_counts(store)
        outlets = outlet_rows(bound)
        listed = problems(store, DEFAULT_PROBLEMS if limit is None else limit)
        failures = stage_failures(store, DEFAULT_PROBLEMS if limit is None else limit)
        missing = missing_counts(store)
        version = store.schema_version
    if as_json:
        emit_json([{"row": "inputs", "schema": version, **counts, **missing}])
        emit_json({"row": "outlet", **o} for o in outlets)
        emit_json({"row": "problem", **p} for p in listed)
        emit_json({"row": "stage_failure", **f} for f in failures)
        return
    out = console()
    out.print(
        f"{markup(db)} (schema {version}): {counts['ok']} ok, {counts['skipped']} skipped, "
        f"{counts['failed']} failed; {missing['outlet_unknown']} outlet unknown, "
        f"{missing['undated']} undated"
    )
    table = Table("outlet", "articles", "first", "last", title="articles by outlet")
    for row in outlets:
        table.add_row(cell(row["outlet"]), str(row["articles"]), row["first"], row["last"])
    out.print(table)
    if listed:
        issues = Table(title="skipped and failed inputs")
        issues.add_column("input", overflow="fold")  # a path must show whole, wrapped
        issues.add_column("status")
        issues.add_column("reason", overflow="fold")
        for row in listed:
            issues.add_row(cell(row["input"]), row["status"], cell(row["reason"]))
        out.print(issues)
    if failures:
        units = Table(title="cross-article stages that failed")
        units.add_column("stage")
        units.add_column("unit", overflow="fold")
        units.add_column("reason", overflow="fold")
        units.add_column("at")
        for row in failures:
            units.add_row(row["stage"], cell(row["unit"]), cell(row["reason"]), row["at"])
        out.print(units)


def outlet_rows(bound: Bound) -> list[dict[str, Any]]:
    """Articles per outlet label with their date span, largest first."""
    by_outlet: dict[str, dict[str, Any]] = {}
    for article_id, fact in bound.facts.items():
        if not bound.article_ok(article_id):
            continue
        row = by_outlet.setdefault(
            fact["label"], {"outlet": fact["label"], "articles": 0, "first": "", "last": ""}
        )
        row["articles"] += 1
        day = fact["published"] or ""
        if day and (not row["first"] or day < row["first"]):
            row["first"] = day
        row["last"] = max(row["last"], day)
    return sorted(by_outlet.values(), key=lambda r: (-r["articles"], r["outlet"]))

"""``rashomon timeline``: dated statements and happenings across the corpus, oldest first."""

from __future__ import annotations

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
from rashomon.timeline.queries import event_rows


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)


def timeline(
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
    """What happened and who said what, when: each event with its date, outlet and sentence.

    --since and --until compare each event's own date, not its article's."""
    with selected(db, config, setting, story, outlet, since, until, limit) as bound:
        store = bound.store
        rows = list(
            bound.limited(
                r for r in event_rows(store) if bound.article_ok(r["article_id"], r["date"])
            )
        )
    if as_json:
        emit_json(rows)
        return
    table = Table("date", "precision", "kind", "outlet", "sentence", title=f"{len(rows)} events")
    for row in rows:
        when = row["date"] + (f" → {row['date_end']}" if row["date_end"] else "")
        table.add_row(
            cell(when),
            row["precision"],
            row["kind"],
            cell(row["outlet"] or row["article_id"]),
            cell(row["text"]),
        )
    console().print(table)

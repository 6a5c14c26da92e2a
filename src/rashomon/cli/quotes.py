"""``rashomon quotes``: who said what, grouped by speaker, with the outlets carrying it."""

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
from rashomon.cli.output import cell, console, emit_json, markup
from rashomon.cli.select import selected
from rashomon.quotes.queries import quotes_by_speaker

# Quotes are cut to this many characters in the table; --json and exports carry them whole.
SHOWN_CHARACTERS = 220


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes)


def quotes(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only speakers whose name contains this.")
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
    """Quotes grouped by speaker; identical quotes from several outlets are shown once.

    A quote is kept when any article carrying it matches the filters; --limit counts quotes."""
    with selected(db, config, setting, story, outlet, since, until, limit) as bound:
        store = bound.store
        wanted = [
            {"speaker": who, **q}
            for who, items in quotes_by_speaker(store, speaker).items()
            for q in items
            if bound.any_article_ok(q["article_ids"])
        ]
    rows = list(bound.limited(wanted))
    if as_json:
        emit_json(rows)
        return
    out = console()
    if not rows:
        out.print("No quotes." if speaker is None else f"No quotes by {markup(repr(speaker))}.")
        return
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["speaker"], []).append(row)
    for who, items in grouped.items():
        table = Table(title=cell(f"{who} ({len(items)})"), title_justify="left", show_lines=True)
        table.add_column("kind")
        table.add_column("quote", ratio=4)
        table.add_column("cue")
        table.add_column("outlets", ratio=1)
        table.add_column("conf.", justify="right")
        for q in items:
            text = q["text"]
            if len(text) > SHOWN_CHARACTERS:
                text = text[:SHOWN_CHARACTERS] + "…"
            table.add_row(
                q["kind"],
                cell(text),
                cell(q["cue"]),
                cell(", ".join(q["outlets"])),
                f"{q['confidence']:.2f}",
            )
        out.print(table)

"""``rashomon stories``: events (size, outlets, date span, title) grouped under storylines."""

from __future__ import annotations

from dataclasses import asdict

import typer
from rich.table import Table
from rich.text import Text

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
from rashomon.cli.select import Bound, selected
from rashomon.stories.queries import (
    EventRow,
    StorylineRow,
    storylines_with_events,
    wire_credit_counts,
)
from rashomon.views.stories import event_members

# Events shown when --limit is not given.
DEFAULT_EVENTS = 200


def register(app: typer.Typer) -> None:
    app.command("stories")(stories)


def stories(
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
    """Storylines, largest first, each with its events; copies are counted, not hidden.

    Filters keep the events that have a matching article; --limit counts events."""
    wanted = DEFAULT_EVENTS if limit is None else limit
    with selected(db, config, setting, story, outlet, since, until, wanted) as bound:
        store = bound.store
        every = storylines_with_events(store)
        lines = [picked for line in every if (picked := keep(bound, line)) is not None]
        members = event_members(store) if bound.selection.filters else {}
        if bound.selection.filters:
            lines = [
                StorylineRow(line.id, line.title, line.actors, events)
                for line in lines
                if (events := [e for e in line.events if bound.any_article_ok(members[e.id])])
            ]
        credits = wire_credit_counts(store)
    shown = first_events(lines, wanted)
    if as_json:
        emit_json(
            {"storyline_id": line.id, "storyline": line.title, "actors": line.actors, **asdict(e)}
            for line in shown
            for e in line.events
        )
        return
    out = console()
    if not every:
        out.print("No stories yet: run `rashomon analyze` first.")
        return
    for line in shown:
        heading = cell(f"{line.id or ''} {line.title}".strip())
        if line.actors:
            heading.append(Text(f"  ({', '.join(line.actors)})", style="dim"))
        out.print(event_table(heading, line.events))
    hidden = sum(len(line.events) for line in lines) - sum(len(line.events) for line in shown)
    if hidden:
        out.print(f"… {hidden} more events (--limit)")
    if credits:
        out.print(cell("Wire credits: " + ", ".join(f"{a} ({n})" for a, n in credits)))


def keep(bound: Bound, line: StorylineRow) -> StorylineRow | None:
    """The storyline as --story narrows it: itself, one of its events, or nothing."""
    story = bound.selection.story
    if story is None or story == line.id:
        return line
    events = [e for e in line.events if e.id == story]
    return StorylineRow(line.id, line.title, line.actors, events) if events else None


def first_events(lines: list[StorylineRow], limit: int | None) -> list[StorylineRow]:
    """The storylines holding the first ``limit`` events, in order."""
    left = len([e for line in lines for e in line.events]) if limit is None else limit
    shown = []
    for line in lines:
        if left <= 0:
            break
        shown.append(StorylineRow(line.id, line.title, line.actors, line.events[:left]))
        left -= len(shown[-1].events)
    return shown


def event_table(heading: Text, events: list[EventRow]) -> Table:
    table = Table(title=heading, title_justify="left")
    for column in ("event", "articles", "copies", "outlets", "dates", "title"):
        numeric = column in {"articles", "copies"}
        table.add_column(column, justify="right" if numeric else "left")
    for event in events:
        table.add_row(
            event.id,
            str(event.size),
            str(event.copies),
            cell(", ".join(event.outlets) or "-"),
            span(event.first_date, event.last_date),
            cell(event.title or "-"),
        )
    return table


def span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last or not last else f"{first} – {last}"

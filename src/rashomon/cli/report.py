"""``rashomon report`` (one self-contained HTML file) and ``rashomon briefing`` (JSON, Markdown)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rashomon.cli.config import command_settings
from rashomon.cli.options import DEFAULT_DB, ConfigOption, DbOption, SettingOption, StoryOption
from rashomon.cli.output import as_json, console, markup, safe
from rashomon.cli.store import open_store
from rashomon.errors import error
from rashomon.store.export import write_atomically

BRIEFING_FORMATS = ("md", "json")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("briefing")(briefing)


def report(
    out: Annotated[Path, typer.Option("-o", "--out", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    story: StoryOption = None,
    db: DbOption = DEFAULT_DB,
    config: ConfigOption = None,
    setting: SettingOption = None,
) -> None:
    """Write the briefing(s) as one HTML file: no script, no network, printable, phone-sized."""
    from rashomon.report import render_report

    settings = command_settings(config, setting)
    with open_store(db) as store:
        html = render_report(store, settings, [story] if story else None)
    write_atomically(out, lambda fh: fh.write(html))
    console(stderr=True).print(
        f"report → {markup(out)} ({len(html) // 1024} KB); open it in a browser"
    )


def briefing(
    story: StoryOption = None,
    fmt: Annotated[str, typer.Option("--format", help="md or json.")] = "md",
    db: DbOption = DEFAULT_DB,
    config: ConfigOption = None,
    setting: SettingOption = None,
) -> None:
    """Print a story's briefing: its summary, then how each outlet differs from the others."""
    from rashomon.briefing import build_briefing, to_markdown
    from rashomon.report.render import top_stories

    if fmt not in BRIEFING_FORMATS:
        raise error("E508", fmt=fmt, choices=", ".join(BRIEFING_FORMATS))
    settings = command_settings(config, setting)
    with open_store(db) as store:
        ids = [story] if story else top_stories(store)
        briefings = [build_briefing(store, i, settings) for i in ids]
    if fmt == "json":
        payload = [b.to_dict() for b in briefings]
        typer.echo(as_json(payload[0] if story else payload, indent=1))
    else:
        typer.echo(safe("\n\n".join(to_markdown(b) for b in briefings), multiline=True))

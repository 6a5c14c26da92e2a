"""``rashomon report`` (one self-contained HTML file) and ``rashomon briefing`` (JSON, Markdown)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.errors import RashomonError
from rashomon.settings import Settings

StoryOption = Annotated[
    str | None,
    typer.Option("--story", help="An event or storyline id ('rashomon stories'); default: all."),
]


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("briefing")(briefing)


def report(
    out: Annotated[Path, typer.Option("-o", "--out", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    story: StoryOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the briefing(s) as one HTML file: no script, no network, printable, phone-sized."""
    from rashomon.report import render_report

    with open_store(db) as store:
        html = render_report(store, Settings(), [story] if story else None)
    out.write_text(html, encoding="utf-8")
    Console(stderr=True).print(f"report → {out} ({len(html) // 1024} KB); open it in a browser")


def briefing(
    story: StoryOption = None,
    fmt: Annotated[str, typer.Option("--format", help="md or json.")] = "md",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Print a story's briefing: its summary, then how each outlet differs from the others."""
    from rashomon.briefing import build_briefing, to_markdown
    from rashomon.report.render import top_stories

    if fmt not in ("md", "json"):
        raise RashomonError("E603", f"unknown format {fmt!r}; choose md or json")
    with open_store(db) as store:
        ids = [story] if story else top_stories(store)
        briefings = [build_briefing(store, i, Settings()) for i in ids]
    if fmt == "json":
        payload = [b.to_dict() for b in briefings]
        typer.echo(json.dumps(payload[0] if story else payload, ensure_ascii=False, indent=1))
    else:
        typer.echo("\n\n".join(to_markdown(b) for b in briefings))

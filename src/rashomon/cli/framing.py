"""``rashomon framing``: how each outlet frames one story, side by side, with spans."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.framing.compare import KINDS, SpanRef, compare_story, story_ids

StoryOption = Annotated[
    str | None,
    typer.Option("--story", help="An event or storyline id; every article when omitted."),
]
# Spans listed after each naming term or summary claim; the export has them all.
SPANS_SHOWN = 3


def register(app: typer.Typer) -> None:
    app.command("framing")(framing)


def spans(refs: list[SpanRef]) -> str:
    shown = ", ".join(f"{r.article_id}:{r.start}-{r.end}" for r in refs[:SPANS_SHOWN])
    more = f" +{len(refs) - SPANS_SHOWN}" if len(refs) > SPANS_SHOWN else ""
    return shown + more


def framing(story: StoryOption = None, db: DbOption = DEFAULT_DB) -> None:
    """Outlet x signal counts, what each outlet calls the same thing, and a summary per outlet."""
    console = Console()
    with open_store(db) as store:
        result = compare_story(store, story)
        stories = story_ids(store) if story is None else []
    title = f"story {result.story}" if result.story else "all articles"
    counts = Table("outlet", *KINDS, "one-sided sentences", title=f"Framing signals: {title}")
    for outlet in result.outlets:
        cells = [str(outlet.counts.get(kind, 0)) for kind in KINDS]
        counts.add_row(outlet.outlet, *cells, f"{outlet.biased_sentences}/{outlet.sentences}")
    console.print(counts)
    names = Table(
        "thing", "outlet", "calls it (spans)", title="The same thing, as each outlet names it"
    )
    for choice in result.naming:
        for outlet, terms in sorted(choice.by_outlet.items()):
            said = "; ".join(f"{term} ({spans(refs)})" for term, refs in terms.items())
            names.add_row(choice.family + (" *" if choice.contested else ""), outlet, said)
    console.print(names)
    console.print("[dim]* outlets differ in the name they use[/dim]")
    for outlet in result.outlets:
        console.print(f"\n[bold]{outlet.summary}[/bold]")
        for claim in outlet.claims:
            console.print(f"  {claim.text}: {spans(claim.spans)}")
    if stories:
        ids = ", ".join(f"{s['id']} ({s['kind']}, {s['articles']})" for s in stories[:10])
        console.print(f"\n[dim]stories: {ids}; choose one with --story ID[/dim]")

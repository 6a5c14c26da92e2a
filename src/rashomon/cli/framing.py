"""``rashomon framing``: how each outlet frames one story, side by side, with spans."""

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
from rashomon.cli.select import selected
from rashomon.framing.compare import KINDS, SpanRef, compare_story, story_ids

# Spans listed after each naming term or summary claim; --json and the export have them all.
SPANS_SHOWN = 3
# Story ids suggested when no --story is given.
STORIES_SUGGESTED = 10


def register(app: typer.Typer) -> None:
    app.command("framing")(framing)


def spans(refs: list[SpanRef]) -> str:
    shown = ", ".join(f"{r.article_id}:{r.start}-{r.end}" for r in refs[:SPANS_SHOWN])
    more = f" +{len(refs) - SPANS_SHOWN}" if len(refs) > SPANS_SHOWN else ""
    return shown + more


def framing(
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
    """Outlet x signal counts, what each outlet calls the same thing, and a summary per outlet.

    The comparison covers the story (every article without --story); --outlet, --since and
    --until keep the outlets with a matching article; --limit counts outlets."""
    with selected(db, config, setting, story, outlet, since, until, limit) as bound:
        store = bound.store
        result = compare_story(store, story)
        outlets = list(bound.limited(o for o in result.outlets if bound.any_article_ok(o.articles)))
        stories = story_ids(store) if story is None else []
    kept = {o.outlet for o in outlets}
    if as_json:
        emit_json({"row": "outlet", "story": result.story, **asdict(o)} for o in outlets)
        emit_json(
            {
                "row": "naming",
                "story": result.story,
                "family": choice.family,
                "contested": choice.contested,
                "by_outlet": {
                    name: {term: [asdict(r) for r in refs] for term, refs in terms.items()}
                    for name, terms in choice.by_outlet.items()
                    if name in kept
                },
            }
            for choice in result.naming
            if kept & set(choice.by_outlet)
        )
        return
    out = console()
    title = f"story {result.story}" if result.story else "all articles"
    # The kind columns count the outlet's own words; what it took from the quotes it chose is
    # a voice of its own (issue 15), counted apart so neither is mistaken for the other.
    counts = Table(
        "outlet",
        *KINDS,
        "in quotes it chose",
        "one-sided sentences",
        title=cell(f"Framing signals in each outlet's own words: {title}"),
    )
    for o in outlets:
        cells = [str(o.counts.get(kind, 0)) for kind in KINDS]
        quoted = str(sum(o.quoted.values()))
        counts.add_row(cell(o.outlet), *cells, quoted, f"{o.biased_sentences}/{o.sentences}")
    out.print(counts)
    names = Table(
        "thing", "outlet", "calls it (spans)", title="The same thing, as each outlet names it"
    )
    for choice in result.naming:
        for name, terms in sorted(choice.by_outlet.items()):
            if name not in kept:
                continue
            said = "; ".join(f"{term} ({spans(refs)})" for term, refs in terms.items())
            names.add_row(
                cell(choice.family + (" *" if choice.contested else "")), cell(name), cell(said)
            )
    out.print(names)
    out.print(Text("* outlets differ in the name they use", style="dim"))
    for o in outlets:
        out.print()
        out.print(cell(o.summary, style="bold"))
        for claim in o.claims:
            out.print(cell(f"  {claim.text}: {spans(claim.spans)}"))
    if stories:
        ids = ", ".join(
            f"{s['id']} ({s['kind']}, {s['articles']})" for s in stories[:STORIES_SUGGESTED]
        )
        out.print()
        out.print(cell(f"stories: {ids}; choose one with --story ID", style="dim"))

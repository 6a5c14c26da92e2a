"""``rashomon search``: full-text search over titles and bodies (SQLite FTS5, BM25)."""

from __future__ import annotations

from typing import Annotated

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
from rashomon.cli.output import cell, console, emit_json, safe
from rashomon.cli.select import selected
from rashomon.store.articles import MARK_END, MARK_START
from rashomon.store.articles import search as search_articles

# Matches shown when --limit is not given.
DEFAULT_MATCHES = 20
# SQLite's LIMIT -1: every match, for filtering before --limit is applied.
ALL_MATCHES = -1


def register(app: typer.Typer) -> None:
    app.command("search")(search)


def search(
    query: Annotated[str, typer.Argument(help='FTS5 query: words, "phrases", OR, NEAR(a b).')],
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
    """Search articles; shows the best matches with highlighted snippets (20 by default)."""
    wanted = DEFAULT_MATCHES if limit is None else limit
    with selected(db, config, setting, story, outlet, since, until, wanted) as bound:
        store = bound.store
        found = search_articles(store, query, ALL_MATCHES if bound.selection.filters else wanted)
        hits = list(bound.rows(found, key="id"))
    if as_json:
        emit_json(hits)  # snippets mark hits with \x02…\x03, as the API's do
        return
    table = Table("id", "outlet", "published", "title", "snippet", title=f"{len(hits)} matches")
    for hit in hits:
        table.add_row(
            hit["id"],
            cell(hit["outlet"]),
            hit["published"] or "",
            cell(hit["title"]),
            highlighted(hit["snippet"] or ""),
        )
    console().print(table)


def highlighted(snippet: str) -> Text:
    """The snippet with matched words in bold; article text is never read as markup."""
    text = Text()
    for i, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        text.append(safe(part), style="bold yellow" if i % 2 else "")
    return text

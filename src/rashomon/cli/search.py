"""``rashomon search``: full-text search over titles and bodies (SQLite FTS5, BM25)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.cli.options import DEFAULT_DB, DbOption
from rashomon.cli.store import open_store
from rashomon.store.articles import MARK_END, MARK_START
from rashomon.store.articles import search as search_articles


def register(app: typer.Typer) -> None:
    app.command("search")(search)


def search(
    query: Annotated[str, typer.Argument(help='FTS5 query: words, "phrases", OR, NEAR(a b).')],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most results to show.")] = 20,
) -> None:
    """Search articles; shows the best matches with highlighted snippets."""
    with open_store(db) as store:
        hits = search_articles(store, query, limit)
    table = Table("id", "outlet", "published", "title", "snippet", title=f"{len(hits)} matches")
    for hit in hits:
        table.add_row(
            hit["id"],
            hit["outlet"] or "",
            hit["published"] or "",
            hit["title"] or "",
            highlighted(hit["snippet"] or ""),
        )
    Console().print(table)


def highlighted(snippet: str) -> Text:
    """The snippet with matched words in bold; article text is never read as markup."""
    text = Text()
    for i, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text

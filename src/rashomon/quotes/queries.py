"""Quote queries shared by the CLI, exports and the web UI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rashomon.store.db import Store
from rashomon.store.export import exporter
from rashomon.views.articles import speaker_quotes

QUOTE_COLUMNS = (
    "article_id",
    "start",
    "end",
    "text",
    "kind",
    "cue",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "confidence",
)
_NOT_WORD = re.compile(r"[^\w]+")


@exporter("quotes", QUOTE_COLUMNS, "direct, indirect and mixed quotes with their speakers")
def quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.rows("SELECT * FROM quotes ORDER BY article_id, start")


def quote_key(text: str) -> str:
    """Quote text folded so the same words carried by two outlets compare equal."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def quotes_by_speaker(store: Store, speaker: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Speaker -> distinct quotes, each with the outlets (or article ids) that carried it
    and the ids of the articles it was found in.

    ``speaker`` filters by a case-insensitive substring of the canonical name or the
    words naming the speaker in the article.
    """
    grouped: dict[str, dict[str, dict[str, Any]]] = {}
    for row in speaker_quotes(store, speaker, "a.rowid, q.start"):
        del row["url"], row["published"]
        who = row["speaker"] or (
            f"({row['speaker_mention']})" if row["speaker_mention"] else "(unknown)"
        )
        quotes = grouped.setdefault(who, {})
        entry = quotes.setdefault(quote_key(row["text"]), {**row, "outlets": [], "article_ids": []})
        entry["article_ids"].append(row["article_id"])
        if row["outlet"] not in entry["outlets"]:
            entry["outlets"].append(row["outlet"])
    ordered = sorted(grouped.items(), key=lambda kv: -len(kv[1]))
    return {who: list(quotes.values()) for who, quotes in ordered}

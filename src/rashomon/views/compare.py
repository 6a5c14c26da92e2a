"""What the comparison reads of a story's articles: sentences, quotes, actors, clashes."""

from __future__ import annotations

from collections import defaultdict

from rashomon.model import ArticleText, QuoteSpan, Span
from rashomon.store.db import Store
from rashomon.views.records import conflicts, records
from rashomon.views.stories import article_meta


def compare_inputs(store: Store, ids: list[str]) -> list[ArticleText]:
    """The given articles in publication order, each with its stored sentences, quotes,
    entity mentions and judging attribution verbs."""
    meta = article_meta(store, ids)
    quotes: dict[str, list[QuoteSpan]] = defaultdict(list)
    for q in records(store, "quotes", ids):
        quotes[q["article_id"]].append(QuoteSpan(q["start"], q["end"], q["speaker"], q["cue"]))
    actors: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for m in records(store, "mentions", ids):
        if m["type"] in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            actors[m["article_id"]].append((m["start"], m["end"], m["name"] or m["text"]))
    loaded: dict[str, list[Span]] = defaultdict(list)
    for s in records(store, "signals", ids):
        if s["signal"] == "attribution" and s["weight"] > 0:
            loaded[s["article_id"]].append(Span(s["start"], s["end"]))
    sentences: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for s in records(store, "sentences", ids):
        sentences[s["article_id"]].append((s["start"], s["end"], s["text"]))
    return [
        ArticleText(
            id=i,
            outlet=m["label"],
            published=m["published"],
            sentences=sentences[i],
            quotes=quotes[i],
            actors=actors[i],
            loaded=loaded[i],
        )
        for i, m in meta.items()
    ]


def clashing_figures(store: Store, ids: list[str]) -> list[set[tuple[str, int]]]:
    """For each figure conflict among the articles, the (article id, start) of its figures."""
    return [
        {(str(m["article_id"]), int(m["start"])) for m in row.get("members") or []}
        for row in conflicts(store, ids)
        if isinstance(row.get("members"), list)
    ]

"""Per-story comparison: how each outlet frames the same story, side by side.

Reads the store only. A story is an event or a storyline, as views/stories.py decides
it; without story tables, or without an id, the story is every article.
Three views, each claim linked to its spans (article_id, start, end):
- an outlet x signal table (counts of signals that weigh in the outlet's own voice, the
  same counts for the quotes it chose, and one-sided sentences);
- the same thing as each outlet names it in its own voice (naming family -> term);
- one plain sentence per outlet summarising its framing.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rashomon.clean.outlet import outlet_label
from rashomon.errors import RashomonError
from rashomon.labels import quoted_voice
from rashomon.store.db import Store
from rashomon.views import stories as views

KINDS = (
    "naming",
    "loaded",
    "attribution",
    "scare_quote",
    "purpose",
    "hedge",
    "intensifier",
    "technique",
    "stance",
)
# How many distinct examples of one kind a summary sentence names. Three keeps the
# sentence readable on one line for an outlet with dozens of signals.
EXAMPLES_PER_CLAIM = 3
# A longer example (a stated purpose can run to a paragraph) is cut to this many
# characters in the summary; its span still points at all of it.
EXAMPLE_CHARS = 70
# Naming choices that weigh this much or more take a side (naming.toml: 0.3 and up
# are the wordings one side uses); lighter ones are named only in the naming table.
SIDE_TAKING = 0.3


@dataclass(frozen=True, slots=True)
class SpanRef:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    """One clause of an outlet's summary and the spans it rests on."""

    text: str
    spans: list[SpanRef]


@dataclass(slots=True)
class OutletFraming:
    outlet: str
    articles: list[str]
    counts: dict[str, int]
    sentences: int
    biased_sentences: int
    claims: list[Claim]
    summary: str
    quoted: dict[str, int] = field(default_factory=dict)  # counts in the quotes it chose


@dataclass(slots=True)
class NamingChoice:
    """One naming family: the terms each outlet uses for the thing, with their spans."""

    family: str
    by_outlet: dict[str, dict[str, list[SpanRef]]] = field(default_factory=dict)

    @property
    def contested(self) -> bool:
        """True when outlets differ in the terms they use."""
        return len({frozenset(t) for t in self.by_outlet.values()}) > 1


@dataclass(slots=True)
class StoryFraming:
    story: str | None
    outlets: list[OutletFraming]
    naming: list[NamingChoice]


def story_article_ids(store: Store, story: str | None) -> list[str]:
    """The articles of a story as views/stories.py decides it; every article when no
    story is given."""
    if story is None:
        return [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY rowid")]
    ids = views.story_article_ids(store, story)
    if not ids:
        raise RashomonError("E342", f"no story with id {story!r} (see `rashomon framing` ids)")
    return ids


def compare_story(store: Store, story: str | None = None) -> StoryFraming:
    """The framing comparison of one story (every article when ``story`` is None)."""
    ids = story_article_ids(store, story)
    marks = ",".join("?" for _ in ids)
    outlet_of = {
        r["id"]: outlet_label(r["outlet"], r["url"], r["id"])
        for r in store.rows(f"SELECT id, outlet, url FROM articles WHERE id IN ({marks})", ids)
    }
    signals = list(
        store.rows(
            'SELECT article_id, start, "end", text, signal, label, weight, voice, speaker '
            f"FROM signals WHERE article_id IN ({marks}) ORDER BY article_id, start",
            ids,
        )
    )
    sentence_counts = sentence_totals(store, ids, marks)
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for row in signals:
        by_outlet[outlet_of[row["article_id"]]].append(row)
    outlets = []
    for outlet in sorted(set(outlet_of.values())):
        articles = sorted(a for a, o in outlet_of.items() if o == outlet)
        total = sum(sentence_counts.get(a, (0, 0))[0] for a in articles)
        biased = sum(sentence_counts.get(a, (0, 0))[1] for a in articles)
        outlets.append(outlet_framing(outlet, articles, by_outlet[outlet], total, biased))
    own = [r for r in signals if r["voice"] == "outlet"]
    return StoryFraming(story, outlets, naming_choices(own, outlet_of))


def sentence_totals(store: Store, ids: list[str], marks: str) -> dict[str, tuple[int, int]]:
    sql = (
        f"SELECT article_id, count(*) AS n, coalesce(sum(biased), 0) AS b FROM sentences "
        f"WHERE article_id IN ({marks}) GROUP BY article_id"
    )
    try:
        return {r["article_id"]: (r["n"], r["b"]) for r in store.rows(sql, ids)}
    except sqlite3.OperationalError:  # no sentences table in this store
        return {}


def ref(row: dict) -> SpanRef:
    return SpanRef(row["article_id"], row["start"], row["end"], row["text"])


def naming_choices(signals: list[dict], outlet_of: dict[str, str]) -> list[NamingChoice]:
    families: dict[str, NamingChoice] = {}
    for row in signals:
        if row["signal"] != "naming":
            continue
        family, _, term = row["label"].partition(": ")
        choice = families.setdefault(family, NamingChoice(family))
        terms = choice.by_outlet.setdefault(outlet_of[row["article_id"]], {})
        terms.setdefault(term, []).append(ref(row))
    return sorted(families.values(), key=lambda c: (not c.contested, c.family))


def examples(rows: list[dict], by: str = "text", who: bool = False) -> tuple[str, list[SpanRef]]:
    """Up to EXAMPLES_PER_CLAIM distinct wordings, heaviest first, and all their spans;
    with ``who``, each wording names the speaker of its heaviest use (words in a quote
    are the speaker's, chosen by the outlet)."""
    ranked = sorted(rows, key=lambda r: -r["weight"])
    speakers: dict[str, str | None] = {}
    for r in ranked:
        speakers.setdefault(" ".join(r[by].split()), r.get("speaker"))
    words = list(speakers)[:EXAMPLES_PER_CLAIM]
    spans = [ref(r) for r in ranked if " ".join(r[by].split()) in words]
    said = [f"'{shorten(w)}'" + (f" ({quoted_voice(speakers[w])})" if who else "") for w in words]
    return ", ".join(said), spans


def shorten(words: str) -> str:
    return words if len(words) <= EXAMPLE_CHARS else words[: EXAMPLE_CHARS - 1].rstrip() + "…"


def table_kind(kind: str) -> str:
    """The kind an outlet's row counts a signal under: a subjective word from the general
    lexicons (framing/subjective.py) is a loaded word the curated lists lack, so the
    table keeps one column of loaded wording (and fits a printed page)."""
    return "loaded" if kind == "subjective" else kind


def outlet_framing(
    outlet: str, articles: list[str], rows: list[dict], sentences: int, biased: int
) -> OutletFraming:
    quoted = [r for r in rows if r["voice"] != "outlet"]
    rows = [r for r in rows if r["voice"] == "outlet"]
    counts = Counter(table_kind(r["signal"]) for r in rows if r["weight"] > 0)
    # A quote choice is a choice of content, not of words: the summary says it, the
    # per-kind tables of wording leave it out.
    quoted_counts = Counter(
        table_kind(r["signal"]) for r in quoted if r["weight"] > 0 and r["signal"] != "choice"
    )
    claims = []

    def claim(template: str, selected: list[dict], by: str = "text", who: bool = False) -> None:
        if selected:
            words, spans = examples(selected, by, who)
            claims.append(Claim(template.format(words), spans))

    naming = [r for r in rows if r["signal"] == "naming" and r["weight"] >= SIDE_TAKING]
    claim("names things as {}", naming)
    claim(
        "gives in its own voice the aim or cause of an action: {}",
        [r for r in rows if r["signal"] == "purpose"],
    )
    claim(
        "reports speech with {}",
        [r for r in rows if r["signal"] == "attribution" and r["weight"] > 0],
    )
    claim("uses loaded words such as {}", [r for r in rows if r["signal"] == "loaded"])
    claim("puts {} in scare quotes", [r for r in rows if r["signal"] == "scare_quote"])
    stance = [r for r in rows if r["signal"] == "stance"]
    claim("casts entities as {}", stance, by="label")
    claim(
        "chooses quotes with loaded words such as {}",
        [r for r in quoted if table_kind(r["signal"]) in ("loaded", "naming") and r["weight"] > 0],
        who=True,
    )
    claim(
        "quotes voices no other outlet on the story quotes: {}",
        [r for r in quoted if r["signal"] == "choice"],
        by="speaker",
    )
    if claims:
        body = "; ".join(c.text for c in claims)
    else:
        body = "reports in plain wording: no side-taking signal was found"
    share = f" ({biased} of {sentences} sentences read as one-sided)" if sentences else ""
    summary = f"{outlet} {body}{share}."
    return OutletFraming(
        outlet, articles, dict(counts), sentences, biased, claims, summary, dict(quoted_counts)
    )


def story_ids(store: Store) -> list[dict]:
    """Events and storylines with their article counts, for choosing ``--story``."""
    found = [
        {"id": s.id, "kind": s.kind, "articles": s.article_count}
        for s in views.list_stories(store)
        if s.kind != "corpus"
    ]
    return sorted(found, key=lambda s: (-s["articles"], s["id"]))

"""The framing stage's per-story comparison, laid out for the briefing.

It computes over the framing stage's output (``framing.compare``), so it lives with its
one reader, not in the read layer: views/ imports no stage package.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rashomon.framing.compare import compare_story
from rashomon.store.db import Store
from rashomon.views.stories import CORPUS_STORY, article_meta


def framing_comparison(store: Store, story_id: str, ids: list[str]) -> dict[str, Any] | None:
    """The framing stage's per-story comparison, with the outlet × signal table laid out.

    Keys: ``summaries`` (outlet → one sentence), ``columns`` and ``table`` (outlet →
    signal → count), ``naming`` (contested families: outlet → terms), ``outlets`` (the
    comparison's own records, each claim with its spans).
    """
    if not ids or not store.has_table("signals"):
        return None
    result = compare_story(store, None if story_id == CORPUS_STORY else story_id)
    # The comparison names an outlet-less article by its id; show the briefing's label.
    name = {m["outlet"] or i: m["label"] for i, m in article_meta(store, ids).items()}
    for o in result.outlets:
        o.outlet = name.get(o.outlet, o.outlet)
    table = {o.outlet: o.counts for o in result.outlets}
    columns = sorted({kind for counts in table.values() for kind in counts})
    naming = [
        {"family": c.family, "terms": {name.get(o, o): sorted(t) for o, t in c.by_outlet.items()}}
        for c in result.naming
        if c.contested
    ]
    return {
        "summaries": {o.outlet: o.summary for o in result.outlets},
        "columns": columns,
        "table": table,
        "naming": naming,
        "outlets": [asdict(o) for o in result.outlets],
    }

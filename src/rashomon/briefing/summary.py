"""The summary of a story: its most salient consensus points, read as one paragraph.

When fewer than ``briefing_summary_min`` points are widely carried (a story of three
short excerpts often shares one or two), the most salient of the others fill it up to
that minimum; each line names the outlets that carry it, so a point one outlet alone
reports never reads as agreed. K grows with the story (``2 + log2(articles)``, between
the two settings): a three-article story gets four points, a 1,000-article storyline
seven. A point whose text is close to one already chosen says the same thing again and
is passed over. The chosen points are put in reading order: what the outlets agree on
before any one outlet's filler, then the earliest publication first and by where the
text sits in its article (leads first), so the paragraph runs from what happened to its
details.

A story with no consensus point still gets a summary: its most salient points, each
naming the outlets that carry it (``shared`` tells the renderers to say that none is
carried by most outlets). When every point is contested (three one-sentence excerpts
that clash on one figure), those points are the story: their texts fill the summary,
each marked contested.
"""

from __future__ import annotations

import math

import numpy as np

from rashomon.embeddings import embed
from rashomon.model import StoryPoint
from rashomon.settings import Settings


def summary_size(article_count: int, settings: Settings) -> int:
    k = round(2 + math.log2(max(article_count, 1)))
    return max(settings.briefing_summary_min, min(settings.briefing_summary_max, k))


def carried_widely(p: StoryPoint) -> bool:
    """Consensus: at least half the outlets carry it and nothing clashes. A contested
    point is not summary (its members disagree, or only seem to say the same thing);
    the briefing lists those apart."""
    return p.kind == "consensus"


def shared(summary: list[StoryPoint]) -> bool:
    """Whether the summary states anything most outlets agree on."""
    return any(carried_widely(p) for p in summary)


def summary_points(
    points: list[StoryPoint], article_count: int, settings: Settings
) -> list[StoryPoint]:
    """Up to K widely carried points, most salient first, none repeating another, filled
    up to the minimum with the most salient others (contested ones only when no other
    point exists); in reading order."""
    candidates = sorted(
        [p for p in points if p.kind != "contested"] or points,
        key=lambda p: (not carried_widely(p), -p.salience, p.id),
    )
    if not candidates:
        return []
    k = summary_size(article_count, settings)
    vectors = embed([p.text for p in candidates])
    chosen: list[int] = []
    for i, p in enumerate(candidates):
        widely = carried_widely(p)
        if len(chosen) >= (k if widely else settings.briefing_summary_min):
            break
        if chosen and float(np.max(vectors[chosen] @ vectors[i])) >= settings.briefing_redundancy:
            continue
        chosen.append(i)
    picked = [candidates[i] for i in chosen]
    return sorted(
        picked,
        key=lambda p: (not carried_widely(p), p.first_published or "9999", p.start),
    )

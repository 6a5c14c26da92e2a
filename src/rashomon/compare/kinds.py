"""What each point is: carried by most outlets, disputed among them, or one outlet's alone.

``consensus``: at least half the story's outlets (and two or more) carry it and nothing
clashes; ``contested``: two or more outlets carry it with a clash, a figure the figures
stage found in conflict, a negation one wording has and another (near-identical) lacks,
a different speaker for the same words (compare/voices.py: "Education Department" and
"Department of Education" are one speaker, and so are "Trump" and the White House
speaking for him), or a judging attribution verb
("claimed") on one outlet's quote where another outlet quotes the same words plainly;
``shared``: two or more outlets but under half, no clash; ``unique``: one outlet.
"""

from __future__ import annotations

from rashomon.compare.align import Similarity
from rashomon.compare.units import Unit
from rashomon.compare.voices import same_voice
from rashomon.model import PointKind


def clash(
    members: list[int],
    units: list[Unit],
    sim: Similarity,
    figures: list[set[tuple[str, int]]],
    negation_overlap: float = 0.6,
) -> str | None:
    """Why the members of one point clash, or None."""
    found = [units[i] for i in members]
    if len({u.outlet for u in found}) < 2:
        return None
    for conflict in figures:
        hit = {
            u.outlet
            for u in found
            if any(a == u.article_id and u.start <= pos < u.end for a, pos in conflict)
        }
        if len(hit) >= 2:
            return "figure"
    quoted = [u for u in found if u.speaker and u.speaker != "unattributed"]
    if any(not same_voice(a, b) for a in quoted for b in quoted if a.outlet != b.outlet):
        return "actor"
    if any(u.loaded for u in quoted) and any(not u.loaded for u in quoted):
        return "attribution"
    for x in members:
        for y in members:
            if (
                x < y
                and units[x].outlet != units[y].outlet
                and units[x].negated != units[y].negated
                and sim.lexical(x, y) >= negation_overlap
            ):
                return "negation"
    return None


def kind_of(outlets: int, story_outlets: int, why: str | None) -> PointKind:
    if outlets < 2:
        return "unique"
    if why is not None:
        return "contested"
    return "consensus" if 2 * outlets >= story_outlets else "shared"

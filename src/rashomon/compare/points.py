"""Points: the same information as reported by one or more of a story's articles.

``points_for`` is a pure function of the story's articles (and the conflicting figures
among them), so the benchmark scores exactly what the stage stores, on any given
grouping of articles.
"""

from __future__ import annotations

from rashomon.compare.align import Similarity, group, matches, opposed, similarity
from rashomon.compare.kinds import clash, kind_of
from rashomon.compare.salience import centrality, point_salience, unit_salience
from rashomon.compare.units import Unit, make_units
from rashomon.embeddings import embed
from rashomon.model import ArticleText, PointMember, StoryPoint
from rashomon.settings import Settings


def points_for(
    articles: list[ArticleText],
    settings: Settings,
    figures: list[set[tuple[str, int]]] | None = None,
    story_id: str = "",
) -> list[StoryPoint]:
    """The story's points, most salient first; ids are left empty for the caller to assign.

    ``figures`` lists, for each clash the figures stage found, the (article id, start)
    of its figures.
    """
    units: list[Unit] = []
    for article in articles:
        units.extend(
            make_units(article, settings.compare_min_words, settings.compare_quote_share)
        )
    if not units:
        return []
    sim = similarity(
        units,
        settings.compare_lexical_share,
        settings.compare_centring,
        settings.compare_fact_weight,
        settings.compare_anchor_min,
    )
    threshold = settings.compare_match_threshold
    edges = matches(
        units, sim, threshold, settings.compare_mutual_floor, settings.compare_mutual_lead
    )
    groups = group(
        units,
        opposed(
            units, edges, settings.compare_opposed_threshold, settings.compare_mutual_lead
        ),
        lambda i, j: sim.score(i, j) >= settings.compare_same_article_threshold,
    )
    central = centrality(embed([u.text for u in units]))
    scores = [unit_salience(u, float(c), settings) for u, c in zip(units, central, strict=True)]
    total = len({a.outlet for a in articles})
    found = [
        make_point(members, units, sim, scores, total, figures or [], story_id, settings)
        for members in groups
    ]
    found.sort(key=lambda p: (-p.salience, p.first_published or "9999", p.members[0].start))
    return found


def representative(
    members: list[int], sim: Similarity, units: list[Unit], scores: list[float]
) -> int:
    """The member closest to all the others; ties (always, for two members, as the
    score is symmetric) go to the more salient member, then the earliest published."""
    if len(members) == 1:
        return members[0]

    def cover(i: int) -> tuple[float, float, str, int]:
        total = round(sum(sim.score(i, j) for j in members if j != i), 6)
        return (-total, -scores[i], units[i].published or "9999", units[i].position)

    return min(members, key=cover)


def make_point(
    members: list[int],
    units: list[Unit],
    sim: Similarity,
    scores: list[float],
    total: int,
    figures: list[set[tuple[str, int]]],
    story_id: str,
    settings: Settings,
) -> StoryPoint:
    lead = representative(members, sim, units, scores)
    head = units[lead]
    outlets = sorted({units[i].outlet for i in members})
    why = clash(members, units, sim, figures, settings.compare_negation_overlap)
    dates = sorted(d for d in (units[i].published for i in members) if d)
    return StoryPoint(
        id="",
        story_id=story_id,
        kind=kind_of(len(outlets), total, why),
        text=head.text,
        article_id=head.article_id,
        start=head.start,
        end=head.end,
        speaker=head.speaker,
        outlets=outlets,
        article_count=len({units[i].article_id for i in members}),
        outlet_count=len(outlets),
        salience=point_salience(members, scores, len(outlets), total),
        first_published=dates[0] if dates else None,
        clash=why,
        members=[
            PointMember(
                point_id="",
                article_id=units[i].article_id,
                outlet=units[i].outlet,
                start=units[i].start,
                end=units[i].end,
                text=units[i].text,
                similarity=1.0 if i == lead else round(sim.score(lead, i), 4),
                speaker=units[i].speaker,
            )
            for i in members
        ],
    )

"""Stage ``dates``: every date expression, normalised against the publication date.

An article without a day-precise publication date still gets its absolute dates
("March 9, 2022", "October 2022"); its relative ones ("on Wednesday") are kept
with their precision and no date, so nothing is guessed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rashomon.dates.candidates import date_candidates
from rashomon.dates.normalize import relative_precision, resolve
from rashomon.model import Analysis, Article, DateRef
from rashomon.pipeline import stage
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def publication_base(article: Article) -> date | None:
    """The day relative dates are read against; None unless the day is known."""
    if not article.published or article.published_precision not in (None, "day"):
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def date_refs(article: Article, doc: Doc) -> list[DateRef]:
    base = publication_base(article)
    refs = []
    for candidate in date_candidates(article.text, doc):
        resolved = resolve(candidate.text, base)
        if resolved is not None:
            start, end = resolved.iso()
            refs.append(
                DateRef(
                    article.id,
                    candidate.start,
                    candidate.end,
                    candidate.text,
                    start,
                    end,
                    resolved.precision,
                    candidate.rule,
                )
            )
            continue
        precision = relative_precision(candidate.text) if base is None else None
        if precision is not None:
            refs.append(
                DateRef(
                    article.id,
                    candidate.start,
                    candidate.end,
                    candidate.text,
                    None,
                    None,
                    precision,
                    f"{candidate.rule}:unanchored",
                )
            )
    return refs


@stage("dates", version="1", needs=("doc",), makes=("dates",))
def find_dates(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    analysis.dates = date_refs(analysis.article, doc)

"""Stage ``dates``: every date expression, normalised against the publication date.

An article without a day-precise publication date still gets its absolute dates
("March 9, 2022", "October 2022"); its relative ones ("on Wednesday") are kept
with their precision and no date, so nothing is guessed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rashomon.dates.candidates import Candidate, date_candidates
from rashomon.dates.normalize import relative_precision, resolve
from rashomon.model import Analysis, Article, DateRef, Precision
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
            refs.append(
                date_ref(article.id, candidate, resolved.iso(), resolved.precision, candidate.rule)
            )
        elif base is None and (precision := relative_precision(candidate.text)) is not None:
            rule = f"{candidate.rule}:unanchored"
            refs.append(date_ref(article.id, candidate, (None, None), precision, rule))
    return refs


def date_ref(
    article_id: str,
    candidate: Candidate,
    days: tuple[str | None, str | None],
    precision: Precision,
    rule: str,
) -> DateRef:
    """The candidate's record: where it stands, the first and last day it names (None
    when unanchored), how precise it is and which rule found it."""
    first, last = days
    return DateRef(
        article_id, candidate.start, candidate.end, candidate.text, first, last, precision, rule
    )


@stage("dates", version="1", needs=("doc",), makes=("dates",))
def find_dates(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    analysis.dates = date_refs(analysis.article, doc)

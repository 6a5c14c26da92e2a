"""Fixtures for figure tests: the sample articles analysed by the dates and figures stages.

The articles are read as stored in examples/ with the publication dates their own
text supports, so these tests do not depend on the clean stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.model import Analysis, Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "blinken"
# Publication days the samples' own text supports (captions, "on Wednesday" and
# the weekday of the events they report); None where the text allows no day.
PUBLISHED = {
    "000": "2022-03-09",
    "001": "2022-09-21",
    "002": "2022-12-05",
    "003": None,
    "004": None,
}


def analyse(nlp, article: Article, quotes=()) -> Analysis:
    from rashomon.figures.stage import extract_figures
    from rashomon.timeline.dates import date_refs
    from rashomon.timeline.events import timeline_events

    doc = nlp(article.text)
    analysis = Analysis(article)
    analysis.quotes = list(quotes)
    analysis.dates = date_refs(article, doc)
    analysis.figures = extract_figures(analysis, doc)
    analysis.timeline = timeline_events(analysis, doc)
    return analysis


@pytest.fixture(scope="session")
def samples(nlp) -> dict[str, Analysis]:
    found = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        key = path.name[:3]
        article = Article(
            id=key,
            input=str(path),
            text=path.read_text(encoding="utf-8"),
            outlet=f"outlet-{key}",
            published=PUBLISHED[key],
        )
        found[key] = analyse(nlp, article)
    return found

"""A story written as ``ArticleText`` (sentences given, no spaCy); stores of it come from
the shared ``write_story`` fixture."""

from __future__ import annotations

import pytest

from rashomon.model import ArticleText

# One event told by three outlets: the same appointment in different words, a topical
# neighbour that shares only the subject, and one detail each outlet alone reports.
BOLTON = {
    "Alpha": [
        "President Trump named John Bolton as his new national security adviser on Thursday.",
        "Bolton, a former ambassador to the United Nations, is known for his hawkish views.",
        "The White House said the change would take effect on April 9.",
    ],
    "Beta": [
        "John Bolton will replace H.R. McMaster as Trump's national security adviser.",
        "Critics in Congress warned that the appointment could push the country toward war.",
        "McMaster is expected to retire from the Army later this year.",
    ],
    "Gamma": [
        "Trump picked former UN ambassador John Bolton to be his national security adviser.",
        "The move is the latest shake-up in an administration with record staff turnover.",
        "Bolton has long argued for regime change in Iran and North Korea.",
    ],
}


def as_inputs(story: dict[str, list[str]], published: str = "2018-03-22") -> list[ArticleText]:
    found = []
    for n, (outlet, sentences) in enumerate(story.items()):
        spans, start = [], 0
        for s in sentences:
            spans.append((start, start + len(s), s))
            start += len(s) + 1
        found.append(ArticleText(f"{outlet.lower()}-{n}", outlet, published, spans))
    return found


@pytest.fixture
def bolton_inputs() -> list[ArticleText]:
    return as_inputs(BOLTON)

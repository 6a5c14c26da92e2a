"""A story written as ``ArticleText`` (sentences given, no spaCy); stores of it come from
the shared ``write_story`` fixture."""

from __future__ import annotations

import pytest

from rashomon.model import ArticleText, QuoteSpan

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


# The names the entities stage finds in BOLTON (actors: the lead rule's anchors).
NAMES = ("President Trump", "Trump", "John Bolton", "Bolton", "H.R. McMaster", "McMaster")


def actors(text: str, offset: int) -> list[tuple[int, int, str]]:
    """Each name's mentions, longest name first, as the entities stage lists them."""
    found: list[tuple[int, int, str]] = []
    for name in NAMES:
        at = text.find(name)
        while at >= 0:
            if not any(s <= offset + at < e for s, e, _ in found):
                found.append((offset + at, offset + at + len(name), name))
            at = text.find(name, at + 1)
    return sorted(found)


def as_inputs(story: dict[str, list[str]], published: str = "2018-03-22") -> list[ArticleText]:
    found = []
    for n, (outlet, sentences) in enumerate(story.items()):
        spans, names, start = [], [], 0
        for s in sentences:
            spans.append((start, start + len(s), s))
            names += actors(s, start)
            start += len(s) + 1
        found.append(ArticleText(f"{outlet.lower()}-{n}", outlet, published, spans, actors=names))
    return found


@pytest.fixture
def bolton_inputs() -> list[ArticleText]:
    return as_inputs(BOLTON)


# Two filler leads per article, so the sentences under test come past the lead.
FILLER = {
    "a": [
        "Lawmakers returned to the capital on Monday after a two-week recess.",
        "The session is expected to run until the end of the month.",
    ],
    "b": [
        "Voters in three states go to the polls on Tuesday in closely watched races.",
        "Turnout is expected to be low because of the weather.",
    ],
}


def past_the_lead(
    key: str, sentences: list[str], quotes: tuple[tuple[int, str, int, int], ...] = ()
) -> ArticleText:
    """Article ``key`` (outlet ``key.upper()``): its filler leads, then ``sentences``;
    each quote is (sentence index among ``sentences``, speaker, start, end in it)."""
    spans, start = [], 0
    for s in FILLER[key] + sentences:
        spans.append((start, start + len(s), s))
        start += len(s) + 1
    found = []
    for index, speaker, lo, hi in quotes:
        at = spans[len(FILLER[key]) + index][0]
        found.append(QuoteSpan(at + lo, at + hi, speaker, "said"))
    return ArticleText(key, key.upper(), "2020-01-01", spans, quotes=found)

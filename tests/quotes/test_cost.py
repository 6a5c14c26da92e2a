"""The quote finder's work grows with the article, not with its square.

Wall time is no test on a shared machine, so the work is counted: every Python call
made while one article's quotes are found (generator steps included, so a scan of all
spans per candidate shows). Four times the text must cost about four times the calls.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from rashomon.annotate.stage import annotate
from rashomon.entities.local import resolve_article
from rashomon.model import Analysis, Article
from rashomon.quotes.extract import ArticleQuotes

# Made-up paragraphs with every kind of quote: direct, split, indirect, mixed, a
# fragment, "according to", a pronoun speaker and a transcript turn.
PARAGRAPHS = [
    '"We will not accept this," Maria Lopez said on Monday. "The plan fails workers."',
    "Lopez added that the union would strike, arguing that wages had fallen for years.",
    'John Carter called the offer "a dead end," adding that talks could resume.',
    "According to the ministry, talks will resume next week in the capital.",
    'He said the company "remains committed" to a fair deal for everyone involved.',
    "CARTER: We have made our final offer and we stand by it.",
    "The strike, Lopez told reporters, would begin on Friday unless a deal is reached.",
]
# A ratio of calls for four times the text; quadratic work gives far more than 4.
MAX_GROWTH = 4.6


def _calls(run: Callable[[], object]) -> int:
    count = 0

    def profile(frame, event, arg) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def _work(nlp, settings, repeats: int) -> int:
    text = "\n\n".join(PARAGRAPHS * repeats)
    analysis = Analysis(Article("a1", "test", text))
    doc = nlp(text)
    annotate(analysis, doc, settings)
    entities = resolve_article(analysis.mentions)
    found: list = []
    calls = _calls(lambda: found.extend(ArticleQuotes(doc, entities, settings).quotes("a1")))
    assert found  # the article has quotes to find, or the count says nothing
    return calls


def test_regression_quote_finding_is_near_linear_in_article_length(nlp, settings):
    small, large = _work(nlp, settings, 6), _work(nlp, settings, 24)
    assert large / small <= MAX_GROWTH, (small, large)

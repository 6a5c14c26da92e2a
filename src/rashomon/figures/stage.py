"""Stage ``figures``: each quantity in the body, with value, unit, qualifier, what
it counts, as of when, on whose word, and the speaker when it sits in a quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.figures.counted import Counted, counted
from rashomon.figures.filters import rejection
from rashomon.figures.numbers import Quantity, find_quantities
from rashomon.figures.sources import as_of, sentence_sources, source_for
from rashomon.model import Analysis, Figure, Quote
from rashomon.pipeline import stage
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

CURRENCIES_AND_UNITS_ARE_MONEY = {
    "USD",
    "EUR",
    "GBP",
    "RUB",
    "UAH",
    "CNY",
    "JPY",
    "CHF",
    "INR",
    "CAD",
    "AUD",
    "NZD",
    "HKD",
}


def extract_figures(analysis: Analysis, doc: Doc) -> list[Figure]:
    article = analysis.article
    text = article.text
    date_spans = [(d.start, d.end) for d in analysis.dates]
    date_spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    figures: list[Figure] = []
    by_sentence: dict[int, list[tuple[Quantity, Span]]] = {}
    for q in find_quantities(text):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or rejection(q, span, text, date_spans) is not None:
            continue
        by_sentence.setdefault(span.sent.start, []).append((q, span))
    for items in by_sentence.values():
        sent = items[0][1].sent
        sources = sentence_sources(sent, analysis.dates)
        previous: Counted | None = None
        for q, span in items:
            anchor = _anchor(span)
            figure_tokens = {t.i for t in span}
            what = counted(
                anchor, figure_tokens, q.unit in CURRENCIES_AND_UNITS_ARE_MONEY, previous
            )
            if what.group:
                previous = what
            source = source_for(anchor, sources)
            quote = _quote_around(analysis.quotes, q.start, q.end)
            confidence = (0.7 if q.words_only else 0.9) - (0.2 if what.phrase is None else 0.0)
            figures.append(
                Figure(
                    article_id=article.id,
                    start=q.start,
                    end=q.end,
                    text=q.text,
                    value=q.value,
                    value_max=q.value_max,
                    unit=q.unit,
                    qualifier=q.qualifier,
                    counts=what.phrase,
                    as_of=as_of(anchor, sent, analysis.dates, source),
                    source=source.text if source else None,
                    speaker=(quote.speaker or quote.speaker_mention) if quote else None,
                    rule=f"counts:{what.rule};source:{source.rule if source else 'none'}",
                    confidence=round(confidence, 2),
                )
            )
    return figures


def _anchor(span: Span):
    """The figure's head word: its last number, scale or unit word that hangs outside it."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    numeric = [
        t for t in outside if t.like_num or t.tag_ in ("CD", "$") or t.lower_ in ("%", "percent")
    ]
    return (numeric or outside or [span.root])[-1]


def _quote_around(quotes: list[Quote], start: int, end: int) -> Quote | None:
    return next((q for q in quotes if q.start <= start and end <= q.end), None)


@stage("figures", version="1", needs=("dates", "quotes"), makes=("figures",))
def find_figures(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    analysis.figures = extract_figures(analysis, doc)

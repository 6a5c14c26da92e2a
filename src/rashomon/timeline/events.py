"""Stage ``timeline``: dated statements and happenings, each tied to its sentence.

A sentence with a resolved date becomes an event: a *statement* when it carries
a quote or its date hangs on a speech verb ("Blinken told CBS News on Dec. 4"),
(signalling and announcing are acts, not speech: "Biden indicated" is a happening)
a *happening* otherwise ("On December 1, Biden indicated …", "the referendums
from September 23 to 27"). A year alone ("Russia's 2022 defense budget") dates
nothing that happened on a timeline, so it makes an event only after "in" ("in
2014, Russia annexed Crimea"). One event per sentence and date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rashomon.model import Analysis, DateRef, Quote, TimelineEvent
from rashomon.pipeline import stage
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

SPEECH_VERBS = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "noted",
    "stated",
    "wrote",
    "declared",
    "warned",
    "insisted",
    "argued",
    "claimed",
    "stressed",
    "emphasized",
    "emphasised",
    "commented",
    "remarked",
    "tweeted",
    "asked",
    "urged",
}


def timeline_events(analysis: Analysis, doc: Doc) -> list[TimelineEvent]:
    article = analysis.article
    events: list[TimelineEvent] = []
    seen: set[tuple[int, str, str | None]] = set()
    for ref in analysis.dates:
        if ref.date is None or ref.precision is None or not _dates_an_event(ref, article.text):
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        key = (sent.start_char, ref.date, ref.date_end)
        if key in seen:
            continue
        seen.add(key)
        kind: Literal["statement", "happening"] = (
            "statement" if _is_statement(sent, span, analysis.quotes) else "happening"
        )
        events.append(
            TimelineEvent(
                article.id,
                ref.date,
                ref.date_end,
                ref.precision,
                sent.text.strip(),
                sent.start_char,
                sent.end_char,
                kind,
            )
        )
    return events


def _dates_an_event(ref: DateRef, text: str) -> bool:
    if ref.precision != "year":
        return True
    return text[max(0, ref.start - 4) : ref.start].lower().strip() == "in"


def _is_statement(sent: Span, date_span: Span, quotes: list[Quote]) -> bool:
    if any(q.start < sent.end_char and sent.start_char < q.end for q in quotes):
        return True
    return any(t.lower_ in SPEECH_VERBS for t in date_span.root.ancestors)


@stage("timeline", version="1", needs=("dates", "quotes"), makes=("timeline",))
def find_events(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    analysis.timeline = timeline_events(analysis, doc)

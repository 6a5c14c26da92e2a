"""Whose voice a span is in: the outlet's own, or someone it quotes.

Framing is the outlet's choice of words, and so is the choice of whom to quote and which
of their words: a signal in the outlet's own words and one in a quote it chose both
count, separately (``Signal.voice``, with the speaker). What the quotes stage found
decides, plus any text in quotation marks long enough to be speech (four words or more);
see ``find_voice``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rashomon.framing.patterns import SpanSet
from rashomon.model import Quote

# A quoted fragment of up to three words is a term, not speech: "security" assistance,
# so-called "referendums". Four or more words read as a partial quote. Chosen by reading
# the sample articles and BABE sentences; the issue states the 1-3 word rule.
MAX_TERM_WORDS = 3

DOUBLE_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'
SINGLE_MARKS = "'\u2018\u2019\u201a\u201b"
WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Fragment:
    """Text between a pair of quotation marks; ``start``/``end`` include the marks."""

    start: int
    end: int
    words: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def quotation_fragments(text: str) -> list[Fragment]:
    """Pairs of quotation marks in each paragraph, telling openers from closers by context.

    Outlets mix straight and curly marks and even close with an opening mark (“…“), so a
    mark opens when it follows a space or a bracket and precedes a non-space, and closes
    otherwise. Apostrophes (a letter on both sides) are neither.
    """
    fragments: list[Fragment] = []
    for marks in (DOUBLE_MARKS, SINGLE_MARKS):
        opener: int | None = None
        for i, ch in enumerate(text):
            if ch == "\n":
                opener = None
                continue
            if ch not in marks:
                continue
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe
            opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
            if opener is None:
                if opens or (marks is DOUBLE_MARKS and not after.isspace()):
                    opener = i
            elif not (opens and marks is SINGLE_MARKS):
                words = len(WORD.findall(text, opener + 1, i))
                if words:
                    fragments.append(Fragment(opener, i + 1, words))
                opener = None
    return sorted(fragments, key=lambda f: f.start)


@dataclass(frozen=True, slots=True)
class Voice:
    """Reported speech of one article, the outlet's paraphrases, and its short quoted terms.

    ``speakers`` holds, for each span of ``reported``, who said it (None when the quotes
    stage named nobody): a signal in quoted words is the speaker's, chosen by the outlet.
    ``paraphrasers`` holds the same for each span of ``paraphrased``.
    Every question takes a bisection (``SpanSet``), not a scan: rules ask one per
    candidate, and a scan made the stage quadratic in article length.
    """

    reported: tuple[tuple[int, int], ...]
    paraphrased: tuple[tuple[int, int], ...]
    terms: tuple[Fragment, ...]
    partial: tuple[Fragment, ...] = ()
    speakers: tuple[str | None, ...] = ()
    paraphrasers: tuple[str | None, ...] = ()
    _reported: SpanSet = field(init=False, repr=False, compare=False)
    _speaker: dict[tuple[int, int], str | None] = field(init=False, repr=False, compare=False)
    _paraphrased: SpanSet = field(init=False, repr=False, compare=False)
    _paraphraser: dict[tuple[int, int], str | None] = field(init=False, repr=False, compare=False)
    _terms: tuple[SpanSet, list[Fragment]] = field(init=False, repr=False, compare=False)
    _partial: tuple[SpanSet, list[Fragment]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_reported", SpanSet(self.reported))
        object.__setattr__(self, "_speaker", who_said(self.reported, self.speakers))
        object.__setattr__(self, "_paraphrased", SpanSet(self.paraphrased))
        object.__setattr__(self, "_paraphraser", who_said(self.paraphrased, self.paraphrasers))
        object.__setattr__(self, "_terms", fragment_set(self.terms))
        object.__setattr__(self, "_partial", fragment_set(self.partial))

    def own(self, start: int, end: int) -> bool:
        """True when no part of the span is inside someone's words in quotation marks."""
        return not self._reported.overlaps(start, end)

    def who(self, start: int, end: int) -> tuple[str, str | None]:
        """("outlet", None) for the outlet's own words, else ("quote", the speaker)."""
        at = self._reported.first_overlapping(start, end)
        if at is None:
            return "outlet", None
        return "quote", self._speaker[self._reported.spans[at]]

    def own_text(self, text: str, start: int, end: int) -> str:
        """``text[start:end]`` with someone's quoted words cut out: the outlet's wording only."""
        kept, at = [], start
        spans = self._reported.spans
        first = self._reported.first_overlapping(start, end)
        for lo, hi in spans[first:] if first is not None else ():
            if lo >= end:
                break  # sorted by start: no later span reaches into the range
            if hi <= at:
                continue
            kept.append(text[at:lo] if lo > at else "")
            at = max(at, hi)
        kept.append(text[at:end] if end > at else "")
        return " ".join(" ".join(kept).split())

    def paraphrase(self, start: int, end: int) -> bool:
        """True when the span is in the outlet's paraphrase of someone (indirect speech)."""
        return self._paraphrased.overlaps(start, end)

    def paraphrased_by(self, start: int, end: int) -> str | None:
        """Who the paraphrase the span is in reports (None when nobody is named)."""
        at = self._paraphrased.first_overlapping(start, end)
        return None if at is None else self._paraphraser[self._paraphrased.spans[at]]

    def marks_term(self, start: int, end: int) -> bool:
        """True when the span shares text with a short quoted term in the outlet's voice."""
        return self._terms[0].overlaps(start, end)

    def term_at(self, start: int, end: int) -> Fragment | None:
        """The short quoted fragment in the outlet's voice the span sits in, if any."""
        return fragment_at(self._terms, start, end)

    def partial_at(self, start: int, end: int) -> Fragment | None:
        """The short partial quote (inside a paraphrase) the span sits in, if any."""
        return fragment_at(self._partial, start, end)


def fragment_set(fragments: tuple[Fragment, ...]) -> tuple[SpanSet, list[Fragment]]:
    """The fragments in (start, end) order beside a SpanSet of the same order."""
    ordered = sorted(fragments, key=lambda f: (f.start, f.end))
    return SpanSet((f.start, f.end) for f in ordered), ordered


def fragment_at(indexed: tuple[SpanSet, list[Fragment]], start: int, end: int) -> Fragment | None:
    spans, ordered = indexed
    at = spans.first_containing(start, end)
    return None if at is None else ordered[at]


def who_said(
    spans: tuple[tuple[int, int], ...], names: tuple[str | None, ...]
) -> dict[tuple[int, int], str | None]:
    """Each span's speaker: the first name given for it, None past the names given."""
    found: dict[tuple[int, int], str | None] = {}
    for i, span in enumerate(spans):
        found.setdefault(span, names[i] if i < len(names) else None)
    return found


def find_voice(text: str, quotes: list[Quote]) -> Voice:
    """Split the quotes stage's findings into the speaker's words and the outlet's.

    Direct quotes, and the quoted parts of mixed and indirect ones, are the speaker's
    words. The rest of an indirect or mixed quote is the outlet's paraphrase: its wording
    ("the Kiev regime", "claimed") is the outlet's choice, so signals there still count.
    Text in quotation marks that no quote covers is speech when four words or longer; a
    shorter fragment is the outlet marking a term (a scare quote), unless it sits inside
    a paraphrase, where it is a partial quote of the speaker.
    """
    reported: dict[tuple[int, int], str | None] = {}
    paraphrased: dict[tuple[int, int], str | None] = {}
    for quote in quotes:
        words = len(WORD.findall(text, quote.start, quote.end))
        speaker = quote.speaker or quote.speaker_mention
        if words <= MAX_TERM_WORDS and not speaker:
            continue
        (reported if quote.kind == "direct" else paraphrased)[(quote.start, quote.end)] = speaker
    terms, partial = [], []
    taken = SpanSet(reported)
    around = SpanSet(paraphrased)
    for fragment in quotation_fragments(text):
        span = (fragment.start, fragment.end)
        if taken.overlaps(*span):
            continue
        at = around.first_overlapping(*span)
        who = None if at is None else paraphrased[around.spans[at]]
        if fragment.words > MAX_TERM_WORDS or at is not None:
            reported[span] = who
            taken.add(*span)
            if fragment.words <= MAX_TERM_WORDS:
                partial.append(fragment)
        else:
            terms.append(fragment)
    spans = sorted(reported)
    around_spans = sorted(paraphrased)
    return Voice(
        tuple(spans),
        tuple(around_spans),
        tuple(terms),
        tuple(partial),
        tuple(reported[s] for s in spans),
        tuple(paraphrased[s] for s in around_spans),
    )

"""What every quote rule of one article reads: the parse, paragraphs, quoted spans,
speakers, and the offset helpers that keep a span inside its paragraph.

``ArticleContext`` is the base of the indirect rules (``quotes.indirect``) and of the
quote finder (``quotes.extract``); ``Candidate`` is a quote not yet attributed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from rashomon.clean.lines import boilerplate_rule
from rashomon.entities.local import ArticleEntities
from rashomon.model import QuoteKind
from rashomon.quotes.cues import document_nouns, object_cue_of
from rashomon.quotes.marks import OPENING, QuotedSpan, find_quoted_spans, paragraphs
from rashomon.quotes.speakers import DEFAULTS, Speaker, SpeakerResolver
from rashomon.settings import Settings
from rashomon.text.speech import cue_of

SENTENCE_END = frozenset({".", "!", "?"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A cue with no subject of its own takes that of the verb it hangs from, through these
# relations (", adding that …", "before asking her, …": pcomp under a prep).
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "prep"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
NON_SPEAKERS = frozenset({"WP", "WDT", "EX"})
# A statement keeps at least this many tokens before a final aside is cut off.
MIN_STATEMENT_TOKENS = 2


def can_speak(subject: Token) -> bool:
    """Outside quotes, "I" and "we" are the writer, and "what"/"there" nobody."""
    if subject.lower_ in FIRST_PERSON or subject.tag_ in NON_SPEAKERS:
        return False
    return not (subject.tag_ == "DT" and subject.lower_ in {"that", "this", "it"})


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: QuoteKind
    rule: str
    cue: Token | None = None
    cue_confidence: float = 0.9
    subject: Token | None = None
    subject_span: Span | None = None
    inherit_from: Candidate | None = None
    speaker: Speaker | None = None
    fragments: list[QuotedSpan] = field(default_factory=list)


class ArticleContext:
    """One article as the quote rules see it."""

    def __init__(
        self,
        doc: Doc,
        entities: ArticleEntities,
        settings: Settings = DEFAULTS,
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on each access
        self.token_starts = doc.to_array(IDX).tolist()
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        # Link teasers, prompts and captions ("READ MORE: …", "WATCH: …") are page
        # furniture the cleaner may have kept: nothing in them speaks or is spoken.
        self.boilerplate = frozenset(
            i for i, (s, e) in enumerate(self.paras) if boilerplate_rule(self.text[s:e])
        )
        self.spans = sorted(
            (
                s
                for s in find_quoted_spans(self.text)
                if self._para_index(s.start) not in self.boilerplate
            ),
            key=lambda s: s.start,
        )
        # quoted spans never overlap: the one holding an offset is the last to start before it
        self.span_starts = frozenset(s.start for s in self.spans)
        self._span_starts = [s.start for s in self.spans]
        self.resolver = SpeakerResolver(
            doc,
            entities,
            [(s.start, s.end) for s in self.spans],
            [self.paras[i] for i in self.boilerplate],
            settings,
            self.text,
        )

    # -- speakers -------------------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject, or that of the verb it hangs from (", adding that …").

        A subject the parser found inside a quotation is a misparse of ``"…," X said``:
        the speaker is then the name or pronoun right next to the verb.
        """
        tok = verb
        for _ in range(4):
            # a dash the parser took for a subject ("― Trump boasted") is none
            subject = next(
                (c for c in tok.children if c.dep_ in SUBJECT_DEPS and not c.is_punct), None
            )
            if subject is not None and self._inside_quote(subject.idx, 0):
                return self._beside(verb)
            if subject is not None and self._paragraph(subject.idx) != self._paragraph(verb.idx):
                # the parser ran over a line break ("12:15 p.m. / Donald Trump says")
                return self._beside(verb)
            if subject is not None:
                return subject
            if tok.dep_ not in INHERIT_DEPS or tok.head is tok:
                return None
            if tok.dep_ == "acl" and tok.tag_ == "VBG":
                return tok.head  # "footage of Clinton asking, …": the noun does the asking
            if tok.dep_ == "xcomp":
                # object control: in "pressed Stumpf to admit that …" Stumpf admits
                controller = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
                if controller is not None and controller.i < tok.i:
                    return controller
            participle = tok.tag_ == "VBG" and tok.dep_ == "advcl"
            tok = tok.head
            if participle and tok.dep_ == "ccomp" and cue_of(tok.head.text) is not None:
                # "said the attacks did not hurt, arguing that …": the sayer argues
                tok = tok.head
            if participle and not self._may_lend_subject(tok):
                return None
        return None

    def _may_lend_subject(self, verb: Token) -> bool:
        """Whether a participle cue after ``verb`` (", affirming that …") is said by
        ``verb``'s subject: when that verb is an act of saying or of issuing a
        statement, or its subject is a person. An organisation that "held the seat …,
        affirming that …" affirms nothing: the event does."""
        if cue_of(verb.text) is not None or object_cue_of(verb.text) is not None:
            return True
        if any(c.dep_ == "dobj" and c.lower_ in document_nouns() for c in verb.children):
            return True
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return True  # a chain of verbs: the subject is further up
        if subject.pos_ == "PRON":
            return True
        index = self.resolver.mention_index(subject)
        return index is not None and self.resolver.mentions[index].type == "PERSON"

    def _beside(self, verb: Token) -> Token | None:
        """A name or pronoun just before or after ``verb`` ("," Cummings said; said Cummings)."""
        for tok in (
            verb.nbor(-1) if verb.i > 0 else None,
            verb.nbor(1) if verb.i + 1 < len(self.doc) else None,
        ):
            if tok is not None and (
                tok.pos_ in {"PROPN", "PRON"} or self.resolver.mention_index(tok) is not None
            ):
                return tok
        return None

    # -- offsets --------------------------------------------------------------------

    def _trim(self, span: Span) -> tuple[int, int]:
        """A span's characters without a leading "that" or trailing commas and spaces."""
        tokens = list(span)
        while tokens and (
            tokens[0].lower_ == "that"
            and tokens[0].dep_ == "mark"
            or tokens[0].is_punct
            and tokens[0].text not in OPENING + '"'
            and tokens[0].idx not in self.span_starts
            or tokens[0].is_space
        ):
            tokens = tokens[1:]
        tokens = self._without_final_aside(tokens)
        while tokens and (
            tokens[-1].is_space
            or tokens[-1].text in {",", ";", ":", "-", "—"}
            or tokens[-1].dep_ == "cc"  # "declined to threaten Moscow or": a cut conjunct
        ):
            tokens = tokens[:-1]
        if not tokens:
            return 0, 0
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def _without_final_aside(self, tokens: list[Token]) -> list[Token]:
        """The tokens without a relative clause set off by a comma at their end (",
        who has not been charged …", ", which makes him an outlier"): the writer's aside
        about a name in the statement, not part of what was said."""
        if not tokens:
            return tokens
        first, last = tokens[0].i, tokens[-1].i
        for tok in tokens:
            edge = tok.left_edge.i
            if (
                tok.dep_ == "relcl"
                and edge > first + MIN_STATEMENT_TOKENS
                and tok.right_edge.i >= last
                and self.doc[edge - 1].text == ","
                and self.doc[edge].tag_ in {"WP", "WDT", "WP$"}
                and not self._inside_quote(self.doc[edge].idx, 0)
            ):
                return [t for t in tokens if t.i < edge - 1]
        return tokens

    def _clip(self, start: int, end: int, anchor: int) -> tuple[int, int]:
        """Keep a span inside the paragraph of ``anchor``: the parser may run across lines."""
        para_start, para_end = self._paragraph(anchor)
        start, end = max(start, para_start), min(end, para_end)
        text = self.text[start:end]
        stripped = text.strip().rstrip(",;:")
        if not stripped:
            return 0, 0
        start += len(text) - len(text.lstrip())
        return start, start + len(stripped)

    def _closing_mark_end(self, end: int) -> int:
        """``end``, moved past a quoted fragment it cuts in two."""
        span = self._span_around(end)
        return span.end if span is not None else end

    def _span_around(self, char: int) -> QuotedSpan | None:
        """The quoted span with ``char`` strictly inside it (a binary search, not a scan)."""
        i = bisect.bisect_left(self._span_starts, char) - 1
        return self.spans[i] if i >= 0 and char < self.spans[i].end else None

    def _token_index(self, char: int) -> int:
        return bisect.bisect_left(self.token_starts, char)

    def _paragraph(self, char: int) -> tuple[int, int]:
        return self.paras[self._para_index(char)]

    def _para_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def _inside_quote(self, char: int, longer_than: int = 40) -> bool:
        span = self._span_around(char)
        return span is not None and span.end - span.start > longer_than

    def _opens_quote(self, tok: Token) -> bool:
        return tok.text in OPENING or tok.idx in self.span_starts


class Taken:
    """The character ranges already given to quotes, kept merged and sorted so that
    asking whether a candidate overlaps one costs a binary search, not a scan."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.starts: set[int] = set()  # where each range given began, before merging
        for start, end in ranges:
            self.add(start, end)

    def overlaps(self, c: Candidate) -> bool:
        # merged ranges are disjoint, so the last one starting before c.end ends last
        i = bisect.bisect_left(self._starts, c.end) - 1
        return i >= 0 and self._ends[i] > c.start

    def add(self, start: int, end: int) -> None:
        self.starts.add(start)
        hi = bisect.bisect_left(self._starts, end)
        lo = hi
        while lo > 0 and self._ends[lo - 1] > start:
            lo -= 1
        if lo < hi:
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

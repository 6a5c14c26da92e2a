"""Find the quotes of one article and who said them.

- direct: a quoted span standing as speech (it starts a paragraph or follows
  ``, : .``, and ends with punctuation), attributed by a cue verb right after it
  (``"…," Blinken said``), or right before it (``Blinken said: "…"``, also across a
  paragraph ending with a colon); without a cue of its own it continues the quote
  before it (``"A," she said. "B."``: rule ``split``; a quote running on over
  paragraphs: ``run-on``) or, opening a paragraph, takes the previous speaker
  (``previous-speaker``);
- indirect: a cue verb with a clausal complement (``X said (that) …``; ``, adding
  that …`` and ``went on to claim that …`` inherit the subject of the verb they hang
  from), ``according to X``, and a line ending in ``— X``;
- mixed: indirect speech that embeds quoted fragments (``said Putin "will fail"``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from rashomon.entities.lexicon import fold
from rashomon.entities.local import ArticleEntities
from rashomon.model import Quote
from rashomon.quotes.cues import Cue, cue_of, source_nouns
from rashomon.quotes.marks import CLOSING, OPENING, QuotedSpan, find_quoted_spans, paragraphs
from rashomon.quotes.speakers import Speaker, SpeakerResolver

# A cue farther than this from its quote (in tokens) belongs to another statement:
# the longest attributions in the sample articles ("Haynes, the US director of
# national intelligence, said") put the verb 11 tokens after the closing mark.
ATTRIBUTION_WINDOW = 14
# A quoted span shorter than this (in words) with no cue is a fragment or a title,
# not a quotation (set on the sample articles: "Referendums", "no to war").
MIN_UNATTRIBUTED_WORDS = 4
# Indirect speech shorter than this (in tokens) is a noun phrase, not a statement.
MIN_INDIRECT_TOKENS = 3
# The longest a dash attribution (``… — British ambassador``) can be, in characters.
MAX_DASH_SPEAKER = 60
OPEN_BEFORE = ".,:;!?\u2014\u2013-(" + CLOSING + OPENING + '"'
END_PUNCT = ".,;:!?\u2026\u2014\u2013-"
SENTENCE_END = frozenset({".", "!", "?"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
DASHES = "\u2014\u2013-"
# How much a way of finding a quote is trusted, before the cue and naming factors.
RULE_CONFIDENCE = {
    "direct:after": 1.0,
    "direct:before": 1.0,
    "direct:split": 0.95,
    "direct:run-on": 0.95,
    "direct:previous-speaker": 0.6,
    "indirect:complement": 0.9,
    "indirect:according-to": 0.85,
    "indirect:dash": 0.7,
}


# Cues that take a person as object before the reported clause ("told CBS News that").
OBJECT_CUES = frozenset(
    {
        "tell",
        "inform",
        "remind",
        "assure",
        "warn",
        "advise",
        "promise",
        "ask",
        "urge",
        "caution",
        "admonish",
    }
)
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
NON_SPEAKERS = frozenset({"WP", "WDT", "EX"})


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _can_speak(subject: Token) -> bool:
    """Outside quotes, "I" and "we" are the writer, and "what"/"there" nobody."""
    if subject.lower_ in FIRST_PERSON or subject.tag_ in NON_SPEAKERS:
        return False
    return not (subject.tag_ == "DT" and subject.lower_ in {"that", "this", "it"})


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    rule: str
    cue: Token | None = None
    cue_confidence: float = 0.9
    subject: Token | None = None
    subject_span: Span | None = None
    inherit_from: Candidate | None = None
    speaker: Speaker | None = None
    fragments: list[QuotedSpan] = field(default_factory=list)


class ArticleQuotes:
    """The quote finder for one article."""

    def __init__(self, doc: Doc, entities: ArticleEntities) -> None:
        self.doc = doc
        self.text = doc.text
        self.token_starts = [t.idx for t in doc]
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.spans = find_quoted_spans(self.text)
        self.resolver = SpeakerResolver(doc, entities)

    # -- public ---------------------------------------------------------------------

    def quotes(self, article_id: str) -> list[Quote]:
        direct: list[Candidate] = []
        fragments: list[QuotedSpan] = []
        for span in self.spans:
            candidate = self._direct(span, direct)
            if candidate is None:
                fragments.append(span)
            else:
                direct.append(candidate)
        found = direct + self._indirect(direct, fragments)
        found.sort(key=lambda c: c.start)
        return [q for c in found if (q := self._quote(c, article_id)) is not None]

    # -- direct quotes --------------------------------------------------------------

    def _direct(self, span: QuotedSpan, earlier: list[Candidate]) -> Candidate | None:
        para_start, para_end = self._paragraph(span.start)
        before = self.text[para_start : span.start].rstrip()
        inner = self.text[span.inner_start : span.inner_end].strip()
        words = len(inner.split())
        if words == 0 or (before and before[-1] not in OPEN_BEFORE):
            return None
        after = self.text[span.end : para_end].lstrip()
        ends_as_speech = (
            not span.closed or inner[-1] in END_PUNCT or not after or after[0] in END_PUNCT
        )
        if not ends_as_speech:
            return None
        candidate = Candidate(span.start, span.end, "direct", "direct:after")
        cue = self._cue_after(span, para_end) if span.closed else None
        if cue is None and before and before[-1] in ",:":
            cue, candidate.rule = self._cue_before(span.start, para_start), "direct:before"
        if cue is None and not before:
            cue, candidate.rule = self._cue_in_colon_paragraph(para_start), "direct:before"
        subject = self._subject(cue[0]) if cue is not None else None
        if cue is not None and subject is not None and _can_speak(subject):
            candidate.cue, candidate.cue_confidence = cue[0], cue[1].confidence
            candidate.subject = subject
            return candidate
        previous = earlier[-1] if earlier else None
        if previous is not None and self._continues(previous, span, para_start):
            candidate.inherit_from = previous
            candidate.rule = "direct:run-on" if previous.start < para_start else "direct:split"
            return candidate
        if words < MIN_UNATTRIBUTED_WORDS:
            return None
        candidate.rule = "direct:previous-speaker"
        return candidate

    def _continues(self, previous: Candidate, span: QuotedSpan, para_start: int) -> bool:
        """Whether ``span`` goes on with the quote before it, with no new cue."""
        if previous.start >= para_start:  # same paragraph: "A," she said. "B."
            between = self.text[previous.end : span.start]
            return not any(m in between for m in OPENING + '"') and len(between.split()) <= 8
        prior = next((s for s in self.spans if s.start == previous.start), None)
        ends_open = prior is not None and not prior.closed and prior.runs_on
        return (
            ends_open
            and self._paragraph(previous.end)[1] >= previous.end
            and self.para_starts.index(para_start) == self._para_index(previous.end) + 1
        )

    def _cue_after(self, span: QuotedSpan, para_end: int) -> tuple[Token, Cue] | None:
        i = self._token_index(span.end)
        for tok in self.doc[i : min(len(self.doc), i + ATTRIBUTION_WINDOW)]:
            if tok.idx >= para_end or tok.text in SENTENCE_END or self._opens_quote(tok):
                break
            cue = cue_of(tok.text)
            if cue is not None and tok.tag_.startswith("VB"):
                return tok, cue
        return None

    def _cue_before(self, start: int, para_start: int) -> tuple[Token, Cue] | None:
        i = self._token_index(start) - 1
        stop = max(-1, i - ATTRIBUTION_WINDOW)
        while i > stop:
            tok = self.doc[i]
            if tok.idx < para_start or (
                tok.text in SENTENCE_END and not self._inside_quote(tok.idx)
            ):
                break
            cue = cue_of(tok.text)
            if (
                cue is not None
                and tok.tag_.startswith("VB")
                and cue.kind != "continuation"
                or (cue is not None and cue.kind == "continuation" and tok.nbor(1).text == ":")
            ):
                return tok, cue
            i -= 1
        return None

    def _cue_in_colon_paragraph(self, para_start: int) -> tuple[Token, Cue] | None:
        """``Caddell continued:`` as a paragraph of its own, before the quote."""
        index = self.para_starts.index(para_start)
        if index == 0:
            return None
        start, end = self.paras[index - 1]
        if self.text[end - 1] != ":":
            return None
        return self._cue_before(end - 1, start)

    # -- indirect and mixed ---------------------------------------------------------

    def _indirect(self, direct: list[Candidate], fragments: list[QuotedSpan]) -> list[Candidate]:
        taken = [(c.start, c.end) for c in direct]
        out: list[Candidate] = []
        for tok in self.doc:
            candidate = None
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and self.doc[tok.i + 1].lower_ == "to"
            ):
                candidate = self._according_to(tok)
            else:
                cue = cue_of(tok.text)
                if cue is not None and cue.kind != "continuation" and tok.tag_.startswith("VB"):
                    candidate = self._complement(tok, cue)
            if (
                candidate is None
                or self._overlaps(candidate, taken)
                or self._inside_quote(candidate.start)
            ):
                continue
            self._mark_mixed(candidate, fragments)
            taken.append((candidate.start, candidate.end))
            out.append(candidate)
        out.extend(c for c in self._dashes(taken, fragments) if not self._overlaps(c, taken))
        return out

    def _complement(self, cue_tok: Token, cue: Cue) -> Candidate | None:
        comps = [c for c in cue_tok.children if c.dep_ == "ccomp"]
        if not comps:
            return None
        # A clause opened by "that" is the reported one; else the nearest.
        comp = min(comps, key=lambda c: (not _has_that(c), abs(c.i - cue_tok.i)))
        if cue.kind == "belief" and not _has_that(comp):
            return None  # "Putin does not understand Ukraine, …" is no report
        obj = next((c for c in cue_tok.children if c.dep_ == "dobj"), None)
        if obj is not None and cue_tok.i < obj.i < comp.i and cue.lemma not in OBJECT_CUES:
            return None  # "announced a package that would include": a relative clause
        span = self.doc[comp.left_edge.i : comp.right_edge.i + 1]
        if cue_tok.i in range(span.start, span.end):
            return None
        start, end = self._clip(*self._trim(span), cue_tok.idx)
        words = [t for t in span if not t.is_punct and not t.is_space]
        if end <= start or len(words) < MIN_INDIRECT_TOKENS:
            return None
        subject = self._subject(cue_tok)
        if subject is None or not _can_speak(subject):
            return None
        if cue.kind != "speech" and self.resolver.from_token(subject).name is None:
            return None  # "Videos show …": only named sources report or believe
        return Candidate(
            start, end, "indirect", "indirect:complement", cue_tok, cue.confidence, subject
        )

    def _according_to(self, tok: Token) -> Candidate | None:
        to = self.doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        phrase = self.doc[tok.i : obj.right_edge.i + 1]
        source = self.doc[to.i + 1 : obj.right_edge.i + 1]
        if not self._names_source(obj):
            return None  # "according to the “Crimean scenario”" names no source
        sent = tok.sent
        left = self.doc[sent.start : phrase.start]
        right = self.doc[phrase.end : sent.end]
        content = left if len(left) >= len(right) else right
        start, end = self._clip(*self._trim(content), tok.idx)
        if end - start < 10:
            return None
        return Candidate(
            start, end, "indirect", "indirect:according-to", tok, 0.9, subject_span=source
        )

    def _names_source(self, tok: Token) -> bool:
        """A person, organisation or place, a pronoun, or a noun like "figures"."""
        index = self.resolver.mention_index(tok)
        if index is not None:
            return self.resolver.mentions[index].type in {"PERSON", "ORG", "GPE"}
        return tok.pos_ == "PRON" or fold(tok.text) in source_nouns()

    def _dashes(self, taken: list[tuple[int, int]], fragments: list[QuotedSpan]) -> list[Candidate]:
        """A line that ends ``… — Speaker`` (headlines, captions, summaries)."""
        out = []
        for start, end in self.paras:
            line = self.text[start:end]
            cut = max(line.rfind(f" {d} ") for d in DASHES)
            if cut <= 0 or len(line) - cut > MAX_DASH_SPEAKER:
                continue
            speaker = self.doc.char_span(start + cut + 3, end, alignment_mode="expand")
            index = self.resolver.mention_index(speaker[-1]) if speaker is not None else None
            mention = self.resolver.mentions[index] if index is not None else None
            if mention is None or mention.type != "PERSON" or len(line[:cut].split()) < 4:
                continue
            candidate = Candidate(
                start,
                start + cut,
                "indirect",
                "indirect:dash",
                cue_confidence=0.8,
                subject_span=speaker,
            )
            self._mark_mixed(candidate, fragments)
            out.append(candidate)
        return out

    def _mark_mixed(self, candidate: Candidate, fragments: list[QuotedSpan]) -> None:
        inside = [f for f in fragments if candidate.start <= f.start and f.end <= candidate.end + 1]
        if inside:
            candidate.kind, candidate.fragments = "mixed", inside

    # -- speakers and records -------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject, or that of the verb it hangs from (", adding that …").

        A subject the parser found inside a quotation is a misparse of ``"…," X said``:
        the speaker is then the name or pronoun right next to the verb.
        """
        tok = verb
        for _ in range(4):
            subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and self._inside_quote(subject.idx, 0):
                return self._beside(verb)
            if subject is not None:
                return subject
            if tok.dep_ not in INHERIT_DEPS or tok.head is tok:
                return None
            tok = tok.head
        return None

    def _quote(self, c: Candidate, article_id: str) -> Quote | None:
        resolver = self.resolver
        if c.inherit_from is not None:
            c.speaker = c.inherit_from.speaker
        elif c.subject is not None:
            c.speaker = resolver.from_token(c.subject)
        elif c.subject_span is not None:
            c.speaker = resolver.from_span(c.subject_span)
        elif c.rule == "direct:previous-speaker":
            name = resolver.last_speaker(c.start)
            if name is None:
                return None
            c.speaker = Speaker(name, "", 0, 0, "previous")
        speaker = c.speaker
        if speaker is None or (speaker.name is None and not speaker.mention):
            return None
        resolver.record(c.start, speaker.name)
        if c.inherit_from is not None:
            c.cue = c.inherit_from.cue
            c.cue_confidence = c.inherit_from.cue_confidence
        confidence = RULE_CONFIDENCE[c.rule] * c.cue_confidence * speaker.confidence
        text = self.text[c.start : c.end]
        return Quote(
            article_id,
            c.start,
            c.end,
            text,
            c.kind,  # type: ignore[arg-type]
            cue=c.cue.text if c.cue is not None else None,
            speaker=speaker.name,
            speaker_mention=speaker.mention or None,
            speaker_start=speaker.start if speaker.mention else None,
            speaker_end=speaker.end if speaker.mention else None,
            confidence=round(confidence, 3),
            rule=c.rule,
        )

    # -- offsets --------------------------------------------------------------------

    def _trim(self, span: Span) -> tuple[int, int]:
        """A span's characters without a leading "that" or trailing commas and spaces."""
        tokens = list(span)
        while tokens and (
            tokens[0].lower_ == "that"
            and tokens[0].dep_ == "mark"
            or tokens[0].is_punct
            and tokens[0].text not in OPENING + '"'
            or tokens[0].is_space
        ):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_space or tokens[-1].text in {",", ";", ":", "-", "—"}):
            tokens = tokens[:-1]
        if not tokens:
            return 0, 0
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

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

    def _token_index(self, char: int) -> int:
        return bisect.bisect_left(self.token_starts, char)

    def _paragraph(self, char: int) -> tuple[int, int]:
        return self.paras[self._para_index(char)]

    def _para_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def _inside_quote(self, char: int, longer_than: int = 40) -> bool:
        return any(s.start < char < s.end for s in self.spans if s.end - s.start > longer_than)

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

    def _opens_quote(self, tok: Token) -> bool:
        return tok.text in OPENING or (
            tok.text == '"' and any(s.start == tok.idx for s in self.spans)
        )

    @staticmethod
    def _overlaps(c: Candidate, taken: list[tuple[int, int]]) -> bool:
        return any(c.start < e and s < c.end for s, e in taken)

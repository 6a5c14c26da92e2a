"""Find the quotes of one article and who said them.

- direct: a quoted span standing as speech (it starts a paragraph or follows
  ``, : .``, and ends with punctuation), attributed by a cue verb right after it
  (``"…," Blinken said``), or right before it (``Blinken said: "…"``, also across a
  paragraph ending with a colon); without a cue of its own it continues the quote
  before it (``"A," she said. "B."``: rule ``split``; a quote running on over
  paragraphs: ``run-on``) or, opening a paragraph, takes the previous speaker
  (``previous-speaker``); a cue verb with no comma works too (``Trump declared “…”``);
- fragments: a few quoted words inside the writer's sentence, under a verb of saying
  or judging no other rule took (``what he called a “brazen breach” of …``: rule
  ``fragment``, mixed with the words the fragment hangs in);
- labelled: a paragraph opening with a speaker label, a transcript turn (``PENCE:
  Well, …``, direct) or a headline statement (``Pence: Flowers won't be …``, indirect);
- indirect and mixed: see ``quotes.indirect``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from rashomon.entities.lexicon import fold
from rashomon.model import Quote, QuoteKind
from rashomon.quotes.context import SENTENCE_END, SUBJECT_DEPS, Candidate, Taken, can_speak
from rashomon.quotes.cues import object_confidence, object_cue_of
from rashomon.quotes.indirect import IndirectRules
from rashomon.quotes.labels import Label, find_labels
from rashomon.quotes.marks import CLOSING, OPENING, QuotedSpan
from rashomon.quotes.speakers import Speaker
from rashomon.text.speech import Cue, cue_of
from rashomon.text.stopwords import is_stop_word

# A cue farther than this from its quote (in tokens) belongs to another statement.
# Long appositions put it far ("…," Scott Pruitt, the Republican attorney general of
# Oklahoma, one of the states suing the EPA, said): on the even half of the PolNeAR dev
# split 14 missed such quotes, 20 found them, 26 found no more and lost precision.
ATTRIBUTION_WINDOW = 20
# A quoted span shorter than this (in words) with no cue is a fragment or a title,
# not a quotation (set on the sample articles: "Referendums", "no to war").
MIN_UNATTRIBUTED_WORDS = 4
OPEN_BEFORE = ".,:;!?\u2014\u2013-(" + CLOSING + OPENING + '"'
END_PUNCT = ".,;:!?\u2026\u2014\u2013-"
# Closing single marks of a quote nested at the end of a quote ("He told me 'no,'").
SINGLE_MARKS = "'\u2019"
# A quote with no cue takes the previous speaker only when it opens a paragraph or a
# sentence; inside a sentence it is a fragment of whatever the sentence reports.
STATEMENT_BREAK = ".!?:" + CLOSING + '"'
# How much a way of finding a quote is trusted, before the cue and naming factors. Set
# by hand in the order of each rule's span precision on the PolNeAR dev split (matched
# predictions per rule: direct:after 0.95-0.97, indirect:complement 0.90, aside 0.81-0.86,
# object 0.72-0.74; labels were right on every one of the 15 found).
RULE_CONFIDENCE = {
    "direct:after": 1.0,
    "direct:before": 1.0,
    "direct:split": 0.95,
    "direct:run-on": 0.95,
    "direct:previous-speaker": 0.6,
    "direct:fragment": 0.8,
    "indirect:complement": 0.9,
    "indirect:according-to": 0.85,
    "indirect:object": 0.8,
    "indirect:aside": 0.85,
    "direct:label": 0.9,
    "indirect:label": 0.7,
    "indirect:dash": 0.7,
}


def _is_title(words: Span) -> bool:
    """Quoted words that are all capitalised but for function words name a show, a
    book or a programme ("appeared on “Fox News Sunday”", "“State of the Union”")."""
    content = [t.text for t in words if t.is_alpha and not is_stop_word(t.text)]
    return bool(content) and all(w[0].isupper() for w in content)


class ArticleQuotes(IndirectRules):
    """The quote finder for one article."""

    # -- public ---------------------------------------------------------------------

    def quotes(self, article_id: str) -> list[Quote]:
        labelled = self._labelled()
        turns = {self._para_index(c.start) for c in labelled if c.kind == "direct"}
        direct: list[Candidate] = []
        fragments: list[QuotedSpan] = []
        for span in self.spans:
            if self._para_index(span.start) in turns:
                continue  # the marks around a transcript turn are the turn's
            candidate = self._direct(span, direct)
            if candidate is None:
                fragments.append(span)
            else:
                direct.append(candidate)
        taken = Taken((d.start, d.end) for d in direct)
        direct.extend(c for c in labelled if not taken.overlaps(c))
        found = direct + self._indirect(direct, fragments)
        taken = Taken((c.start, c.end) for c in found)
        found += [c for f in fragments if (c := self._fragment(f, taken)) is not None]
        found.sort(key=lambda c: c.start)
        return [q for c in found if (q := self._quote(c, article_id)) is not None]

    def _labelled(self) -> list[Candidate]:
        """Transcript turns (``PENCE: Well, …``) and headline statements (``Pence: …``).

        A label in capitals is a speaker when it names a person of the article or
        labels several turns; any other label only when it names a person or an
        organisation of the article ("Poll:", "Update:" name nobody). A label on a
        boilerplate line, or in capitals with a word the parser does not read as a
        name ("WATCH BELOW:", "ANALYSIS:"), is a page's section kicker, never a speaker.
        """
        labels = [
            label
            for label in find_labels(self.text, self.paras)
            if self._para_index(label.start) not in self.boilerplate
            and not (label.capitals and not self._reads_as_name(label))
        ]
        turns = Counter(fold(label.text) for label in labels if label.capitals)
        out = []
        for label in labels:
            speaker = self.resolver.from_label(label.label_start, label.label_end)
            if label.capitals and speaker is None and turns[fold(label.text)] > 1:
                name = label.text.title()
                speaker = Speaker(name, label.text, label.label_start, label.label_end, "label")
            if speaker is None:
                continue
            if speaker.name and speaker.name.isupper():
                speaker = replace(speaker, name=speaker.name.title())  # "WALLACE": Wallace
            around = self._span_around(label.start + 1)
            whole = around is not None and around.start <= label.start and label.end <= around.end
            kind: QuoteKind = "direct" if label.capitals or whole else "indirect"
            candidate = Candidate(label.start, label.end, kind, f"{kind}:label", speaker=speaker)
            out.append(candidate)
        return out

    def _reads_as_name(self, label: Label) -> bool:
        span = self.doc.char_span(label.label_start, label.label_end, alignment_mode="expand")
        return span is not None and all(t.pos_ == "PROPN" for t in span if t.is_alpha)

    def _direct(self, span: QuotedSpan, earlier: list[Candidate]) -> Candidate | None:
        para_start, para_end = self._paragraph(span.start)
        before = self.text[para_start : span.start].rstrip()
        inner = self.text[span.inner_start : span.inner_end].strip()
        words = len(inner.split())
        if words == 0 or (
            before and before[-1] not in OPEN_BEFORE and not self._cue_right_before(span.start)
        ):
            return None
        after = self.text[span.end : para_end].lstrip()
        ends_as_speech = (
            not span.closed
            or inner.rstrip(SINGLE_MARKS)[-1:] in tuple(END_PUNCT)
            or not after
            or after[0] in END_PUNCT
        )
        cue = self._cue_after(span, para_end) if span.closed else None
        if not ends_as_speech and not (
            cue is not None
            and (not before or before[-1] in STATEMENT_BREAK)
            and self._after_comma(cue[0])
        ):
            # a quote opening its sentence may run on unpunctuated into words of the
            # writer's before the cue ('"… areas" including Lake Cowichan, it said')
            return None
        candidate = Candidate(span.start, span.end, "direct", "direct:after")
        if not ends_as_speech and cue is not None:
            # the writer's words up to the cue clause belong to the statement: mixed
            candidate.kind, candidate.end = "mixed", self._before_cue_clause(cue[0])
        if cue is None and before and (before[-1] in ",:" or before[-1].isalpha()):
            cue, candidate.rule = self._cue_before(span.start, para_start), "direct:before"
        if cue is None and not before:
            cue, candidate.rule = self._cue_in_colon_paragraph(para_start), "direct:before"
        previous = earlier[-1] if earlier else None
        if cue is not None and previous is not None and previous.cue == cue[0]:
            # '"A," he said, "B."': B hangs from the cue of A, one statement in two parts
            candidate.inherit_from, candidate.rule = previous, "direct:split"
            return candidate
        subject = self._subject(cue[0]) if cue is not None else None
        if cue is not None and subject is not None and can_speak(subject):
            candidate.cue, candidate.cue_confidence = cue[0], cue[1].confidence
            candidate.subject = subject
            return candidate
        if previous is not None and self._continues(previous, span, para_start):
            candidate.inherit_from = previous
            candidate.rule = "direct:run-on" if previous.start < para_start else "direct:split"
            return candidate
        if words < MIN_UNATTRIBUTED_WORDS or (before and before[-1] not in STATEMENT_BREAK):
            return None  # mid-sentence ("characterized Kaine as, “a little …”"): a fragment
        candidate.rule = "direct:previous-speaker"
        return candidate

    def _fragment(self, span: QuotedSpan, taken: Taken) -> Candidate | None:
        """A few quoted words inside the writer's sentence, governed by a verb of saying
        or judging (``called the talks "a dead end,"``; ``described it as "a
        betrayal"``; ``what she called "a gamble"``) that no other rule took: the
        words are the speaker's, the sentence around them the writer's.

        The verb must be the nearest verb above the quoted words, and they must hang
        from it as object or complement, not as its subject (``the report, titled
        "…", said``: a title, not speech).
        """
        candidate = Candidate(span.start, span.end, "direct", "direct:fragment")
        if taken.overlaps(candidate) or not span.closed:
            return None
        first = self._token_index(span.inner_start)
        inner = self.doc[first : self._token_index(span.inner_end)]
        if not len(inner) or _is_title(inner):
            return None
        node = inner.root
        verb = next((a for a in node.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is None or verb.i in range(inner.start, inner.end):
            return None
        path = next(a for a in [node, *node.ancestors] if a.head.i == verb.i)
        cue, object_cue = cue_of(verb.text), object_cue_of(verb.text)
        if path.dep_ in SUBJECT_DEPS or not verb.tag_.startswith("VB"):
            return None
        if (cue is None or cue.kind != "speech") and object_cue is None:
            return None
        subject = self._subject(verb)
        if subject is not None and subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            subject = verb.head  # "the senator, who has called the deal "a disaster,""
        if subject is None or not can_speak(subject):
            return None
        if self.resolver.from_token(subject).name is None:
            return None  # a fragment is attributed to named sources only
        # the words the fragment hangs in are part of the statement ("as “unhinged”",
        # "a “brazen breach” of U.N. resolutions"): a mixed quote
        start, end = self._clip(
            *self._trim(self.doc[path.left_edge.i : path.right_edge.i + 1]), span.start
        )
        start, end = min(start, span.start), self._closing_mark_end(max(end, span.end))
        if (start, end) != (span.start, span.end):
            candidate.start, candidate.end, candidate.kind = start, end, "mixed"
            candidate.fragments = [span]
            if taken.overlaps(candidate):
                return None
        candidate.cue, candidate.subject = verb, subject
        candidate.cue_confidence = cue.confidence if cue is not None else object_confidence()
        taken.add(candidate.start, candidate.end)
        return candidate

    def _continues(self, previous: Candidate, span: QuotedSpan, para_start: int) -> bool:
        """Whether ``span`` goes on with the quote before it, with no new cue."""
        if previous.start >= para_start:  # same paragraph: "A," she said. "B."
            between = self.text[previous.end : span.start]
            return not any(m in between for m in OPENING + '"') and len(between.split()) <= 8
        prior = self._span_around(previous.start + 1)
        prior = prior if prior is not None and prior.start == previous.start else None
        ends_open = prior is not None and not prior.closed and prior.runs_on
        return (
            ends_open
            and self._paragraph(previous.end)[1] >= previous.end
            and self._para_index(para_start) == self._para_index(previous.end) + 1
        )

    def _cue_after(self, span: QuotedSpan, para_end: int) -> tuple[Token, Cue] | None:
        """The cue after a quote, within its sentence.

        A quote ending with ``.``, ``!`` or ``?`` followed by a capital closes its
        sentence: a cue after it attributes it only when it opens the next words
        (``"…!" Trump said``), not from inside a new clause (``"…the Court." When
        asked, he replied``).
        """
        i = self._token_index(span.end)
        inner = self.text[span.inner_start : span.inner_end].rstrip().rstrip(SINGLE_MARKS)
        following = self.doc[i] if i < len(self.doc) else None
        closed = (
            bool(inner)
            and inner[-1] in SENTENCE_END
            and (following is not None and following.text[:1].isupper())
        )
        for tok in self.doc[i : min(len(self.doc), i + ATTRIBUTION_WINDOW)]:
            if tok.idx >= para_end or tok.text in SENTENCE_END or self._opens_quote(tok):
                return None
            cue = cue_of(tok.text)
            if cue is not None and tok.tag_.startswith("VB"):
                if closed and not self._opens_clause(tok, i):
                    return None
                return tok, cue
        return None if closed or following is None else self._root_cue(span, following, para_end)

    def _root_cue(
        self, span: QuotedSpan, following: Token, para_end: int
    ) -> tuple[Token, Cue] | None:
        """A cue past the window that the quote's clause hangs from: ``"…," Malkia
        Cyril, the executive director at …, told The Huffington Post``."""
        inner = self.doc[self._token_index(span.inner_start)]
        head = next((a for a in inner.ancestors if a.idx >= span.end), None)
        if head is None:
            return None
        cue = cue_of(head.text)
        if cue is None or not head.tag_.startswith("VB") or head.idx >= para_end:
            return None
        between = self.doc[following.i : head.i]
        if any(t.text in SENTENCE_END or self._opens_quote(t) for t in between):
            return None
        return head, cue

    def _cue_clause_start(self, cue: Token) -> int:
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
        return min(cue.i, subject.left_edge.i) if subject is not None else cue.i

    def _after_comma(self, cue: Token) -> bool:
        """Whether the cue clause (``, it said``; ``, said Smith``) follows a comma."""
        first = self._cue_clause_start(cue)
        return first > 0 and self.doc[first - 1].text == ","

    def _before_cue_clause(self, cue: Token) -> int:
        """Where the words before ``, X said`` end (the comma's offset)."""
        return self.doc[self._cue_clause_start(cue) - 1].idx

    def _opens_clause(self, cue: Token, first: int) -> bool:
        """Whether ``cue`` or its subject is where the words after a quote begin."""
        if cue.i == first:
            return True
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
        return subject is not None and subject.left_edge.i == first

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

    def _cue_right_before(self, start: int) -> bool:
        """``Trump declared “I think NATO may be obsolete.”``: a speech verb, no comma."""
        i = self._token_index(start) - 1
        if i < 0:
            return False
        cue = cue_of(self.doc[i].text)
        return cue is not None and cue.kind == "speech" and self.doc[i].tag_.startswith("VB")

    def _cue_in_colon_paragraph(self, para_start: int) -> tuple[Token, Cue] | None:
        """``Caddell continued:`` as a paragraph of its own, before the quote."""
        index = self._para_index(para_start)
        if index == 0:
            return None
        start, end = self.paras[index - 1]
        if self.text[end - 1] != ":":
            return None
        return self._cue_before(end - 1, start)

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
            c.kind,
            cue=c.cue.text if c.cue is not None else None,
            speaker=speaker.name,
            speaker_mention=speaker.mention or None,
            speaker_start=speaker.start if speaker.mention else None,
            speaker_end=speaker.end if speaker.mention else None,
            confidence=round(confidence, 3),
            rule=c.rule,
        )

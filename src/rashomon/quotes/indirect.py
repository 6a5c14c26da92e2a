"""Indirect and mixed speech: reported statements with no quotation marks of their own.

- a cue verb with a clausal complement (``X said (that) …``; ``, adding that …`` and
  ``went on to claim that …`` inherit the subject of the verb they hang from), run on
  to the end of the sentence the parser cut short;
- a cue set off by commas inside what it reports (``Climate change, Mr. Obama often
  says, is …``);
- a statement carried by a verb's object (``cited [remarks …]``, ``called for [a
  moratorium]``, ``vowed [to form …]``: ``quotes.objects``), for named subjects only;
- ``according to X``, and a line ending in ``— X``;
- mixed: any of these that embeds quoted fragments (``said Putin "will fail"``).
"""

from __future__ import annotations

import bisect

from spacy.attrs import LOWER, TAG
from spacy.tokens import Span, Token

from rashomon.entities.lexicon import fold
from rashomon.quotes.context import SUBJECT_DEPS, ArticleContext, Candidate, Taken, can_speak
from rashomon.quotes.cues import ObjectCue, object_confidence, object_cue_of, source_nouns
from rashomon.quotes.marks import CLOSING, QuotedSpan
from rashomon.quotes.objects import statement_tokens
from rashomon.text.speech import Cue, cue_of

# Indirect speech shorter than this (in tokens) is a noun phrase, not a statement.
MIN_INDIRECT_TOKENS = 3
# The longest a dash attribution (``… — British ambassador``) can be, in characters.
MAX_DASH_SPEAKER = 60
DASHES = "\u2014\u2013-"
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


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


class IndirectRules(ArticleContext):
    """The indirect and mixed quotes of one article, around the direct ones."""

    def _indirect(self, direct: list[Candidate], fragments: list[QuotedSpan]) -> list[Candidate]:
        taken = Taken((c.start, c.end) for c in direct)
        fragment_starts = [f.start for f in fragments]
        out: list[Candidate] = []
        for tok in self._rule_starts():
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
                    candidate = self._parenthetical(tok, cue) or self._complement(tok, cue)
                object_cue = object_cue_of(tok.text)
                if candidate is None and object_cue is not None and tok.tag_.startswith("VB"):
                    candidate = self._object_statement(tok, object_cue)
            if candidate is not None and candidate.rule == "indirect:complement":
                candidate.end = self._to_sentence_end(candidate, taken)
            if (
                candidate is None
                or taken.overlaps(candidate)
                or self._inside_quote(candidate.start)
            ):
                continue
            self._mark_mixed(candidate, fragments, fragment_starts)
            taken.add(candidate.start, candidate.end)
            out.append(candidate)
        out.extend(c for c in self._dashes(fragments, fragment_starts) if not taken.overlaps(c))
        return out

    def _rule_starts(self) -> list[Token]:
        """The tokens an indirect rule can start at, in order: verbs (every cue is one)
        and "according"; one attribute array finds them, not a Token per word."""
        strings = self.doc.vocab.strings
        rows = self.doc.to_array([TAG, LOWER]).tolist()
        verbs = {tag for tag in {tag for tag, _ in rows} if strings[tag].startswith("VB")}
        according = strings["according"]
        return [
            self.doc[i] for i, (tag, lower) in enumerate(rows) if tag in verbs or lower == according
        ]

    def _to_sentence_end(self, c: Candidate, taken: Taken) -> int:
        """Where reported speech after its cue ends: the end of the sentence.

        The parser often closes the clause early ("said she hopes to win[, but she
        knows that …]", "said that claim smacked of hypocrisy[, because …]"). The
        sentence goes on being reported until a semicolon, a quote found on its own,
        or another cue verb, which starts a statement of its own (", arguing that …").
        """
        cue_tok = c.cue
        if cue_tok is None or cue_tok.idx > c.start:
            return c.end  # "…, sources said": the clause before the cue is whole
        if cue_tok.dep_ != "ROOT" and not (cue_tok.dep_ == "conj" and cue_tok.head.dep_ == "ROOT"):
            return c.end  # "While Moscow has said it is open …, Zelensky signed …"
        para_end = self._paragraph(c.start)[1]
        starts = taken.starts
        first = last = self._token_index(c.end)
        for tok in self.doc[first : cue_tok.sent.end]:
            cue = cue_of(tok.text)
            if tok.text == ";" or tok.idx in starts or tok.idx >= para_end:
                break
            if cue is not None and cue.kind == "speech" and tok.tag_.startswith("VB"):
                # "… and [Merrill said] …" starts anew with the subject of the new cue
                last = tok.left_edge.i if tok.left_edge.i >= first else tok.i
                break
            last = tok.i + 1
        words = [t for t in self.doc[first:last] if not t.is_space]
        while words and (words[-1].dep_ == "cc" or words[-1].is_punct):
            if words[-1].idx in self.span_starts or words[-1].text in CLOSING:
                break
            words.pop()
        end = words[-1].idx + len(words[-1].text) if words else c.end
        return self._closing_mark_end(max(end, c.end))

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
        span = self._before_next_statement(span)
        start, end = self._clip(*self._trim(span), cue_tok.idx)
        words = [t for t in span if not t.is_punct and not t.is_space]
        if end <= start or len(words) < MIN_INDIRECT_TOKENS:
            return None
        subject = self._subject(cue_tok)
        if subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == cue_tok.i:
            # "Trudeau was asked what …": the subject was spoken to; the speaker is the
            # agent ("was told by aides that …"), or nobody the sentence names
            subject = self._agent(cue_tok)
        if subject is None or not can_speak(subject):
            return None
        if cue.kind != "speech" and self.resolver.from_token(subject).name is None:
            return None  # "Videos show …": only named sources report or believe
        return Candidate(
            start, end, "indirect", "indirect:complement", cue_tok, cue.confidence, subject
        )

    @staticmethod
    def _agent(verb: Token) -> Token | None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None

    def _before_next_statement(self, span: Span) -> Span:
        """The clause up to a participle cue after a comma (``…, arguing that …``): the
        parser may hang it inside the clause, but it starts a statement of its own."""
        for tok in span[1:]:
            cue = cue_of(tok.text)
            if (
                cue is not None
                and cue.kind == "speech"
                and tok.tag_ == "VBG"
                and self.doc[tok.i - 1].text == ","
            ):
                return self.doc[span.start : tok.i - 1]
        return span

    def _parenthetical(self, cue_tok: Token, cue: Cue) -> Candidate | None:
        """``Climate change, Mr. Obama often says, is the greatest threat``: the cue
        set off by commas inside the sentence it reports (the parser's parataxis)."""
        if cue.kind != "speech" or cue_tok.dep_ != "parataxis":
            return None
        subject = next((c for c in cue_tok.lefts if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or not can_speak(subject):
            return None
        # the aside is the cue with its subject and adverbs: a clause the parser hung
        # from it ("…, Scheer said, that the deficit has grown") is still the statement
        clauses = [c for c in cue_tok.children if c.dep_ == "ccomp" and c.i > cue_tok.i]
        cut = min((c.left_edge.i for c in clauses), default=cue_tok.right_edge.i + 1)
        words = [t for t in cue_tok.subtree if not t.is_punct and t.i < cut]
        aside = self.doc[words[0].i : words[-1].i + 1]
        sent = cue_tok.sent
        if aside.start <= sent.start or self.doc[aside.start - 1].text not in {",", "\u2014"}:
            return None  # "X said" opening its sentence is no aside
        start, end = self._clip(*self._trim(sent), cue_tok.idx)
        if end - start <= len(aside.text) + MIN_INDIRECT_TOKENS:
            return None
        return Candidate(start, end, "indirect", "indirect:aside", cue_tok, cue.confidence, subject)

    def _object_statement(self, verb: Token, cue: ObjectCue) -> Candidate | None:
        """``Clinton cited [remarks …]``, ``called for [a moratorium]``: a named subject's."""
        found = statement_tokens(verb, cue)
        if found is None:
            return None
        start, end = self._clip(*self._trim(self.doc[found[0] : found[1]]), verb.idx)
        if end <= start:
            return None
        subject = self._subject(verb)
        if subject is None or not can_speak(subject):
            return None
        if self.resolver.from_token(subject).name is None:
            return None  # "the bill would deny benefits": only named sources take positions
        return Candidate(
            start, end, "indirect", "indirect:object", verb, object_confidence(), subject
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

    def _dashes(self, fragments: list[QuotedSpan], fragment_starts: list[int]) -> list[Candidate]:
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
            self._mark_mixed(candidate, fragments, fragment_starts)
            out.append(candidate)
        return out

    def _mark_mixed(
        self, candidate: Candidate, fragments: list[QuotedSpan], starts: list[int]
    ) -> None:
        """``fragments`` are in text order (``starts`` their offsets): only those that
        start inside the candidate are looked at."""
        first = bisect.bisect_left(starts, candidate.start)
        i = bisect.bisect_right(starts, candidate.start)
        while i < len(fragments) and fragments[i].start < candidate.end:
            f = fragments[i]
            if candidate.end < f.end:
                # the parse stopped inside a quoted fragment ("called Burma a “good news
                # story in an era] when …”"): the fragment is one piece of speech
                candidate.end = min(f.end, self._paragraph(f.start)[1])
            i += 1
        last = bisect.bisect_right(starts, candidate.end + 1)
        inside = [f for f in fragments[first:last] if f.end <= candidate.end + 1]
        if inside:
            candidate.kind, candidate.fragments = "mixed", inside

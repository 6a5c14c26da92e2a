"""Speaker resolution within one article: from the words naming a speaker to a name.

A speaker is named by a mention (resolved by ``entities.local``: full names,
surnames, role descriptions, groups), by a pronoun (he/she go to the most recent
person of compatible gender, preferring people who were the subject of a sentence
or already spoke, never people named inside quotation marks, and following a chain of
subject pronouns; they goes to the last group or organisation that spoke), by a label
("PENCE:"), or by a plain description ("the report", "officials") kept as words with
no name; a description that names its owner speaks for it ("the IMF report",
"footage of Hillary Clinton").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rashomon.entities.lexicon import fold
from rashomon.entities.local import GROUP_SEPARATOR, ArticleEntities
from rashomon.model import Mention
from rashomon.quotes.cues import document_nouns
from rashomon.quotes.marks import paragraphs
from rashomon.settings import Settings

DEFAULTS = Settings()

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OWNER_DEPS = frozenset({"compound", "poss"})
NAMING_TYPES = frozenset({"PERSON", "ORG"})
# How far back a pronoun looks for its person, in characters: about four paragraphs
# of news prose; farther back the last compatible person is more often wrong (checked
# on the PolNeAR dev split).
PRONOUN_WINDOW = 2000
# Confidence of each way of naming a speaker, relative to a full name (set by hand).
NAMING_CONFIDENCE = {
    "name": 1.0,
    "name-variant": 1.0,
    "surname": 0.95,
    "given-name": 0.85,
    "acronym": 0.95,
    "gazetteer": 0.9,
    "role": 0.85,
    "role-group": 0.8,
    "pronoun": 0.8,
    "label": 0.7,
    "description": 0.5,
}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None  # article-level name, "A; B" for a group, None for a description
    mention: str  # the words naming the speaker here
    start: int
    end: int
    rule: str

    @property
    def confidence(self) -> float:
        return NAMING_CONFIDENCE.get(self.rule, 0.7)


def _offset(spoken: tuple[int, str]) -> int:
    return spoken[0]


class SpeakerResolver:
    """Resolves speaker tokens of one article; remembers who spoke, for pronouns."""

    def __init__(
        self,
        doc: Doc,
        entities: ArticleEntities,
        quoted: Sequence[tuple[int, int]] = (),
        excluded: Sequence[tuple[int, int]] = (),
        settings: Settings = DEFAULTS,
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on each access
        self.sender_window = settings.quotes_sender_window
        self.topic_paragraphs = settings.quotes_topic_paragraphs
        self.entities = entities
        # mentions in boilerplate lines (``excluded``) never name a speaker
        self.mentions = [
            m for m in entities.mentions if not any(s <= m.start < e for s, e in excluded)
        ]
        self.links = [
            link
            for m, link in zip(entities.mentions, entities.links, strict=True)
            if not any(s <= m.start < e for s, e in excluded)
        ]
        self.starts = [m.start for m in self.mentions]
        self.spoke: list[tuple[int, str]] = []  # (offset, name) of each attributed quote
        self._subjects = {i for i, m in enumerate(self.mentions) if self._is_subject(m)}
        self._para_starts = [start for start, _ in paragraphs(self.text)]
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        # he/she as the subject of a clause, in text order: a pronoun chain ("He added
        # a note of caution. … he said") names the same person until another comes up
        self._subject_pronouns: dict[str, list[Token]] = {}
        for t in doc:
            if t.lower_ in PRONOUN_GENDER and t.dep_ in SUBJECT_DEPS and not self._in_quote(t.idx):
                self._subject_pronouns.setdefault(PRONOUN_GENDER[t.lower_], []).append(t)
        # people named outside quotes, in text order, as pronoun antecedents: found by
        # binary search over a window instead of a scan of the article per pronoun
        self._people = [
            (m.start, link.key, i in self._subjects)
            for i, (m, link) in enumerate(zip(self.mentions, self.links, strict=True))
            if m.type == "PERSON"
            and link.key
            and GROUP_SEPARATOR not in link.key
            and not self._in_quote(m.start)
        ]
        self._people_starts = [p[0] for p in self._people]
        self._pronoun_names: dict[int, str | None] = {}

    def record(self, offset: int, name: str | None) -> None:
        if name:
            bisect.insort(self.spoke, (offset, name), key=_offset)

    def last_speaker(self, before: int) -> str | None:
        i = bisect.bisect_left(self.spoke, before, key=_offset)
        return self.spoke[i - 1][1] if i else None

    def from_token(self, tok: Token) -> Speaker:
        """The speaker named by the subject ``tok`` (and its coordinated subjects)."""
        heads = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
        if self._name_of(tok) is None:
            # "one of the family's attorneys, Justin Bamberg,": the name is in apposition
            # (a person or organisation: "a prominent New York Democrat" names no one)
            named = [
                c
                for c in tok.children
                if c.dep_ == "appos" and self._name_of(c) and self._type_of(c) in NAMING_TYPES
            ]
            # "the IMF report stated": an organisation speaks through its document
            named += [c for c in tok.children if c.dep_ in OWNER_DEPS and self._is_org(c)]
            # "footage of Hillary Clinton asking", "a statement by the ministry"
            named += [
                o
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ in {"of", "by", "from"}
                for o in p.children
                if o.dep_ == "pobj" and self._name_of(o)
            ]
            # "The release said": a document speaks for whoever the text says issued it
            named += [s for s in [self._sender(tok)] if s is not None]
            if named:
                tok, heads = named[0], named[:1]
        names: list[str] = []
        rules: list[str] = []
        for head in heads:
            found = self._name_of(head)
            if found:
                names.extend(n for n in found[0].split(GROUP_SEPARATOR) if n not in names)
                rules.append(found[1])
        span = self._phrase(tok, heads)
        if not names:
            return Speaker(None, span.text, span.start_char, span.end_char, "description")
        rule = rules[0] if len(heads) == 1 else "role-group"
        return Speaker(GROUP_SEPARATOR.join(names), span.text, span.start_char, span.end_char, rule)

    def from_span(self, span: Span) -> Speaker:
        """The speaker in a phrase ("according to TASS calculations"): its first naming."""
        for tok in span:
            if tok.lower_ in PRONOUN_GENDER or self.mention_index(tok) is not None:
                return self.from_token(tok)
        root = span.root
        return (
            Speaker(None, span.text, span.start_char, span.end_char, "description")
            if root.pos_ in {"NOUN", "PROPN"}
            else Speaker(None, "", 0, 0, "none")
        )

    def from_label(self, start: int, end: int) -> Speaker | None:
        """The speaker a label names ("PENCE", "Pence"): a person or organisation
        mentioned there, or a person of the article with that surname."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        index = self.mention_index(span[0])
        text = self.text[start:end]
        if index is not None:
            m, link = self.mentions[index], self.links[index]
            if m.type in {"PERSON", "ORG"} and link.key and m.start <= start and end <= m.end:
                return Speaker(link.key, text, start, end, link.rule)
        surname = fold(text).split()[-1]
        for key in self.entities.people:
            if fold(key).split()[-1] == surname:
                return Speaker(key, text, start, end, "surname")
        return None

    # -- internals ------------------------------------------------------------------

    def _name_of(self, tok: Token) -> tuple[str, str] | None:
        index = self.mention_index(tok)
        if index is not None:
            link = self.links[index]
            if link.key:
                return link.key, link.rule
            return None
        word = tok.lower_
        if word in PRONOUN_GENDER:
            name = self._pronoun(tok.idx, PRONOUN_GENDER[word])
            return (name, "pronoun") if name else None
        if word in PLURAL_PRONOUNS or word == "it":
            name = self.last_speaker(tok.idx)
            return (
                (name, "pronoun")
                if name and (GROUP_SEPARATOR in name or name not in self.entities.people)
                else None
            )
        return None

    def _sender(self, doc_noun: Token) -> Token | None:
        """Who issued the document ``doc_noun`` names, as the text says before it: the
        subject of the verb an earlier mention of the same noun hangs from ("CUPE
        issued a release", "in a statement, the ministry said")."""
        if doc_noun.lower_ not in document_nouns():
            return None
        for tok in reversed(self.doc[max(0, doc_noun.i - self.sender_window) : doc_noun.i]):
            if tok.lower_ != doc_noun.lower_ or tok.dep_ not in {"dobj", "pobj"}:
                continue
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and self._name_of(subject):
                return subject
        return None

    def _is_org(self, tok: Token) -> bool:
        return self._type_of(tok) == "ORG"

    def _type_of(self, tok: Token) -> str | None:
        index = self.mention_index(tok)
        return self.mentions[index].type if index is not None else None

    def mention_index(self, tok: Token) -> int | None:
        i = bisect.bisect_right(self.starts, tok.idx) - 1
        while i >= 0 and self.mentions[i].start <= tok.idx:
            m = self.mentions[i]
            if tok.idx < m.end:
                return i
            i -= 1
            if i >= 0 and tok.idx - self.mentions[i].start > 200:
                break
        return None

    def _pronoun(self, offset: int, gender: str) -> str | None:
        """The most recent compatible person: subjects and speakers first, then anyone.

        People named inside quotation marks are left out: a speaker who says "my
        adviser, John Holdren, …" is not John Holdren.
        """
        low = offset - PRONOUN_WINDOW
        spoken = self.spoke[
            bisect.bisect_right(self.spoke, low, key=_offset) : bisect.bisect_left(
                self.spoke, offset, key=_offset
            )
        ]
        candidates: list[tuple[int, str, bool]] = [
            (o, n, True) for o, n in spoken if GROUP_SEPARATOR not in n
        ]
        candidates += self._people[
            bisect.bisect_right(self._people_starts, low) : bisect.bisect_left(
                self._people_starts, offset
            )
        ]
        candidates += [c for c in self._chained(offset, gender) if low < c[0] < offset]
        candidates.sort(key=lambda c: c[0], reverse=True)
        fits = [
            c
            for c in candidates
            if self.entities.gender(c[1]) in ("", gender) and c[1] in self.entities.people
        ]
        para = self._para_start(offset)
        # the most recent compatible speaker of the same paragraph is who goes on talking
        spoke = set(spoken)
        spoke_here = [c for c in fits if c[0] >= para and (c[0], c[1]) in spoke]
        salient = [c for c in fits if c[2]]
        best = spoke_here or salient or fits
        if not best:
            return None
        offset_of, name = best[0][0], best[0][1]
        if self._paragraphs_back(offset_of, para) > self.topic_paragraphs and self._others_between(
            offset_of, para, name
        ):
            return None  # paragraphs about other people since: the topic has changed
        return name

    def _paragraphs_back(self, earlier: int, para: int) -> int:
        """How many paragraph starts lie in (earlier, para]: 1 for the paragraph before."""
        return bisect.bisect_right(self._para_starts, para) - bisect.bisect_right(
            self._para_starts, earlier
        )

    def _para_start(self, offset: int) -> int:
        i = bisect.bisect_right(self._para_starts, offset) - 1
        return self._para_starts[i] if i >= 0 else 0

    def _others_between(self, start: int, end: int, name: str) -> bool:
        """Whether people other than ``name`` are named (outside quotes) in [start, end)."""
        first = bisect.bisect_right(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return any(
            m.type == "PERSON" and link.key not in (None, name) and not self._in_quote(m.start)
            for m, link in zip(self.mentions[first:last], self.links[first:last], strict=True)
        )

    def _chained(self, offset: int, gender: str) -> list[tuple[int, str, bool]]:
        """The person the last subject pronoun of the same gender before ``offset`` named."""
        pronouns = self._subject_pronouns.get(gender, [])
        i = bisect.bisect_left(pronouns, offset, key=lambda t: t.idx)
        if not i:
            return []
        last = pronouns[i - 1]
        if last.i not in self._pronoun_names:
            self._pronoun_names[last.i] = None  # no cycles while it resolves
            self._pronoun_names[last.i] = self._pronoun(last.idx, gender)
        name = self._pronoun_names[last.i]
        return [(last.idx, name, True)] if name else []

    def _in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and offset < self._quoted[i][1]

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECT_DEPS

    def _phrase(self, tok: Token, heads: list[Token]) -> Span:
        """The words naming the speaker: the mention, or the subject without clauses."""
        index = self.mention_index(tok)
        if index is not None and len(heads) == 1:
            m = self.mentions[index]
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                return span
        last = max(heads, key=lambda t: t.i)
        start = min(t.left_edge.i for t in heads)
        end = max(t.i for t in heads) + 1
        for t in last.rights:
            if t.dep_ in {"compound", "prep"} and t.i == end:
                end = t.right_edge.i + 1
        while start < tok.i and self.doc[start].is_punct:
            start += 1
        return self.doc[start : max(end, last.i + 1)]

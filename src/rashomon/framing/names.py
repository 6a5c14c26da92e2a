"""Where an article names something: no word inside a name is the outlet's wording.

"Department of Homeland Security" is not flag waving, "host Dana Bash" is not loaded
language and the series "Evil" is no judgement: the word belongs to a name. The spans
are the mentions the annotate stage stored, the names of things spaCy found that
mentions leave out (organisations, works, laws, events), runs of capitalised words that
spaCy missed ("Homeland Security"), and titles in quotation marks ("Brutal", the film).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rashomon.framing.patterns import SpanSet
from rashomon.framing.voice import WORD, Fragment
from rashomon.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# spaCy labels of names a loaded word can hide in; mentions cover people and places.
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "PERSON"})
# Lower-case words that may sit inside a capitalised name ("Department of State").
NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})
# Small words that stay lower-case inside a title ("Keeping Up with the Kardashians").
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "at", "by"}
)


def name_spans(
    doc: Doc,
    mentions: Iterable[Mention],
    headline_share: float,
    terms: Iterable[Fragment] = (),
) -> SpanSet:
    """Character spans of every name in the article. A sentence with more than
    ``headline_share`` of its words capitalised is a title-case headline, where a
    capitalised run says nothing about names (``settings.framing_headline_caps_share``).
    ``terms`` are the short fragments the outlet puts in quotation marks
    (``Voice.terms``): one in title case names a work, a one-word title included."""
    spans = {(m.start, m.end) for m in mentions}
    spans |= {(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS}
    for sentence in doc.sents:
        spans |= capitalised_runs(sentence, headline_share)
    text = doc.text  # spaCy joins every token for it: read it once
    spans |= {f.inner for f in terms if is_title(text[f.inner[0] : f.inner[1]])}
    return SpanSet(spans)


def is_title(inner: str) -> bool:
    """Every word capitalised, bar small ones: the title of a work or a name, not a term."""
    words = WORD.findall(inner)
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()


def is_title_case(words: Sequence[str], headline_share: float) -> bool:
    """Whether more than ``headline_share`` of the alphabetic words are capitalised: a
    title-case headline ("Council Votes to Close Two Libraries")."""
    alpha = [w for w in words if w.isalpha()]
    capitals = sum(w.istitle() or w.isupper() for w in alpha)
    return bool(alpha) and capitals / len(alpha) > headline_share


def capitalised_runs(sentence: Span, headline_share: float) -> set[tuple[int, int]]:
    """Runs of two or more capitalised words (joined by "of", "and", ...) in body text;
    the sentence's first word joins a run only when spaCy puts it in an entity (it tags
    any capitalised word a proper noun there)."""
    words = [t.text for t in sentence if t.is_alpha]
    if not words or is_title_case(words, headline_share):
        return set()
    runs: set[tuple[int, int]] = set()
    run: list = []
    for token in [*sentence, None]:
        capital = token is not None and token.is_alpha and (token.is_title or token.is_upper)
        if capital and token.i == sentence.start and not token.ent_type_:
            capital = False  # every sentence starts capitalised: "Incompetent Senator X"
        joiner = token is not None and bool(run) and token.lower_ in NAME_JOINERS
        if capital or joiner:
            run.append(token)
            continue
        while run and run[-1].lower_ in NAME_JOINERS:
            run.pop()
        if sum(1 for t in run if t.lower_ not in NAME_JOINERS) >= 2:
            runs.add((run[0].idx, run[-1].idx + len(run[-1])))
        run = []
    return runs

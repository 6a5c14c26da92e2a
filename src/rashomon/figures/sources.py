"""On whose word a figure stands, and as of when.

Sources are the phrases news attaches to numbers: "according to United Nations
figures", "per the ministry", "recent data by the U.N. High Commissioner for
Refugees showed", "The poll, commissioned by the Kremlin, found". A figure takes
the source whose governing word is its nearest ancestor in the parse; when a
sentence has one source and the figure is not under it (parentheticals such as
", the report said" attach loosely), the figure still takes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rashomon.model import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REPORTING = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "report",
    "showed",
    "shows",
    "show",
    "shown",
    "found",
    "finds",
    "find",
    "estimated",
    "estimates",
    "estimate",
    "stated",
    "claimed",
    "claims",
    "added",
    "noted",
    "wrote",
    "counted",
    "recorded",
    "confirmed",
    "indicated",
    "suggested",
    "revealed",
    "calculated",
    "published",
    "cited",
    "documented",
    "warned",
    "warns",
    "announced",
    "counts",
    "tallied",
}
CITING_PREPS = {"per", "citing"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this"}
MAX_TOKENS = 12  # a source longer than this is a clause, not a name (checked on the samples)


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    governor: int  # index of the word the source hangs on (the verb, or "according")
    date: DateRef | None  # a date inside the source phrase ("TASS calculations in January")
    rule: str


def sentence_sources(sent: Span, dates: list[DateRef]) -> list[Source]:
    found = []
    for token in sent:
        lower = token.lower_
        if lower == "according":
            target = _pobj(next((c for c in token.children if c.lower_ == "to"), None))
            if target is not None:
                found.append(_source(target, token.head.i, dates, "according-to"))
        elif lower in ("put", "puts", "estimated", "estimates") and any(
            c.dep_ == "prep" and c.lower_ == "at" and _has_number(c) for c in token.children
        ):
            # "Organisers put the crowd at nearly 50,000"
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in PRONOUNS:
                found.append(_source(subject, token.i, dates, "estimate-at"))
        elif lower in CITING_PREPS and token.dep_ in ("prep", "advcl", "pcomp"):
            target = _pobj(token) or next((c for c in token.children if c.dep_ == "dobj"), None)
            if target is not None:
                found.append(_source(target, token.head.i, dates, lower))
        elif lower in REPORTING and token.pos_ in ("VERB", "AUX"):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in PRONOUNS and not _has_number(subject):
                found.append(_source(subject, token.i, dates, "reporting-verb"))
    return [s for s in found if s.text]


def _has_number(token: Token) -> bool:
    """A subject holding a number is what is counted ("60% of voters said"), not a source."""
    return any(t.like_num or t.tag_ == "CD" for t in token.subtree)


def source_for(anchor: Token, sources: list[Source]) -> Source | None:
    """The source whose governing word is the nearest ancestor of ``anchor``."""
    depth = {a.i: n for n, a in enumerate(anchor.ancestors, start=1)}
    governing = [s for s in sources if s.governor in depth]
    if governing:
        return min(governing, key=lambda s: depth[s.governor])
    return sources[0] if len(sources) == 1 else None


def _pobj(token: Token | None) -> Token | None:
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ == "pobj"), None)


def _source(head: Token, governor: int, dates: list[DateRef], rule: str) -> Source:
    """The phrase headed by ``head``, without its articles, commas and dates."""
    date = None
    skip: set[int] = set()
    for child in head.rights:
        if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            skip.update(t.i for t in child.subtree)
            date = _date_in(child, dates) or date
    tokens = [t for t in head.subtree if t.i not in skip and t.dep_ != "punct"]
    while tokens and tokens[0].dep_ == "det":
        tokens = tokens[1:]
    text = " ".join(t.text for t in tokens[:MAX_TOKENS]).strip("\"“”'’ ")
    text = text.replace(" 's", "'s").replace(" ’s", "’s")
    return Source(text, governor, date, rule)


def _date_in(token: Token, dates: list[DateRef]) -> DateRef | None:
    start = min(t.idx for t in token.subtree)
    end = max(t.idx + len(t) for t in token.subtree)
    return next((d for d in dates if start <= d.start and d.end <= end), None)


def as_of(anchor: Token, sent: Span, dates: list[DateRef], source: Source | None) -> str | None:
    """The period or date a figure holds for, as ISO text ("since 2022-02-24") or the phrase.

    Order: a date inside its source ("TASS calculations in January" is as of
    January); a "since/as of/until" period on the figure's own clause, then one
    anywhere in the sentence (coordinated figures share it: "474 killed and 864
    injured since Feb. 24"); the date nearest in the parse.
    """
    if source is not None and source.date is not None:
        return _describe(source.date)
    in_sentence = [d for d in dates if sent.start_char <= d.start and d.end <= sent.end_char]
    periods = [c for c in sent if c.lower_ in PERIOD_PREPS and c.dep_ == "prep"]
    ancestors = {t.i for t in (anchor, *anchor.ancestors)}
    periods.sort(key=lambda p: p.head.i not in ancestors)
    if periods:
        return _period(periods[0], in_sentence)
    dated = [d for d in in_sentence if d.text.lower().startswith(("since", "as of", "until"))]
    if dated:
        return _describe(dated[0])
    near = _nearest(anchor, sent, in_sentence)
    return _describe(near) if near is not None else None


PERIOD_PREPS = ("since", "until", "through")


def _period(prep: Token, dates: list[DateRef]) -> str:
    """ "since the beginning of Russia's war on Feb. 24" → "since 2022-02-24"."""
    skip = {t.i for c in prep.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tokens = [t for t in prep.subtree if t.i not in skip and t.dep_ != "punct"]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    ref = next((d for d in dates if start <= d.start and d.end <= end), None)
    if ref is not None:
        return _describe(ref, prep.lower_)
    return " ".join(t.text for t in tokens[:MAX_TOKENS]).replace(" 's", "'s")


MAX_DATE_DISTANCE = (
    4  # parse edges; further dates belong to another clause (checked on the samples)
)


def _nearest(anchor: Token, sent: Span, dates: list[DateRef]) -> DateRef | None:
    best, best_distance = None, MAX_DATE_DISTANCE + 1
    doc = sent.doc
    for ref in dates:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            continue
        distance = _tree_distance(anchor, span.root)
        if distance < best_distance:
            best, best_distance = ref, distance
    return best


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return 99


def _describe(ref: DateRef, lead: str | None = None) -> str:
    text = ref.text.lower()
    lead = lead or next((w for w in ("since", "as of", "until") if text.startswith(w)), None)
    if ref.date is None:
        return ref.text if lead is None or text.startswith(lead) else f"{lead} {ref.text}"
    when = ref.date if ref.date_end is None else f"{ref.date}/{ref.date_end}"
    if ref.precision == "month":
        when = ref.date[:7]
    elif ref.precision == "year":
        when = ref.date[:4]
    return f"{lead} {when}" if lead and lead != "as" else (f"as of {when}" if lead else when)

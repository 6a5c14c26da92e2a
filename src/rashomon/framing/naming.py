"""Naming choices: which of a family's names the outlet uses in its own voice.

"Kyiv" or "Kiev", "invasion" or "special military operation", "government" or "regime":
each family in naming.toml lists the rival names for one thing. A name is reported in
the outlet's own voice and in the quotes it chose, each signal saying which. A name is
a choice only once its alternative was established (``choice_from``: "Kiev" in 2014 was
the usual spelling, so it weighs nothing then). When the outlet states, in its own
voice, the aim of an action it named ("an operation aimed at protecting ..."), that
stated purpose is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.lexicon import Lexicon, NamingFamily, NamingTerm
from rashomon.framing.patterns import PhraseIndex, SpanSet, compile_phrases, longest_first
from rashomon.framing.scare_quotes import distanced, is_scare_quote
from rashomon.model import Signal

# A name the outlet disowns (scare quotes, "so-called") weighs as a scare quote does
# (scare_quotes.SCARE_WEIGHT) unless the name itself weighs more. Set by hand.
DISTANCED_WEIGHT = 0.5
# Stating an action's aim as fact in the outlet's voice: strong evidence of taking a side,
# below the delegitimising names. Set by hand.
PURPOSE_WEIGHT = 0.6
# How far after a name its stated purpose may start, in tokens ("its 'special military
# operation' in neighbouring Ukraine aimed at ..." is 5). Set by reading the samples.
PURPOSE_WINDOW = 8


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    family: NamingFamily
    term: NamingTerm


def naming_label(family: NamingFamily, term: NamingTerm) -> str:
    """``family: term``, the label a naming signal carries; ``compare`` splits it."""
    return f"{family.id}: {term.label}"


def alternatives(family: NamingFamily, term: NamingTerm) -> str:
    others = [f"'{t.say[0]}'" for t in family.terms if t.label != term.label]
    return " / ".join(others)


@cache
def name_index(lexicon: Lexicon) -> PhraseIndex:
    """Every searched wording of every family, with its (family, term) as payload. Common
    nouns ("regime") also match their plural; names ("Kiev") do not."""
    entries = []
    for family in lexicon.families:
        for term in family.terms:
            if term.match:
                payload = (family, term)
                for wording in term.say:
                    entries.append((wording, payload, wording.split()[-1].islower()))
    return PhraseIndex(entries)


@cache
def unless_index(lexicon: Lexicon) -> PhraseIndex:
    return PhraseIndex(
        (phrase, family.id, True) for family in lexicon.families for phrase in family.unless
    )


def find_names(ctx: Context) -> list[NameMatch]:
    """Every family's names in the text: longest within a family, and a name inside a
    longer name of another family dropped ("regime" in "Kiev regime") unless it is a
    spelling choice ("Kiev" in "Kiev regime" still shows the spelling)."""
    unless: dict[str, SpanSet] = {}
    for start, end, family_id in unless_index(ctx.lexicon).find(ctx.text):
        unless.setdefault(family_id, SpanSet()).add(start, end)
    per_family: dict[str, list[tuple[int, int, tuple[NamingFamily, NamingTerm]]]] = {}
    for start, end, (family, term) in name_index(ctx.lexicon).find(ctx.text):
        if family.id not in unless or not unless[family.id].contains(start, end):
            per_family.setdefault(family.id, []).append((start, end, (family, term)))
    found = [
        NameMatch(s, e, family, term)
        for spans in per_family.values()
        for s, e, (family, term) in longest_first(spans)
    ]
    spans = SpanSet((m.start, m.end) for m in found)
    kept = [m for m in found if m.family.spelling or not in_longer(m.start, m.end, spans)]
    return sorted(kept, key=lambda m: m.start)


def in_longer(start: int, end: int, spans: SpanSet) -> bool:
    """True when a span longer than ``start:end`` contains it: one reaching a character
    further on either side."""
    return spans.contains(start, end + 1) or (start > 0 and spans.contains(start - 1, end))


def in_proper_name(ctx: Context, match: NameMatch) -> bool:
    """True when a family's common-noun wording is capitalised inside a name: part of
    that name ("the Ministry for ... Temporarily Occupied Territories", "the Aggression
    Studies Institute"), not the outlet's choice. A spelling, or a wording that is itself
    a name ("Donetsk People's Republic"), still counts."""
    if match.family.spelling or not ctx.in_name(match.start, match.end):
        return False
    said = ctx.text[match.start : match.end]
    if not all(word[0].isupper() for word in said.split()):
        return False
    return any(f[0].islower() and said.lower().startswith(f.lower()) for f in match.term.say)


def naming_findings(ctx: Context) -> list[Finding]:
    findings = []
    for match in find_names(ctx):
        if in_proper_name(ctx, match):
            continue
        quoted_name = whole_quoted_name(ctx, match)
        signal = naming_signal(ctx, match, quoted_name)
        findings.append(Finding(signal, match.term.technique if signal.weight > 0 else ""))
        if match.family.purpose and signal.weight > 0 and signal.voice == "outlet":
            findings += purpose_findings(ctx, match)
    return findings


def naming_signal(ctx: Context, match: NameMatch, quoted_name: bool) -> Signal:
    """The signal for one name; a name the outlet itself puts in scare quotes or after
    "so-called" is reported as distanced, since the outlet then disowns the name."""
    words = ctx.quote(match.start, match.end)
    label = naming_label(match.family, match.term)
    weight = match.term.weight
    if not_yet_a_choice(ctx, match.term):
        explanation = (
            f"'{words}' was the usual English name when this was published "
            f"({ctx.published}); the alternative became established only from "
            f"{match.term.choice_from}, so using it was no choice."
        )
        return make_signal(ctx, match.start, match.end, "naming", label, explanation, 0.0)
    marked = ctx.voice.term_at(match.start, match.end)
    if (marked and is_scare_quote(ctx, marked)) or distanced(ctx, match.start):
        label = f"{label} (distanced)"
        weight = max(weight, DISTANCED_WEIGHT)
        explanation = (
            f"'{words}' is written in scare quotes or after 'so-called': the outlet uses "
            f"the name while disowning it, implying it is not a real {match.term.label}."
        )
    else:
        note = " (written in quotation marks, as someone's term)" if quoted_name else ""
        if ctx.voice.paraphrase(match.start, match.end):
            note += " (in the outlet's paraphrase of what someone said)"
        explanation = f"'{words}' {match.term.means}{note}."
    if others := alternatives(match.family, match.term):
        explanation += f" Other wordings for {match.family.thing}: {others}."
    signal = make_signal(ctx, match.start, match.end, "naming", label, explanation, weight)
    # A name alone in quotation marks within a paraphrase is the outlet's own use of
    # someone's term: the outlet's voice.
    return replace(signal, voice="outlet", speaker=None) if quoted_name else signal


def not_yet_a_choice(ctx: Context, term: NamingTerm) -> bool:
    """True when the article predates the day the name's alternative became established."""
    return bool(term.choice_from and ctx.published and ctx.published[:10] < term.choice_from)


def whole_quoted_name(ctx: Context, match: NameMatch) -> bool:
    """A name that alone fills quotation marks inside a paraphrase ('its "special military
    operation"') marks the name as someone's term; choosing to use it is still the outlet's."""
    fragment = ctx.voice.partial_at(match.start, match.end)
    if fragment is None:
        return False
    inner = ctx.text[fragment.inner[0] : fragment.inner[1]].strip(" ,.;:")
    return inner.lower() == ctx.text[match.start : match.end].lower()


def purpose_findings(ctx: Context, match: NameMatch) -> list[Finding]:
    """The aim the outlet gives, in its own voice, to an action it named."""
    token = ctx.token_at(match.start, match.end)
    if token is None:
        return []
    sentence = token.sent
    window_end = min(sentence.end, token.i + PURPOSE_WINDOW + len(match.term.say[0].split()))
    if window_end <= token.i + 1:
        return []
    after = ctx.doc[token.i + 1 : window_end]
    markers = compile_phrases(ctx.lexicon.cues.purpose_markers)
    hit = markers.search(ctx.text, after.start_char, after.end_char)
    if hit is None:
        return []
    marker = ctx.token_at(*hit)
    if marker is None:
        return []
    head = marker
    while head.dep_ in ("prep", "aux", "mark", "pobj", "pcomp") and head.head is not head:
        head = head.head
    end_char = max(t.idx + len(t) for t in head.subtree if t.sent == sentence)
    start_char = hit[0]
    if end_char <= start_char or not ctx.voice.own(start_char, end_char):
        return []
    name = ctx.quote(match.start, match.end)
    aim = ctx.quote(start_char, end_char)
    explanation = (
        f"States as fact, in the outlet's own voice, the aim or cause of the '{name}': '{aim}'. "
        "That is one side's justification; a neutral report attributes it to that side."
    )
    signal = make_signal(
        ctx,
        start_char,
        end_char,
        "purpose",
        f"{match.family.id}: purpose",
        explanation,
        PURPOSE_WEIGHT,
    )
    return [Finding(signal)]

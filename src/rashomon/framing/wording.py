"""Loaded and evaluative words, hedges, intensifiers and epithets, outside names.

A word in the outlet's own voice and one in a quote it chose are both signals, each
recording its voice (``make_signal``).

Words come from the groups in wording.toml. Two shapes are found from grammar too: an
evaluative adjective on a statement ("unsubstantiated remarks") dismisses what someone
said, and a hyphenated patron label ("Western-sponsored", "US-led") ties people to a
sponsor, questioning their independence.
"""

from __future__ import annotations

import re
from functools import cache

from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.lexicon import Cues, Lexicon, WordGroup
from rashomon.framing.patterns import HYPHENS, PhraseIndex, SpanSet, non_overlapping, variants

# An epithet on a statement dismisses it outright; weighted as the strongest discrediting
# words (wording.toml, group "discrediting"). Set by hand.
EPITHET_WEIGHT = 0.7
# "pro-Russia", "pro-Western": labelling by allegiance, milder than a patron label.
PRO_LABEL_WEIGHT = 0.3


def wording_findings(ctx: Context) -> list[Finding]:
    findings = []
    for start, end, group in group_matches(ctx):
        epithet = statement_epithet(ctx, start, end, group)
        if epithet is not None:
            findings.append(epithet)
            continue
        word = ctx.quote(start, end)
        signal = make_signal(
            ctx, start, end, group.signal, group.id, f"'{word}' {group.means}.", group.weight
        )
        findings.append(Finding(signal, group.technique))
    taken = SpanSet(span(f) for f in findings)
    findings += [f for f in affiliation_findings(ctx) if not taken.overlaps(*span(f))]
    return findings


def span(finding: Finding) -> tuple[int, int]:
    return finding.signal.start, finding.signal.end


@cache
def word_index(lexicon: Lexicon) -> PhraseIndex:
    """Every word of every group (and its verb forms for inflected groups), group as payload."""
    return PhraseIndex(
        (form, group, False)
        for group in lexicon.groups
        for word in group.words
        for form in variants(word, group.inflect)
    )


def group_matches(ctx: Context) -> list[tuple[int, int, WordGroup]]:
    """Matches outside names, in either voice; where groups overlap, the longer match,
    then the heavier group."""
    found = [m for m in word_index(ctx.lexicon).find(ctx.text) if not ctx.in_name(m[0], m[1])]
    return non_overlapping(sorted(found, key=lambda m: (m[0] - m[1], -m[2].weight, m[0])))


def statement_epithet(ctx: Context, start: int, end: int, group: WordGroup) -> Finding | None:
    """A negative adjective on a noun naming what someone said: 'unsubstantiated remarks'."""
    if group.polarity >= 0:
        return None
    token = ctx.token_at(start, end)
    if token is None or token.pos_ != "ADJ":
        return None
    noun = token.head if token.dep_ in ("amod", "compound") else None
    if noun is None or noun.lower_ not in ctx.lexicon.cues.statement_nouns:
        return None
    first, last = min(start, noun.idx), max(end, noun.idx + len(noun))
    if ctx.voice.own(start, end) != ctx.voice.own(first, last):
        return None  # the adjective and the noun are in different voices
    words = ctx.quote(first, last)
    explanation = (
        f"'{words}' dismisses what someone said with an epithet, without showing why; "
        "a neutral report states what was said and lets others dispute it."
    )
    weight = max(group.weight, EPITHET_WEIGHT)
    signal = make_signal(ctx, first, last, "loaded", "epithet on a statement", explanation, weight)
    return Finding(signal, "Doubt")


@cache
def affiliation_pattern(cues: Cues) -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s, _ in cues.affiliation)
    patron = rf"(?:[A-Z][\w.&]*|[A-Z]{{2,}})(?:[{HYPHENS}][A-Z][\w.]*)*"
    return re.compile(rf"(?<![\w{HYPHENS}]){patron}[{HYPHENS}](?P<kind>{suffixes})(?!\w)")


PRO_PATTERN = re.compile(rf"(?<![\w{HYPHENS}])pro[{HYPHENS}][A-Z][\w]*(?![\w{HYPHENS}])")


def affiliation_findings(ctx: Context) -> list[Finding]:
    weights = dict(ctx.lexicon.cues.affiliation)
    found = []
    for match in affiliation_pattern(ctx.lexicon.cues).finditer(ctx.text):
        found.append((match.start(), match.end(), weights[match.group("kind").lower()]))
    for match in PRO_PATTERN.finditer(ctx.text):
        found.append((match.start(), match.end(), PRO_LABEL_WEIGHT))
    findings = []
    for start, end, weight in found:
        words = ctx.quote(start, end)
        target = labelled_phrase(ctx, start, end)
        explanation = (
            f"'{words}' labels {target} by a patron or an allegiance, which questions "
            "their independence; a neutral report names them by their role."
        )
        signal = make_signal(ctx, start, end, "loaded", "patron label", explanation, weight)
        findings.append(Finding(signal, "Name_Calling-Labeling"))
    return findings


def labelled_phrase(ctx: Context, start: int, end: int) -> str:
    """The noun phrase an epithet sits in ("Ukraine's Western-sponsored President ...")."""
    token = ctx.token_at(start, end)
    if token is None:
        return "what it describes"
    noun = token if token.pos_ in ("NOUN", "PROPN") else token.head
    while noun.dep_ == "compound" and noun.head is not noun:
        noun = noun.head
    left = min(t.i for t in noun.subtree if t.i <= token.i)
    right = noun.i
    words = ctx.quote(ctx.doc[left].idx, ctx.doc[right].idx + len(ctx.doc[right]), limit=80)
    return f"'{words}'"

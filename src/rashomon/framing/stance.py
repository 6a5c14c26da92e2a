"""Stance: who casts which entity positively or negatively, from the words around it.

For every entity mentioned at least twice, the evaluative words syntactically tied to
each mention (its head, its modifiers, what is said of it) are summed: words from the
loaded groups (with their polarity), and adjectives and adverbs from VADER's lexicon
(MIT; Hutto & Gilbert 2014). Nouns and verbs from VADER are left out because they name
events ("war", "killed"), not judgements. Only words in the mention's own voice count,
and that voice is the holder: the outlet, or the quoted speaker whose insult it is. In
the outlet's paraphrase of someone ("Diaz said Reyes was corrupt") the judgement is the
speaker's, reported: the holder is that speaker, never the outlet.
The target is the entity mentioned. A name that only qualifies another noun ("Ukraine's
richest man", "the Trump campaign") is not what that noun's modifiers judge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.wording import word_index
from rashomon.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entities mentioned this often in an article are its main ones. Two keeps the people
# and places a story is about and drops passing names in the samples.
MIN_MENTIONS = 2
# VADER valence runs -4..4; words below 1.0 in absolute value are near neutral.
VADER_MIN = 1.0
# The summed polarity needed to report a stance at one mention: one clearly evaluative
# word (a loaded word counts 1, a VADER word its valence / 4). Set by hand.
STANCE_MIN = 0.5
# A stance alone is weak evidence of a biased sentence: many reports quote or describe
# harsh facts about someone. Set by hand.
STANCE_WEIGHT = 0.2
TYPES = ("PERSON", "ORG", "GPE", "NORP")
# A mention in one of these relations only qualifies the noun it hangs on ("Ukraine's
# richest man"): that noun's modifiers judge the noun, not the mention.
QUALIFIER_DEPS = ("poss", "compound", "nmod")


@cache
def vader_analyzer():
    """VADER's analyser, built once per process (it reads its lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def vader_lexicon() -> dict[str, float]:
    return dict(vader_analyzer().lexicon)


def main_mentions(mentions: tuple[Mention, ...]) -> list[Mention]:
    keys = Counter(m.entity_id or m.name for m in mentions if m.type in TYPES)
    return [m for m in mentions if m.type in TYPES and keys[m.entity_id or m.name] >= MIN_MENTIONS]


def loaded_polarity(ctx: Context) -> dict[int, tuple[float, str]]:
    """Token index → (polarity, the loaded word or phrase it is part of)."""
    polarity: dict[int, tuple[float, str]] = {}
    for start, end, group in word_index(ctx.lexicon).find(ctx.text):
        span = ctx.span(start, end) if group.polarity else None
        if span is not None and not ctx.in_name(start, end):
            for token in span:
                polarity[token.i] = (float(group.polarity), ctx.text[start:end])
    return polarity


def evaluative_tokens(ctx: Context) -> dict[int, tuple[float, str]]:
    """Token index → (polarity -1..1, word) for every judging word of the article."""
    found = loaded_polarity(ctx)
    vader = vader_lexicon()
    for token in ctx.doc:
        if token.i in found or token.pos_ not in ("ADJ", "ADV"):
            continue
        if abs(vader.get(token.lower_, 0.0)) >= VADER_MIN:
            found[token.i] = (vader[token.lower_] / 4, token.text)
    return found


def neighbours(root: Token) -> list[Token]:
    """Tokens that can judge the mention: its head and its own and its head's modifiers,
    and what is predicated of it when it is a subject ("Putin is desperate")."""
    if root.dep_ in QUALIFIER_DEPS:
        return [t for t in root.subtree if t is not root]  # only its own modifiers
    near = [root.head, *root.children, *root.head.children]
    for child in root.children:  # "the reckless senator X", "X, a shameless opportunist"
        if child.dep_ in ("compound", "appos"):
            near += list(child.children)
    if root.dep_ in ("nsubj", "nsubjpass"):
        for child in root.head.children:
            if child.dep_ in ("acomp", "attr", "oprd"):
                near += list(child.subtree)
    sentence = root.sent
    return [t for t in dict.fromkeys(near) if sentence.start <= t.i < sentence.end]


def holder_at(ctx: Context, start: int, end: int) -> tuple[str, str | None]:
    """Whose judgement words at ``start:end`` carry: ("outlet", None) for the outlet's own,
    else ("quote", the speaker), quoted or paraphrased."""
    holder = ctx.voice.who(start, end)
    if holder[0] == "outlet" and ctx.voice.paraphrase(start, end):
        return "quote", ctx.voice.paraphrased_by(start, end)
    return holder


def stance_findings(ctx: Context, judging: dict[int, tuple[float, str]]) -> list[Finding]:
    """Stance toward each main mention, from ``judging`` (``evaluative_tokens``) near it."""
    mentions = [m for m in main_mentions(ctx.mentions) if m.name.strip()]
    if not mentions:
        return []
    taken = {t.i for m in ctx.mentions if (s := ctx.span(m.start, m.end)) is not None for t in s}
    findings = []
    for mention in mentions:
        span = ctx.span(mention.start, mention.end)
        if span is None:
            continue
        holder = holder_at(ctx, mention.start, mention.end)
        evidence: dict[str, float] = {}
        for token in neighbours(span.root):
            if token.i in taken or token.i not in judging:
                continue
            if holder_at(ctx, token.idx, token.idx + len(token)) != holder:
                continue  # someone else's words about it
            value, word = judging[token.i]
            evidence[word] = value
        total = sum(evidence.values())
        if abs(total) < STANCE_MIN:
            continue
        side = "negative" if total < 0 else "positive"
        words = ", ".join(f"'{w}'" for w in evidence)
        who = "the outlet's own" if holder[0] == "outlet" else f"{holder[1] or 'a speaker'}'s"
        who += " words"
        if holder[0] == "quote" and ctx.voice.own(mention.start, mention.end):
            who += ", as the outlet reports them,"  # a paraphrase
        explanation = f"Around '{mention.text}', {who} are {side}: {words}."
        signal = make_signal(
            ctx,
            mention.start,
            mention.end,
            "stance",
            f"{side}: {mention.name}",
            explanation,
            STANCE_WEIGHT,
            target=mention.name,
        )
        findings.append(Finding(replace(signal, voice=holder[0], speaker=holder[1])))
    return findings

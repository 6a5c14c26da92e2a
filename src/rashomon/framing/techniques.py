"""Persuasion techniques (SemEval-2023 task 3 names) that rules can show evidence for.

Most are read off other signals: a discrediting word is evidence of Doubt, a
delegitimising name of Name_Calling-Labeling. Three need their own rule: Repetition
(the same judging phrase three times or more in the outlet's voice), Slogans (a known
slogan standing alone as a clause, or a short exclamation, in the outlet's voice), and
the phrases of techniques.toml that are evidence by themselves ("everyone knows":
Appeal_to_Popularity; "what about": Whataboutism). Each technique signal is on its
evidence span and keeps the evidence's voice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from functools import cache

from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.lexicon import Lexicon, TechniqueCue
from rashomon.framing.patterns import (
    PhraseIndex,
    compile_phrases,
    find_all,
    longest_first,
    variants,
)
from rashomon.framing.voice import DOUBLE_MARKS, SINGLE_MARKS

EXPLAINS = {
    "Loaded_Language": "uses words with strong emotional charge to sway the reader",
    "Name_Calling-Labeling": "labels its target instead of describing it",
    "Doubt": "casts doubt on someone's credibility or words without evidence",
    "Appeal_to_Fear-Prejudice": "plays on fear of a threat",
    "Flag_Waving": "appeals to national pride or a group's identity",
    "Exaggeration-Minimisation": "makes something look bigger or smaller than the facts show",
    "Repetition": "repeats the same phrase to drive a point home",
    "Slogans": "uses a short, striking slogan",
}


@cache
def cue_index(lexicon: Lexicon) -> PhraseIndex:
    """Every phrase of every technique cue (first word inflected where asked), cue as payload."""
    return PhraseIndex(
        (form, cue, False)
        for cue in lexicon.techniques
        for phrase in cue.phrases
        for form in variants(phrase, cue.inflect)
    )


def cue_findings(ctx: Context) -> list[Finding]:
    """Technique phrases of techniques.toml, outside names, each on its own span."""
    findings = []
    for start, end, cue in longest_first(cue_index(ctx.lexicon).find(ctx.text)):
        assert isinstance(cue, TechniqueCue)
        if ctx.in_name(start, end):
            continue
        words = ctx.quote(start, end)
        explanation = f"{cue.technique}: '{words}' {cue.means}."
        signal = make_signal(ctx, start, end, "technique", cue.technique, explanation, cue.weight)
        findings.append(Finding(signal))
    return findings


# A phrase said this often in one article's own voice is repetition. Three is the
# smallest count that separates a hammered phrase from a topic's name repeated in plain
# reporting in the samples; topic words and names are excluded as well.
REPETITION_MIN = 3
# Own-voice sentences this short ending in "!" read as slogans. Set by hand.
SLOGAN_MAX_WORDS = 6
# Evidence weights for the two rules of their own. Set by hand, below loaded words: a
# repeated phrase or an exclamation alone is weak evidence of one-sidedness.
REPETITION_WEIGHT = 0.35
SLOGAN_WEIGHT = 0.5


def technique_signals(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """One technique signal per piece of evidence, on the evidence's span and weight."""
    out = []
    for finding in findings:
        if not finding.technique:
            continue
        source = finding.signal
        explanation = (
            f"{finding.technique}: the outlet {EXPLAINS.get(finding.technique, 'persuades')}"
            f" ('{ctx.quote(source.start, source.end)}', {source.signal})."
        )
        signal = make_signal(
            ctx,
            source.start,
            source.end,
            "technique",
            finding.technique,
            explanation,
            source.weight,
        )
        out.append(Finding(replace(signal, voice=source.voice, speaker=source.speaker)))
    return out


def repetition_findings(ctx: Context, judging: Collection[int]) -> list[Finding]:
    """Evaluative bigrams (no names, no stop words) said three or more times in own voice.

    A topic's name recurs in any plain report ("health care", "border wall"), so only a
    phrase with a judging word in it (a lexicon word, or a clearly valenced adjective or
    adverb) counts as hammered home. ``judging`` holds those words' token indices
    (``evaluative_tokens``, found once per article for this rule and stance).
    """
    where: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    doc = ctx.doc
    # Only the two bigrams around each judging word can count: reading just those, in
    # text order, spares building every token of the article.
    around = {(i + d - 1, i + d) for i in judging for d in (0, 1)}
    for a, b in sorted((a, b) for a, b in around if a >= 0 and b < len(doc)):
        left, right = doc[a], doc[b]
        if right.is_sent_start:
            continue
        if any(t.is_stop or t.ent_type_ or not t.is_alpha for t in (left, right)):
            continue
        start, end = left.idx, right.idx + len(right)
        if ctx.voice.own(start, end):
            where[(left.lower_, right.lower_)].append((start, end))
    findings = []
    for phrase, spans in where.items():
        if len(spans) < REPETITION_MIN:
            continue
        words = " ".join(phrase)
        for start, end in spans:
            explanation = (
                f"Repetition: the outlet writes '{words}' {len(spans)} times, "
                "driving the phrase home."
            )
            signal = make_signal(
                ctx, start, end, "technique", "Repetition", explanation, REPETITION_WEIGHT
            )
            findings.append(Finding(signal))
    return findings


# What may stand on either side of a slogan used as one: the text's edge, a line break,
# punctuation or a quotation mark ("chanting “no to war”", "Build the wall, they said").
CLAUSE_EDGE = frozenset(".,;:!?()[]—–-\n" + DOUBLE_MARKS + SINGLE_MARKS)


def fills_its_clause(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands alone between clause edges: a listed slogan
    used as a slogan, not its words in a plain clause ("will build the wall of the new
    school", "the America First policy")."""
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    return (not before or before[-1] in CLAUSE_EDGE) and (not after or after[0] in CLAUSE_EDGE)


def slogan_findings(ctx: Context) -> list[Finding]:
    """Known slogans standing alone as a clause, and short exclamations, in own voice."""
    found = {
        (start, end)
        for start, end in find_all(compile_phrases(ctx.lexicon.cues.slogans), ctx.text)
        if fills_its_clause(ctx.text, start, end)
    }
    for sentence in ctx.doc.sents:
        alpha = [t for t in sentence if t.is_alpha]
        if 0 < len(alpha) <= SLOGAN_MAX_WORDS and sentence.text.rstrip().endswith("!"):
            found.add((sentence.start_char, sentence.end_char))
    # one piece of evidence, one signal: a listed slogan inside an exclamation is that one
    found = {s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found)}
    findings = []
    for start, end in sorted(found):
        if not ctx.voice.own(start, end):
            continue
        words = ctx.quote(start, end)
        explanation = f"Slogans: the outlet writes the slogan '{words}' in its own voice."
        signal = make_signal(ctx, start, end, "technique", "Slogans", explanation, SLOGAN_WEIGHT)
        findings.append(Finding(signal))
    return findings

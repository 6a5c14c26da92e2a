"""Scare quotes: a word or three in quotation marks that nobody is said to have said.

'"security" assistance' and 'so-called "referendums"' distance the outlet from a term
and suggest it is not what it claims to be. A fragment right after a verb of speech or
naming ("calling it "terrorism"", "told ... "exact opposite"") is speech, and a title in
quotation marks ('The "Celebrity Apprentice" star') names a work: neither is a scare
quote. Only a fragment the outlet also disowns ("so-called", "supposed") is evidence of
Doubt; a bare scare quote marks distance, not an argument.
"""

from __future__ import annotations

import re
from functools import cache

from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.lexicon import Lexicon
from rashomon.framing.names import is_title
from rashomon.framing.patterns import PhraseIndex, compile_phrases
from rashomon.framing.speech import speech_verb_forms
from rashomon.framing.voice import Fragment

# Scare quotes cast doubt as a discrediting word does, but a reader may also take them
# as marking a term's owner, so they weigh a little less (0.5 vs 0.7). Set by hand.
SCARE_WEIGHT = 0.5
# How far before a fragment a speech or naming verb makes it speech, in characters
# ("described the talks as "constructive"" is 18). Set by reading the samples.
CUE_REACH = 40
# Distancing words right before a quoted term ("so-called “referendums”"), within this
# many characters (room for an opening quotation mark and a space).
DISTANCING_REACH = 16
DISTANCING = re.compile(
    r"(?:so-called|self-proclaimed|self-styled|supposed|alleged|pseudo-?)\W*$", re.IGNORECASE
)


def is_scare_quote(ctx: Context, fragment: Fragment) -> bool:
    """A short own-voice fragment that no speech or naming verb just before introduces,
    and that is not a quoted line of its own (a title or a caption)."""
    before = ctx.text[max(0, fragment.start - CUE_REACH) : fragment.start]
    before = before[before.rfind("\n") + 1 :]
    if speech_pattern(ctx.lexicon).search(before) or before.rstrip().endswith(":"):
        return False
    if is_title(ctx.text[fragment.inner[0] : fragment.inner[1]]):
        return False
    return bool(before.strip()) or ctx.text[fragment.end : fragment.end + 1] not in ("", "\n")


def distanced(ctx: Context, start: int) -> bool:
    """True when a distancing word ("so-called") comes right before ``start``."""
    return bool(DISTANCING.search(ctx.text[max(0, start - DISTANCING_REACH) : start]))


@cache
def speech_pattern(lexicon: Lexicon) -> PhraseIndex:
    judging = tuple(form for verb in lexicon.verbs for form in verb.say)
    return compile_phrases(speech_verb_forms() + judging + lexicon.cues.naming_cues)


def scare_quote_findings(ctx: Context) -> list[Finding]:
    findings = []
    for fragment in ctx.voice.terms:
        if not is_scare_quote(ctx, fragment):
            continue
        inner = ctx.quote(*fragment.inner)
        explanation = (
            f"Puts '{inner}' in quotation marks without saying who used the word, "
            "which distances the outlet from it and suggests it is not what it claims to be."
        )
        signal = make_signal(
            ctx,
            fragment.start,
            fragment.end,
            "scare_quote",
            inner.lower(),
            explanation,
            SCARE_WEIGHT,
        )
        findings.append(Finding(signal, "Doubt" if distanced(ctx, fragment.start) else ""))
    return findings

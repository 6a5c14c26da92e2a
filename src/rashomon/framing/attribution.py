"""Attribution verbs: "said" vouches for nothing; "claimed", "admitted", "insisted" judge.

Each verb of attribution.toml is reported where the outlet uses it in its own voice as
a verb, with who it attributes the words to, so a reader sees "claimed" against the
"said" of other outlets reporting the same speaker.
"""

from __future__ import annotations

from functools import cache

from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.lexicon import AttributionVerb, Lexicon
from rashomon.framing.patterns import PhraseIndex, longest_first

# Longest speaker phrase quoted in an explanation, in tokens; longer subjects are cut to
# their head word's name. Set by reading the samples' subjects.
MAX_SPEAKER_TOKENS = 6


def attribution_findings(ctx: Context) -> list[Finding]:
    found = list(verb_index(ctx.lexicon).find(ctx.text))
    findings = []
    for start, end, verb in longest_first(found):
        assert isinstance(verb, AttributionVerb)
        if not ctx.voice.own(start, end):
            continue
        token = ctx.token_at(start, end)
        multiword = len(ctx.text[start:end].split()) > 1
        if token is None or (not multiword and token.pos_ not in ("VERB", "AUX")):
            continue
        word = ctx.quote(start, end)
        who = speaker_of(token)
        if verb.weight > 0:
            explanation = f"'{word}' {verb.means} ({who}); a neutral report would write 'said'."
        else:
            explanation = f"'{word}' {verb.means} ({who})."
        signal = make_signal(ctx, start, end, "attribution", verb.label, explanation, verb.weight)
        findings.append(Finding(signal, verb.technique))
    return findings


@cache
def verb_index(lexicon: Lexicon) -> PhraseIndex:
    return PhraseIndex((form, verb, False) for verb in lexicon.verbs for form in verb.say)


def speaker_of(token) -> str:
    """The subject of the verb, or of the clause it hangs from ("..., claiming that")."""
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            words = list(subject.subtree)
            if len(words) > MAX_SPEAKER_TOKENS:
                words = [w for w in words if w.dep_ in ("compound", "flat") or w is subject]
            return "speaker: " + " ".join(w.text for w in words)
        if current.head is current:
            break
        current = current.head
    return "speaker not named"

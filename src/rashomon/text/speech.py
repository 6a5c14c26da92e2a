"""The one speech-verb lexicon (``rashomon/data/text/speech_verbs.toml``) and its inflector.

The spaCy lemmatizer is disabled for speed, so the lexicon is expanded to every
form once ("say" -> say, says, said, saying) and matched on the lower-cased word.
The quotes stage reads its cues here and framing its verbs of attribution; no stage
keeps a verb list or an inflector of its own.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: str  # speech, report, belief, continuation
    confidence: float


def inflect(verb: str) -> set[str]:
    """English forms of a verb or phrasal verb ("lash out" -> lashed out, …): the
    irregular forms the lexicon lists, and -s, -ed, -ing with the usual spelling changes."""
    head, _, rest = verb.partition(" ")
    if rest:
        return {f"{form} {rest}" for form in inflect(head)}
    return _regular(verb) | set(_data()["irregular"].get(verb, ()))


def _regular(verb: str) -> set[str]:
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in VOWELS:
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return {verb, verb + "es", verb + "ed", verb + "ing"}
    forms = {verb, verb + "s", verb + "ed", verb + "ing"}
    # consonant-vowel-consonant endings may double ("admitted"; "vow" does not); the "u"
    # of "qu" is no vowel ("quipped"). Both spellings are kept: a form that English never
    # uses simply never matches.
    before = "q" if verb[-4:-2] == "qu" else verb[-3:-2]
    if verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS and before not in VOWELS:
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@cache
def _data() -> dict:
    path = resources.files("rashomon") / "data" / "text" / "speech_verbs.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def cue_forms() -> dict[str, Cue]:
    """Lower-cased word form -> its cue; a form in several classes keeps the surest."""
    forms: dict[str, Cue] = {}
    for kind, entry in _data()["classes"].items():
        for lemma in entry["verbs"]:
            cue = Cue(lemma, kind, entry["confidence"])
            for form in inflect(lemma):
                if form not in forms or forms[form].confidence < cue.confidence:
                    forms[form] = cue
    return forms


@cache
def speech_verbs(kinds: tuple[str, ...] = ("speech",)) -> frozenset[str]:
    """The lemmas of the cue classes ``kinds`` (speech, report, belief, continuation)."""
    classes = _data()["classes"]
    return frozenset(lemma for kind in kinds for lemma in classes[kind]["verbs"])


def cue_of(word: str) -> Cue | None:
    return cue_forms().get(word.lower())

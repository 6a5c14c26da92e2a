"""What the quotes stage reads beyond the speech verbs (``rashomon/data/quotes/cues.toml``):
verbs whose object carries a statement, documents that speak for their sender, and
the nouns that stand for a source after "according to".

The speech-verb lexicon and the inflector are the text toolkit's
(``rashomon.text.speech``); the object verbs here are inflected with it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rashomon.text.speech import inflect


@cache
def _data() -> dict:
    path = resources.files("rashomon") / "data" / "quotes" / "cues.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def document_nouns() -> frozenset[str]:
    """Nouns for a document that speaks for whoever issued it ("the release said")."""
    return frozenset(_data()["documents"]["nouns"])


@cache
def source_nouns() -> frozenset[str]:
    """Nouns that can stand for a source after "according to" ("figures", "officials")."""
    return frozenset(_data()["according_to"]["sources"])


@dataclass(frozen=True, slots=True)
class ObjectCue:
    """How a verb carries a statement in its object (see ``objects`` in cues.toml)."""

    lemma: str
    takes_object: bool  # "denounced [the annexation]"
    needs_predicate: bool  # "called [Trump a liar]", not "called the meeting"
    takes_infinitive: bool  # "vowed [to form a task force]"
    prepositions: frozenset[str]  # "called for [a moratorium]"


@cache
def object_forms() -> dict[str, ObjectCue]:
    """Lower-cased word form -> how that verb carries a statement in its object."""
    data = _data()
    objects = set(data["objects"]["verbs"])
    predicates = set(data["objects"]["predicates"])
    infinitives = set(data["infinitives"]["verbs"])
    preps = data["prepositions"]
    forms: dict[str, ObjectCue] = {}
    for lemma in objects | predicates | infinitives | set(preps):
        cue = ObjectCue(
            lemma,
            lemma in objects or lemma in predicates,
            lemma in predicates and lemma not in objects,
            lemma in infinitives,
            frozenset(preps.get(lemma, ())),
        )
        for form in inflect(lemma):
            forms[form] = cue
    return forms


def object_confidence() -> float:
    return float(_data()["objects"]["confidence"])


def object_cue_of(word: str) -> ObjectCue | None:
    return object_forms().get(word.lower())

"""The one place framing reads speech verbs from: the text toolkit's lexicon.

Attribution judges how a verb reports speech and scare quotes need to know when a
fragment is introduced as someone's words; both take the verbs and their inflection
from ``rashomon.text.speech`` through these two functions, so the lexicon can be
re-pointed here alone.
"""

from __future__ import annotations

from functools import cache

from rashomon.text import speech as cues

# Cue classes that introduce someone's words (beliefs and continuations do not).
SPEECH_CLASSES = ("speech", "report")


def inflect(word: str) -> set[str]:
    """The regular -s/-ed/-ing forms of an English verb (a two-letter word stays as it is)."""
    return cues.inflect(word) if len(word) > 2 else {word}


@cache
def speech_verb_forms() -> tuple[str, ...]:
    """Every form of every verb that introduces reported speech ("said", "told", ...)."""
    return tuple(sorted(f for f, cue in cues.cue_forms().items() if cue.kind in SPEECH_CLASSES))

"""Whether two quote units' speakers are one voice, for telling a contested point.

Outlets attribute one statement to a person or to the office that speaks for them:
"Trump signaled he is willing…" and "The White House signaled that President Trump
would…" are one voice, not "a different actor". Two speakers are one voice when their
names share a content word ("Education Department" / "Department of Education"), or
when one is an office voice (a seat of government that speaks for its head, "the White
House", "the Kremlin"; or a spokesperson, as the entity lexicon's ``spokesperson``
concept knows them) and the two units name each other's speaker: the office's
sentence names the person ("…signaled that President Trump…"), or the person's
sentence names the office. An office voice named nowhere in the other's sentence (the
Kremlin answering a White House statement) stays a different actor. A news
organisation the outlet registry knows ("…, CNN said", "NBC News projected") relays
what it reports: it is no party to the story, so it never clashes as an actor.
"""

from __future__ import annotations

from rashomon.clean.registry import load_registry
from rashomon.compare.units import Unit, content_words
from rashomon.entities.lexicon import fold, roles

# Seats of government whose name reporters use for the voice of the head of state or
# government (metonyms: "the Kremlin said"); folded, without "the".
SEATS = frozenset(
    {
        "white house",
        "kremlin",
        "downing street",
        "number 10",
        "no 10",
        "elysee",
        "élysée",
        "elysee palace",
        "élysée palace",
        "blue house",
        "zhongnanhai",
        "chancellery",
        "quirinal",
        "kantei",
        "casa rosada",
        "planalto",
        "palacio de la moneda",
        "malacanang",
    }
)
# Words that make a speaker the voice of the office it names ("White House press
# office", "the president's office", "the administration").
OFFICE_WORDS = frozenset({"office", "administration", "aides", "aide"})


def is_office_voice(speaker: str) -> bool:
    key = fold(speaker).removeprefix("the ")
    if key in SEATS or any(s in key for s in SEATS if " " in s):
        return True
    words = key.split()
    return roles().concept(key) == "spokesperson" or bool(words and words[-1] in OFFICE_WORDS)


def named_in(speaker: str, unit: Unit) -> bool:
    """Whether the unit names the speaker: an actor of the unit sharing a word with it."""
    name = set(content_words(speaker))
    return any(name & set(content_words(a)) for a in unit.actors)


def is_newsroom(speaker: str) -> bool:
    """A name the registry knows, written as a newsroom is: an acronym ("CNN") or more
    than one word ("Fox News", "The Hill"). One plain word is left out, as many outlets'
    names are also surnames or words ("Hill", "Sun", "Time")."""
    name = speaker.strip()
    if not (name.isupper() or len(name.split()) > 1):
        return False
    # The built-in registry only: a user's extra files name their own sources, not
    # newsrooms reporting on a story.
    return load_registry().named(name) is not None


def same_voice(a: Unit, b: Unit) -> bool:
    """Whether two quote units' speakers are one voice (see the module docstring)."""
    sa, sb = a.speaker or "", b.speaker or ""
    if set(content_words(sa)) & set(content_words(sb)) or is_newsroom(sa) or is_newsroom(sb):
        return True
    if not (is_office_voice(sa) or is_office_voice(sb)):
        return False
    return named_in(sb, a) or named_in(sa, b)

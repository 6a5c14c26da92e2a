"""The entity lexicons in ``rashomon/data/entities``: places, roles, given names.

Loaded once per process (``functools.cache``) and immutable, so stages stay pure.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, drop abbreviation dots and curly apostrophes, collapse spaces: a lookup key."""
    text = text.replace("\u2019", "'").replace(".", "")
    return _SPACES.sub(" ", text).strip().lower()


def _load(name: str) -> dict[str, Any]:
    path = resources.files("rashomon") / "data" / "entities" / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Places:
    canonical: dict[str, str]  # folded name or variant -> canonical place name
    country: dict[str, str]  # folded country name, variant or demonym -> country
    ambiguous: frozenset[str]  # folded names that are also common personal names

    def lookup(self, name: str) -> str | None:
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        return self.canonical.get(key)

    def country_of(self, word: str) -> str | None:
        """The country a name, variant or demonym refers to ("American" -> United States)."""
        return self.country.get(fold(word))


@cache
def places() -> Places:
    data = _load("places.toml")
    canonical: dict[str, str] = {}
    country: dict[str, str] = {}
    for name, entry in data["countries"].items():
        for variant in [name, *entry["variants"]]:
            canonical[fold(variant).removeprefix("the ")] = name
            country[fold(variant)] = name
        for demonym in entry["demonyms"]:
            country[fold(demonym)] = name
    for name, variants in data["cities"].items():
        for variant in [name, *variants]:
            canonical[fold(variant)] = name
    return Places(canonical, country, frozenset(fold(n) for n in data["ambiguous"]))


@dataclass(frozen=True, slots=True)
class Roles:
    heads: frozenset[str]
    modifiers: frozenset[str]
    honorifics: dict[str, str]  # folded honorific -> "f", "m" or ""
    concepts: dict[str, str]  # folded phrase -> concept

    def is_title_word(self, word: str) -> bool:
        key = fold(word)
        return key in self.heads or key in self.modifiers or key in self.honorifics

    def concept(self, role: str) -> str | None:
        """The office a role phrase denotes, or None when the lexicon does not know it.

        "U.S. Secretary of State" and "the American top diplomat" both give "foreign
        minister"; a role that ends with a known phrase takes its concept unless it is
        a deputy's ("deputy foreign minister" is not the minister).
        """
        words = [w for w in fold(role).split() if places().country_of(w) is None]
        if words and words[-1].endswith("s") and words[-1][:-1] in self.heads:
            words[-1] = words[-1][:-1]  # "top diplomats" -> "top diplomat"
        key = " ".join(words)
        if key in self.concepts:
            return self.concepts[key]
        if any(w in {"deputy", "vice", "assistant", "under", "former"} for w in words):
            return None
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            if tail in self.concepts:
                return self.concepts[tail]
        return None


@cache
def roles() -> Roles:
    data = _load("roles.toml")
    honorifics = {
        fold(h): g
        for g, key in (("f", "female"), ("m", "male"), ("", "neutral"))
        for h in data["honorifics"][key]
    }
    concepts = {fold(p): c for c, phrases in data["concepts"].items() for p in phrases}
    return Roles(
        frozenset(fold(h) for h in data["roles"]["heads"]),
        frozenset(fold(m) for m in data["roles"]["modifiers"]),
        honorifics,
        concepts,
    )


@cache
def given_names() -> dict[str, str]:
    """Folded given name -> "f" or "m"."""
    data = _load("first_names.toml")
    return {**{n: "f" for n in data["female"]}, **{n: "m" for n in data["male"]}}

"""Merging article-level names into canonical entities across the corpus.

An ``EntityIndex`` holds the entities known so far and decides, for each name an
article resolved (``entities.local``), which entity it is, or that it is a new one.
The evidence, recorded as the linking rule:
- ``alias``: the same name (case, dots and accents aside) of the same type;
- ``fuzzy-name``: a spelling variant of a full name: the same surname and a close
  given name (Antony/Anthony Blinken), or the same given name and a close surname
  (Volodymyr Zelenskyy/Zelensky, Avril Haynes/Haines);
- ``surname``: a surname alone, or a full name whose surname is a known one-word name,
  when exactly one person of the corpus has it and has no other full name ("Ivanka
  Trump" is not the "Trump" already known as Donald Trump);
- ``acronym``: an organisation's initials (U.N. / United Nations);
- ``role``: a role description to the one person whose title denotes the same office
  in the same country ("the Russian leader" -> Vladimir Putin, President of Russia).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from rashomon.entities.lexicon import fold, roles

# Spelling variants of one part of a name score at least this (rapidfuzz ratio, 0-100):
# Antony/Anthony 92, Zelenskyy/Zelensky 94, Haynes/Haines 83; different people who share
# a surname score lower on given names (Joe/Jill 29, Hillary/Bill 55, John/Joan 75), and
# the first letters must agree too (Donald/Ronald 83). Calibrated
# on the sample articles and the names of the PolNeAR dev split.
NAME_PART_SIMILARITY = 80
# Organisation names closer than this are one organisation written two ways.
ORG_SIMILARITY = 95


def name_key(name: str) -> str:
    """A name folded for comparison: accents, case, dots and possessives dropped.

    Empty when nothing of a name is left to compare: no letter or digit ("’s", "—",
    "..."), so such a string never becomes an entity's key.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"'s\b", "", fold(text))
    key = " ".join(re.sub(r"[^\w\s-]", " ", text).split())
    return key if any(c.isalnum() for c in key) else ""


def has_name(name: str) -> bool:
    """Whether ``name`` can name an entity: something is left of it once folded."""
    return bool(name_key(name))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-") or "entity"


@dataclass(slots=True)
class Known:
    """One canonical entity as the index sees it."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    mention_count: int = 0

    def folded_names(self) -> set[str]:
        return {name_key(a) for a in [self.name, *self.aliases]}


class EntityIndex:
    """The entities known so far, indexed by folded name, surname, given name, initials."""

    def __init__(self, known: list[Known]) -> None:
        self.entities: dict[str, Known] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self._by_word: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        self._by_initials: dict[str, str] = {}
        self._org_keys: list[str] = []
        for entity in known:
            self._add(entity)

    def link(self, name: str, type_: str) -> tuple[Known, str]:
        """The entity ``name`` denotes, created when none fits; with the rule that linked it.

        Callers pass only names that ``has_name`` accepts (``local.resolve_article``
        leaves the others unlinked); an empty key would match every index by accident.
        """
        key = name_key(name)
        if not key:
            raise ValueError(f"no name to link in {name!r}")
        found = self._by_key.get((type_, key))
        if found:
            return self.entities[found], "alias"
        match = (
            self._person(key)
            if type_ == "PERSON"
            else (self._organisation(key) if type_ == "ORG" else None)
        )
        if match is not None:
            entity, rule = match
            self._add_key(entity, name)
            entity.aliases.append(name)
            return entity, rule
        return self._create(name, type_), "new"

    def by_role(self, role: str, countries: list[str]) -> Known | None:
        """The one person whose titles denote the office of ``role`` (in that country)."""
        concept = roles().concept(role)
        if concept is None:
            return None
        found = [
            e
            for e in self.entities.values()
            if e.type == "PERSON"
            and any(roles().concept(r) == concept for r in e.roles)
            and all(c in e.countries for c in countries)
        ]
        return found[0] if len(found) == 1 else None

    def learn(self, entity: Known, role: str | None, countries: set[str]) -> None:
        if role and role not in entity.roles:
            entity.roles.append(role)
        entity.countries |= countries

    # -- matching -------------------------------------------------------------------

    def _person(self, key: str) -> tuple[Known, str] | None:
        words = key.split()
        if len(words) == 1:
            same = self._by_word[("last", 1, words[0])] | self._by_word[("last", 2, words[0])]
            return (self.entities[next(iter(same))], "surname") if len(same) == 1 else None
        candidates = self._by_word[("last", 2, words[-1])] | self._by_word[("first", 2, words[0])]
        for entity_id in sorted(candidates):
            entity = self.entities[entity_id]
            if any(
                len(o.split()) > 1 and _variant(words, o.split()) for o in entity.folded_names()
            ):
                return entity, "fuzzy-name"
        one_word = self._by_word[("last", 1, words[-1])]
        if len(one_word) != 1:
            return None
        entity = self.entities[next(iter(one_word))]
        if any(len(o.split()) > 1 for o in entity.folded_names()):
            return None  # "Ivanka Trump" is not the "Trump" already named "Donald Trump"
        return entity, "surname"

    def _organisation(self, key: str) -> tuple[Known, str] | None:
        short = key.replace(" ", "")
        if len(short) > 1 and short in self._by_initials:
            return self.entities[self._by_initials[short]], "acronym"
        best = process.extractOne(
            key, self._org_keys, scorer=fuzz.ratio, score_cutoff=ORG_SIMILARITY
        )
        if best is not None:
            return self.entities[self._by_key[("ORG", best[0])]], "fuzzy-name"
        return None

    def _create(self, name: str, type_: str) -> Known:
        base = f"{type_.lower()}:{slug(name)}"
        entity_id, n = base, 1
        while entity_id in self.entities:
            n += 1
            entity_id = f"{base}-{n}"
        entity = Known(entity_id, name, type_, aliases=[name])
        self._add(entity)
        return entity

    def _add(self, entity: Known) -> None:
        self.entities[entity.id] = entity
        for alias in [entity.name, *entity.aliases]:
            self._add_key(entity, alias)

    def _add_key(self, entity: Known, name: str) -> None:
        key = name_key(name)
        if not key or (entity.type, key) in self._by_key:
            return
        self._by_key[(entity.type, key)] = entity.id
        words = key.split()
        if entity.type == "PERSON":
            size = 1 if len(words) == 1 else 2
            self._by_word[("last", size, words[-1])].add(entity.id)
            self._by_word[("first", size, words[0])].add(entity.id)
        elif entity.type == "ORG":
            self._org_keys.append(key)
            initials = "".join(w[0] for w in words if w not in {"of", "the", "for", "and"})
            if len(words) > 1:
                self._by_initials.setdefault(initials, entity.id)


def _variant(words: list[str], other: list[str]) -> bool:
    """Two full names that are spellings of one: one part equal, the other close."""
    first, last = words[0], words[-1]
    o_first, o_last = other[0], other[-1]
    if last == o_last:
        return first[0] == o_first[0] and fuzz.ratio(first, o_first) >= NAME_PART_SIMILARITY
    if first == o_first:
        return last[0] == o_last[0] and fuzz.ratio(last, o_last) >= NAME_PART_SIMILARITY
    return False

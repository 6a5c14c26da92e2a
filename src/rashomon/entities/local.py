"""Who each mention names, within one article: the first step of canonical entities.

Surnames and given names link to the full name they abbreviate, acronyms to the
organisation they abbreviate, place spellings to the gazetteer's spelling, and role
descriptions ("the American top diplomat") to the person holding a matching title
(same office concept, compatible country). Pure: the quotes stage uses it for
speakers and the cross-article entities stage for linking.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from rashomon.entities.lexicon import fold, given_names, places, roles
from rashomon.entities.merge import has_name
from rashomon.model import Mention

GROUP_SEPARATOR = "; "  # between the names of a group speaker ("A; B")


def visible(name: str) -> str:
    """``name`` without invisible format characters (zero-width space, soft hyphen, BOM,
    joiners: Unicode category Cf), which pasted and scraped text carries and which would
    keep "Traeger\u200b" from matching "Traeger"."""
    if name.isascii():
        return name
    return "".join(c for c in name if unicodedata.category(c) != "Cf")


@dataclass(slots=True)
class Person:
    """A person named in full in the article, with what the article says about them."""

    key: str
    first_at: int
    roles: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    gender: str = ""  # "f", "m" or unknown


@dataclass(frozen=True, slots=True)
class Link:
    key: str | None  # the article-level name, "A; B" for a group, None when unresolved
    rule: str


@dataclass(slots=True)
class ArticleEntities:
    """The in-article resolution: one Link per mention, and the people found."""

    mentions: list[Mention]
    links: list[Link]
    people: dict[str, Person]

    def gender(self, key: str) -> str:
        person = self.people.get(key)
        return person.gender if person else ""


def countries_in(text: str) -> list[str]:
    """Countries named or implied in a phrase, in order ("American and British" -> US, UK)."""
    out: list[str] = []
    words = text.replace(",", " ").split()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            country = places().country_of(" ".join(words[i : i + n]).removesuffix("'s"))
            if country:
                if country not in out:
                    out.append(country)
                i += n
                break
        else:
            i += 1
    return out


def _gender(mention: Mention) -> str:
    honorifics = roles().honorifics
    for word in mention.text.split():
        if fold(word) in honorifics and honorifics[fold(word)]:
            return honorifics[fold(word)]
    first = fold(mention.name.split()[0]) if mention.name.split() else ""
    return given_names().get(first, "")


def resolve_article(mentions: list[Mention]) -> ArticleEntities:
    """Link every mention of one article (sorted by start) to an article-level name.

    Names are compared without invisible characters; the mentions returned keep their
    offsets and text into the article, with the visible name.
    """
    mentions = [m if m.name.isascii() else replace(m, name=visible(m.name)) for m in mentions]
    people: dict[str, Person] = {}
    # A name with no letter or digit left once folded ("’s", "—") names no one; a
    # person's empty name is a role description ("the top diplomat"), linked by role.
    links: list[Link | None] = [
        None if has_name(m.name) or (m.type == "PERSON" and not m.name) else Link(None, "unnamed")
        for m in mentions
    ]
    # Full names first, so a surname before its full name still resolves.
    for i, m in enumerate(mentions):
        if links[i] is None and m.type == "PERSON" and len(m.name.split()) > 1:
            key = _same_person(m.name, people) or m.name
            links[i] = Link(key, "name" if key == m.name else "name-variant")
            person = people.setdefault(key, Person(key, m.start))
            _learn(person, m)
    for i, m in enumerate(mentions):
        if links[i] is not None:
            continue
        if m.type == "PERSON" and m.name:
            link = links[i] = _short_name(m, people)
            if link.key is not None:
                _learn(people.setdefault(link.key, Person(link.key, m.start)), m)
    orgs: list[str] = []
    for i, m in enumerate(mentions):
        if links[i] is not None:
            continue
        if m.type == "PERSON":
            links[i] = _role_link(m, people)
        elif m.type in {"GPE", "LOC"}:
            place = places().lookup(m.name)
            links[i] = Link(place, "gazetteer") if place else Link(m.name, "name")
        elif m.type == "ORG":
            full = _expansion(m.name, orgs)
            links[i] = Link(full, "acronym") if full else Link(m.name, "name")
            if not full:
                orgs.append(m.name)
        else:
            links[i] = Link(m.name, "name")
    return ArticleEntities(mentions, [link or Link(None, "") for link in links], people)


def _same_person(name: str, people: dict[str, Person]) -> str | None:
    """An earlier full name with the same first and last word ("Hillary Rodham Clinton"),
    or one ending with it ("Crooked Hillary Clinton", a nickname the parser kept)."""
    words = fold(name).split()
    for key in people:
        other = fold(key).split()
        if other[0] == words[0] and other[-1] == words[-1]:
            return key
        if len(words) > len(other) and words[-len(other) :] == other:
            return key
    return None


def _learn(person: Person, m: Mention) -> None:
    if m.role and m.role not in person.roles:
        person.roles.append(m.role)
    # The country of a title ("U.S. Secretary of State") is in the text before the name.
    prefix = m.text[: max(0, m.text.rfind(m.name))] if m.name else m.text
    person.countries.update(countries_in(prefix))
    if m.role:
        person.countries.update(countries_in(m.role))
    person.gender = person.gender or _gender(m)


def _short_name(m: Mention, people: dict[str, Person]) -> Link:
    """A surname ("Blinken") or given name ("Hillary") of a person named in full.

    When several people share the surname, a lone surname is the one introduced first:
    news style names the main person by surname and the others in full ("Clinton" after
    "Hillary Clinton … Bill Clinton"); the most recent full name was right less often
    on the PolNeAR dev split (speaker accuracy 0.914 -> 0.923).
    """
    if "." in m.name and m.name.replace(".", "").isupper():
        return Link(m.name, "name")  # "U.N." is no surname of Kim Jong Un
    word = fold(m.name)
    by_surname = [p for p in people.values() if fold(p.key).split()[-1] == word]
    if by_surname:
        before = [p for p in by_surname if p.first_at <= m.start] or by_surname
        return Link(before[0].key, "surname")
    by_given = [p for p in people.values() if fold(p.key).split()[0] == word]
    if len(by_given) == 1:
        return Link(by_given[0].key, "given-name")
    return Link(m.name, "name")


def _role_link(m: Mention, people: dict[str, Person]) -> Link:
    """A role description to the person (or people, for a plural) holding that office."""
    concept = roles().concept(m.role or "")
    wanted = countries_in(m.text)
    role_key = fold(m.role or "")

    def holds(p: Person, country: str | None) -> bool:
        if country and country not in p.countries:
            return False
        return any(
            fold(r) == role_key or (concept and roles().concept(r) == concept) for r in p.roles
        )

    def nearest(country: str | None) -> Person | None:
        found = [p for p in people.values() if holds(p, country)]
        before = [p for p in found if p.first_at < m.start]
        return before[-1] if before else (found[0] if found else None)

    plural = fold(m.role or "").split()[-1:] and fold(m.role or "").split()[-1].endswith("s")
    if plural and len(wanted) > 1:
        group = [nearest(c) for c in wanted]
        if all(group):
            names = list(dict.fromkeys(p.key for p in group if p))
            return Link(GROUP_SEPARATOR.join(names), "role-group")
        return Link(None, "role-unresolved")
    if plural:
        return Link(None, "role-unresolved")
    person = nearest(wanted[0] if wanted else None)
    return Link(person.key, "role") if person else Link(None, "role-unresolved")


def _expansion(name: str, orgs: list[str]) -> str | None:
    """The earlier organisation an acronym abbreviates ("U.N." -> United Nations)."""
    short = name.replace(".", "").replace(" ", "")
    if not (1 < len(short) <= 6 and short.isupper()):
        return None
    for org in reversed(orgs):
        words = [w for w in org.split() if w.lower() not in {"of", "the", "for", "and"}]
        initials = "".join(w[0] for w in words)
        if initials.upper() == short:
            return org
    return None

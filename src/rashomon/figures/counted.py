"""What a figure counts, read off the dependency parse as a short readable phrase.

"At least 474 civilians have been killed" → "civilians killed"; "2.1 million
other Ukrainians have fled to neighboring countries" → "Ukrainians who fled to
neighboring countries"; "aid of around $48.5 billion" → "aid"; "is estimated at
$150.8 billion" → the subject; "55 percent of those polled supported peace
talks" → "those polled who supported peace talks". A figure that counts
"others" or a bare share ("while 25 percent wanted …") borrows the group of the
figure before it in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUNISH = ("NOUN", "PROPN", "PRON", "DET")
PLACEHOLDERS = {"others", "more", "other", "those", "people"}
PEOPLE = {
    "people",
    "persons",
    "civilians",
    "children",
    "men",
    "women",
    "troops",
    "those",
    "others",
    "adults",
    "voters",
    "respondents",
    "citizens",
    "victims",
    "staff",
    "personnel",
    "police",
    "members",
    "patients",
    "students",
    "workers",
    "residents",
    "refugees",
    "migrants",
    "soldiers",
    "fighters",
    "prisoners",
    "detainees",
    "protesters",
    "households",
    "families",
}
PERSON_SUFFIXES = ("ians", "ers", "ists", "ees", "ants", "ents")
# Verbs that link a figure to what it measures rather than say what happened to it.
LINKING = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "'re",
    "reach",
    "reached",
    "reaches",
    "rise",
    "rose",
    "risen",
    "rises",
    "climb",
    "climbed",
    "climbs",
    "fall",
    "fell",
    "fallen",
    "falls",
    "drop",
    "dropped",
    "stand",
    "stood",
    "stands",
    "total",
    "totalled",
    "totaled",
    "totals",
    "hit",
    "hits",
    "exceed",
    "exceeded",
    "exceeds",
    "top",
    "topped",
    "estimated",
    "put",
    "near",
    "neared",
    "surpassed",
    "increase",
    "increased",
    "grew",
    "grow",
    "jumped",
    "soared",
    "doubled",
    "declined",
    "amount",
    "amounted",
    "amounts",
    "numbered",
    "reaching",
    "estimates",
    "valued",
    "shrunk",
    "shrank",
    "shrink",
    "swelled",
    "surged",
    "plunged",
    "slumped",
    "dipped",
    "eased",
    "hovered",
    "set",
}
BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re"}
# Prepositions after an amount of money that say what the money is: "$3.8 billion in
# military aid", "$5m of equipment", "£2.5bn on military aid".
MONEY_PREPS = ("in", "of", "on")
# Verbs that say nothing about what is counted: the subject alone is the counted thing.
EMPTY_VERBS = LINKING | {
    "have",
    "has",
    "had",
    "include",
    "includes",
    "included",
    "remain",
    "remains",
    "remained",
    "become",
    "became",
    "said",
    "say",
    "says",
    "told",
    "show",
    "showed",
    "shows",
    "found",
    "find",
    "reported",
    "report",
    "according",
    "make",
    "makes",
    "get",
    "got",
}
TEMPORAL = {"since", "until", "till", "on", "during", "before", "after", "as", "by", "according"}
STOP_MODIFIERS = {
    "other",
    "new",
    "more",
    "additional",
    "further",
    "some",
    "such",
    "recent",
    "latest",
    "several",
    "many",
    "estimated",
    "reported",
    "least",
    "another",
    "extra",
}
COMPLEMENTS = ("dobj", "prep", "xcomp", "ccomp", "prt", "acomp", "attr", "oprd", "agent", "dative")
MAX_TOKENS = 12  # longer phrases stop being readable labels (checked on the sample articles)
MAX_COMPLEMENT = 6


@dataclass(frozen=True, slots=True)
class Counted:
    phrase: str | None  # the readable label, None when nothing is found
    group: str | None  # the noun phrase alone, for a later "others" or bare share to borrow
    rule: str


def counted(anchor: Token, figure: set[int], money: bool, previous: Counted | None) -> Counted:
    """What the figure whose head token is ``anchor`` (tokens ``figure``) counts."""
    noun, how = _find_noun(anchor, figure, money)
    verb = None
    if noun is None and anchor.dep_ in ("dobj", "npadvmod") and anchor.head.pos_ == "VERB":
        subject = _subject(anchor.head)
        if subject is not None and anchor.head.lower_ not in EMPTY_VERBS:
            phrase = _render(_noun_phrase(subject, figure))
            return Counted(_cap(f"{phrase} {anchor.head.text}"), None, "subject-verb")
    if noun is None:
        verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass") else None
        group = previous.group if previous is not None and verb is not None else None
        if verb is None or group is None:
            return Counted(None, None, "none")
        return Counted(
            _join(group, _verb_phrase(verb, figure, passive=_passive(verb)), verb),
            group,
            "borrowed",
        )
    tokens = _noun_phrase(noun, figure)
    group = _render(tokens)
    if noun.lower_ in PLACEHOLDERS - {"those", "people"} and previous and previous.group:
        group, how = previous.group, "borrowed"
    tail = _noun_tail(noun, figure)
    if tail:
        group = _cap(f"{group} {tail}")
    if how == "of" and anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lower_ not in LINKING:
        # A share of a group: "55 percent of those polled supported peace talks".
        verb = anchor.head
        phrase = _verb_phrase(verb, figure, passive=_passive(verb))
        return Counted(_join(group, phrase, verb, passive=_passive(verb)), group, how)
    if tail:
        return Counted(group, group, how)
    role = anchor if how == "of" else noun
    if (
        role.dep_ == "dobj"
        and role.head.lower_ not in EMPTY_VERBS
        and role.head.tag_ in ("VBD", "VBN")
    ):
        particle = " ".join(c.text for c in role.head.children if c.dep_ == "prt")
        return Counted(_cap(f"{group} {role.head.text} {particle}".strip()), group, how)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lower_ in BE:
        complement = _verb_phrase(noun.head, figure, passive=True).split(" ", 1)[1:]
        if complement:
            return Counted(_cap(f"{group} {complement[0]}"), group, "be")
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lower_ not in EMPTY_VERBS:
        verb = noun.head
        phrase = _verb_phrase(verb, figure, passive=_passive(verb))
        return Counted(_join(group, phrase, verb, passive=_passive(verb)), group, how)
    return Counted(group or None, group or None, how)


def _find_noun(anchor: Token, figure: set[int], money: bool) -> tuple[Token | None, str]:
    head = anchor.head
    modifies = anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
    if modifies and head.i not in figure and head.pos_ in NOUNISH and head.i > anchor.i:
        return head, "modifies"
    of_object = _of_object(anchor)
    if of_object is not None:
        return of_object, "of"
    if money:
        target = _money_object(anchor, anchor, figure)
        if target is not None:
            return target, "money-prep"
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUNISH:
        return head.head, "of-head"
    if anchor.dep_ in ("pobj", "npadvmod") and head.lower_ == "worth" and head.head.pos_ in NOUNISH:
        return head.head, "worth"
    if anchor.dep_ == "npadvmod" and head.pos_ == "ADJ" and head.head.lower_ in BE:
        subject = _subject(head.head)
        if subject is not None:
            return subject, "measure-of"
    verb = head.head if anchor.dep_ == "pobj" and head.dep_ in ("prep", "agent") else head
    if anchor.dep_ in ("dobj", "attr", "pobj", "npadvmod", "oprd", "acomp", "appos"):
        target = _money_object(verb, anchor, figure) if money else None
        if target is not None:
            return target, "money-prep"
        if anchor.dep_ == "pobj" and head.lower_ in ("at", "to"):
            # "put the number of dead at 57", "raised its key rate to 5.25%"
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNISH), None)
            if obj is not None:
                return obj, "object"
        if verb.lower_ in LINKING:
            subject = _subject(verb)
            if subject is not None:
                return subject, "subject"
    return None, "none"


def _money_object(holder: Token, anchor: Token, figure: set[int]) -> Token | None:
    """What money right after the amount is in: "$3.8 billion in military aid" (not "in
    Ukraine", "on Monday": places and dates say where and when, not what)."""
    after = max(figure) + 1
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in MONEY_PREPS and child.i == after:
            target = _of_object(child, prep=True)
            if target is not None and target.ent_type_ in ("", "NORP"):
                return target
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, climbing out of "is expected to reach"."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if subject.pos_ in NOUNISH else None
        if verb.dep_ not in ("xcomp", "conj"):
            return None
        verb = verb.head
    return None


def _of_object(token: Token, prep: bool = False) -> Token | None:
    preps = (
        [token] if prep else [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    )
    for p in preps:
        for child in p.children:
            if child.dep_ == "pobj":
                return child
    return None


def _noun_phrase(noun: Token, figure: set[int]) -> list[Token]:
    tokens = [noun]
    for child in noun.lefts:
        if child.i in figure or child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        if child.lower_ in STOP_MODIFIERS or child.ent_type_ in ("DATE", "CARDINAL", "MONEY"):
            continue
        tokens.extend(t for t in child.subtree if t.i not in figure and t.dep_ != "punct")
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            sub = list(child.subtree)
            if len(sub) <= 4 and not any(t.i in figure for t in sub):
                tokens.extend(sub)
    return sorted(set(tokens), key=lambda t: t.i)


def _noun_tail(noun: Token, figure: set[int]) -> str:
    """A participle or relative clause on the noun: "civilians forced to flee their homes"."""
    for child in noun.rights:
        if (
            child.dep_ in ("acl", "relcl")
            and child.pos_ in ("VERB", "AUX")
            and child.i not in figure
        ):
            words = _verb_phrase(child, figure, passive=True)
            if child.dep_ == "relcl":
                words = " ".join(
                    w for w in words.split() if w.lower() not in ("who", "that", "which")
                )
            return words
    return ""


def _passive(verb: Token) -> bool:
    """Passive voice, or a bare participle with an infinitive and no object ("forced to flee")."""
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return True
    bare = not any(c.dep_ in ("aux", "dobj") for c in children)
    if bare and verb.tag_ == "VBN":
        return True
    return bare and verb.lower_.endswith("ed") and any(c.dep_ == "xcomp" for c in children)


def _verb_phrase(verb: Token, figure: set[int], passive: bool) -> str:
    tokens = [verb]
    taken = 0
    for child in verb.rights:
        if child.dep_ not in COMPLEMENTS or child.lower_ in TEMPORAL or taken >= 2:
            continue
        sub = [t for t in child.subtree if t.i not in figure and t.dep_ not in ("punct",)]
        if any(t.ent_type_ in ("DATE", "TIME") for t in sub) or any(
            t.i in figure for t in child.subtree
        ):
            continue
        cut = _until_clause_break(sub)[:MAX_COMPLEMENT]
        tokens.extend(cut)
        taken += 1
    return _render(sorted(set(tokens), key=lambda t: t.i))


def _until_clause_break(tokens: list[Token]) -> list[Token]:
    kept = []
    for token in tokens:
        if token.dep_ in ("cc", "mark", "advcl", "relcl") or token.lower_ in ("while", "which"):
            break
        kept.append(token)
    return kept


def _join(group: str, verb_words: str, verb: Token, passive: bool = False) -> str:
    if not verb_words:
        return _cap(group)
    if passive or verb.tag_ == "VBN" and verb.dep_ in ("acl",):
        return _cap(f"{group} {verb_words}")
    pronoun = "who" if _is_people(group) else "that"
    return _cap(f"{group} {pronoun} {verb_words}")


def _is_people(group: str) -> bool:
    for word in group.split():
        lower = word.lower()
        if (
            lower in PEOPLE
            or lower.endswith(PERSON_SUFFIXES)
            or word[:1].isupper()
            and lower.endswith("ns")
        ):
            return True
    return False


def _render(tokens: list[Token]) -> str:
    words = [t.text for t in tokens if not re.fullmatch(r"[\"“”‘’`']+", t.text)]
    text = re.sub(r" (?=(?:'s|’s|n't|,)\b)", "", " ".join(words))
    return re.sub(r"\s+", " ", text).strip(" ,;:-")


def _cap(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[:MAX_TOKENS])

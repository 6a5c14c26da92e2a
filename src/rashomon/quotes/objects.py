"""Indirect speech carried by a verb's object rather than by a clause.

Reports attribute positions as well as sentences: "Clinton cited [remarks Trump had
made]", "Trump called [climate change a hoax]", "the NAACP called for [a moratorium]",
"he vowed [to form a task force]", "Graham urged [Republicans to join …]". Which verbs
do this, and through which relation, is lexicon data (``objects``, ``infinitives`` and
``prepositions`` in cues.toml); this module only reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.quotes.cues import ObjectCue

# Dependents after the object that still belong to the statement: the predicate of
# "called [X a hoax]", the clause of "urged [X to act]", and the "as"/"for" phrase of
# "described [X as Y]", "criticized [X for Y]".
OBJECT_TAIL_DEPS = frozenset({"oprd", "xcomp", "ccomp"})
OBJECT_TAIL_PREPS = frozenset({"as", "for"})
# Objects that state nothing on their own ("defended it", "denied that").
EMPTY_OBJECTS = frozenset({"it", "this", "that", "them", "him", "her", "so", "one"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def statement_tokens(verb: Token, cue: ObjectCue) -> tuple[int, int] | None:
    """Token range [start, end) of the statement ``verb`` carries in its object, if any."""
    rights = [c for c in verb.rights if not c.is_punct]
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    infinitive = next((c for c in rights if c.dep_ == "xcomp" and _is_infinitive(c)), None)
    if cue.takes_infinitive and infinitive is not None:
        # "urged [Republicans to join]" keeps the object; "vowed [to form]" has none
        first = obj if obj is not None and obj.i < infinitive.i else infinitive
        return first.left_edge.i, infinitive.right_edge.i + 1
    if cue.takes_object and obj is not None:
        tail = [c for c in rights if c.i > obj.i]
        if cue.needs_predicate and not any(c.dep_ == "oprd" for c in tail):
            return None
        if obj.lower_ in EMPTY_OBJECTS and obj.left_edge == obj.right_edge:
            return None
        if _points_back(obj) and not tail:
            return None
        end = obj.right_edge.i + 1
        for dep in tail:
            belongs = dep.dep_ in OBJECT_TAIL_DEPS or (
                dep.dep_ == "prep" and dep.lower_ in OBJECT_TAIL_PREPS
            )
            if not belongs or dep.left_edge.i > end:
                break
            end = dep.right_edge.i + 1
        return obj.left_edge.i, end
    for prep in rights:
        if prep.dep_ != "prep" or prep.lower_ not in cue.prepositions:
            continue
        pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if pobj is None:
            return None
        end = prep.right_edge.i + 1
        # "called on [Trump to stop attacking Machado]": the clause hangs from the verb
        follow = next((c for c in rights if c.i > prep.i and c.dep_ == "xcomp"), None)
        if follow is not None and follow.left_edge.i <= end:
            end = follow.right_edge.i + 1
        return pobj.left_edge.i, end
    return None


def _points_back(obj: Token) -> bool:
    """A definite noun with nothing but its determiner ("rejected [the calls]", "denied
    [these claims]") refers to words reported before; it states nothing of its own."""
    children = list(obj.children)
    return (
        obj.pos_ == "NOUN"
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ in DEFINITE
    )


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)

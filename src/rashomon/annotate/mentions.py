"""Entity mentions: spaCy's named entities, with titles split off into roles.

The rules, each recorded in ``Mention.rule``:
- ``ner``: a named entity as spaCy tagged it;
- ``title``: titles and honorifics before a person's name are part of the mention's
  span and go to ``role`` ("U.S. Secretary of State Antony Blinken" -> Antony Blinken,
  role Secretary of State);
- ``appos``: an apposition after the name gives the role ("Haynes, the US director of
  national intelligence");
- ``gazetteer``: a PERSON that the place lexicon knows is a place ("Kherson");
- ``retyped``: a non-PERSON entity whose words name a person found in the same article
  ("Blinken" tagged GPE once);
- ``given-name``: proper nouns the small model missed, starting with a known given name
  ("Avril Haynes"), and later lone surnames of such a person ("Haynes");
- ``role-noun``: a description naming a person by office ("the State Secretary", "The
  American and British top diplomats"): name is empty, role holds the description.
"""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE, IS_TITLE, POS
from spacy.tokens import Doc, Span, Token

from rashomon.entities.lexicon import fold, given_names, places, roles
from rashomon.model import Mention
from rashomon.text.speech import cue_of

MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Title scans stop after this many tokens: the longest titles in the role lexicon
# ("Minister of Foreign Affairs of Ukraine") have seven.
MAX_TITLE_TOKENS = 8
# An apposition longer than this is a clause, not a role (checked on the sample articles).
MAX_APPOS_TOKENS = 10
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# ENT_IOB as an integer: 3 begins an entity ("B"), 1 is inside one, 2 outside.
IOB_BEGIN = 3


def find_mentions(doc: Doc, article_id: str) -> list[Mention]:
    """Every person, organisation, place and group mention in ``doc``, in text order."""
    ents = [e for e in doc.ents if e.label_ in MENTION_LABELS]
    # spaCy's own entities, by extent and label: doc.ents rebuilds a tuple on each access.
    tagged = {(e.start, e.end, e.label_) for e in ents}
    missed = _missed_names(doc, ents)
    missed_tokens = {i for span in missed for i in range(span.start, span.end)}
    ents = [e for e in ents if not missed_tokens.intersection(range(e.start, e.end))]
    ents = sorted(ents + missed, key=lambda e: e.start)
    person_words = _person_words(ents)
    taken: set[int] = set()
    mentions: list[Mention] = []
    for ent in ents:
        if ent.start in taken:
            continue
        mention = _entity_mention(doc, ent, article_id, person_words, tagged)
        if mention is None:
            continue
        first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if first is not None:
            taken.update(range(first.start, first.end))
        mentions.append(mention)
    # Entities swallowed by a person's title ("State" in "Secretary of State") go.
    mentions.extend(_role_mentions(doc, article_id, mentions))
    return _outermost(mentions)


def _missed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Person names the model missed or mistyped ("Avril" as ORG): a known given name
    and a capitalised proper noun, then that surname alone.

    The conditions read one attribute array, not one Token per word; a word's text is
    folded only for capitalised words, the only ones that can name a person."""
    names = given_names()
    found: list[Span] = []
    surnames = {fold(e[-1].text) for e in ents if e.label_ == "PERSON" and len(e) > 1}
    surnames -= _place_ends(ents)  # "N. Korea" tagged PERSON names no "Korea" person
    # spaCy's symbols by name: the ids its attribute arrays hold for these values.
    person, propn, noun = (doc.vocab.strings[n] for n in ("PERSON", "PROPN", "NOUN"))
    rows = doc.to_array([IS_TITLE, POS, ENT_TYPE, ENT_IOB]).tolist()
    i = 0
    while i < len(doc) - 1:
        (title, _, ent, _), (next_title, next_pos, next_ent, next_iob) = rows[i], rows[i + 1]
        if (
            title
            and next_title
            and next_pos == propn
            and ent != person
            and next_ent != person
            and next_iob != IOB_BEGIN
            and fold(doc[i].text) in names
        ):
            found.append(Span(doc, i, i + 2, label="PERSON"))
            surnames.add(fold(doc[i + 1].text))
            i += 2
            continue
        i += 1
    taken = {t for span in found for t in range(span.start, span.end)}
    for i, (title, pos, ent, _) in enumerate(rows):
        if (
            title
            and i not in taken
            and ent != person
            and pos in (propn, noun)
            and fold(doc[i].text) in surnames
        ):
            found.append(Span(doc, i, i + 1, label="PERSON"))
    return found


def _place_ends(ents: list[Span]) -> set[str]:
    """The last word of every place name of two words or more ("korea" for "North
    Korea's"); a lone word tagged as a place may be a mistagged surname ("Blinken")."""
    ends = set()
    for e in ents:
        words = [t for t in e if t.tag_ != "POS"]
        if e.label_ in {"GPE", "LOC"} and len(words) > 1:
            ends.add(fold(words[-1].text))
    return ends


def _person_words(ents: list[Span]) -> set[str]:
    """Folded full names and surnames of the multi-word PERSON entities.

    A "surname" that ends a place named in the same article ("N. Korea" tagged PERSON
    beside "North Korea") is the place's: it would retype every "Korea".
    """
    place_ends = _place_ends(ents)
    words: set[str] = set()
    for ent in ents:
        if (
            ent.label_ == "PERSON"
            and len(ent) > 1
            and places().lookup(ent.text) is None
            and fold(ent[-1].text) not in place_ends
        ):
            words.add(fold(ent.text))
            words.add(fold(ent[-1].text))
    return words


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions no longer mention contains, sorted by (start, -end).

    One sweep: in that order every mention that could contain another comes before
    it, so a running maximum of their ends tells (mentions with the very same span
    do not contain each other). Comparing every pair was quadratic in the mentions.
    """
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    reach = -1  # the furthest end of the mentions before the current span
    i = 0
    while i < len(mentions):
        j = i
        span = (mentions[i].start, mentions[i].end)
        while j < len(mentions) and (mentions[j].start, mentions[j].end) == span:
            j += 1
        if reach < span[1]:
            kept.extend(mentions[i:j])
        reach = max(reach, span[1])
        i = j
    return kept


def _entity_mention(
    doc: Doc, ent: Span, article_id: str, person_words: set[str], tagged: set[tuple[int, int, str]]
) -> Mention | None:
    span = _trim(ent)
    if span is None:
        return None
    found_by = "ner" if (ent.start, ent.end, ent.label_) in tagged else "given-name"
    label, rule = ent.label_, found_by
    key = fold(span.text)
    if label == "PERSON" and places().lookup(span.text) and key not in places().ambiguous:
        label, rule = "GPE", "ner+gazetteer"
    elif label != "PERSON" and key in person_words:
        label, rule = "PERSON", "ner+retyped"
    if label != "PERSON":
        name = span.text
        return Mention(
            article_id, span.start_char, span.end_char, span.text, label, name, rule=rule
        )
    return _person_mention(doc, span, article_id, rule)


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and (
        ent.doc[end - 1].tag_ == "POS" or not ent.doc[end - 1].text.strip("'’.-")
    ):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _person_mention(doc: Doc, span: Span, article_id: str, rule: str) -> Mention:
    lex = roles()
    # Titles that spaCy put inside the entity ("Secretary Blinken", "Mr. Putin").
    name_start, name_end = span.start, span.end
    while name_start < name_end - 1 and lex.is_title_word(doc[name_start].text):
        name_start += 1
    while name_end - 1 > name_start and (
        is_role_head(doc[name_end - 1].text) or cue_of(doc[name_end - 1].text) is not None
    ):
        name_end -= 1  # "Putin Ambassadors", "Obama Says": a name ends in neither
    span = doc[span.start : name_end]
    title_start = _title_start(doc, span.start)
    role_tokens = doc[title_start:name_start]
    role = _role_text(role_tokens)
    start_char = doc[title_start].idx if role else span.start_char
    if role:
        rule += "+title"
    else:
        role = _appositive_role(doc, span)
        if role:
            rule += "+appos"
    name = doc[name_start:name_end].text
    # The span's own text: doc.text joins every token of the document on each call.
    text = doc[title_start if role else span.start : span.end].text
    return Mention(article_id, start_char, span.end_char, text, "PERSON", name, role, rule)


def _title_start(doc: Doc, start: int) -> int:
    """Where a title before the name at token ``start`` begins (``start`` when none)."""
    lex = roles()
    i = start - 1
    if i >= 1 and doc[i].text == "," and fold(doc[i - 1].text) in lex.heads | {"state"}:
        i -= 1  # "Secretary of State, Antony Blinken"
    first = start
    while i >= 0 and start - i <= MAX_TITLE_TOKENS:
        tok = doc[i]
        if tok.is_sent_start and not lex.is_title_word(tok.text) and not _nationality(tok):
            break
        if tok.ent_type_ == "PERSON" or not (lex.is_title_word(tok.text) or _nationality(tok)):
            break
        first = i
        i -= 1
    if first == start:
        return start
    # A title needs a head word ("Secretary"); drop what precedes its first real word.
    words = [fold(t.text) for t in doc[first:start]]
    if not any(w in lex.heads or w in lex.honorifics for w in words):
        return start
    while first < start and fold(doc[first].text) in {"of", "for", "and", "the", ","}:
        first += 1
    return first


def _nationality(tok: Token) -> bool:
    return places().country_of(tok.text) is not None or tok.ent_type_ in {"NORP", "GPE"}


def _role_text(tokens: Span, keep_country: bool = False) -> str | None:
    """The role in a title: without determiners, honorifics, commas and (unless kept)
    nationality, which a title's mention text still shows ("U.S. Secretary of State")."""
    lex = roles()
    words = [t for t in tokens if t.text != "," and not t.is_space]
    words = [
        t
        for t in words
        if fold(t.text) not in lex.honorifics
        and (
            keep_country
            or not (
                _nationality(t) or (t.tag_ == "POS" and t.i > 0 and _nationality(t.doc[t.i - 1]))
            )
        )
    ]
    while words and (words[0].lower_ in DETERMINERS | {"and", "or", "of"}):
        words = words[1:]
    while words and words[-1].lower_ in {"of", "and", "or", "for", "the"}:
        words = words[:-1]
    if not words or not any(is_role_head(t.text) for t in words):
        return None
    return " ".join(t.text for t in words)


def _appositive_role(doc: Doc, span: Span) -> str | None:
    """A role in an apposition right after the name: ", the US director of ..., "."""
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while (
        j < len(doc)
        and j - i <= MAX_APPOS_TOKENS
        and doc[j].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "ADP", "CCONJ", "PART", "NUM"}
        and doc[j].text not in {",", "."}
        and doc[j].ent_type_ != "PERSON"
    ):
        j += 1
    if j == i + 1 or j >= len(doc) or doc[j].text not in {",", ".", ")", ";"}:
        return None
    return _role_text(doc[i + 1 : j], keep_country=True)


def is_role_head(word: str) -> bool:
    """True for a role's head noun, singular or plural ("diplomat", "diplomats")."""
    heads = roles().heads
    key = fold(word)
    return key in heads or (key.endswith("s") and (key[:-1] in heads or key[:-2] in heads))


def _role_mentions(doc: Doc, article_id: str, found: list[Mention]) -> list[Mention]:
    """Descriptions that name a person by office: "the State Secretary", "the head of ..."."""
    # Characters inside a person's mention: one lookup per chunk, not a scan of them all.
    # The text's length from its last token: doc.text joins every token on each access.
    covered = bytearray((doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0) + 1)
    for m in found:
        if m.type == "PERSON":
            covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if not is_role_head(root.text) or root.ent_type_ == "PERSON":
            continue
        end = chunk.end
        of = next((c for c in root.rights if c.lower_ == "of" and c.i == end), None)
        if of is not None:
            end = of.right_edge.i + 1
        span = doc[chunk.start : end]
        head = root.head
        if root.dep_ == "appos" and covered[head.idx]:
            continue  # an apposition, already the role of that person's mention
        if any(covered[span.start_char : span.end_char]):
            continue
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            continue  # a title before a name, already part of that person's mention
        role = _role_text(span)
        if not role:
            continue
        start = chunk.start
        while start < end and (
            doc[start].lower_ in DETERMINERS
            or "\n" in doc[start].text
            or any("\n" in t.text for t in doc[start + 1 : end])
        ):
            start += 1
        span = doc[start:end]
        out.append(
            Mention(
                article_id,
                span.start_char,
                span.end_char,
                span.text,
                "PERSON",
                "",
                role,
                "role-noun",
            )
        )
    return out

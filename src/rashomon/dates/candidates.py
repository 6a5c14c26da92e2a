"""Where the date expressions are: spaCy DATE entities and patterns of our own.

spaCy's small model finds most dates but blurs their edges ("September 23 to
27on" when a space is missing) and misses some ("Dec. 4" after a quote), so
patterns for the common news forms come first and spaCy's entities fill in
what they do not cover. A leading "since", "until", "from" or "as of" is part of
the expression: it turns a date into a period, which figures need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rashomon.text.calendar import MONTH, WEEKDAY

if TYPE_CHECKING:
    from spacy.tokens import Doc

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_SEP = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\band\b)\s*"
_FORMS = (
    # September 23 to 27 / September 30 to October 2 / Dec. 4, 2022
    rf"{MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?:{_SEP}(?:{MONTH}\s+)?{_DAY}(?:,?\s+{_YEAR})?)?",
    # 23-27 September / 4 December 2022
    rf"{_DAY}(?:{_SEP}{_DAY})?\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?",
    # October 2022 / early March / mid-March 2022
    rf"(?:(?:early|mid|late)[\s-]+)?{MONTH}\s+{_YEAR}",
    rf"(?:early|mid|late)[\s-]+{MONTH}",
    # a bare month only after a preposition: "in January", "since February"
    rf"(?:(?<=since\s)|(?<=until\s)|(?<=from\s)|(?:in|by|during)\s+){MONTH}(?!\s+\d)",
    # last/this/next week, earlier this month, last year
    r"(?:(?:earlier|later|early|late)\s+)?(?:this|last|next)\s+(?:week|month|year)",
    rf"(?:(?:last|this|next)\s+)?{WEEKDAY}",
    r"\d{4}-\d{2}-\d{2}",
    # fiscal and season years "2024-25"; a year as a modifier: "the 2022 conflict"
    rf"{_YEAR}[-–/]\d\d(?![\d-])",
    rf"(?<=the\s){_YEAR}(?=\s+[a-z])",
    r"(?:yesterday|today|tomorrow)",
)
PATTERN = re.compile(
    rf"(?<![\w-])(?:(?P<lead>since|until|till|from|as\s+of|by)\s+)?(?:{'|'.join(_FORMS)})(?:(?<=\d)(?=[a-z])|(?![\w]))",
    re.IGNORECASE,
)
LEAD = re.compile(r"(?:since|until|till|from|as\s+of|by)\s+$", re.IGNORECASE)
# spaCy labels "Wednesday night" TIME; such entities are dates when they name a day.
DAY_WORD = re.compile(rf"\b(?:{WEEKDAY}|yesterday|today|tonight)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str
    rule: str  # "pattern" or "ner"


def date_candidates(text: str, doc: Doc) -> list[Candidate]:
    """Non-overlapping date expressions in ``text``, in order of appearance."""
    found = [Candidate(m.start(), m.end(), m.group(0), "pattern") for m in PATTERN.finditer(text)]
    taken = [(c.start, c.end) for c in found]
    for ent in doc.ents:
        if ent.label_ != "DATE" and not (ent.label_ == "TIME" and DAY_WORD.search(ent.text)):
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        lead = LEAD.search(text, max(0, start - 12), start)
        if lead:
            start = lead.start()
        found.append(Candidate(start, end, text[start:end], "ner"))
        taken.append((start, end))
    return sorted(found, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and letters glued to a last number ("27on")."""
    span = text[start:end]
    glued = re.search(r"(?<=\d)[a-z]+$", span)
    if glued and glued.group(0) not in ("st", "nd", "rd", "th", "s"):
        end -= len(glued.group(0))
    while end > start and text[end - 1] in " ,;:'\"”’)":
        end -= 1
    if text[start:end].lower().startswith("the "):
        start += 4
    return start, end

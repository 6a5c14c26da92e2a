"""Wire credits: which agencies an article says its text comes from.

Read from the body ("(AP) —", "KYIV (Reuters) -", "With reports by AP and Reuters",
"Based on materials: ZN.ua") and from the credit lines the clean stage set aside in
``Article.credits``. Photo credits ("(Reuters Photo)", "Photo by AFP") say who took a
picture, not who wrote the words, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Agencies known by name, with the spellings that mean each one.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax", "Interfax-Ukraine"),
    "Ukrinform": ("Ukrinform",),
    "UNIAN": ("UNIAN",),
    "ANI": ("ANI",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "CNA": ("CNA",),
    "PA": ("PA Media", "Press Association"),
}
SPELLINGS = {s.lower(): name for name, spellings in AGENCIES.items() for s in spellings}
_ALTERNATION = "|".join(
    re.escape(s) for s in sorted({s for v in AGENCIES.values() for s in v}, key=len, reverse=True)
)

# "(AP)", "(Reuters) -", "KYIV, Ukraine (AP) —": an agency in brackets near the start
# of a paragraph (a dateline), not followed by "Photo".
DATELINE = re.compile(rf"^[^\n()]{{0,60}}\(({_ALTERNATION})\)(?!\s*[Pp]hoto)", re.MULTILINE)
# "With reports by AP and Reuters", "Additional reporting by Reuters", "Source: TASS",
# "Based on materials: ZN.ua", "Reporting by X; editing by Y" (a Reuters sign-off).
CREDIT_LINE = re.compile(
    r"^\s*\(?\s*(?:with (?:additional )?(?:reports?|reporting|input|files|contributions?)"
    r" (?:by|from)"
    r"|(?:additional )?reporting by|based on (?:the )?(?:materials|reports?)(?: of| from| by)?\s*:?"
    r"|according to materials of|sources?\s*:|(?:compiled|written) (?:by|from)|courtesy of)"
    r"\s*(.+?)\)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# Agencies inside a credit line: a known spelling, or an outlet-like token ("ZN.ua").
DOMAIN = re.compile(r"\b[\w-]+\.(?:[a-z]{2,6})\b")
SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|/)\s*", re.IGNORECASE)
# Credit lines are short; a longer "line" is a sentence that merely starts the same way.
MAX_CREDIT_LINE = 120


@dataclass(frozen=True, slots=True)
class WireCredit:
    agency: str
    evidence: str


def wire_credits(text: str, credits: list[str]) -> list[WireCredit]:
    """Agencies credited in the text or in the clean stage's credit lines, each once."""
    found: dict[str, WireCredit] = {}
    for match in DATELINE.finditer(text):
        agency = SPELLINGS[match.group(1).lower()]
        found.setdefault(agency, WireCredit(agency, match.group(0).strip()))
    for source in [text, *credits]:
        for match in CREDIT_LINE.finditer(source):
            if len(match.group(0).strip()) > MAX_CREDIT_LINE:
                continue
            for agency in agencies_in(match.group(1)):
                found.setdefault(agency, WireCredit(agency, match.group(0).strip()))
    for line in credits:  # a credit line the cleaner kept may be just the agency's name
        for agency in agencies_in(line):
            found.setdefault(agency, WireCredit(agency, line.strip()))
    return list(found.values())


def agencies_in(fragment: str) -> list[str]:
    """Agency names in the tail of a credit line ("AP and Reuters" → AP, Reuters)."""
    names = []
    for part in SEPARATORS.split(fragment.strip().rstrip(".")):
        part = part.strip(" .:-–—\"'“”()")
        if not part:
            continue
        if part.lower() in SPELLINGS:
            names.append(SPELLINGS[part.lower()])
        elif DOMAIN.fullmatch(part):
            names.append(part)
    return names

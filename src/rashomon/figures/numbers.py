"""Find and parse quantities in text: digits and words, scales, currencies, ranges.

One regular expression finds every candidate ("at least 474", "Over 2.1 million",
"$2.6bn", "between 5 and 10 per cent", "tens of thousands") and ``build`` turns a
match into a ``Quantity``. Whether a candidate is really a figure (not a year, an
ordinal, a list number, an address) is decided later, with the parse at hand,
in ``rashomon.figures.filters``. Values are computed with ``Decimal`` so that
"150.8 billion" is exactly 150800000000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "tn": 10**12,
    "dozen": 12,
}
# Plural scales used vaguely ("thousands of"): the least value they can mean is two of them.
VAGUE = {"dozens": 12, "hundreds": 100, "thousands": 10**3, "millions": 10**6}
VAGUE_MULTIPLIERS = {"tens": 10, "hundreds": 100}

CURRENCY_SYMBOLS = {
    "us$": "USD",
    "u.s.$": "USD",
    "$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₴": "UAH",
    "₹": "INR",
}
CURRENCY_CODES = ("USD", "EUR", "GBP", "RUB", "UAH", "CNY", "JPY", "CHF", "INR", "CAD", "AUD")
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "ruble": "RUB",
    "rouble": "RUB",
    "hryvnia": "UAH",
    "yuan": "CNY",
    "yen": "JPY",
    "rupee": "INR",
    "franc": "CHF",
}
MEASURES = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "mi",
    "metre": "m",
    "meter": "m",
    "hectare": "ha",
    "acre": "acre",
    "tonne": "t",
    "ton": "t",
    "kg": "kg",
    "kilogram": "kg",
    "barrel": "barrel",
    "litre": "l",
    "liter": "l",
    "gallon": "gal",
    "mw": "MW",
    "megawatt": "MW",
    "gw": "GW",
    "gigawatt": "GW",
    "sq km": "km2",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "square mile": "mi2",
}
QUALIFIERS = (
    "at least",
    "at most",
    "no more than",
    "no fewer than",
    "no less than",
    "more than",
    "less than",
    "fewer than",
    "as many as",
    "as much as",
    "as few as",
    "up to",
    "close to",
    "upwards of",
    "in excess of",
    "just over",
    "just under",
    "well over",
    "well above",
    "well below",
    "over",
    "under",
    "nearly",
    "almost",
    "around",
    "about",
    "approximately",
    "roughly",
    "some",
    "an estimated",
    "estimated",
    "below",
    "above",
)
SUFFIX_QUALIFIERS = {"or more": "at least", "or so": "around", "plus": "more than"}


def _alternatives(words) -> str:
    """A regex alternation, longest first so "more than" wins over "more"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_WORD = (
    rf"(?:{_alternatives(SMALL)})(?:-(?:{_alternatives(k for k, v in SMALL.items() if v < 10)}))?"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"""
    (?:(?:{_DIGITS})
       (?:(?:\s+|-)(?:and\s+)?{_SCALE_WORD})*
       (?:(?<=\d)(?:bn|mn|mln|tn|k|m|b)(?![\w])|\s(?:bn|mn|mln|tn)(?![\w]))?
     | (?:(?:a|an|half\s+a)\s+(?={_SCALE_WORD}))?
       (?:{_WORD}|{_SCALE_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}|{_SCALE_WORD}))*
    )"""
_VAGUE = r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions)"
_CUR_PRE = (
    rf"(?:US\$|U\.S\.\s?\$|A\$|C\$|NZ\$|HK\$|\$|€|£|¥|₽|₴|₹|(?:{'|'.join(CURRENCY_CODES)})\s?)"
)
_CUR_WORDS = (
    rf"(?:(?:US|U\.S\.|American|Canadian|Australian)\s+)?(?:{_alternatives(CURRENCY_WORDS)})s?"
)
_CODES = "|".join(CURRENCY_CODES)


def _side(n: int) -> str:
    """One side of a range: currency, number and unit, the groups suffixed with ``n``."""
    return rf"""(?P<cur{n}>{_CUR_PRE})?\s?(?P<num{n}>{_NUMBER})
        (?:\s*(?P<pct{n}>%|percentage\s+points?\b|per\s*cent\b|pct\b)
         | \s+(?P<curword{n}>{_CUR_WORDS}|{_CODES})\b
         | \s*-?(?P<measure{n}>(?:{_alternatives(MEASURES)})s?)\b
        )?"""


QUANTITY = re.compile(
    rf"""(?<![\w$€£¥.,/-])(?<![A-Za-z]-)
    (?P<qual>(?:{_alternatives(QUALIFIERS)})\s+)?
    (?:
        (?P<vague>{_VAGUE})(?=\s+of\b)
      | (?P<between>between\s+|from\s+)?{_side(1)}
        (?:\s*(?P<sep>-|–|—|to|and)\s*{_side(2)})?
        (?P<suffix>\s+or\s+more|\s+or\s+so|-?plus|\+)?
    )
    (?![\w-]\w)(?!\w)(?![.,]\d)""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    words_only: bool = False  # written in words ("seven"), not digits
    scaled: bool = False  # carries a scale or a unit, so it cannot be a year or a list number


def parse_number(text: str) -> Decimal | None:
    """The value of a number written in digits and/or words; None when it is none.

    Accepts "1,200", "2.1 million", "3.5bn", "twenty-five thousand", "a dozen",
    "half a million", "two hundred and fifty".
    """
    cleaned = text.lower().replace(",", "").strip()
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+", cleaned.replace("-", " "))
    if not tokens:
        return None
    total, current, seen = Decimal(0), Decimal(0), False
    pending_half = False
    for token in tokens:
        if token[0].isdigit():
            try:
                current += Decimal(token)
            except InvalidOperation:
                return None
            seen = True
        elif token in SMALL:
            current += SMALL[token]
            seen = True
        elif token in ("a", "an"):
            current = current or Decimal(1)
        elif token == "half":
            pending_half = True
        elif token == "and":
            continue
        elif token in SCALES:
            scale = SCALES[token]
            base = current if (seen or current) else Decimal(1)
            if pending_half:
                base, pending_half = Decimal("0.5"), False
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = Decimal(0)
            seen = True
        else:
            return None
    return total + current if seen else None


def _unit(match: re.Match, n: int) -> str | None:
    cur = match.group(f"cur{n}")
    if cur:
        key = re.sub(r"\s", "", cur).lower()
        return CURRENCY_SYMBOLS.get(key) or key.upper()
    pct = match.group(f"pct{n}")
    if pct:
        return "pp" if pct.lower().startswith("percentage") else "%"
    word = match.group(f"curword{n}")
    if word:
        last = word.split()[-1].lower()
        if last.upper() in CURRENCY_CODES:
            return last.upper()
        return CURRENCY_WORDS.get(last.rstrip("s"), CURRENCY_WORDS.get(last))
    measure = match.group(f"measure{n}")
    if measure:
        key = re.sub(r"\s+", " ", measure.lower())
        return MEASURES.get(key) or MEASURES.get(key.rstrip("s"))
    return None


def _qualifier(match: re.Match) -> str | None:
    qual = match.group("qual")
    if qual:
        return re.sub(r"\s+", " ", qual.strip().lower())
    suffix = match.group("suffix") if match.group("vague") is None else None
    if suffix:
        key = re.sub(r"\s+", " ", suffix.strip(" -").lower())
        return SUFFIX_QUALIFIERS.get(key, "more than")
    return None


def build(match: re.Match, offset: int = 0) -> Quantity | None:
    """The Quantity a QUANTITY match stands for; None when its number does not parse."""
    text = match.group(0)
    start, end = match.start() + offset, match.end() + offset
    vague = match.group("vague")
    if vague:
        words = vague.lower().split()
        multiplier = VAGUE_MULTIPLIERS.get(words[0], 1) if len(words) > 1 else 1
        value = Decimal(2 * VAGUE[words[-1]] * multiplier)
        return Quantity(text, start, end, float(value), None, None, "at least", True, True)
    low = parse_number(match.group("num1"))
    if low is None:
        return None
    unit = _unit(match, 1)
    high = None
    words_only = not re.search(r"\d", match.group("num1"))
    scaled = bool(unit) or _has_scale(match.group("num1"))
    if match.group("num2") is not None:
        if match.group("sep").lower() == "and" and not match.group("between"):
            return None
        high = parse_number(match.group("num2"))
        if high is None:
            return None
        unit = unit or _unit(match, 2)
        scale2 = _trailing_scale(match.group("num2"))
        # "2 to 3 million": the left side shares the right one's scale, unless it is
        # already of that size on its own ("200,000 to 3 million").
        if scale2 > 1 and not _has_scale(match.group("num1")) and low < high / scale2 * 10:
            low *= scale2
        scaled = scaled or bool(_unit(match, 2)) or scale2 > 1
        if high < low:
            return None
    qualifier = _qualifier(match)
    return Quantity(
        text,
        start,
        end,
        float(low),
        float(high) if high is not None else None,
        unit,
        qualifier,
        words_only,
        scaled,
    )


def _has_scale(number: str) -> bool:
    return _trailing_scale(number) > 1


def _trailing_scale(number: str) -> int:
    """The scale a number ends with ("3 million" → 10**6), 1 when none."""
    words = re.findall(r"[a-z]+", number.lower())
    scale = 1
    for word in reversed(words):
        if word in SCALES and word != "dozen":
            scale *= SCALES[word]
        else:
            break
    return scale


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity-like candidate in ``text``, offsets shifted by ``offset``."""
    found = []
    for match in QUANTITY.finditer(text):
        quantity = build(match, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def parse_quantity(text: str) -> Quantity | None:
    """Parse a phrase that is one quantity ("more than $31.7 billion"); None otherwise."""
    match = QUANTITY.fullmatch(text.strip())
    return build(match) if match else None

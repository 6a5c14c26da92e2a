"""When two figures are about the same thing, and when their values disagree.

A figure stands for an interval, not a point: "2.1 million" means 2.05–2.15
million (half its last digit either way), "at least 474" anything from 474 up,
"around $48.5 billion" ±10%. Two figures disagree only when their intervals do
not meet, so rounding ("nearly 2 million" vs "1.96 million") and qualifiers
("at least 474" vs "516") are never called conflicts.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from rashomon.text.stopwords import STOP_WORDS

LOWER_BOUNDS = {
    "at least",
    "no fewer than",
    "no less than",
    "more than",
    "over",
    "above",
    "upwards of",
    "in excess of",
    "just over",
    "well over",
    "well above",
}
UPPER_BOUNDS = {
    "up to",
    "at most",
    "no more than",
    "as many as",
    "as much as",
    "less than",
    "fewer than",
    "under",
    "below",
    "well below",
    "as few as",
}
NEAR_BELOW = {"nearly", "almost", "close to", "just under"}
APPROXIMATE = {"around", "about", "approximately", "roughly", "some", "an estimated", "estimated"}
# "around"/"nearly" leave this much room. News rounds to two significant digits,
# which moves a value by at most 5%; twice that covers writers who round further.
APPROXIMATE_SHARE = 0.10
# Two counted-thing phrases name the same thing from this share of shared stems
# up (Jaccard). Calibrated on pairs in tests/figures/test_compare.py: "civilians
# killed" vs "civilians killed in Ukraine" (0.67) match; "Ukrainians who fled to
# neighboring countries" vs "Ukrainian civilians forced to flee their homes"
# (0.13) and "troops deployed" vs "troops killed" (0.33) do not.
SAME_THING = 0.5


def interval(
    value: float, value_max: float | None, qualifier: str | None, text: str
) -> tuple[float, float]:
    """The values a stated figure allows."""
    tolerance = rounding(text, value)
    high = value_max if value_max is not None else value
    low, high = value - tolerance, high + tolerance
    if qualifier in LOWER_BOUNDS:
        return low, math.inf
    if qualifier in UPPER_BOUNDS:
        return 0.0, high
    if qualifier in NEAR_BELOW:
        return value * (1 - APPROXIMATE_SHARE), high
    if qualifier in APPROXIMATE:
        return min(low, value * (1 - APPROXIMATE_SHARE)), max(high, value * (1 + APPROXIMATE_SHARE))
    return low, high


def rounding(text: str, value: float) -> float:
    """Half the unit of the last digit written: "2.1 million" → 50,000; "1,200" → 50."""
    match = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if match is None or value == 0:
        return 0.5
    digits = match.group(0).replace(",", "")
    written = float(digits)
    scale = value / written if written else 1.0
    if match.group(1):
        unit = 10 ** -len(match.group(1))
    else:
        stripped = digits.rstrip("0")
        unit = 10 ** (len(digits) - len(stripped)) if stripped else 1
    return unit * scale / 2


def disagree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def stems(phrase: str | None) -> frozenset[str]:
    """Content-word stems of a counted-thing phrase, for matching across outlets."""
    if not phrase:
        return frozenset()
    words = re.findall(r"[a-z]+", phrase.lower().replace("our", "or"))
    return frozenset(_stem(w) for w in words if w not in STOP_WORDS)


def _stem(word: str) -> str:
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def period(as_of: str | None, published: str | None) -> tuple[date, date] | None:
    """The days a figure holds for: its own as-of date, else its article's date.

    "since 2022-02-24" counts up to publication, so it holds on the publication day.
    """
    found = re.search(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:/(\d{4}-\d{2}-\d{2}))?", as_of or "")
    if found and not (as_of or "").startswith("since"):
        year, month, day = int(found.group(1)), found.group(2), found.group(3)
        if found.group(4):
            return date(year, int(month), int(day)), date.fromisoformat(found.group(4))
        if day:
            single = date(year, int(month), int(day))
            return single, single
        if month:
            start = date(year, int(month), 1)
            return start, (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(
                days=1
            )
        return date(year, 1, 1), date(year, 12, 31)
    if published:
        try:
            day_of = date.fromisoformat(published[:10])
        except ValueError:
            return None
        return day_of, day_of
    return None


def overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool | None:
    """Whether two periods meet; None when either is unknown."""
    if a is None or b is None:
        return None
    return not (a[1] < b[0] or b[1] < a[0])

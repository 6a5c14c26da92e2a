"""Month and weekday names: the one table every date rule builds its patterns from.

English only, as the pipeline is. Lookups take a lower-case full name or abbreviation
("march", "mar", "sept"); the patterns are regex fragments for ``re.IGNORECASE`` or
case-sensitive use, matching full names and dotted abbreviations ("Dec.", "Sept.").
"""

from __future__ import annotations

# Written out rather than taken from the ``calendar`` module, whose names follow the
# process's locale: English text needs English names whatever the machine's setting.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTH_NUMBER: dict[str, int] = (
    {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
    | {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
    | {"sept": 9}
)
# Monday is 0, as in ``date.weekday()``.
WEEKDAY_NUMBER: dict[str, int] = (
    {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
    | {name[:3].lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
    | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
)

# Full names, or abbreviations with an optional dot ("Dec. 4"); a full name takes no
# dot, which would be the sentence's full stop ("by March.").
MONTH = "(?:" + "|".join(MONTH_NAMES) + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)"
FULL_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
WEEKDAY = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Weekdays with their short forms ("Wed.", "Thurs"), for case-insensitive patterns only:
# capitalised, "Sun" and "Sat" would be names too often.
WEEKDAY_SHORT = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation in any case, with or without its dot."""
    key = word.lower().rstrip(".")
    return MONTH_NUMBER.get(key) or MONTH_NUMBER.get(key[:3])


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday's name or abbreviation in any case."""
    key = word.lower().rstrip(".")
    return WEEKDAY_NUMBER.get(key) if key in WEEKDAY_NUMBER else WEEKDAY_NUMBER.get(key[:3])

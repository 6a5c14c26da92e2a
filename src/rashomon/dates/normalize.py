"""Turn one date expression into ISO dates against a publication date.

News dates are mostly relative ("on Wednesday", "earlier this month", "last
year") or lack their year ("Dec. 4"). The forms whose meaning in news differs
from a calendar parser's are handled here: a bare weekday is the latest such day
on or before publication (dateparser would skip back a week when the article
appears that very day); a day or month without a year is the one nearest the
publication date (an article in September names coming referendums "September
23 to 27"); ranges, "this/last/next week|month|year", "early/mid/late March"
and decades. Everything else goes to dateparser with ``RELATIVE_BASE`` and
``PREFER_DATES_FROM='past'``. Durations ("seven months") and vague spans
("recent weeks", "the coming months") are not dates: ``resolve`` returns None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.model import Precision
from rashomon.text.calendar import MONTH, WEEKDAY_SHORT, month_number, weekday_number
from rashomon.text.dates import date_data, midnight

_MONTH = MONTH + r"\.?"
_WEEKDAY = WEEKDAY_SHORT
LEADING = re.compile(
    r"^(?:since|until|till|from|as\s+of|by|on|in|during|through|between|the)\s+", re.I
)
DURATION = re.compile(
    r"^(?:(?:about|nearly|almost|some|over|just|only|more\s+than|less\s+than|at\s+least|the\s+(?:past|last|next|first))\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)"
    r"(?:\s*-|\s+)(?:day|week|month|year|decade|hour|minute)s?(?:\s+(?:old|long))?$",
    re.I,
)
VAGUE = re.compile(
    r"^(?:recent|coming|past|next|last|previous|following|these|those)\s+(?:few\s+)?(?:days|weeks|months|years)$"
    r"|^(?:today's|yesterday's|that\s+day|the\s+day|the\s+time|now|recently|the\s+weekend|summer|winter|spring|autumn|fall)$",
    re.I,
)
WEEKDAY = re.compile(
    rf"^(?P<rel>last|this|next|past)?\s*(?P<day>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
THIS_PERIOD = re.compile(
    r"^(?P<mod>earlier|later|late|early)?\s*(?:in\s+|on\s+)?(?P<rel>this|last|next|the\s+past|the\s+previous)\s+(?P<unit>week|month|year)$",
    re.I,
)
PART_OF_MONTH = re.compile(
    rf"^(?:(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?$",
    re.I,
)
MONTH_ONLY = re.compile(rf"^(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?$", re.I)
YEAR_ONLY = re.compile(r"^(?P<year>(?:1[89]|20)\d\d)$")
DECADE = re.compile(r"^(?P<decade>(?:1[89]|20)\d0)'?s$")
RANGE = re.compile(
    r"^(?P<a>.+?)\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*(?P<b>.+)$", re.I
)
DAY_ONLY = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?$")
DAY_MONTH = re.compile(
    rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?$",
    re.I,
)
MONTH_DAY = re.compile(
    rf"^(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?$", re.I
)
DEADLINE = re.compile(
    rf"^(?:by|until|till|before)\s+(?:early\s+|mid-?|late\s+)?{_MONTH}(?:\s+\d{{1,2}})?$", re.I
)
YEAR_SPAN = re.compile(r"^(?P<year>(?:1[89]|20)\d\d)[-–/](?P<short>\d\d)$")
ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d(?=s?\b)")
# How far ahead a date without its year may lie. News names coming dates
# (referendums, summits, votes) within weeks and adds the year beyond that; a
# month further off is the past one ("Putin's February invasion", written in
# September). Two months keeps every yearless date in the sample articles and
# the labelled set (benchmarks/data/figures_dates.jsonl) right.
FUTURE_WINDOW = 62
PERIODS: dict[str, Precision] = {"day": "day", "week": "day", "month": "month", "year": "year"}


Day = date  # the type, under a name the field ``Resolved.date`` does not shadow


@dataclass(frozen=True, slots=True)
class Resolved:
    date: Day
    date_end: Day | None
    precision: Precision

    def iso(self) -> tuple[str, str | None]:
        return self.date.isoformat(), self.date_end.isoformat() if self.date_end else None


def resolve(text: str, base: date | None) -> Resolved | None:
    """The dates ``text`` names, read on ``base``; None for durations and vague spans.

    With no ``base`` only expressions that carry their year resolve.
    """
    phrase = clean(text)
    if not phrase or DURATION.match(phrase) or VAGUE.match(phrase):
        return None
    if DEADLINE.match(text.strip()) and base is not None:
        base = _deadline_base(base)
    if base is None:
        year = HAS_YEAR.search(phrase)
        if year is None:
            return None
        base = date(int(year.group(0)), 12, 31)
    found = _resolve_range(phrase, base)
    if found is None:
        found = _resolve_single(phrase, base)
    return found


def _deadline_base(base: date) -> date:
    """ "by March", "until June" name a coming month: reading them about ten months
    on makes the nearest-year rule pick its next occurrence."""
    return base.replace(day=1) + timedelta(days=310)


def relative_precision(text: str) -> Precision | None:
    """The precision of ``text`` when it names a date only relative to when it was
    written ("on Wednesday": day); None when it is absolute or no date at all."""
    far, near = date(2001, 6, 15), date(2011, 2, 3)
    first, second = resolve(text, far), resolve(text, near)
    return first.precision if first is not None and first != second else None


def clean(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text).strip(" ,.;:'\"“”‘’()")
    while (stripped := LEADING.sub("", phrase)) != phrase:
        phrase = stripped
    return phrase


def _resolve_single(phrase: str, base: date) -> Resolved | None:
    for pattern, handler in _HANDLERS:
        match = pattern.match(phrase)
        if match:
            return handler(match, base)
    return _dateparser(phrase, base)


def _resolve_range(phrase: str, base: date) -> Resolved | None:
    match = None if ISO.match(phrase) or YEAR_SPAN.match(phrase) else RANGE.match(phrase)
    if not match:
        return None
    left, right = clean(match.group("a")), clean(match.group("b"))
    right_full = _resolve_single(right, base)
    day_left = DAY_ONLY.match(left)
    if day_left and right_full is not None and right_full.precision == "day":
        # "23 to 27 September": the left day takes the right one's month.
        last = right_full.date
        first = _safe_date(last.year, last.month, int(day_left.group("day")))
        return Resolved(first, last, "range") if first and first <= last else None
    left_full = _resolve_single(left, base)
    if left_full is None:
        return None
    day_right = DAY_ONLY.match(right)
    if day_right and left_full.precision == "day":
        # "September 23 to 27": the right day takes the left one's month.
        begin = left_full.date
        until = _safe_date(begin.year, begin.month, int(day_right.group("day")))
        return Resolved(begin, until, "range") if until and begin <= until else None
    if right_full is None:
        return None
    start, end = left_full.date, _last_day(right_full)
    return Resolved(start, end, "range") if start <= end else None


def _last_day(resolved: Resolved) -> date:
    if resolved.date_end is not None:
        return resolved.date_end
    if resolved.precision == "month":
        return _month_end(resolved.date.year, resolved.date.month)
    if resolved.precision == "year":
        return date(resolved.date.year, 12, 31)
    return resolved.date


def _weekday(match: re.Match, base: date) -> Resolved | None:
    target = weekday_number(match.group("day"))
    if target is None:
        return None
    back = (base.weekday() - target) % 7
    rel = (match.group("rel") or "").lower()
    if rel == "next":
        ahead = (target - base.weekday()) % 7 or 7
        return Resolved(base + timedelta(days=ahead), None, "day")
    if rel in ("last", "past") and back == 0:
        back = 7
    return Resolved(base - timedelta(days=back), None, "day")


def _this_period(match: re.Match, base: date) -> Resolved | None:
    rel = re.sub(r"\s+", " ", match.group("rel").lower())
    step = {"this": 0, "next": 1}.get(rel, -1)
    unit = match.group("unit").lower()
    if unit == "year":
        return Resolved(date(base.year + step, 1, 1), None, "year")
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + step
        return Resolved(date(month_index // 12, month_index % 12 + 1, 1), None, "month")
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
    return Resolved(monday, monday + timedelta(days=6), "range")


def _month(match: re.Match, base: date) -> Resolved | None:
    month = month_number(match.group("month"))
    if month is None:
        return None
    year = int(match.group("year")) if match.group("year") else _nearest_year(base, month, 15)
    return Resolved(date(year, month, 1), None, "month")


def _day(match: re.Match, base: date) -> Resolved | None:
    month = month_number(match.group("month"))
    if month is None:
        return None
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else _nearest_year(base, month, day)
    found = _safe_date(year, month, day)
    return Resolved(found, None, "day") if found else None


def _iso(match: re.Match, base: date) -> Resolved | None:
    found = _safe_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return Resolved(found, None, "day") if found else None


def _year_span(match: re.Match, base: date) -> Resolved | None:
    start = int(match.group("year"))
    end = start // 100 * 100 + int(match.group("short"))
    return Resolved(date(start, 1, 1), date(end, 12, 31), "range") if end == start + 1 else None


def _year(match: re.Match, base: date) -> Resolved:
    return Resolved(date(int(match.group("year")), 1, 1), None, "year")


def _decade(match: re.Match, base: date) -> Resolved:
    start = int(match.group("decade"))
    return Resolved(date(start, 1, 1), date(start + 9, 12, 31), "range")


_HANDLERS = (
    (ISO, _iso),
    (YEAR_SPAN, _year_span),
    (WEEKDAY, _weekday),
    (THIS_PERIOD, _this_period),
    (PART_OF_MONTH, _month),
    (MONTH_ONLY, _month),
    (MONTH_DAY, _day),
    (DAY_MONTH, _day),
    (YEAR_ONLY, _year),
    (DECADE, _decade),
)


def _dateparser(phrase: str, base: date) -> Resolved | None:
    data = date_data(
        phrase, RELATIVE_BASE=midnight(base), PREFER_DATES_FROM="past", RETURN_TIME_AS_PERIOD=True
    )
    if data is None:
        return None
    precision = PERIODS.get(data.period or "")
    if data.date_obj is None or precision is None:
        return None
    found = data.date_obj.date()
    if precision == "month":
        found = found.replace(day=1)
    elif precision == "year":
        found = date(found.year, 1, 1)
    return Resolved(found, None, precision)


def _nearest_year(base: date, month: int, day: int) -> int:
    """The latest year that puts (month, day) no later than FUTURE_WINDOW after ``base``."""
    for year in (base.year + 1, base.year, base.year - 1):
        found = _safe_date(year, month, day) or _safe_date(year, month, 28)
        if found is not None and (found - base).days <= FUTURE_WINDOW:
            return year
    return base.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])

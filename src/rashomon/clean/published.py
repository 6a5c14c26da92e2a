"""When an article was published, with where that came from and how sure it is.

Sources in order of trust: the date the input gave or the page's metadata
(``meta``), a date in the URL path (``url``), a dateline or the article's own
text (``text``). No date is ever later than the fetch or file time: a later one
is a scheduled event or an error, and the next source is tried.

From text alone the date is inferred, never guessed: the latest explicit date
in the article (often a photo caption or a dateline) is a lower bound, and when
the article says "on Wednesday" and that date was a Wednesday, it is the day.
A bare month ("in January") after an explicit "October 2022" means the article
is from 2023 at the earliest; then only the year is given, with low confidence.
Candidates are found with regular expressions and parsed with dateparser
(its ``search_dates`` finds "may" and "2nd" in ordinary prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from rashomon.model import DateSource, Precision
from rashomon.text.calendar import MONTH, MONTH_NAMES, WEEKDAY_NAMES, month_number
from rashomon.text.dates import date_data
from rashomon.text.sentences import split_sentences

# Confidence by source, for ranking and for users to read: metadata and a
# date given with the input are usually right; a date in the URL path is the
# publication day on news sites; a dateline is the page's own stamp; the
# inferences from body text are weaker, a lower bound weakest of all.
UNDATED = "undated"
CONFIDENCE_GIVEN = 1.0
CONFIDENCE_META = 0.9
CONFIDENCE_URL = 0.8
CONFIDENCE_DATELINE = 0.7
CONFIDENCE_WEEKDAY = 0.6
CONFIDENCE_BOUND = 0.3
# A date without a year placed by the years around it: weaker than either above.
CONFIDENCE_YEARLESS_WEEKDAY = 0.4
CONFIDENCE_YEARLESS = 0.2
# A page fetched from the web is read within this many days of its publication, so a
# date without a year falls in the year before the fetch (a file's time says nothing).
FETCH_SPAN_DAYS = 365

_MONTHS = "|".join(MONTH_NAMES)
# Any case and any ending after the first three letters ("Sept.", "SEPTEMBER").
_MONTH = "(?:" + "|".join(name[:3] for name in MONTH_NAMES) + r")[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# "March 9, 2022", "Feb. 24 2022", "9 March 2022", "9th of March, 2022", "2022-03-09".
# Any case ("9 MAY 2020"), and glued to the words around it as pages print dates
# ("Yahoo News Australia28 October 2020", "November 1, 2023November 1, 2023").
# A date starts with a month's initial or a digit: checking that first rejects every
# other position with one test instead of trying each alternative (40% off the scan).
_DATE_INITIAL = "(?=[" + "".join(sorted({name[0].lower() for name in MONTH_NAMES})) + r"\d])"
FULL_DATE_RE = re.compile(
    rf"(?<!\d){_DATE_INITIAL}(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}-\d{{2}}-\d{{2}})(?!\d)",
    re.IGNORECASE,
)
# A full date the page stamps as its own: "Updated November 3rd, 2023", "Published on 9 May 2020".
STAMP_RE = re.compile(
    r"\b(?:published|posted|updated|first published)\b[\s:,]*(?:on\s+)?(?=\S)", re.IGNORECASE
)
_PUBLISH_WORD_RE = re.compile(r"publish|posted", re.IGNORECASE)
# A header's "today": a weekday, then the date, and nothing about publishing.
_TODAY_RE = re.compile(
    r"^\s*(?:today\s+is\s+)?(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b"
    r"(?![^\n]*publish)",
    re.IGNORECASE,
)
# "October 2022" (a month with its year but no day).
MONTH_YEAR_RE = re.compile(rf"\b(?:{_MONTHS})\s+(?:of\s+)?{_YEAR}\b")
# "in January", "since March", "last October", "earlier in May" without a day or year.
# Capitalised names only, so the verb "may" is not a month.
BARE_MONTH_RE = re.compile(
    rf"\b(?:in|since|last|early|late|mid-|earlier in|later in|by)\s+(?P<month>{_MONTHS})\b"
    rf"(?!\s*\d|,?\s+(?:of\s+)?{_YEAR})"
)
# "Dec. 4", "December 1", "23 September" with no year after them (capitalised months only,
# so the verb "may" is not one).
_MONTH_CAP = MONTH
DAY_MONTH_RE = re.compile(
    rf"(?<![\w-])(?:(?P<m1>{_MONTH_CAP})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_CAP}))"
    rf"(?![\w-])(?!,?\s*(?:of\s+)?{_YEAR})"
)
YEAR_RE = re.compile(rf"\b({_YEAR})\b")
WEEKDAY_RE = re.compile(
    r"\b(?:on|last|this|since|from|until|by|late|early)\s+"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_FUTURE_RE = re.compile(r"\b(will|next|scheduled|expected|plans? to|due to|is set to)\b", re.I)
# /2019/11/18/, /2019-11-18, /20191118/ and /2019/11/ in a URL path.
URL_DAY_RE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?:(?P<s>[/-])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>0?[1-9]|[12]\d|3[01])"
    r"|(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01]))(?=[/._-]|$)"
)
URL_MONTH_RE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])/")


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date: ISO start of the period, its source, precision and confidence."""

    date: str | None = None
    source: DateSource = "none"
    precision: Precision | None = None
    confidence: float = 0.0


_WRITTEN_RE = re.compile(
    r"^(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<m3>[A-Za-z]{3,9})\.?\s+(?:of\s+)?(?P<y3>\d{4}))$"
)


def _written_date(text: str) -> tuple[date, Precision] | None:
    """Dates as the regexes above find them ("Feb. 24, 2022", "9 March 2022", "October 2022").

    These shapes are read directly: dateparser takes 4 to 20 ms a string, which
    made it the slowest part of cleaning; it still reads every other form.
    """
    m = _WRITTEN_RE.match(text)
    if not m:
        return None
    month_name = m.group("m1") or m.group("m2") or m.group("m3")
    month = month_number(month_name)
    year = int(m.group("y1") or m.group("y2") or m.group("y3"))
    day = m.group("d1") or m.group("d2")
    if month is None:
        return None
    try:
        return (date(year, month, int(day)), "day") if day else (date(year, month, 1), "month")
    except ValueError:
        return None


def parse_date(text: str) -> tuple[date, Precision] | None:
    """Parse one date expression ("2022-03-09T10:00Z", "March 2022", "9 Mar 2022")."""
    text = text.strip()
    written = _written_date(text)
    if written:
        return written
    iso = re.fullmatch(r"((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?", text[:10])
    if iso and (len(text) <= 10 or text[10] in "T "):
        year, month, day = iso.group(1), iso.group(2), iso.group(3)
        try:
            if day:
                return date(int(year), int(month), int(day)), "day"
            if month:
                return date(int(year), int(month), 1), "month"
            return date(int(year), 1, 1), "year"
        except ValueError:
            return None
    data = date_data(
        re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text),
        PREFER_DAY_OF_MONTH="first",
        RETURN_AS_TIMEZONE_AWARE=False,
    )
    if data is None or data.date_obj is None:
        return None
    period: Precision = (
        "month" if data.period == "month" else "year" if data.period == "year" else "day"
    )
    return data.date_obj.date(), period


def date_from_url(url: str | None) -> tuple[date, Precision] | None:
    """The date in a news URL's path, at day or month precision."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    day = URL_DAY_RE.search(path)
    if day:
        try:
            found = date(
                int(day.group("y")),
                int(day.group("m") or day.group("m2")),
                int(day.group("d") or day.group("d2")),
            )
            return found, "day"
        except ValueError:
            pass
    month = URL_MONTH_RE.search(path)
    if month:
        return date(int(month.group("y")), int(month.group("m")), 1), "month"
    return None


def date_from_datelines(lines: list[str], limit: date) -> date | None:
    """The first explicit full date in the page's date lines ("Published Nov 19, 2019").

    Lines are in page order. A site's header often shows today's date, weekday
    first, above the article ("Thursday, November 9, 2023"): such a line, later
    than a date further down and not marked "published", is that chrome and is
    passed over.
    """
    found = []
    for line in lines:
        for match in FULL_DATE_RE.finditer(line):
            parsed = parse_date(match.group())
            if parsed and parsed[0] <= limit:
                found.append((line, parsed[0]))
    kept = [
        (line, day)
        for i, (line, day) in enumerate(found)
        if not _TODAY_RE.match(line) or not any(later < day for _, later in found[i + 1 :])
    ]
    ranked = sorted(kept, key=lambda item: not _PUBLISH_WORD_RE.search(item[0]))
    return ranked[0][1] if ranked else None


def date_stamped_in_text(text: str, limit: date) -> date | None:
    """A full date the text itself stamps ("Updated November 3rd, 2023"), the first one."""
    for stamp in STAMP_RE.finditer(text):
        match = FULL_DATE_RE.match(text, stamp.end())
        parsed = parse_date(match.group()) if match else None
        if parsed and parsed[0] <= limit:
            return parsed[0]
    return None


def date_from_text(
    text: str,
    limit: date,
    span: tuple[date, date] | None = None,
    source: DateSource = "text",
    fetched_recently: bool = False,
) -> Published:
    """Infer the publication date from dates and weekdays the article mentions.

    Without a full date, dates without a year ("on Dec. 4", "September 23 to 27")
    are placed in a year: the one nearest ``span`` (the other articles of its
    story, for the stories step), else nearest the years the article itself
    names, else (``fetched_recently``: fetched from the web, so the fetch time
    is close to publication) the year before ``limit``; ``source`` then says
    which ("story", "text", "fetch") and the confidence is lower.
    """
    full = [p[0] for m in FULL_DATE_RE.finditer(text) if (p := parse_date(m.group()))]
    full = [d for d in full if d <= limit]
    placed: list[date] = []
    if not full:
        own = _own_years(text, limit)
        if span is None and own is None and fetched_recently:
            span, source = (limit - timedelta(days=FETCH_SPAN_DAYS), limit), "fetch"
        span = span or own
        placed = full = yearless_dates(text, span, limit) if span is not None else []
    months = [p[0] for m in MONTH_YEAR_RE.finditer(text) if (p := parse_date(m.group()))]
    months = [d for d in months if d <= limit]
    weekdays = {m.group("day") for m in WEEKDAY_RE.finditer(text)}
    if full and WEEKDAY_NAMES[max(full).weekday()] in weekdays:
        day = max(full)
        if day in placed:
            placed_by = source if source in ("story", "fetch") else "text"
            return Published(day.isoformat(), placed_by, "day", CONFIDENCE_YEARLESS_WEEKDAY)
        return Published(day.isoformat(), "text", "day", CONFIDENCE_WEEKDAY)
    bounds = full + months
    if not bounds:
        return Published()
    bound = max(bounds)
    # A year placed by its neighbours is weaker, and says where the year came from.
    confidence = CONFIDENCE_YEARLESS if bound in placed else CONFIDENCE_BOUND
    if bound not in placed or source not in ("story", "fetch"):
        source = "text"
    later = _bare_month_bound(text, bound, limit)
    if later is not None:
        return Published(date(later.year, 1, 1).isoformat(), source, "year", confidence)
    if full and max(full) == bound:
        return Published(bound.replace(day=1).isoformat(), source, "month", confidence)
    return Published(date(bound.year, 1, 1).isoformat(), source, "year", confidence)


def _own_years(text: str, limit: date) -> tuple[date, date] | None:
    """The span of the years an article names ("its 2022 budget"), none later than ``limit``."""
    years = [int(y) for y in YEAR_RE.findall(text) if int(y) <= limit.year]
    return (date(min(years), 1, 1), date(max(years), 12, 31)) if years else None


def yearless_dates(text: str, span: tuple[date, date], limit: date) -> list[date]:
    """Dates the text gives without a year, each in the year nearest ``span`` (ties: later).

    Sentences about the future ("will meet on May 3") are left out: they bound nothing.
    """
    first, last = span
    found = []
    for sentence in split_sentences(text):
        if _FUTURE_RE.search(sentence):
            continue
        for m in DAY_MONTH_RE.finditer(sentence):
            month = month_number(m.group("m1") or m.group("m2"))
            if month is None:
                continue
            day = int(m.group("d1") or m.group("d2"))
            placed = []
            for year in range(first.year - 1, last.year + 2):
                try:
                    candidate = date(year, month, day)
                except ValueError:
                    continue
                if candidate <= limit:
                    gap = max((first - candidate).days, (candidate - last).days, 0)
                    placed.append((gap, -year, candidate))
            if placed:
                found.append(min(placed)[2])
    return found


def _bare_month_bound(text: str, bound: date, limit: date) -> date | None:
    """A later lower bound from bare past months: "in January" after "October 2022" is 2023.

    A month named without a year is the latest such month, so one earlier in
    the calendar than the latest explicit date falls in the following year.
    Months in sentences about the future ("will", "next") are left out.
    """
    latest = None
    for sentence in split_sentences(text):
        if _FUTURE_RE.search(sentence):
            continue
        for m in BARE_MONTH_RE.finditer(sentence):
            month = MONTH_NAMES.index(m.group("month")) + 1
            year = bound.year if month >= bound.month else bound.year + 1
            candidate = date(year, month, 1)
            if candidate > bound and candidate <= limit and (latest is None or candidate > latest):
                latest = candidate
    return latest if latest is not None and latest.year > bound.year else None


def infer_published(
    *,
    given: str | None = None,
    meta: str | None = None,
    url: str | None = None,
    datelines: list[str] | None = None,
    text: str = "",
    fetched_at: datetime | None = None,
    fetched_from_web: bool = False,
) -> Published:
    """The publication date from the best source that gives one no later than ``fetched_at``."""
    limit = (fetched_at or datetime.now()).date()
    if given:  # what the user says wins, even past the fetch time
        parsed = parse_date(given)
        if parsed:
            return Published(parsed[0].isoformat(), "given", parsed[1], CONFIDENCE_GIVEN)
    parsed = parse_date(meta) if meta else None
    if parsed and parsed[0] <= limit:
        return Published(parsed[0].isoformat(), "meta", parsed[1], CONFIDENCE_META)
    from_url = date_from_url(url)
    if from_url and from_url[0] <= limit:
        return Published(from_url[0].isoformat(), "url", from_url[1], CONFIDENCE_URL)
    stamped = date_from_datelines(datelines or [], limit) or date_stamped_in_text(text, limit)
    if stamped:
        return Published(stamped.isoformat(), "text", "day", CONFIDENCE_DATELINE)
    return date_from_text(text, limit, fetched_recently=fetched_from_web)


def format_published(value: str | None, precision: str | None) -> str:
    """A publication date as precise as its source: "9 March 2022", "January 2023", "2023".

    Every surface shows dates through this, so a month-precision date is never
    shown as its first day; no date reads "undated".
    """
    if not value:
        return UNDATED
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    month = MONTH_NAMES[day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month} {day.year}"
    return f"{day.day} {month} {day.year}"

"""The one dateparser: a ``DateDataParser`` built once per settings shape and reused.

Building a parser loads its language data, which costs more than most parses; the
date stage resolved every phrase with a fresh parser. Callers name the settings they
need (a ``RELATIVE_BASE`` included) and get the parser built for exactly those, kept
in a small cache: the articles of one story share few publication dates.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateparser.date import DateData, DateDataParser

# How many settings shapes keep their parser: one per distinct publication date the
# date stage reads relative phrases against, plus the cleaner's one shape.
PARSER_CACHE_SIZE = 256


@lru_cache(maxsize=PARSER_CACHE_SIZE)
def _parser(settings: tuple[tuple[str, Any], ...]) -> DateDataParser:
    # Imported here: dateparser's import takes a second, and most commands never parse.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=dict(settings))


def parser(**settings: Any) -> DateDataParser:
    """The English parser for these dateparser settings, built on first use."""
    return _parser(tuple(sorted(settings.items())))


def date_data(text: str, **settings: Any) -> DateData | None:
    """What dateparser reads in ``text`` under ``settings``; None when it raises, as it
    does on assorted odd strings."""
    try:
        return parser(**settings).get_date_data(text)
    except Exception:
        return None


def midnight(day: Any) -> datetime:
    """A date as the ``datetime`` dateparser's ``RELATIVE_BASE`` wants."""
    return datetime(day.year, day.month, day.day)

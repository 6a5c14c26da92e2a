"""An article's title: the one given, else the page's headline, else one derived and marked so.

Every surface lists articles by title, so an article without one would show
blank or as a menu line. A cleaner's headline is refused when it is page chrome
that happens to sit where a headline does ("Skip to main news content",
"4 Min Read", a byline, leftover markup); then the title is derived from the
body's first sentence, and ``title_source`` says "derived".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rashomon.clean.lines import classify_line
from rashomon.clean.outlet import title_tail
from rashomon.clean.registry import name_key
from rashomon.clean.text import RETOLD_TITLE_SHARE, shared_words
from rashomon.model import TitleSource

# Longest derived title, in characters, cut at a word: what a list row shows whole.
DERIVED_TITLE_CHARS = 90
# Fewest words of a line a title is derived from: a headline has at least three.
DERIVED_MIN_WORDS = 3
# Chrome that takes a headline's place: skip links, reading times, markup, a handle.
_NOT_A_HEADLINE_RE = re.compile(
    r"^(?:skip\b|jump to\b|go to\b|\d+\s*min(?:ute)?s?\s+read\b)|<[a-z/!]|@\w|^by\s",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s")


def is_headline(line: str) -> bool:
    """Whether a line the cleaner took for the headline can be one."""
    text = line.strip()
    if not text or _NOT_A_HEADLINE_RE.search(text):
        return False
    kind = classify_line(text)
    return not (kind.byline or kind.dateline or kind.credit) and kind.boilerplate in (
        None,
        "block-heading",
    )


def derived_title(body: str, limit: int = DERIVED_TITLE_CHARS) -> str:
    """The body's first sentence, cut at a word to ``limit`` characters with "…".

    Lines of fewer than DERIVED_MIN_WORDS words (a raw text's "Home") are passed over.
    """
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    first = next(
        (ln for ln in lines if len(ln.split()) >= DERIVED_MIN_WORDS), lines[0] if lines else ""
    )
    match = _SENTENCE_END_RE.search(first)
    if match:
        first = first[: match.start()].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def browser_title(first_line: str, site: str | None, is_outlet: Callable[[str], bool]) -> str:
    """A pasted page's first line without its site tail, when that tail names the site.

    Browsers copy the page title first ("Headline - CBS News", "Headline | PhillyVoice");
    when its tail is the outlet found or one the registry knows, the rest is the
    headline as the site titled it; else "" (a dash may attribute the headline to
    a speaker: "… a sign of failure — Blinken").
    """
    tail = title_tail(first_line)
    if not tail or not (is_outlet(tail) or (site and name_key(tail) == name_key(site))):
        return ""
    return first_line.strip()[: -len(tail)].rstrip().rstrip("|-–—:").rstrip()


def retold_headline(browser: str, on_page: str) -> str:
    """The on-page headline when it retells the browser title, else the browser title.

    The page's own headline is the one its readers see (and the one metadata gives);
    a line that shares fewer words with the browser title is more likely a caption
    or a teaser than the article's headline.
    """
    if not browser or not on_page or not is_headline(on_page):
        return browser or on_page
    return on_page if shared_words(on_page, browser) >= RETOLD_TITLE_SHARE else browser


def choose_title(given: str | None, found: str, body: str) -> tuple[str, TitleSource]:
    """The title and its source: ``given``, ``page``, ``derived`` or ``none`` (no body)."""
    if given and given.strip():
        return " ".join(given.split()), "given"
    if found and is_headline(found):
        return " ".join(found.split()), "page"
    derived = derived_title(body)
    return (derived, "derived") if derived else ("", "none")

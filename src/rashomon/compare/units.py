"""Statement units: what the comparison aligns across a story's articles.

A unit is one stored sentence (the annotate stage's spaCy sentences: the one splitter).
A sentence that a quote fills is a quote unit attributed to the quote's speaker, so the
comparison can tell "Blinken said X" apart from an outlet asserting X in its own voice.
A short quote inside a longer sentence (a scare-quoted phrase) leaves the sentence as it
is: the sentence, not the fragment, is the statement. A quote unit also keeps its
quoted words alone (``content``): two quotes of one speaker say the same thing only when
those words do, not because both are "Biden said" on the story's topic.

A unit's polarity is negative when it has a negation or a verb of denial ("denied",
"rejected"): "X said Y" and "X denied Y" share every content word and state opposites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.entities.lexicon import roles
from rashomon.model import ArticleText, QuoteSpan
from rashomon.stories.text import stop_words
from rashomon.text.calendar import MONTH_NAMES, WEEKDAY_NAMES
from rashomon.text.speech import inflect

NUMBER = re.compile(r"\d[\d,.]*")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
CALENDAR = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)
NEGATION = frozenset({"not", "no", "never", "n't", "nor", "neither", "none", "without"})
QUOTE_MARKS = frozenset('"“”«»‘')
# Verbs that state the opposite of their object ("denied that he knew").
DENIALS = frozenset(
    form for verb in ("deny", "refute") for form in inflect(verb)
)


@dataclass(slots=True)
class Unit:
    article_id: str
    outlet: str
    published: str | None
    start: int
    end: int
    text: str
    position: int  # the sentence's index in its article: leads come first
    speaker: str | None = None
    actors: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    negated: bool = False
    loaded: bool = False
    names: frozenset[str] = frozenset()  # capitalised words inside the sentence, lower-cased
    content: str = ""  # a quote unit's quoted words; empty for an outlet's own statement


def speaker_of(start: int, end: int, quotes: list[QuoteSpan], share: float) -> str | None:
    """The speaker of the quote covering at least ``share`` of the sentence, if any."""
    best, covered = None, 0
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > covered:
            best, covered = q, overlap
    if best is None or covered < share * (end - start):
        return None
    return best.speaker or "unattributed"


def quoted_words(start: int, text: str, quotes: list[QuoteSpan]) -> str:
    """The words of the direct quotes inside the sentence (at ``start``), attribution left
    out. Reported speech ("Iran said it would breach the limits") is the outlet's own
    wording of the statement, speaker included, so it is compared whole."""
    end = start + len(text)
    parts = []
    for q in quotes:
        lo, hi = max(q.start, start) - start, min(q.end, end) - start
        if lo >= hi:
            continue
        # a mark at either end of the span, or just outside it ("policy,” Biden said")
        edges = set(text[max(lo - 2, 0) : lo + 1] + text[hi - 1 : hi + 2])
        if q.start < start or q.end > end or edges & QUOTE_MARKS:
            parts.append(text[lo:hi])
    return " ".join(p.strip() for p in parts if p.strip())


def names_in(text: str) -> frozenset[str]:
    """Words written with a capital inside the sentence (not its first word): the names
    a reader sees ("the Vatican", "Palm Sunday", "Coptic") whether or not the entity
    recogniser tagged them; weekday and month names and titles ("President") say when
    or what office, not who, so they are left out."""
    found = WORD.findall(text)[1:]
    return frozenset(
        w.lower().replace("’", "'")
        for w in found
        if w[0].isupper() and w not in CALENDAR and not roles().is_title_word(w)
    )


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def make_units(article: ArticleText, min_words: int, quote_share: float) -> list[Unit]:
    """The article's units in reading order; sentences under ``min_words`` words are left
    out (datelines, captions, bylines)."""
    units = []
    for position, (start, end, text) in enumerate(article.sentences):
        tokens = words(text)
        if len(tokens) < min_words:
            continue
        actors = frozenset(name for s, e, name in article.actors if start <= s and e <= end)
        speaker = speaker_of(start, end, article.quotes, quote_share)
        units.append(
            Unit(
                article_id=article.id,
                outlet=article.outlet,
                published=article.published,
                start=start,
                end=end,
                text=text,
                position=position,
                speaker=speaker,
                actors=actors,
                numbers=frozenset(n.rstrip(".,").replace(",", "") for n in NUMBER.findall(text)),
                negated=any(t in NEGATION or t in DENIALS or t.endswith("n't") for t in tokens),
                loaded=any(start <= s.start < end for s in article.loaded),
                names=names_in(text),
                content=quoted_words(start, text, article.quotes) if speaker else "",
            )
        )
    return units


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry content: no stop words, no one-letter tokens."""
    stops = stop_words()
    return [w for w in words(text) if w not in stops and (len(w) > 1 or w.isdigit())]

"""Human labels for the codes the store keeps: signal kinds, technique names, column names.

The store keeps stable codes (``scare_quote``, ``Name_Calling-Labeling``,
``outlet_label``) that scripts rely on; readers see the words here. One mapping,
used by the web pages, the report and anything else that shows these to a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rashomon.clean.outlet import distinct_outlets, is_unknown
from rashomon.clean.published import format_published

# Signal kinds (signals.signal), in the order pages list them: the choice of words first.
SIGNAL_KINDS = {
    "naming": "Naming",
    "loaded": "Loaded words",
    "subjective": "Subjective words",
    "attribution": "Attribution verbs",
    "scare_quote": "Scare quotes",
    "hedge": "Hedges",
    "intensifier": "Intensifiers",
    "technique": "Persuasion techniques",
    "purpose": "Stated purpose",
    "stance": "Stance",
    "choice": "Quotes only this outlet chose",
}

# SemEval-2023 task 3 technique names (framing/techniques.py) as a reader says them.
TECHNIQUES = {
    "Loaded_Language": "Loaded language",
    "Name_Calling-Labeling": "Name-calling / labelling",
    "Doubt": "Casting doubt",
    "Appeal_to_Fear-Prejudice": "Appeal to fear / prejudice",
    "Flag_Waving": "Flag-waving",
    "Exaggeration-Minimisation": "Exaggeration / minimisation",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
}

# Column names of the lists and tables the pages show.
COLUMNS = {
    "title": "Title",
    "outlet": "Outlet",
    "outlet_label": "Outlet",
    "label": "Outlet",
    "published": "Published",
    "name": "Name",
    "type": "Type",
    "article_count": "Articles",
    "mention_count": "Mentions",
}

_SEPARATORS = re.compile(r"[_\s]+")


def humanize(code: str) -> str:
    """A code with no entry of its own: ``negative_judgement`` -> "Negative judgement"."""
    words = _SEPARATORS.sub(" ", code).strip()
    return words[:1].upper() + words[1:]


def signal_kind(kind: str) -> str:
    """``scare_quote`` (or ``SCARE_QUOTE``) -> "Scare quotes"."""
    return SIGNAL_KINDS.get(kind.lower(), humanize(kind.lower()))


def technique(code: str) -> str:
    """``Name_Calling-Labeling`` -> "Name-calling / labelling"."""
    return TECHNIQUES.get(code, humanize(code))


def signal_label(kind: str, label: str) -> str:
    """A signal's own label for a reader: technique codes named, other codes spelled out."""
    if kind.lower() == "technique":
        return technique(label)
    family, sep, term = label.partition(": ")
    if sep:  # naming labels are "family: term"; the family is a code
        family = humanize(family).lower()
        return term if family == term.lower() else f"{term} ({family})"
    return humanize(label) if "_" in label else label


def column(name: str) -> str:
    """``outlet_label`` -> "Outlet"."""
    return COLUMNS.get(name, humanize(name))


def explanation(kind: str, label: str, text: str) -> str:
    """A signal's explanation with the technique code at its head replaced by its label."""
    if kind.lower() == "technique" and text.startswith(f"{label}:"):
        return technique(label) + text[len(label) :]
    return text


# Words of the text an untitled article is named by in lists and links.
DERIVED_TITLE_WORDS = 12


def article_title(title: str | None, text: str | None, article_id: str) -> str:
    """The article's title; for an untitled one its first words, so it still has a link."""
    if title and title.strip():
        return title.strip()
    words = (text or "").split()
    if not words:
        return f"article {article_id}"
    head = " ".join(words[:DERIVED_TITLE_WORDS])
    return head + ("…" if len(words) > DERIVED_TITLE_WORDS else "")


# Marks that open or close a quotation; a quote's stored text keeps the ones it was printed with.
OPENING_MARKS = "\"'“‘«„‚‹"
CLOSING_MARKS = "\"'”’»“‘›"


def quoted(text: str, kind: str | None = "direct") -> str:
    """A quote as printed: a direct quote in marks, adding only those it was not printed with
    ("…" wrapped again reads ““…””; one running on to the next paragraph has no closing
    mark of its own and gets one). A paraphrase (indirect) or a paraphrase with quoted
    words (mixed) is not verbatim, so it gets no marks of ours."""
    body = text.strip()
    if kind not in (None, "direct"):
        return body
    head = "" if body[:1] in OPENING_MARKS else "“"
    tail = "" if body[-1:] in CLOSING_MARKS and len(body) > 1 else "”"
    return f"{head}{body}{tail}"


# Whose words a framing signal is (signals.voice), short enough to sit beside each note:
# the outlet's own words, or a quote it chose to print (with the speaker).
OWN_VOICE = "own words"


def quoted_voice(speaker: str | None) -> str:
    """The voice of a signal inside a quote the outlet chose to print."""
    return f"quote: {speaker}" if speaker else "quote: speaker unknown"


_ISO_IN_WORDS = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def dates_in_words(text: str | None) -> str:
    """A phrase holding ISO dates ("since 2022-02-24", a figure's as-of) with each date said
    as precisely as it is written ("since 24 February 2022", "in January 2023")."""

    def say(m: re.Match[str]) -> str:
        year, month, day = m.groups()
        return format_published(f"{year}-{month}-{day or '01'}", "day" if day else "month")

    return _ISO_IN_WORDS.sub(say, text or "")


def outlets_phrase(labels: Iterable[str | None]) -> str:
    """How many outlets ("3 outlets"), with the articles whose outlet is unknown counted
    apart ("1 outlet and 4 articles whose outlet is unknown"): an unknown outlet is never
    counted as one, and never left unsaid either."""
    labels = list(labels)
    known = distinct_outlets(labels)
    unknown = len({label for label in labels if label and is_unknown(label)})
    said = f"{known} outlet{'' if known == 1 else 's'}"
    if not unknown:
        return said
    articles = f"{unknown} article{'' if unknown == 1 else 's'} whose outlet is unknown"
    return f"{said} and {articles}" if known else articles

"""Subjective adjectives from two general lexicons, beyond the curated loaded words.

The wording groups (wording.toml) list a few hundred loaded words; most evaluative words
an outlet or a speaker uses are on no such list. Two general lexicons rate them:

- TextBlob's ``en/en-sentiment.xml`` (textblob, MIT; the lexicon is pattern's, by Tom De
  Smedt and Walter Daelemans, released under the PDDL, as its header says): ~2,900
  English adjective senses with subjectivity 0..1 and polarity -1..1. A word's score is
  the mean over its senses, as TextBlob itself reads it.
- VADER's ``vader_lexicon.txt`` (vaderSentiment, MIT; Hutto & Gilbert 2014): ~7,500
  words with a mean valence -4..4 from ten raters.

An adjective both rate (subjective enough and valenced enough) is a ``subjective``
signal, in whichever voice it stands, with that voice's weight
(``settings.framing_subjective_*``). The rules that keep it from flagging topic words,
each measured on BASIL dev half A (token precision against the lexical-bias spans):

- adjectives only: the lexicons' nouns and verbs mostly name the events reported
  ("violence", "attack", "fired"; precision 0.004-0.006, adjectives 0.017);
- not a stop word ("other", "first", "own") and not inside a name or a title of a work;
- not a word the article uses more than ``framing_subjective_max_uses`` times: a word
  repeated is the story's topic ("criminal" in a court story), not a passing judgement;
- not a word another word rule has already flagged (its signal says more).

The file is read directly: importing TextBlob would pull in NLTK (seconds), and nothing
here may download its corpora.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from spacy.attrs import IS_STOP, LOWER, POS
from spacy.strings import get_string_id

from rashomon.errors import RashomonError
from rashomon.framing.context import Context, Finding, make_signal
from rashomon.framing.patterns import SpanSet
from rashomon.framing.stance import vader_lexicon

# spaCy's id of the part of speech (its symbols share the ids of parts_of_speech).
ADJ = get_string_id("ADJ")
# VADER's valence scale runs -4..4.
VADER_SCALE = 4.0


@cache
def textblob_lexicon() -> dict[str, tuple[float, float]]:
    """Word (lower case) → (mean subjectivity, mean polarity) over its senses."""
    spec = find_spec("textblob")  # found, not imported: its package imports NLTK
    if spec is None or not spec.submodule_search_locations:
        raise RashomonError(
            "E341", "cannot read framing lexicon textblob/en/en-sentiment.xml: no textblob"
        )
    path = Path(spec.submodule_search_locations[0]) / "en" / "en-sentiment.xml"
    senses: dict[str, list[tuple[float, float]]] = {}
    for word in ET.fromstring(path.read_bytes()).iter("word"):
        form = (word.get("form") or "").lower()
        if form:
            rating = (float(word.get("subjectivity", 0)), float(word.get("polarity", 0)))
            senses.setdefault(form, []).append(rating)
    return {
        form: (sum(s for s, _ in got) / len(got), sum(p for _, p in got) / len(got))
        for form, got in senses.items()
    }


def rated(word: str, min_subjectivity: float, min_valence: float) -> tuple[float, float] | None:
    """(subjectivity, signed VADER valence) when both lexicons hold ``word`` and rate it
    past the cuts."""
    blob, valence = textblob_lexicon().get(word), vader_lexicon().get(word)
    if blob is None or valence is None:
        return None
    if blob[0] >= min_subjectivity and abs(valence) >= min_valence:
        return blob[0], valence
    return None


@cache
def rated_words(min_subjectivity: float, min_valence: float) -> dict[int, tuple[float, float]]:
    """spaCy's hash of each word both lexicons rate past the cuts → its rating, so an
    article's adjectives are looked up as one array operation."""
    return {
        get_string_id(word): rating
        for word in textblob_lexicon().keys() & vader_lexicon().keys()
        if (rating := rated(word, min_subjectivity, min_valence)) is not None
    }


def subjective_findings(ctx: Context, earlier: list[Finding]) -> list[Finding]:
    """A ``subjective`` signal on each rated adjective outside names and outside the
    spans of ``earlier`` findings (a loaded word's own signal says more)."""
    settings = ctx.settings
    ratings = rated_words(
        settings.framing_subjective_min_subjectivity, settings.framing_subjective_min_valence
    )
    columns = ctx.doc.to_array([POS, IS_STOP, LOWER])  # in C: no Python walk of every token
    words, uses = np.unique(columns[:, 2], return_counts=True)
    wanted = (columns[:, 0] == ADJ) & (columns[:, 1] == 0)
    wanted &= np.isin(columns[:, 2], np.fromiter(ratings, dtype=np.uint64, count=len(ratings)))
    at = np.flatnonzero(wanted)
    at = at[uses[np.searchsorted(words, columns[at, 2])] <= settings.framing_subjective_max_uses]
    taken = SpanSet((f.signal.start, f.signal.end) for f in earlier)
    findings = []
    for i in at.tolist():
        token = ctx.doc[i]
        start, end = token.idx, token.idx + len(token)
        if ctx.in_name(start, end) or taken.overlaps(start, end):
            continue
        subjectivity, valence = ratings[token.lower]
        own = ctx.voice.own(start, end)
        weight = (
            settings.framing_subjective_weight if own else settings.framing_subjective_quote_weight
        )
        if weight <= 0:  # a voice whose words were no evidence on the dev set: no signal
            continue
        side = "negative" if valence < 0 else "positive"
        explanation = (
            f"'{token.text}' judges rather than describes (subjectivity {subjectivity:.2f}, "
            f"{side} valence {abs(valence) / VADER_SCALE:.2f} in general sentiment lexicons)."
        )
        signal = make_signal(ctx, start, end, "subjective", "subjective word", explanation, weight)
        findings.append(Finding(signal))
    return findings

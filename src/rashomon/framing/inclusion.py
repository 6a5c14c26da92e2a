"""What an outlet chose to include: the sentence-level evidence of informational bias.

The bias model reads wording. Informational bias (BASIL's "inf") is a choice of content:
which claims, whose quotes, how much detail on one side. Three article-level facts carry
it, each a shift of the model's log-odds (weights in settings, calibrated on BASIL dev
half A, see ``settings.framing_inclusion_*``):

- a sentence much longer than the article's usual one packs in more chosen material
  (log of its length over the article's median, so a one-sentence text is unchanged);
- quoted or reported speech: which quote an outlet picks is a framing choice;
- a figure (a digit): sentences of counts, dates and sums report measured facts.

A sentence of a whole article also starts from a lower prior than one scored alone: the
model's threshold was set on candidate sentences (BABE, about half biased), while in a
news article about one sentence in five is; ``framing_article_prior_shift`` is that
change of base rate in log-odds, applied only when the text has more than one sentence.
"""

from __future__ import annotations

import math
import re
from statistics import median

from rashomon.framing.voice import WORD, Voice
from rashomon.model import Sentence
from rashomon.settings import Settings

FIGURE = re.compile(r"\d")


def speech_in(voice: Voice, start: int, end: int) -> bool:
    """True when the span holds someone's words: quoted, paraphrased, or a quoted term."""
    return not voice.own(start, end) or voice.paraphrase(start, end) or voice.marks_term(start, end)


def inclusion_shifts(
    text: str, sentences: list[Sentence], voice: Voice, settings: Settings
) -> list[float]:
    """Per sentence, the log-odds its inclusion evidence adds to the bias model's."""
    words = [max(1, len(WORD.findall(text, s.start, s.end))) for s in sentences]
    usual = median(words) if words else 1.0
    prior = settings.framing_article_prior_shift if len(sentences) > 1 else 0.0
    return [
        prior
        + settings.framing_inclusion_length_weight * math.log(n / usual)
        + settings.framing_inclusion_quote_weight * speech_in(voice, s.start, s.end)
        - settings.framing_inclusion_figure_weight * bool(FIGURE.search(text, s.start, s.end))
        for s, n in zip(sentences, words, strict=True)
    ]


def shifted(probability: float, shift: float) -> float:
    """The probability with ``shift`` added to its log-odds."""
    p = min(max(probability, 1e-6), 1 - 1e-6)
    z = math.log(p / (1 - p)) + shift
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

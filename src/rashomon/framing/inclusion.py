"""What an outlet chose to include: the sentence-level evidence of informational bias.

The bias model reads wording. Informational bias (BASIL's "inf") is a choice of content:
which claims, whose quotes, how much detail on one side. Three article-level facts carry
it, each a shift of the model's log-odds (weights in settings, calibrated on BASIL dev
half A, see ``settings.framing_inclusion_*``):

- a sentence much longer than the article's usual one packs in more chosen material
  (log of its length over the article's median, so a one-sentence text is unchanged);
- quoted or reported speech: which quote an outlet picks is a framing choice;
- a figure (a digit): sentences of counts, dates and sums report measured facts (off by
  default since annotate ends a sentence at a blank line: best on BASIL dev half A at 0);
- a persuasion technique shown by its evidence span (``framing.techniques``, either
  voice): the model, fitted on lone sentences, reads it as one feature among many, but
  among an article's sentences one that holds a technique is more often annotated
  biased than its score says (BASIL dev, residual log-odds over the score: half A
  +0.62, n 200; half B +0.50, n 185).

A headline is read in a different register: short and telegraphic, often in title case,
where the bias model (fitted and calibrated on body sentences) misreads the compression
as loaded ("Mayor slammed over park sell-off"). The article's first
sentence when it is in title case or has no closing punctuation is taken for the
headline, and ``framing_headline_shift`` is taken off its log-odds: on BASIL dev half A
2 of 75 titles are annotated biased (20% of body sentences), while the model flagged 13.

A sentence of a whole article also starts from a lower prior than one scored alone: the
model's threshold was set on candidate sentences (BABE, about half biased), while in a
news article about one sentence in five is; ``framing_article_prior_shift`` is that
change of base rate in log-odds, applied only when the text has more than one sentence.
"""

from __future__ import annotations

import math
import re
from statistics import median

from rashomon.framing.names import is_title_case
from rashomon.framing.voice import WORD, Voice
from rashomon.model import Sentence, Signal
from rashomon.settings import Settings

FIGURE = re.compile(r"\d")
# A sentence ends with closing punctuation, then maybe a closing quote or bracket.
CLOSED = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def speech_in(voice: Voice, start: int, end: int) -> bool:
    """True when the span holds someone's words: quoted, paraphrased, or a quoted term."""
    return not voice.own(start, end) or voice.paraphrase(start, end) or voice.marks_term(start, end)


def is_headline(text: str, sentence: Sentence, headline_share: float) -> bool:
    """Whether an article's first sentence reads as its headline: title case
    (``settings.framing_headline_caps_share``) or no closing punctuation."""
    piece = text[sentence.start : sentence.end]
    return is_title_case(WORD.findall(piece), headline_share) or not CLOSED.search(piece)


def inclusion_shifts(
    text: str,
    sentences: list[Sentence],
    voice: Voice,
    inside: list[list[Signal]],
    settings: Settings,
) -> list[float]:
    """Per sentence, the log-odds its inclusion evidence adds to the bias model's.

    A one-sentence text is a sentence scored alone, as the model was calibrated: only its
    length, quote and figure shifts (all zero or small there) apply; the prior, the
    technique and the headline shifts are article-level base rates.
    """
    words = [max(1, len(WORD.findall(text, s.start, s.end))) for s in sentences]
    usual = median(words) if words else 1.0
    article = len(sentences) > 1
    shifts = [
        settings.framing_inclusion_length_weight * math.log(n / usual)
        + settings.framing_inclusion_quote_weight * speech_in(voice, s.start, s.end)
        - settings.framing_inclusion_figure_weight * bool(FIGURE.search(text, s.start, s.end))
        for s, n in zip(sentences, words, strict=True)
    ]
    if not article:
        return shifts
    for i, found in enumerate(inside):
        shifts[i] += settings.framing_article_prior_shift
        if any(s.signal == "technique" for s in found):
            shifts[i] += settings.framing_technique_weight
    if is_headline(text, sentences[0], settings.framing_headline_caps_share):
        shifts[0] -= settings.framing_headline_shift
    return shifts


def shifted(probability: float, shift: float) -> float:
    """The probability with ``shift`` added to its log-odds."""
    p = min(max(probability, 1e-6), 1 - 1e-6)
    z = math.log(p / (1 - p)) + shift
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

"""The per-article ``framing`` stage: signals (each in the outlet's voice or a quote's), then
sentence scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.framing.attribution import attribution_findings
from rashomon.framing.bias_model import sentence_probabilities
from rashomon.framing.context import Context, Finding
from rashomon.framing.inclusion import inclusion_shifts, shifted
from rashomon.framing.lexicon import load_lexicon
from rashomon.framing.names import name_spans
from rashomon.framing.naming import naming_findings
from rashomon.framing.scare_quotes import scare_quote_findings
from rashomon.framing.score import score_sentences, signals_by_sentence
from rashomon.framing.stance import evaluative_tokens, stance_findings
from rashomon.framing.subjective import subjective_findings
from rashomon.framing.techniques import (
    cue_findings,
    repetition_findings,
    slogan_findings,
    technique_signals,
)
from rashomon.framing.voice import find_voice
from rashomon.framing.wording import wording_findings
from rashomon.model import Analysis, Signal
from rashomon.pipeline import stage
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def framing_context(analysis: Analysis, doc: Doc, settings: Settings) -> Context:
    """What every rule reads about one article: its text, parse, voices and lexicon."""
    article = analysis.article
    voice = find_voice(article.text, analysis.quotes)
    return Context(
        article_id=article.id,
        text=article.text,
        doc=doc,
        voice=voice,
        lexicon=load_lexicon(tuple(settings.framing_lexicons)),
        mentions=tuple(analysis.mentions),
        published=article.published,
        names=name_spans(doc, analysis.mentions, settings.framing_headline_caps_share, voice.terms),
        settings=settings,
    )


def find_signals(ctx: Context) -> list[Signal]:
    """Every framing signal of one article, in text order."""
    findings: list[Finding] = []
    for rule in (naming_findings, wording_findings, attribution_findings, scare_quote_findings):
        findings += rule(ctx)
    findings += subjective_findings(ctx, findings)  # words no rule above has taken
    findings += technique_signals(ctx, findings)
    judging = evaluative_tokens(ctx)  # read by two rules: found once
    findings += repetition_findings(ctx, judging) + slogan_findings(ctx) + cue_findings(ctx)
    findings += stance_findings(ctx, judging)
    return sorted((f.signal for f in findings), key=lambda s: (s.start, s.end, s.signal))


# Makes ``sentences`` too: it scores the bias of the sentences annotate found, in place:
# the bias model's chance from the wording, shifted by what the sentence includes. The
# model reads each sentence whole, the words it quotes included: which quote an outlet
# chose is its framing too (BASIL's informational bias), and the model's training
# sentences are read whole. Signals still say whose words they sit in.
@stage(
    "framing",
    version="9",
    needs=("sentences", "mentions", "quotes"),
    makes=("signals", "sentences"),
)
def framing(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    ctx = framing_context(analysis, doc, settings)
    analysis.signals = find_signals(ctx)
    inside = signals_by_sentence(analysis.sentences, analysis.signals)
    whole = [ctx.text[s.start : s.end] for s in analysis.sentences]
    wording = sentence_probabilities(whole, inside)
    shifts = inclusion_shifts(ctx.text, analysis.sentences, ctx.voice, inside, settings)
    scores = [shifted(p, shift) for p, shift in zip(wording, shifts, strict=True)]
    score_sentences(analysis.sentences, inside, settings.framing_bias_threshold, scores)

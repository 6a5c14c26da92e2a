"""The per-article ``framing`` stage: signals in the outlet's own voice, then sentence scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.framing.attribution import attribution_findings
from rashomon.framing.context import Context, Finding
from rashomon.framing.lexicon import load_lexicon
from rashomon.framing.naming import naming_findings
from rashomon.framing.scare_quotes import scare_quote_findings
from rashomon.framing.score import score_sentences
from rashomon.framing.stance import stance_findings
from rashomon.framing.techniques import repetition_findings, slogan_findings, technique_signals
from rashomon.framing.voice import find_voice
from rashomon.framing.wording import wording_findings
from rashomon.model import Analysis, Signal
from rashomon.pipeline import stage
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_signals(analysis: Analysis, doc: Doc, settings: Settings) -> list[Signal]:
    """Every framing signal of one article, in text order."""
    article = analysis.article
    ctx = Context(
        article_id=article.id,
        text=article.text,
        doc=doc,
        voice=find_voice(article.text, analysis.quotes),
        lexicon=load_lexicon(tuple(settings.framing_lexicons)),
        mentions=tuple(analysis.mentions),
    )
    findings: list[Finding] = []
    for rule in (naming_findings, wording_findings, attribution_findings, scare_quote_findings):
        findings += rule(ctx)
    findings += technique_signals(ctx, findings)
    findings += repetition_findings(ctx) + slogan_findings(ctx) + stance_findings(ctx)
    return sorted((f.signal for f in findings), key=lambda s: (s.start, s.end, s.signal))


@stage("framing", version="1", needs=("sentences", "mentions", "quotes"), makes=("signals",))
def framing(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    analysis.signals = find_signals(analysis, doc, settings)
    score_sentences(analysis.sentences, analysis.signals, settings.framing_bias_threshold)

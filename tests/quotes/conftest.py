"""The quote rules run as the pipeline runs them: the annotate stage, then quotes."""

from __future__ import annotations

import pytest

from rashomon.annotate.stage import annotate
from rashomon.model import Analysis, Article, Quote
from rashomon.quotes.stage import quotes as quotes_stage


@pytest.fixture
def extract(nlp, settings):
    def run(text: str) -> list[Quote]:
        analysis = Analysis(Article("a1", "test", text))
        doc = nlp(text)
        annotate(analysis, doc, settings)
        quotes_stage(analysis, doc, settings)
        return analysis.quotes

    return run

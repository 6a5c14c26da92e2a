"""The ``quotes`` stage: direct, indirect and mixed quotes of one article."""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.entities.local import resolve_article
from rashomon.model import Analysis
from rashomon.pipeline import stage
from rashomon.quotes.extract import ArticleQuotes
from rashomon.settings import Settings


@stage("quotes", version="4", needs=("mentions",), makes=("quotes",))
def quotes(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    """Speakers are article-level names here; the entities stage makes them canonical."""
    entities = resolve_article(analysis.mentions)
    finder = ArticleQuotes(doc, entities, settings, analysis.article.text)
    analysis.quotes = finder.quotes(analysis.article.id)

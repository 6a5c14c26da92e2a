"""The ``annotate`` stage: sentences and entity mentions of one article."""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.annotate.mentions import find_mentions
from rashomon.model import Analysis, Sentence
from rashomon.pipeline import stage
from rashomon.settings import Settings


def find_sentences(doc: Doc, article_id: str, whole: str | None = None) -> list[Sentence]:
    """spaCy's sentences with surrounding whitespace trimmed; blank ones dropped.

    ``whole`` is the Doc's text when the caller has it: a slice of it is a sentence's
    text, which ``Span.text`` would rebuild token by token."""
    out = []
    for sent in doc.sents:
        text = sent.text if whole is None else whole[sent.start_char : sent.end_char]
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        out.append(Sentence(article_id, start, start + len(stripped), stripped))
    return out


@stage("annotate", version="3", needs=("doc",), makes=("sentences", "mentions"))
def annotate(analysis: Analysis, doc: Doc, settings: Settings) -> None:
    article_id = analysis.article.id
    analysis.sentences = find_sentences(doc, article_id, analysis.article.text)
    analysis.mentions = find_mentions(doc, article_id)

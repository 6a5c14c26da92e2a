"""The per-batch runner: clean one batch of inputs and run every per-article stage.

This is the unit of work a process or a Dask task runs (``runners`` maps it over
batches). It lives apart from ``pipeline`` (the stage registry every stage imports)
because it loads spaCy through ``annotate``, and a registry that imported a stage
would close an import cycle. spaCy and the cleaners are imported when a batch runs,
so a CLI command that imports the runners does not pay for them.
"""

from __future__ import annotations

import traceback
from typing import TYPE_CHECKING, Any

from rashomon.errors import Reason
from rashomon.guard import OverBudget, failure_detail, time_budget
from rashomon.model import InputRecord, Outcome, RawDocument
from rashomon.pipeline import Stage, load_stages
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyze_batch(items: list[RawDocument | InputRecord], settings: Settings) -> list[Outcome]:
    """Clean and analyse one batch; the unit of work a process or Dask task runs.

    Ingest failures arrive as InputRecords and pass through. Every article is
    guarded on its own: a cleaned text over ``max_text_chars``, a spaCy pass that
    raises, a stage that raises or an article that runs past ``article_time_budget``
    becomes a failed record with a numbered reason; the rest of the batch goes on.
    """
    from rashomon.annotate.nlp import load_nlp

    outcomes = [Outcome(i) if isinstance(i, InputRecord) else _clean(i, settings) for i in items]
    for outcome in outcomes:
        if outcome.analysis is not None:
            length = len(outcome.analysis.article.text)
            if length > settings.max_text_chars:
                detail = f"{length:,} > {settings.max_text_chars:,} characters"
                _fail(outcome, Reason.TEXT_TOO_LONG.with_detail(detail))
    ready = [o for o in outcomes if o.analysis is not None]
    if not ready:
        return outcomes
    stages = load_stages()
    nlp = load_nlp(settings.spacy_model)
    nlp.max_length = max(nlp.max_length, settings.max_text_chars + 1)
    for outcome, doc in zip(ready, _parse(nlp, ready, settings), strict=True):
        if doc is not None:
            _run_stages(outcome, doc, stages, settings)
    return outcomes


def _clean(raw: RawDocument, settings: Settings) -> Outcome:
    """``clean_document`` within the article's time budget (it records its own failures)."""
    from rashomon.clean import clean_document

    try:
        with time_budget(settings.article_time_budget):
            return clean_document(raw, settings)
    except OverBudget as exc:  # the timer fired as cleaning returned
        reason = Reason.OVER_TIME_BUDGET.with_detail(f"in clean: {exc}")
        return Outcome(InputRecord(raw.input, raw.content_hash, "failed", reason, None))


def _parse(nlp: Any, ready: list[Outcome], settings: Settings) -> list[Doc | None]:
    """The batch's Docs from ``nlp.pipe``; when the pipe raises, each article alone.

    One document that breaks the pipe would otherwise fail the whole batch; parsed
    alone, it fails by itself (E304) and the others get their Docs.
    """
    texts = [o.analysis.article.text for o in ready if o.analysis is not None]
    try:
        return list(nlp.pipe(texts, batch_size=settings.spacy_batch_size))
    except Exception:
        if settings.debug:
            traceback.print_exc()
    docs: list[Doc | None] = []
    for outcome, text in zip(ready, texts, strict=True):
        try:
            docs.append(nlp(text))
        except Exception as exc:
            _fail(outcome, Reason.PARSE_FAILED.with_detail(failure_detail("spacy", exc)))
            docs.append(None)
            if settings.debug:
                traceback.print_exc()
    return docs


def _run_stages(outcome: Outcome, doc: Doc, stages: list[Stage], settings: Settings) -> None:
    """Every stage over one article, within its time budget; a failure fails the article."""
    analysis = outcome.analysis
    assert analysis is not None
    current = "start"
    try:
        with time_budget(settings.article_time_budget) as budget:
            for st in stages:
                current = st.name
                st(analysis, doc, settings)
                budget.check()
        outcome.stages = {st.name: st.version for st in stages}
    except OverBudget as exc:
        _fail(outcome, Reason.OVER_TIME_BUDGET.with_detail(f"in {current}: {exc}"))
    except Exception as exc:  # one article's failure must not stop the batch
        _fail(outcome, Reason.STAGE_FAILED.with_detail(failure_detail(current, exc)))
        if settings.debug:
            traceback.print_exc()


def _fail(outcome: Outcome, reason: str) -> None:
    outcome.record.status = "failed"
    outcome.record.reason = reason
    outcome.record.article_id = None
    outcome.analysis = None
    outcome.stages = {}

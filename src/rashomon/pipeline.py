"""Stages, their registry, and the runners that apply them.

A per-article stage is a pure function of one article (its ``Analysis``), the
spaCy ``Doc`` of its text and the settings: no global state, so the same code
runs in one process, a process pool or on Dask workers. Each stage declares what
it needs and what it makes, as spaCy components do, and ``check_order`` refuses
an order in which a stage would run before what it needs.

Cross-article stages read and write the store; they run after analysis, in the
order of ``CROSS_ARTICLE_STAGES``.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from rashomon.errors import RashomonError, Reason, error
from rashomon.guard import OverBudget, failure_detail, time_budget
from rashomon.model import Analysis, InputRecord, Outcome, RawDocument
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

StageFn = Callable[[Analysis, "Doc", Settings], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """A per-article stage: ``fn`` fills the ``makes`` fields of an Analysis."""

    name: str
    version: str
    needs: tuple[str, ...]
    makes: tuple[str, ...]
    fn: StageFn

    def __call__(self, analysis: Analysis, doc: Doc, settings: Settings) -> None:
        self.fn(analysis, doc, settings)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, version: str, needs: tuple[str, ...], makes: tuple[str, ...]):
    """Register a per-article stage function under ``name``."""

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, version, needs, makes, fn)
        return fn

    return register


# (stage name, module whose import registers it), in pipeline order. What the
# clean stage makes ("article", and "doc" from the spaCy pass) is always there.
# Planned order: annotate, dates, quotes, figures, timeline, framing.
PER_ARTICLE_STAGES: tuple[tuple[str, str], ...] = (
    ("annotate", "rashomon.annotate.stage"),
    ("dates", "rashomon.dates.stage"),
    ("quotes", "rashomon.quotes.stage"),
    ("figures", "rashomon.figures.stage"),
    ("timeline", "rashomon.timeline.events"),
    ("framing", "rashomon.framing.stage"),
)

# Cross-article stages: (name, module); each module has ``run(store, settings)``.
# Planned order: entities, stories, conflicts, points.
CROSS_ARTICLE_STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "rashomon.entities.stage"),
    ("stories", "rashomon.stories.stage"),
    ("story_dates", "rashomon.clean.story_dates"),  # undated articles dated by their story
    ("conflicts", "rashomon.conflicts.stage"),
    ("points", "rashomon.compare.stage"),
)

BASE_MAKES = ("article", "doc")


def load_stages(names: Iterable[tuple[str, str]] = PER_ARTICLE_STAGES) -> list[Stage]:
    """Import each stage's module and return the stages in order, checked."""
    stages = []
    for name, module in names:
        importlib.import_module(module)
        stages.append(REGISTRY[name])
    check_order(stages)
    return stages


def stage_versions() -> dict[str, str]:
    """The version of every per-article stage of this code, by name: what a stored
    article must have been made by to be passed over on a re-run."""
    return {st.name: st.version for st in load_stages()}


def check_order(stages: list[Stage]) -> None:
    made = set(BASE_MAKES)
    for st in stages:
        missing = [n for n in st.needs if n not in made]
        if missing:
            raise error("E503", stage=st.name, missing=", ".join(missing))
        made.update(st.makes)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


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


# The unit recorded when a whole cross-article stage failed rather than one of its units.
WHOLE_STAGE = "*"


def run_cross_article(
    store: Any, settings: Settings, on_stage: Callable[[str], None] | None = None
) -> list[str]:
    """Run every cross-article stage over the store, in order; each works incrementally.

    Stages guard their own units of work where they have them (an article, a
    story); a stage that still raises is recorded in ``stage_failures`` under the
    unit ``*`` (E305), its transaction rolled back, and the next stage runs.
    Returns the reasons of the stages that failed.
    """
    failed = []
    for name, module in CROSS_ARTICLE_STAGES:
        if on_stage is not None:
            on_stage(name)
        try:
            importlib.import_module(module).run(store, settings)
        except RashomonError:
            raise  # a usage or environment error (no model, another writer): for the user
        except Exception as exc:
            if settings.debug:
                traceback.print_exc()
            if store.conn.in_transaction:  # what the stage wrote outside store.transaction
                store.conn.rollback()
            reason = Reason.CROSS_STAGE_FAILED.with_detail(failure_detail(name, exc))
            store.record_stage_failure(name, WHOLE_STAGE, reason)
            failed.append(reason)
        else:
            store.clear_stage_failure(name, WHOLE_STAGE)
    return failed

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

from rashomon.errors import RashomonError, Reason
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
    ("dates", "rashomon.timeline.dates"),
    ("quotes", "rashomon.quotes.stage"),
    ("figures", "rashomon.figures.stage"),
    ("timeline", "rashomon.timeline.events"),
    ("framing", "rashomon.framing.stage"),
)

# Cross-article stages: (name, module); each module has ``run(store, settings)``.
# Planned order: entities, stories, conflicts.
CROSS_ARTICLE_STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "rashomon.entities.stage"),
    ("stories", "rashomon.stories.stage"),
    ("story_dates", "rashomon.clean.story_dates"),  # undated articles dated by their story
    ("conflicts", "rashomon.figures.conflicts"),
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


def check_order(stages: list[Stage]) -> None:
    made = set(BASE_MAKES)
    for st in stages:
        missing = [n for n in st.needs if n not in made]
        if missing:
            raise RashomonError(
                "E503", f"stage {st.name!r} needs {', '.join(missing)}, made by no earlier stage"
            )
        made.update(st.makes)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def analyze_batch(items: list[RawDocument | InputRecord], settings: Settings) -> list[Outcome]:
    """Clean and analyse one batch; the unit of work a process or Dask task runs.

    Ingest failures arrive as InputRecords and pass through. One article whose
    stage raises becomes a failed record; the rest of the batch goes on.
    """
    from rashomon.annotate.nlp import load_nlp
    from rashomon.clean import clean_document

    outcomes: list[Outcome] = []
    for item in items:
        outcomes.append(
            Outcome(item) if isinstance(item, InputRecord) else clean_document(item, settings)
        )
    ready = [o for o in outcomes if o.analysis is not None]
    if not ready:
        return outcomes
    stages = load_stages()
    nlp = load_nlp(settings.spacy_model)
    texts = (o.analysis.article.text for o in ready)  # type: ignore[union-attr]
    for outcome, doc in zip(
        ready, nlp.pipe(texts, batch_size=settings.spacy_batch_size), strict=True
    ):
        analysis = outcome.analysis
        assert analysis is not None
        for st in stages:
            try:
                st(analysis, doc, settings)
            except Exception as exc:  # one article's failure must not stop the batch
                detail = f"{st.name}: {type(exc).__name__}: {exc}"
                outcome.record.status = "failed"
                outcome.record.reason = Reason.STAGE_FAILED.with_detail(detail)
                outcome.record.article_id = None
                outcome.analysis = None
                if settings.debug:
                    traceback.print_exc()
                break
    return outcomes


def run_cross_article(
    store: Any, settings: Settings, on_stage: Callable[[str], None] | None = None
) -> None:
    """Run every cross-article stage over the store, in order; each works incrementally."""
    for name, module in CROSS_ARTICLE_STAGES:
        if on_stage is not None:
            on_stage(name)
        importlib.import_module(module).run(store, settings)

"""Stages, their registry and contracts, and the cross-article run.

A per-article stage is a pure function of one article (its ``Analysis``), the
spaCy ``Doc`` of its text and the settings: no global state, so the same code
runs in one process, a process pool or on Dask workers. Each stage declares what
it needs and what it makes, as spaCy components do, and ``check_order`` refuses
an order in which a stage would run before what it needs.

Cross-article stages read and write the store; they run after analysis, in the
order of ``CROSS_ARTICLE_STAGES``. The per-batch runner that applies the per-article
stages is ``batch.analyze_batch``: it loads spaCy, so this registry, which every stage
imports, imports no stage.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from rashomon.errors import RashomonError, Reason, error
from rashomon.guard import failure_detail
from rashomon.model import Analysis
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
# Planned order: entities, stories, conflicts, points, framing_choice.
CROSS_ARTICLE_STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "rashomon.entities.stage"),
    ("stories", "rashomon.stories.stage"),
    ("story_dates", "rashomon.dates.story"),  # undated articles dated by their story
    ("conflicts", "rashomon.conflicts.stage"),
    ("points", "rashomon.compare.stage"),
    ("framing_choice", "rashomon.framing.story"),  # quotes only one outlet of a story chose
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

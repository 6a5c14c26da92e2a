"""The Python API for notebooks: one store as a ``Corpus`` whose reads return typed records.

``rashomon.open(path)`` gives a ``Corpus``; every listing returns a ``Records`` list of
frozen dataclasses (the same rows the CLI and the web read), which turns into a
pandas DataFrame with ``.to_pandas()`` when pandas is installed. Heavy modules
(spaCy, the pipeline) load inside the methods, so ``import rashomon`` stays cheap
for the pool processes and Dask workers that import the package.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rashomon.errors import error

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from rashomon.analyze import RunSummary
    from rashomon.briefing.model import Briefing, StorySummary
    from rashomon.ingest import Item
    from rashomon.model import StoryPoint
    from rashomon.settings import Settings
    from rashomon.store.db import Store

T = TypeVar("T", bound="DataclassInstance")  # records are dataclasses: asdict() works

# Input names of records given as dicts: ``record:<id>`` when the record has an id,
# else ``record:<sha256 of its canonical JSON, cut to this many hex digits>``.
RECORD_DIGEST_CHARS = 16


class Records(list[T], Generic[T]):
    """A list of dataclass records that can become a DataFrame."""

    def to_pandas(self) -> Any:
        """The records as a ``pandas.DataFrame``, one column per field (E540 without pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise error("E540") from exc
        if not self:
            return pd.DataFrame()
        return pd.DataFrame([asdict(r) for r in self])


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One stored article, without its text (``Corpus.text(id)`` reads that)."""

    id: str
    title: str | None
    outlet: str  # the outlet's label, as lists and charts show it
    url: str | None
    published: str | None
    language: str | None
    input: str  # the name the article came in under (path, path#L3, record:…)


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One quote with its speaker and the article and outlet that printed it."""

    article_id: str
    outlet: str
    published: str | None
    start: int
    end: int
    text: str
    kind: str | None
    cue: str | None
    speaker: str | None
    speaker_id: str | None
    confidence: float | None


def record_input_name(record: Mapping[str, Any]) -> str:
    """A stable input name for a record: re-analysing the same record passes it over."""
    ident = record.get("id")
    if isinstance(ident, str | int) and str(ident):
        return f"record:{ident}"
    canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
    return f"record:{hashlib.sha256(canonical.encode()).hexdigest()[:RECORD_DIGEST_CHARS]}"


def record_items(records: Iterable[Mapping[str, Any]], settings: Settings) -> Iterable[Item]:
    """Dict records read as JSONL lines are (same fields, same checks), each named stably."""
    from rashomon.ingest.records import record_document

    fetched = datetime.now(UTC)
    for record in records:
        source = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        yield record_document(record_input_name(record), source, dict(record), fetched, settings)


class Corpus:
    """A Rashomon store opened for analysis and reading; the SQLite file is created if absent."""

    def __init__(self, path: str | PathLike[str], settings: Settings | None = None) -> None:
        from rashomon.settings import Settings

        self.path = Path(path).absolute()  # the same store after a chdir in the notebook
        self.settings = settings or Settings()

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    def _store(self, *, readonly: bool = True) -> Store:
        from rashomon.store.db import Store

        if readonly and not self.path.exists():
            Store(self.path).close()  # an empty store: the readers then find nothing
        return Store(self.path, readonly=readonly)

    def analyze(
        self, inputs: Iterable[str | PathLike[str] | Mapping[str, Any]], *, cross: bool = True
    ) -> RunSummary:
        """Analyse paths, URLs and dict records (the fields of a JSONL line), then link stories.

        Like ``rashomon analyze``: inputs already stored with the same content are passed
        over, and the summary counts ok, skipped, failed and unchanged inputs.
        """
        from itertools import chain

        from rashomon.analyze import analyze_items
        from rashomon.ingest import iter_documents
        from rashomon.pipeline import run_cross_article
        from rashomon.runners import LocalRunner

        given = list(inputs) if not isinstance(inputs, str | PathLike | Mapping) else [inputs]
        paths = [str(i) for i in given if isinstance(i, str | PathLike)]
        records = [i for i in given if isinstance(i, Mapping)]
        odd = [type(i).__name__ for i in given if not isinstance(i, str | PathLike | Mapping)]
        if odd:
            raise error("E541", kinds=", ".join(odd))
        items = chain(iter_documents(paths, self.settings), record_items(records, self.settings))
        with self._store(readonly=False) as store, LocalRunner() as runner:
            summary = analyze_items(items, store, self.settings, runner)
            if cross:
                run_cross_article(store, self.settings)
        return summary

    def stories(self) -> Records[StorySummary]:
        """Storylines, then events, each with its size, outlets and date span."""
        from rashomon.views.stories import list_stories

        with self._store() as store:
            return Records(list_stories(store))

    def briefing(self, story_id: str) -> Briefing:
        """A story's briefing (E601 for an unknown story id)."""
        from rashomon.briefing import build_briefing

        with self._store() as store:
            return build_briefing(store, story_id, self.settings)

    def articles(self, story: str | None = None) -> Records[ArticleRecord]:
        """Articles in publication order; only one story's with ``story``."""
        from rashomon.views.articles import articles_in_order

        with self._store() as store:
            ids = self._story_ids(store, story)
            rows = articles_in_order(store)
        return Records(ArticleRecord(**r) for r in rows if ids is None or r["id"] in ids)

    def text(self, article_id: str) -> str:
        """An article's stored text (E542 for an unknown id)."""
        from rashomon.views.articles import article_text

        with self._store() as store:
            found = article_text(store, article_id)
        if found is None:
            raise error("E542", article=article_id)
        return found

    def quotes(self, speaker: str | None = None, story: str | None = None) -> Records[QuoteRecord]:
        """Quotes in article order; ``speaker`` is a case-insensitive part of the speaker's
        name or of the words naming them, ``story`` a story id."""
        from rashomon.views.articles import quotes_in_order

        with self._store() as store:
            ids = self._story_ids(store, story)
            rows = quotes_in_order(store, speaker)
        names = {f.name for f in fields(QuoteRecord)}
        return Records(
            QuoteRecord(**{k: v for k, v in row.items() if k in names})
            for row in rows
            if ids is None or row["article_id"] in ids
        )

    def points(self, story_id: str) -> Records[StoryPoint]:
        """A story's comparison points, most salient first, each with its members (the
        rows of ``export --what points`` and ``point_members``)."""
        from rashomon.store.points import story_points

        with self._store() as store:
            self._story_ids(store, story_id)  # E601 for an unknown story
            return Records(story_points(store, story_id))

    def _story_ids(self, store: Store, story: str | None) -> set[str] | None:
        """The article ids of ``story`` (None for no filter); E601 for an unknown story."""
        if story is None:
            return None
        from rashomon.views.stories import story_article_ids

        ids = set(story_article_ids(store, story))
        if not ids:
            raise error("E601", story=story)
        return ids


def open(path: str | PathLike[str], settings: Settings | None = None) -> Corpus:
    """Open (or create) the store at ``path`` for analysis and reading."""
    return Corpus(path, settings)

"""Analyse inputs: ingest → per-article stages (on a runner) → store → cross-article stages.

Streaming end to end: inputs are read lazily, batches are bounded, and each batch
is committed in one transaction, so a killed run loses at most the batches in
flight and a re-run picks up exactly where it stopped (inputs already stored with
the same content are passed over).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from rashomon.ingest import Item, iter_documents
from rashomon.model import InputRecord, Outcome
from rashomon.pipeline import batched
from rashomon.settings import Settings


class Sink(Protocol):
    """Where results go: the SQLite ``Store`` or a ``store.parquet.ParquetStore``."""

    def known_input(self, input_name: str, content_hash: str) -> bool: ...

    def write_outcomes(self, outcomes: Iterable[Outcome]) -> None: ...


@dataclass
class RunSummary:
    """What one run did: counts by status, and every reason it gave, with its inputs."""

    counts: Counter = field(default_factory=Counter)
    reasons: dict[str, list[str]] = field(default_factory=dict)

    def add(self, record: InputRecord) -> None:
        self.counts[record.status] += 1
        if record.status != "ok":
            self.reasons.setdefault(record.reason, []).append(record.input)

    @property
    def failed(self) -> int:
        return self.counts["failed"]


def new_items(items: Iterable[Item], store: Sink, summary: RunSummary) -> Iterator[Item]:
    """Pass over inputs already stored with the same content (ok or skipped)."""
    for item in items:
        if store.known_input(item.input, item.content_hash):
            summary.counts["unchanged"] += 1
            continue
        yield item


def analyze_inputs(
    inputs: Iterable[str],
    store: Sink,
    settings: Settings,
    runner: AbstractContextManager,
    on_batch: Callable[[RunSummary, int], None] | None = None,
) -> RunSummary:
    return analyze_items(iter_documents(inputs, settings), store, settings, runner, on_batch)


def analyze_items(
    documents: Iterable[Item],
    store: Sink,
    settings: Settings,
    runner: AbstractContextManager,
    on_batch: Callable[[RunSummary, int], None] | None = None,
) -> RunSummary:
    """``analyze_inputs`` on documents already ingested (the Python API's records)."""
    summary = RunSummary()
    items = new_items(documents, store, summary)
    for outcomes in runner.map(batched(items, settings.batch_size), settings):  # type: ignore[attr-defined]
        store.write_outcomes(outcomes)
        for outcome in outcomes:
            summary.add(outcome.record)
        if on_batch is not None:
            on_batch(summary, len(outcomes))
    return summary

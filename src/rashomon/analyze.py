"""Analyse inputs: ingest → per-article stages (on a runner) → store → cross-article stages.

Streaming end to end: inputs are read lazily, batches are bounded, and each batch
is committed in one transaction, so a killed run loses at most the batches in
flight and a re-run picks up exactly where it stopped (inputs already stored with
the same content, by the same stage versions, are passed over).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from rashomon.clean.manifest import Manifest, with_given
from rashomon.errors import RashomonError, Reason
from rashomon.guard import failure_detail
from rashomon.ingest import Item, iter_documents
from rashomon.model import InputRecord, Outcome
from rashomon.pipeline import batched, stage_versions
from rashomon.settings import Settings

if TYPE_CHECKING:
    from rashomon.runners import Runner


class Sink(Protocol):
    """Where results go: the SQLite ``Store`` or a ``store.parquet.ParquetStore``."""

    def known_input(
        self,
        input_name: str,
        content_hash: str,
        versions: Mapping[str, str] | None = None,
        rerun: AbstractSet[str] = frozenset(),
    ) -> bool: ...

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


def new_items(
    items: Iterable[Item], store: Sink, summary: RunSummary, rerun: AbstractSet[str] = frozenset()
) -> Iterator[Item]:
    """Pass over inputs already stored with the same content (ok or skipped), when the
    current version of every per-article stage made their article and none is in ``rerun``."""
    versions = stage_versions()
    for item in items:
        if store.known_input(item.input, item.content_hash, versions, rerun):
            summary.counts["unchanged"] += 1
            continue
        yield item


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[Item]:
    """``iter_documents`` one command-line input at a time, each under a guard.

    Ingest records its own failures per file and per record; this is the net
    beneath it: an error it did not expect ends that input (E306, what it read
    before is kept) and the next input is read, instead of ending the run.
    """
    for name in inputs:
        try:
            yield from iter_documents([name], settings)
        except RashomonError:
            raise
        except Exception as exc:
            reason = Reason.READ_FAILED.with_detail(failure_detail("ingest", exc))
            yield InputRecord(name, "", "failed", reason)


def analyze_inputs(
    inputs: Iterable[str],
    store: Sink,
    settings: Settings,
    runner: Runner,
    on_batch: Callable[[RunSummary, int], None] | None = None,
    given: Manifest | None = None,
    rerun: AbstractSet[str] = frozenset(),
) -> RunSummary:
    """Read, analyse and store ``inputs``; ``rerun`` names stages whose articles are
    re-analysed even when stored with the same content and stage versions."""
    documents = with_given(read_inputs(inputs, settings), given)
    return analyze_items(documents, store, settings, runner, on_batch, rerun)


def analyze_items(
    documents: Iterable[Item],
    store: Sink,
    settings: Settings,
    runner: Runner,
    on_batch: Callable[[RunSummary, int], None] | None = None,
    rerun: AbstractSet[str] = frozenset(),
) -> RunSummary:
    """``analyze_inputs`` on documents already ingested (the Python API's records)."""
    summary = RunSummary()
    claim = getattr(store, "claim_writer", None)
    if claim is not None:
        claim()  # before any work: a second writer stops now, not after its first batch
    items = new_items(documents, store, summary, rerun)
    for outcomes in runner.map(batched(items, settings.batch_size), settings):
        store.write_outcomes(outcomes)
        for outcome in outcomes:
            summary.add(outcome.record)
        if on_batch is not None:
            on_batch(summary, len(outcomes))
    return summary

"""Where per-article batches run: in this process, in a process pool, or on Dask.

Every runner maps ``pipeline.analyze_batch`` over batches and yields the results
in submission order, keeping only a bounded number of batches in flight so memory
stays flat however large the corpus. Models load once per process or worker
(``annotate.nlp.load_nlp`` is cached), and the caller is the single writer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager
from typing import Any, Protocol

from rashomon.errors import RashomonError
from rashomon.model import InputRecord, Outcome, RawDocument
from rashomon.pipeline import analyze_batch
from rashomon.settings import Settings

Batch = list[RawDocument | InputRecord]

# Batches in flight per worker: two keeps every worker busy while the writer
# commits, without queueing the corpus in memory.
IN_FLIGHT_PER_WORKER = 2


class Runner(AbstractContextManager, Protocol):
    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]: ...


class LocalRunner(AbstractContextManager):
    """One process: the default, and the reference the others must agree with."""

    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield analyze_batch(batch, settings)

    def __exit__(self, *exc: object) -> None:
        return None


def ordered_window(submit: Any, batches: Iterable[Batch], window: int) -> Iterator[Any]:
    """Submit batches keeping ``window`` futures in flight; yield results in order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class PoolRunner(AbstractContextManager):
    """N local processes, each loading its models once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        def submit(batch: Batch) -> Future:
            return self.pool.submit(analyze_batch, batch, settings)

        yield from ordered_window(submit, batches, self.workers * IN_FLIGHT_PER_WORKER)

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskRunner(AbstractContextManager):
    """A Dask cluster: ``tcp://host:port`` of a running scheduler, or ``local:N``.

    Batches become Dask tasks; results stream back to this process, which commits
    them. Workers keep their loaded models between tasks (the loader is cached
    per worker process).
    """

    def __init__(self, address: str) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if address.startswith("local:"):
            count = address.split(":", 1)[1]
            if not count.isdigit() or int(count) < 1:
                raise RashomonError("E505", f"--dask local:N needs a whole number, not {count!r}")
            self.cluster = LocalCluster(
                n_workers=int(count),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(address, timeout="30s")
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        def submit(batch: Batch) -> Any:
            return self.client.submit(analyze_batch, batch, settings, pure=False)

        yield from ordered_window(submit, batches, self.workers * IN_FLIGHT_PER_WORKER)

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(workers: int = 1, dask: str | None = None) -> AbstractContextManager:
    if dask:
        return DaskRunner(dask)
    if workers > 1:
        return PoolRunner(workers)
    return LocalRunner()

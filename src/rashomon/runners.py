"""Where per-article batches run: in this process, in a process pool, or on Dask.

Every runner maps ``batch.analyze_batch`` (as ``run_batch``) over batches and yields the results
in submission order, keeping only a bounded number of batches in flight so memory
stays flat however large the corpus. The caller is the single writer.

Models load once per process: ``annotate.nlp.load_nlp`` is cached per process, so
a pool process or a Dask worker loads spaCy on its first batch and keeps it. On
Dask a worker plugin also warms each worker (those present and those that join
later) when the runner starts, so a worker without the model or the package
fails at once with its own error rather than on every task.

Each batch but a process's first runs inside spaCy's memory zone: the strings
and lexemes a batch adds to the shared vocabulary are freed after it, so a
process that parses millions of articles does not grow with every new name and
number it has seen.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from typing import Any, Protocol

from rashomon.batch import analyze_batch
from rashomon.errors import RashomonError, Reason, error
from rashomon.guard import failure_detail
from rashomon.model import InputRecord, Outcome, RawDocument
from rashomon.settings import Settings

Batch = list[RawDocument | InputRecord]

# Batches in flight per worker thread: two keep every worker busy while the
# writer commits, without queueing the corpus in memory.
IN_FLIGHT_PER_WORKER = 2
# Seconds to wait for a Dask scheduler given as tcp://HOST:PORT.
DASK_CONNECT_TIMEOUT = "30s"


class Runner(AbstractContextManager, Protocol):
    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]: ...


# Models (by name) that ran one batch outside a memory zone in this process: what
# stages build once on first use (spaCy matchers, lexicon Docs) must outlive zones.
SETTLED: set[str] = set()


def run_batch(batch: Batch, settings: Settings) -> list[Outcome]:
    """``analyze_batch`` in a spaCy memory zone; what every runner runs for a batch.

    Nothing spaCy made in a batch outlives it: stages turn Docs into plain records.
    The first batch of a process runs outside any zone, so objects that stages
    cache on first use keep their strings.
    """
    from rashomon.annotate.nlp import load_nlp

    nlp = load_nlp(settings.spacy_model)
    if settings.spacy_model not in SETTLED:
        outcomes = analyze_batch(batch, settings)
        SETTLED.add(settings.spacy_model)
        return outcomes
    with nlp.memory_zone():
        return analyze_batch(batch, settings)


class LocalRunner(AbstractContextManager):
    """One process: the default, and the reference the others must agree with."""

    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        for batch in batches:
            try:
                outcomes = run_batch(batch, settings)
            except RashomonError:
                raise
            except Exception as exc:  # as a pool or Dask run would report it: E309
                outcomes = unanalysed(batch, exc)
            yield outcomes

    def __exit__(self, *exc: object) -> None:
        return None


def ordered_window(
    submit: Callable[[Batch], Any],
    batches: Iterable[Batch],
    window: int,
    collect: Callable[[Batch, Any], Any] | None = None,
) -> Iterator[Any]:
    """Submit batches keeping ``window`` futures in flight; yield results in order.

    ``collect(batch, future)`` turns a future into its result (by default
    ``future.result()``), so a runner can recover a batch whose worker died.
    When the consumer stops early (an error, Ctrl-C, a closed generator) the
    batches still queued are cancelled, so an interrupted run ends promptly.
    """
    pending: deque[tuple[Batch, Any]] = deque()

    def take() -> Any:
        batch, future = pending.popleft()
        return collect(batch, future) if collect is not None else future.result()

    try:
        for batch in batches:
            pending.append((batch, submit(batch)))
            if len(pending) >= window:
                yield take()
        while pending:
            yield take()
    finally:
        for _, future in pending:
            future.cancel()


def unanalysed(batch: Batch, exc: BaseException) -> list[Outcome]:
    """A batch whose task raised outside the per-article guards: each input fails (E309)."""
    return failed_batch(batch, Reason.BATCH_FAILED.with_detail(failure_detail("batch", exc)))


def failed_batch(batch: Batch, reason: str) -> list[Outcome]:
    """Every input of a batch that could not be analysed, failed with ``reason``."""
    outcomes = []
    for item in batch:
        if isinstance(item, InputRecord):
            outcomes.append(Outcome(item))
        else:
            outcomes.append(Outcome(InputRecord(item.input, item.content_hash, "failed", reason)))
    return outcomes


# A made-up article that takes the common paths of cleaning and of every stage (a
# quote, a figure, dates), so warming a process also builds what they load lazily.
WARM_UP_TEXT = (
    "Ministers agree to reopen the northern port\n\n"
    "The transport minister, Jane Example, said on Monday that the northern port would "
    "reopen next week after repairs costing about $4 million.\n\n"
    '"We expect the first ships by March 3," she told reporters in the capital, adding '
    "that at least 120 workers had been hired since January.\n\n"
    "Opposition leaders called the delay a failure and demanded an inquiry into the "
    "contracts, which officials said would be published in full."
)


def warm_models(settings: Settings) -> None:
    """Load the spaCy pipeline, import every stage and run them once in this process.

    The warm-up article runs outside any memory zone and leaves the process's
    first real batch outside one too (see ``run_batch``).
    """
    import hashlib

    from rashomon.annotate.nlp import load_nlp
    from rashomon.pipeline import load_stages

    load_nlp(settings.spacy_model)
    load_stages()
    digest = hashlib.sha256(WARM_UP_TEXT.encode()).hexdigest()
    analyze_batch([RawDocument("warm-up", digest, "text", text=WARM_UP_TEXT)], settings)


# Seconds between a pool process's checks that the process that started it still lives.
PARENT_POLL_SECONDS = 1.0
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker when the parent run dies, even by ``kill -9``.

    A killed parent never shuts its pool down, and its workers would go on parsing
    for nobody. On Linux the kernel sends SIGTERM at once (PR_SET_PDEATHSIG); a
    daemon thread that polls the parent's pid covers other systems, and the race
    of a parent that died before the prctl call.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl here: the watchdog below still ends the worker

    def watch() -> None:
        while True:
            if os.getppid() != parent and not _alive(parent):
                os._exit(1)
            time.sleep(PARENT_POLL_SECONDS)

    threading.Thread(target=watch, name="rashomon-parent-watchdog", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PoolRunner(AbstractContextManager):
    """N local processes, each loading its models once (the cached loader).

    Workers end when the parent does (``die_with_parent``), so killing a
    ``--workers`` run leaves no orphaned process behind.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, initializer=die_with_parent, initargs=(os.getpid(),)
        )

    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        origin: dict[Future, ProcessPoolExecutor] = {}  # the pool each future runs in

        def submit(batch: Batch) -> Future:
            try:
                future = self.pool.submit(run_batch, batch, settings)
            except BrokenProcessPool:  # broken by a batch still in the window
                self._restart()
                future = self.pool.submit(run_batch, batch, settings)
            origin[future] = self.pool
            return future

        def collect(batch: Batch, future: Future) -> list[Outcome]:
            pool = origin.pop(future, self.pool)
            try:
                return future.result()
            except BrokenProcessPool:
                if pool is self.pool:  # not yet replaced by another batch's recovery
                    self._restart()
                return self._alone(batch, settings)
            except RashomonError:
                raise
            except Exception as exc:
                return unanalysed(batch, exc)

        window = self.workers * IN_FLIGHT_PER_WORKER
        yield from ordered_window(submit, batches, window, collect)

    def _alone(self, batch: Batch, settings: Settings) -> list[Outcome]:
        """A batch whose pool broke (a worker killed: out of memory, a crash in C code).

        Every batch in flight then fails with the pool, so each is run again on its
        own in the fresh pool: the one that kills its worker again fails alone (E308)
        and the pool is renewed once more; the others are analysed as usual.
        """
        try:
            return self.pool.submit(run_batch, batch, settings).result()
        except BrokenProcessPool:
            self._restart()
            names = ", ".join(getattr(item, "input", "?") for item in batch[:3])
            reason = Reason.WORKER_DIED.with_detail(f"a batch of {len(batch)}: {names}")
            return failed_batch(batch, reason)

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(cancel_futures=True)


def warm_plugin(settings: Settings) -> Any:
    """A Dask worker plugin that loads the models when a worker starts or joins."""
    from distributed import WorkerPlugin

    class WarmModels(WorkerPlugin):
        name = "rashomon-warm-models"

        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def setup(self, worker: Any) -> None:
            warm_models(self.settings)

    return WarmModels(settings)


class DaskRunner(AbstractContextManager):
    """A Dask cluster: ``tcp://host:port`` of a running scheduler, or ``local:N``.

    Batches become Dask tasks; results stream back to this process, which commits
    them. Each worker should run one thread per process (spaCy's parse holds the
    GIL), and needs the rashomon package and the spaCy model installed.
    """

    def __init__(self, address: str) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        self.warmed: set[Settings] = set()
        if address.startswith("local:"):
            count = address.split(":", 1)[1]
            if not count.isdigit() or int(count) < 1:
                raise error("E505", count=count)
            self.cluster = LocalCluster(
                n_workers=int(count),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=DASK_CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:  # ValueError: a malformed address
                raise error("E509", address=address, detail=exc) from exc

    @property
    def threads(self) -> int:
        """Worker threads in the cluster now (at least one, for a cluster still scaling up)."""
        return max(1, sum(self.client.nthreads().values()))

    def warm(self, settings: Settings) -> None:
        """Load the models on every worker, now and on each worker that joins later."""
        if settings not in self.warmed:
            self.client.register_plugin(warm_plugin(settings))
            self.warmed.add(settings)

    def map(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        self.warm(settings)

        def submit(batch: Batch) -> Any:
            return self.client.submit(run_batch, batch, settings, pure=False)

        def collect(batch: Batch, future: Any) -> list[Outcome]:
            try:
                return future.result()
            except RashomonError:
                raise
            except Exception as exc:  # a worker lost too often (KilledWorker), a result
                return unanalysed(batch, exc)  # that would not travel back

        yield from ordered_window(submit, batches, self.threads * IN_FLIGHT_PER_WORKER, collect)

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(workers: int = 1, dask: str | None = None) -> Runner:
    if dask:
        return DaskRunner(dask)
    if workers > 1:
        return PoolRunner(workers)
    return LocalRunner()

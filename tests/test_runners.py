"""Runners give the same answers as one process, stream in bounded windows, and resume.

The reference is the session's ``blinken_db``: the sample corpus analysed in one
process with the default batch size. The other runs use small batches so the
five articles spread over several workers; their stores must export the same.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import pytest

from rashomon.analyze import analyze_inputs
from rashomon.errors import RashomonError
from rashomon.model import InputRecord, Outcome, RawDocument
from rashomon.pipeline import run_cross_article
from rashomon.runners import DaskRunner, LocalRunner, PoolRunner, make_runner, ordered_window
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.db import RECORD_TABLES
from rashomon.store.export import available, write_export

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "blinken"
# Two articles a batch: the five samples make three batches, so two workers share them.
SMALL_BATCHES = 2


@pytest.fixture(scope="module")
def small(settings: Settings) -> Settings:
    return replace(settings, batch_size=SMALL_BATCHES)


def analyse(path: Path, settings: Settings, runner) -> Path:
    with Store(path) as store, runner:
        summary = analyze_inputs([str(EXAMPLES)], store, settings, runner)
        assert summary.counts["ok"] == 5, summary.reasons
        run_cross_article(store, settings)
    return path


def exports(db: Path, folder: Path) -> dict[str, list[str]]:
    """Every export as JSONL lines, sorted: row order in an export carries no meaning."""
    found = {}
    with Store(db, readonly=True) as store:
        for name, export in available().items():
            out = folder / f"{db.stem}-{name}.jsonl"
            write_export(export, store, "jsonl", out)
            found[name] = sorted(out.read_text(encoding="utf-8").splitlines())
    return found


def tables(db: Path) -> dict[str, list[str]]:
    """Inputs, articles and every record table, row by row (without write times)."""
    found = {}
    with Store(db, readonly=True) as store:
        existing = {r["name"] for r in store.rows("SELECT name FROM sqlite_master")}
        for table in [t for t in ("inputs", "articles", *RECORD_TABLES) if t in existing]:
            rows = store.rows(f"SELECT * FROM {table}")
            cleaned = [
                {k: v for k, v in r.items() if k not in ("updated_at", "rowid")} for r in rows
            ]
            found[table] = sorted(json.dumps(r, sort_keys=True) for r in cleaned)
    return found


def assert_same_answers(db: Path, reference: Path, folder: Path) -> None:
    assert tables(db) == tables(reference)
    got, expected = exports(db, folder), exports(reference, folder)
    assert set(got) == set(expected)
    for name in expected:
        assert got[name] == expected[name], f"export {name!r} differs"


# Batches a Dask worker computed, read from its transition log. A lambda: workers
# cannot import this test module, and cloudpickle sends lambdas by value.
batches_computed = lambda dask_worker: len(  # noqa: E731
    {entry[0] for entry in dask_worker.state.log if str(entry[0]).startswith("run_batch-")}
)


def test_a_two_worker_local_cluster_gives_the_same_answers(tmp_path, small, blinken_db):
    db = tmp_path / "dask.db"
    with Store(db) as store, DaskRunner("local:2") as runner:
        summary = analyze_inputs([str(EXAMPLES)], store, small, runner)
        assert summary.counts["ok"] == 5, summary.reasons
        per_worker = runner.client.run(batches_computed)
        run_cross_article(store, small)
        # on the same cluster: a worker without the model fails at the start, whole
        with pytest.raises(RashomonError) as caught:
            runner.warm(replace(small, spacy_model="no_such_spacy_model"))
        assert caught.value.code == "E501"
    assert len(per_worker) == 2 and all(per_worker.values()), per_worker  # both did work
    assert_same_answers(db, blinken_db, tmp_path)


def test_two_processes_give_the_same_answers(tmp_path, small, blinken_db):
    db = analyse(tmp_path / "pool.db", small, PoolRunner(2))
    assert_same_answers(db, blinken_db, tmp_path)


class StopsAfter:
    """A runner interrupted (Ctrl-C) after handing over ``batches`` batches."""

    def __init__(self, runner, batches: int) -> None:
        self.runner, self.batches = runner, batches

    def __enter__(self):
        self.runner.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.runner.__exit__(*exc)

    def map(self, batches: Iterable, settings: Settings) -> Iterator:
        for done, outcomes in enumerate(self.runner.map(batches, settings)):
            if done == self.batches:
                raise KeyboardInterrupt
            yield outcomes


@pytest.mark.parametrize("make", [LocalRunner, lambda: PoolRunner(2)], ids=["local", "pool"])
def test_an_interrupted_run_resumes_and_stores_each_input_once(tmp_path, small, blinken_db, make):
    path = tmp_path / "resumed.db"
    with Store(path) as store:
        with pytest.raises(KeyboardInterrupt), StopsAfter(make(), batches=1) as runner:
            analyze_inputs([str(EXAMPLES)], store, small, runner)
        (stored,) = store.conn.execute("SELECT count(*) FROM inputs").fetchone()
        assert stored == SMALL_BATCHES  # the first batch was committed, nothing after it
        with LocalRunner() as runner:
            summary = analyze_inputs([str(EXAMPLES)], store, small, runner)
        assert summary.counts["unchanged"] == SMALL_BATCHES
        assert summary.counts["ok"] == 5 - SMALL_BATCHES
        run_cross_article(store, small)
    assert_same_answers(path, blinken_db, tmp_path)


def test_the_window_bounds_batches_in_flight_and_keeps_their_order():
    in_flight = []
    peak = 0

    def submit(batch: list[int]) -> Future:
        nonlocal peak
        future: Future = Future()
        future.set_result([n * 10 for n in batch])
        in_flight.append(future)
        peak = max(peak, len(in_flight))
        return future

    results = []
    for result in ordered_window(submit, ([n] for n in range(20)), window=3):
        in_flight.pop(0)
        results.append(result)
    assert results == [[n * 10] for n in range(20)]
    assert peak == 3


def test_an_abandoned_window_cancels_what_is_still_queued():
    futures: list[Future] = []

    def submit(batch: list[int]) -> Future:
        futures.append(Future())
        if len(futures) == 1:
            futures[0].set_result(batch)
        return futures[-1]

    window = ordered_window(submit, ([n] for n in range(10)), window=4)
    assert next(window) == [0]
    window.close()
    assert len(futures) == 4
    assert all(f.cancelled() for f in futures[1:])


def test_a_stage_error_in_a_worker_process_reaches_the_caller_whole(small):
    broken = replace(small, spacy_model="no_such_spacy_model")
    with PoolRunner(1) as runner, pytest.raises(RashomonError) as caught:
        list(runner.map([[doc] for doc in sample_documents(small)], broken))
    assert caught.value.code == "E501"


def iter_sample(settings: Settings) -> Iterator:
    from rashomon.ingest import iter_documents

    return iter_documents([str(EXAMPLES)], settings)


def sample_documents(settings: Settings) -> list:
    return list(iter_sample(settings))[:1]


def test_runner_choice():
    assert isinstance(make_runner(), LocalRunner)
    with make_runner(workers=2) as runner:
        assert isinstance(runner, PoolRunner)


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_a_bad_local_cluster_size_is_a_usage_error(address):
    with pytest.raises(RashomonError) as caught:
        DaskRunner(address)
    assert caught.value.code == "E505"


def test_an_unreachable_scheduler_is_a_usage_error(monkeypatch):
    import socket

    import rashomon.runners as runners

    monkeypatch.setattr(runners, "DASK_CONNECT_TIMEOUT", "1s")
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(RashomonError) as caught:
        DaskRunner(f"tcp://127.0.0.1:{port}")
    assert caught.value.code == "E509"


def test_batches_leave_the_shared_vocabulary_as_they_found_it(small, nlp):
    from rashomon.runners import SETTLED

    documents = list(iter_sample(small))
    with LocalRunner() as runner:
        list(runner.map([documents[:1]], small))  # the first batch may settle lazy lexicons
        assert small.spacy_model in SETTLED
        before = len(nlp.vocab.strings)
        outcomes = [o for batch in runner.map([documents], small) for o in batch]
    assert all(o.record.status == "ok" for o in outcomes)
    assert len(nlp.vocab.strings) == before


ORPHAN_PARENT = """
import sys, time
from rashomon.runners import PoolRunner
runner = PoolRunner(2)
futures = [runner.pool.submit(time.sleep, 120) for _ in range(2)]
time.sleep(1)
print(" ".join(str(pid) for pid in runner.pool._processes), flush=True)
time.sleep(120)
"""


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie has exited; only its entry waits for a parent that will never reap it.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z")


@pytest.mark.slow
def test_regression_killing_the_parent_leaves_no_orphaned_workers():
    root = Path(__file__).resolve().parents[1]
    parent = subprocess.Popen(
        [sys.executable, "-c", ORPHAN_PARENT],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
    )
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and not any(_gone(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 30  # generous: the watchdog polls every second
    while time.monotonic() < deadline and not all(_gone(pid) for pid in workers):
        time.sleep(0.2)
    left = [pid for pid in workers if not _gone(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


def dying_batch(batch, settings):
    """A stand-in for run_batch whose worker dies (as by the OOM killer) on 'die' inputs."""
    if any("die" in item.input for item in batch):
        os._exit(137)
    return [Outcome(InputRecord(item.input, item.content_hash, "ok")) for item in batch]


def test_regression_a_dead_worker_fails_its_batch_not_the_run(monkeypatch):
    import rashomon.runners

    monkeypatch.setattr(rashomon.runners, "run_batch", dying_batch)
    batches = [
        [RawDocument(f"{name}-{n}", "h", "text", text="x")]
        for n, name in enumerate(["a", "b", "die", "c", "d", "e"])
    ]
    with PoolRunner(2) as runner:
        results = list(runner.map(batches, Settings()))
    records = [o.record for outcomes in results for o in outcomes]
    assert [r.input for r in records] == [b[0].input for b in batches]
    assert {r.input: r.status for r in records} == {
        "a-0": "ok",
        "b-1": "ok",
        "die-2": "failed",
        "c-3": "ok",
        "d-4": "ok",
        "e-5": "ok",
    }
    assert records[2].reason.startswith("E308")


def odd_batch(batch, settings):
    """A stand-in for run_batch that raises outside the per-article guards on 'odd'."""
    if any("odd" in item.input for item in batch):
        raise MemoryError("while pickling the results")
    return [Outcome(InputRecord(item.input, item.content_hash, "ok")) for item in batch]


@pytest.mark.parametrize("make", [LocalRunner, lambda: PoolRunner(2)], ids=["local", "pool"])
def test_a_batch_that_raises_in_a_worker_fails_its_inputs_not_the_run(monkeypatch, make):
    import rashomon.runners

    monkeypatch.setattr(rashomon.runners, "run_batch", odd_batch)
    batches = [
        [RawDocument(f"{name}-{n}", "h", "text", text="x")]
        for n, name in enumerate(["a", "odd", "b"])
    ]
    with make() as runner:
        records = [o.record for outcomes in runner.map(batches, Settings()) for o in outcomes]
    assert [(r.input, r.status) for r in records] == [
        ("a-0", "ok"),
        ("odd-1", "failed"),
        ("b-2", "ok"),
    ]
    assert records[1].reason.startswith("E309") and "MemoryError" in records[1].reason


@pytest.mark.parametrize("address", ["nope", "tcp://host-without-port"])
def test_regression_malformed_dask_address_is_e509_not_a_traceback(address):
    with pytest.raises(RashomonError) as caught:
        DaskRunner(address)
    assert caught.value.code == "E509", caught.value

"""1 vs 2 Dask workers on the same corpus: articles per second and the speed-up.

Each run is ``rashomon analyze SHARDS --dask local:N --no-cross`` done in this
process: the JSONL corpus is ingested here, batches run on a LocalCluster of N
single-threaded worker processes, and this process commits every batch to a
fresh SQLite file. The cluster's start and each worker's model loading are
timed apart from the run, since a long run pays them once. An in-process run
(no Dask) is the reference for Dask's own overhead.
Goal: 2 workers ≥ 1.8× 1 worker (needs two idle cores besides the writer's work).
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path

from common import header, load, write_corpus

GOAL = 1.8


def timed_run(shards: list[Path], folder: Path, runner, settings) -> tuple[float, dict]:
    from rashomon.analyze import analyze_inputs
    from rashomon.store import Store

    db = folder / f"run-{time.monotonic_ns()}.db"
    start = time.perf_counter()
    with Store(db) as store:
        summary = analyze_inputs([str(s) for s in shards], store, settings, runner)
    return time.perf_counter() - start, dict(summary.counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 articles")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-baseline", action="store_true", help="skip the in-process run")
    args = parser.parse_args()
    if args.quick:
        args.articles = 100
    logging.getLogger("distributed").setLevel(logging.ERROR)

    from rashomon.runners import DaskRunner, LocalRunner, warm_models
    from rashomon.settings import Settings

    header("Dask scaling: 1 vs 2 workers")
    settings = Settings()
    print(f"articles: {args.articles}, batch_size {settings.batch_size}, cores {os.cpu_count()}")
    rates = {}
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        folder = Path(tmp)
        shards = write_corpus(folder / "corpus", args.articles)
        if not args.no_baseline:
            warm_models(settings)
            seconds, counts = timed_run(shards, folder, LocalRunner(), settings)
            rates["in-process"] = args.articles / seconds
            print(f"in-process: {rates['in-process']:.1f} articles/s ({seconds:.1f} s, {counts})")
        for workers in (1, 2):
            start = time.perf_counter()
            with DaskRunner(f"local:{workers}") as runner:
                runner.warm(settings)
                ready = time.perf_counter() - start
                seconds, counts = timed_run(shards, folder, runner, settings)
            rates[workers] = args.articles / seconds
            print(
                f"dask local:{workers}: {rates[workers]:.1f} articles/s ({seconds:.1f} s, "
                f"{counts}); cluster up and models loaded in {ready:.1f} s"
            )
    speedup = rates[2] / rates[1]
    verdict = "met" if speedup >= GOAL else "NOT met"
    print(f"speed-up 2 vs 1 workers: {speedup:.2f}x (goal >= {GOAL}x: {verdict})")
    if "in-process" in rates:
        print(f"Dask overhead at 1 worker: {1 - rates[1] / rates['in-process']:.1%}")
    print(f"{load()} at the end")


if __name__ == "__main__":
    main()

"""Peak memory while streaming a small and a large corpus: it should not grow with the corpus.

Each size runs in a fresh child process, reading a JSONL corpus from disk:
- ``stages``: ingest, clean, the spaCy parse and every registered per-article
  stage, committed batch by batch to a new SQLite file (``rashomon analyze
  --no-cross``), in one process or ``--workers N``;
- ``ingest``: ingest and clean only (no parse), cheap enough for 10k vs 100k.
Figures: the process tree's peak resident memory (this script samples
``/proc`` every 0.1 s; for one process its own exact peak, VmHWM, is the
larger), and the memory once the models are loaded, so growth is what streaming
added. Goal: flat, the larger corpus's peak within a few percent of the smaller
one's. The two series run side by side (memory does not depend on sharing the
cores; their articles/s do).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import header, load, peak_rss_mib, tree_rss_mib, write_corpus

SAMPLE_SECONDS = 0.1
# "Flat": growth from the smaller to the larger corpus within this share of the
# smaller one's peak; allocator noise between runs of one size is ~1-2%.
FLAT_SHARE = 0.05


def child(mode: str, corpus: Path, workers: int) -> None:
    """Stream the corpus in this process and print one JSON line of figures."""
    from rashomon.runners import make_runner, warm_models
    from rashomon.settings import Settings

    settings = Settings()
    shards = sorted(str(p) for p in corpus.glob("*.jsonl"))
    start = time.perf_counter()
    if mode == "stages":
        from rashomon.analyze import analyze_inputs
        from rashomon.store import Store

        warm_models(settings)
        loaded = peak_rss_mib()
        start = time.perf_counter()
        with Store(corpus / "out.db") as store, make_runner(workers) as runner:
            counts = dict(analyze_inputs(shards, store, settings, runner).counts)
    else:
        from rashomon.clean import clean_document
        from rashomon.ingest import iter_documents

        clean_document(next(iter_documents(shards[:1], settings)), settings)
        loaded = peak_rss_mib()
        start = time.perf_counter()
        counts: dict[str, int] = {}
        for item in iter_documents(shards, settings):
            status = clean_document(item, settings).record.status
            counts[status] = counts.get(status, 0) + 1
    seconds = time.perf_counter() - start
    figures = {"loaded": loaded, "peak": peak_rss_mib(), "seconds": seconds, "counts": counts}
    print(json.dumps(figures))


def measure(mode: str, size: int, folder: Path, workers: int) -> dict:
    corpus = folder / f"{mode}-{size}"
    write_corpus(corpus, size)
    script = Path(__file__).resolve()
    command = [sys.executable, str(script), "--child", mode, str(corpus), "--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    tree_peak = 0.0
    while process.poll() is None:
        tree_peak = max(tree_peak, tree_rss_mib(process.pid))
        time.sleep(SAMPLE_SECONDS)
    out = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"child for {mode} {size} failed ({process.returncode})")
    figures = json.loads(out.strip().splitlines()[-1])
    figures["tree_peak"] = tree_peak
    for path in corpus.iterdir():  # the next size needs the disk more than this one
        path.unlink()
    return figures


def report(mode: str, sizes: list[int], folder: Path, workers: int) -> list[str]:
    lines, peaks = [], {}
    for size in sizes:
        f = measure(mode, size, folder, workers)
        peaks[size] = max(f["tree_peak"], f["peak"])
        lines.append(
            f"{mode} {size:>7} articles: peak {peaks[size]:7.1f} MiB (tree sampled "
            f"{f['tree_peak']:.1f}, process VmHWM {f['peak']:.1f}; models loaded "
            f"{f['loaded']:.1f}), {size / f['seconds']:.1f} articles/s, {f['counts']}"
        )
    small, large = peaks[min(sizes)], peaks[max(sizes)]
    share = (large - small) / small
    verdict = "met" if share <= FLAT_SHARE else "NOT met"
    lines.append(
        f"{mode}: {min(sizes)} -> {max(sizes)} articles, peak {large - small:+.1f} MiB "
        f"({share:+.1%}); goal flat (within {FLAT_SHARE:.0%}): {verdict}"
    )
    return lines


def sizes_list(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 100,400 and 2000,8000")
    parser.add_argument("--sizes", default="400,2000", help="corpus sizes for the whole stages")
    parser.add_argument("--ingest-sizes", default="10000,100000", help="sizes for ingest+clean")
    parser.add_argument("--workers", type=int, default=1, help="processes for the stages run")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.workers)
        return
    if args.quick:
        args.sizes, args.ingest_sizes = "100,400", "2000,8000"
    header("peak memory, streaming a small vs a large corpus")
    with (
        tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp,
        ThreadPoolExecutor(2) as pool,
    ):
        series = [
            pool.submit(report, "stages", sizes_list(args.sizes), Path(tmp), args.workers),
            pool.submit(report, "ingest", sizes_list(args.ingest_sizes), Path(tmp), 1),
        ]
        for lines in series:
            print("\n".join(lines.result()))
    print(f"{load()} at the end")


if __name__ == "__main__":
    main()

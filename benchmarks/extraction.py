"""Body extraction accuracy, and the speed and memory of ingest + clean.

1. Body F1 with ../shared/eval/extraction/score.py: Rashomon's pasted-text
   cleaner on pasted_text_dev (goal >= 0.93) and the HTML path (trafilatura +
   line rules) on html_dev (goal >= 0.97), each with its even/odd split halves
   (thresholds were tuned on the whole sets). Non-English dev pages are scored
   too: the cleaner is called directly, before any language check.
2. Throughput of ingest + clean, one process, on the dev pages written out as
   .txt and .html files (articles/s).
3. Peak Python memory (tracemalloc) of ingest + clean streaming 1x and 10x the
   same pages: flat when nothing is kept per article.

The pasted pages are also fed through ``clean_document`` as .txt text and as
JSONL record text: both must give the same body F1 within 0.01.

Run from the repository root: ``python benchmarks/extraction.py [--json PATH]
[--accuracy-only]``. Skips (exit 0)
when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import EVAL, command, machine
from rashomon.clean import clean_document
from rashomon.clean.html import extract_html
from rashomon.clean.text import clean_pasted_text
from rashomon.ingest import iter_documents
from rashomon.model import RawDocument
from rashomon.settings import Settings

EXTRACTION = EVAL / "extraction"
GOALS = {"pasted_text_dev": 0.93, "html_dev": 0.97}


def read_rows(name: str) -> list[dict]:
    with gzip.open(EXTRACTION / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(rows: list[dict], bodies: list[str], workdir: Path, tag: str) -> dict:
    """F1/precision/recall from the official scorer, on exactly these rows."""
    gold = workdir / f"{tag}.gold.jsonl"
    pred = workdir / f"{tag}.pred.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pred.write_text(
        "".join(
            json.dumps({"id": r["id"], "body": b}) + "\n" for r, b in zip(rows, bodies, strict=True)
        ),
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, str(EXTRACTION / "score.py"), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def through_clean(rows: list[dict], kind: str, settings: Settings) -> list[str]:
    """Bodies of the pasted pages given as a .txt file ("text") or as JSONL text ("record")."""
    bodies = []
    for r in rows:
        doc = RawDocument(r["id"], r["id"], kind, text=r["text"])  # type: ignore[arg-type]
        outcome = clean_document(doc, settings)
        bodies.append(outcome.analysis.article.text if outcome.analysis else "")
    return bodies


def accuracy(workdir: Path, settings: Settings, metrics: dict[str, float]) -> None:
    pasted = read_rows("pasted_text_dev")
    bodies = [clean_pasted_text(r["text"]).body for r in pasted]
    figures = score(pasted, bodies, workdir, "pasted")
    halves = [score(pasted[k::2], bodies[k::2], workdir, f"pasted{k}")["f1"] for k in (0, 1)]
    report("pasted_text_dev", "Rashomon text cleaner", figures)
    print(f"    split halves (even/odd docs): F1 {halves[0]:.3f} / {halves[1]:.3f}")
    metrics.update(pasted_f1=figures["f1"], pasted_f1_even=halves[0], pasted_f1_odd=halves[1])
    # The same pages as .txt and as JSONL text must come out alike (issue 14).
    for kind, label in (("text", "txt"), ("record", "jsonl")):
        got = through_clean(pasted, kind, settings)
        f1 = score(pasted, got, workdir, f"pasted-{label}")["f1"]
        halves = [score(pasted[k::2], got[k::2], workdir, f"p{label}{k}")["f1"] for k in (0, 1)]
        print(
            f"pasted_text_dev  as .{label:5s} through clean_document F1 {f1:.3f} "
            f"(halves {halves[0]:.3f} / {halves[1]:.3f})"
        )
        metrics[f"pasted_{label}_f1"] = f1
    gap = abs(metrics["pasted_txt_f1"] - metrics["pasted_jsonl_f1"])
    print(f"    .txt vs JSONL gap {gap:.3f} (goal <= 0.01: {'met' if gap <= 0.01 else 'NOT met'})")

    pages = read_rows("html_dev")
    bodies = [extract_html(r["html"], r.get("url")).body for r in pages]
    figures = score(pages, bodies, workdir, "html")
    report("html_dev", "trafilatura + line rules", figures)
    halves = [score(pages[k::2], bodies[k::2], workdir, f"html{k}")["f1"] for k in (0, 1)]
    print(f"    split halves (even/odd docs): F1 {halves[0]:.3f} / {halves[1]:.3f}")
    metrics.update(html_f1=figures["f1"], html_f1_even=halves[0], html_f1_odd=halves[1])


def report(name: str, method: str, m: dict) -> None:
    print(
        f"{name:16s} {method:26s} F1 {m['f1']:.3f} ± {m['f1_std']:.3f}  "
        f"(P {m['precision']:.3f}, R {m['recall']:.3f})  goal >= {GOALS[name]:.2f}  "
        f"{'met' if m['f1'] >= GOALS[name] else 'NOT met'}"
    )


def write_pages(workdir: Path) -> tuple[Path, Path]:
    """The dev pages as files: pasted text as .txt, saved pages as .html."""
    text_dir, html_dir = workdir / "txt", workdir / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    for i, row in enumerate(read_rows("pasted_text_dev")):
        (text_dir / f"{i:03d}.txt").write_text(row["text"], encoding="utf-8")
    for i, row in enumerate(read_rows("html_dev")):
        (html_dir / f"{i:03d}.html").write_text(row["html"], encoding="utf-8")
    return text_dir, html_dir


def run_stream(inputs: list[str], settings: Settings) -> int:
    """Ingest and clean every input, keeping nothing; the number of articles cleaned."""
    done = 0
    for item in iter_documents(inputs, settings):
        if isinstance(item, RawDocument):
            clean_document(item, settings)
            done += 1
    return done


def throughput(text_dir: Path, html_dir: Path, settings: Settings) -> None:
    run_stream([str(text_dir / "000.txt")], settings)  # load lingua and dateparser first
    for label, folder in (("plain text", text_dir), ("HTML", html_dir)):
        start = time.perf_counter()
        n = run_stream([str(folder)], settings)
        elapsed = time.perf_counter() - start
        print(
            f"ingest + clean, {label:10s}: {n / elapsed:7.1f} articles/s ({n} articles, 1 process)"
        )


def memory(text_dir: Path, html_dir: Path, settings: Settings) -> None:
    for label, folder in (("plain text", text_dir), ("HTML", html_dir)):
        peaks = []
        for times in (1, 10):
            tracemalloc.start()
            n = run_stream([str(folder)] * times, settings)
            peaks.append((n, tracemalloc.get_traced_memory()[1] / 2**20))
            tracemalloc.stop()
        (n1, p1), (n10, p10) = peaks
        print(
            f"peak memory, {label:10s}: {p1:6.1f} MiB for {n1} articles, "
            f"{p10:6.1f} MiB for {n10} ({p10 / p1:.2f}x)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the headline metrics here")
    parser.add_argument("--accuracy-only", action="store_true", help="skip speed and memory")
    args = parser.parse_args()
    if not (EXTRACTION / "score.py").exists():
        print(f"skipped: {EXTRACTION} is absent (the labelled dev sets are not on this machine)")
        return 0
    print(machine())
    print(command())
    # Dev pages are mixed-language; accept every language so all of them are cleaned.
    settings = Settings().with_overrides(languages=())
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        metrics: dict[str, float] = {}
        accuracy(workdir, settings, metrics)
        if args.json:
            rounded = {k: round(v, 4) for k, v in metrics.items()}
            args.json.write_text(json.dumps(rounded, indent=1, sort_keys=True) + "\n")
        if not args.accuracy_only:
            text_dir, html_dir = write_pages(workdir)
            throughput(text_dir, html_dir, settings)
            memory(text_dir, html_dir, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())

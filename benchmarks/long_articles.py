"""Time and peak memory of one very long article through the whole per-article pipeline.

    python benchmarks/long_articles.py [--sizes 100000,400000] [--json PATH]

Each size runs in its own process: one article of that many characters, made by
joining perturbed copies of the sample articles' paragraphs (so names, quotes and
figures recur as they do in a long feature), goes through cleaning, the spaCy pass,
every per-article stage, the store and the cross-article stages, each timed. Peak
memory is the process's high-water mark (VmHWM), models included; the models alone
are measured first, so the growth is the article's. Goal: time and memory linear in
the length (the 400k article about four times the 100k one), where whole-document
scans per mention made a 422k article take 571 s and 1.65 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import header, peak_rss_mib, perturb, sample_texts

DEFAULT_SIZES = (100_000, 400_000)


def long_text(chars: int, seed: int = 0) -> str:
    """A title line and body paragraphs of the samples, perturbed, up to ``chars``.

    Each body paragraph joins two sample paragraphs: cleaning drops a line that repeats
    on a page as template, and the samples alone hold too few distinct paragraphs.
    """
    rng = random.Random(seed)
    paragraphs = [p for t in sample_texts() for p in t.split("\n") if len(p) > 80]
    out = ["Ministers and envoys meet as the talks go on"]
    size = len(out[0])
    while size < chars:
        paragraph = perturb(" ".join(rng.sample(paragraphs, 2)), rng)
        out.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(out)[:chars]


def child(chars: int) -> None:
    """Run one article of ``chars`` characters and print one JSON line of figures."""
    from rashomon.annotate.nlp import load_nlp
    from rashomon.clean import clean_document
    from rashomon.model import RawDocument
    from rashomon.pipeline import load_stages, run_cross_article
    from rashomon.runners import warm_models
    from rashomon.settings import Settings
    from rashomon.store import Store

    settings = Settings()
    warm_models(settings)
    models_mib = peak_rss_mib()
    nlp = load_nlp(settings.spacy_model)
    nlp.max_length = max(nlp.max_length, settings.max_text_chars + 1)
    text = long_text(chars)
    raw = RawDocument("long.txt", "long", "record", text=text, title="A long article")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    outcome = clean_document(raw, settings)
    seconds["clean"] = time.perf_counter() - started
    analysis = outcome.analysis
    assert analysis is not None, outcome.record.reason
    # A figure for fewer characters than asked would be read as the asked size's.
    assert len(analysis.article.text) >= 0.8 * chars, len(analysis.article.text)
    started = time.perf_counter()
    doc = nlp(analysis.article.text)
    seconds["spacy"] = time.perf_counter() - started
    for st in load_stages():
        started = time.perf_counter()
        st(analysis, doc, settings)
        seconds[st.name] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "long.db") as store:
        started = time.perf_counter()
        store.write_outcomes([outcome])
        seconds["store"] = time.perf_counter() - started
        started = time.perf_counter()
        failed = run_cross_article(store, settings)
        seconds["cross"] = time.perf_counter() - started
        assert not failed, failed
    figures = {
        "chars": len(analysis.article.text),
        "mentions": len(analysis.mentions),
        "quotes": len(analysis.quotes),
        "seconds": seconds,
        "models_mib": models_mib,
        "peak_mib": peak_rss_mib(),
    }
    print(json.dumps(figures))


def run_child(chars: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(chars)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--json", type=Path, help="write the headline figures here")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    header("one long article through every per-article stage")
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {size: run_child(size) for size in sizes}
    stages = list(next(iter(results.values()))["seconds"])
    print(
        f"{'chars':>9} {'total s':>8} {'peak MiB':>9} {'growth MiB':>11}  "
        + " ".join(f"{s:>9}" for s in stages)
    )
    flat: dict[str, float] = {}
    for size, r in results.items():
        total = sum(r["seconds"].values())
        growth = r["peak_mib"] - r["models_mib"]
        cells = " ".join(f"{r['seconds'][s]:>9.1f}" for s in stages)
        print(f"{r['chars']:>9} {total:>8.1f} {r['peak_mib']:>9.0f} {growth:>11.0f}  {cells}")
        flat[f"long_{size // 1000}k_seconds"] = round(total, 2)
        flat[f"long_{size // 1000}k_peak_mib"] = round(r["peak_mib"], 1)
        flat[f"long_{size // 1000}k_mentions_seconds"] = round(r["seconds"]["annotate"], 2)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        ratio = sum(large["seconds"].values()) / max(1e-9, sum(small["seconds"].values()))
        print(
            f"time ratio {sizes[-1]:,} / {sizes[0]:,} chars: {ratio:.1f} "
            f"(length ratio {sizes[-1] / sizes[0]:.1f})"
        )
        flat["long_time_ratio"] = round(ratio, 2)
    if args.json:
        args.json.write_text(json.dumps(flat, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Quote extraction and attribution on the PolNeAR dev split, and the cost of it.

Runs the pipeline's own code on the gold texts, fed raw (no cleaning) so offsets
match: the spaCy pass, the ``annotate`` and ``quotes`` stages, then the cross-article
``entities`` stage over a temporary store, whose quotes (with canonical speakers) are
the predictions. Scores them with the eval folder's ``score.py`` for ``--subset all``
and ``--subset quoted``, and times the stages against the bare spaCy pass.

    .venv/bin/python benchmarks/quotes.py [--keep PRED.jsonl]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "quotes"
GOLD = EVAL / "polnear_dev.jsonl.gz"
# Quotes that continue a direct quote before them, with no cue of their own, form one
# attribution with several fragments, as PolNeAR annotates them (the content of one cue:
# '"A," he said, "B."' and the quoted paragraphs after it). Folding them in raised
# span precision on both halves of the dev split.
CONTINUATIONS = ("direct:split", "direct:run-on", "direct:previous-speaker")
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "i", "we"}


def predictions(store, ids: dict[str, str]) -> list[dict]:
    """One row per document: quotes with fragments joined and a single speaker name."""
    by_doc: dict[str, list[dict]] = {gold_id: [] for gold_id in ids.values()}
    sql = "SELECT * FROM quotes ORDER BY article_id, start"
    for row in store.rows(sql):
        quotes = by_doc[ids[row["article_id"]]]
        mention = row["speaker_mention"] or ""
        if mention.lower() in PRONOUNS:
            mention = ""  # an unresolved pronoun names nobody
        speaker = (row["speaker"] or mention).split("; ")[0] or None
        if row["rule"] in CONTINUATIONS and quotes and quotes[-1]["kind"] != "indirect":
            last = quotes[-1]
            last["quote_fragments"].append([row["start"], row["end"]])
            last["quote_end"] = row["end"]
            continue
        quotes.append(
            {
                "quote_start": row["start"],
                "quote_end": row["end"],
                "quote_fragments": [[row["start"], row["end"]]],
                "speaker": speaker,
                "kind": row["kind"],
            }
        )
    return [{"id": gold_id, "quotes": quotes} for gold_id, quotes in by_doc.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="also write the predictions here")
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"skipped: {GOLD} is absent (the labelled dev sets live outside the repo)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from rashomon.annotate.nlp import load_nlp
    from rashomon.entities import stage as entities_stage
    from rashomon.model import Analysis, Article, InputRecord, Outcome
    from rashomon.pipeline import load_stages
    from rashomon.settings import Settings
    from rashomon.store.db import Store

    settings = Settings(raw=True)
    with gzip.open(GOLD, "rt", encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    stages = [s for s in load_stages() if s.name in {"annotate", "quotes"}]
    nlp = load_nlp(settings.spacy_model)
    texts = [d["text"] for d in gold]

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=settings.spacy_batch_size))
    spacy_seconds = time.perf_counter() - started

    analyses = []
    started = time.perf_counter()
    for number, (d, doc) in enumerate(zip(gold, docs, strict=True)):
        analysis = Analysis(Article(f"polnear-{number}", d["id"], d["text"]))
        for st in stages:
            st(analysis, doc, settings)
        analyses.append(analysis)
    stage_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        store.write_outcomes(
            Outcome(InputRecord(a.article.input, a.article.id, "ok", article_id=a.article.id), a)
            for a in analyses
        )
        started = time.perf_counter()
        entities_stage.run(store, settings)
        entity_seconds = time.perf_counter() - started
        ids = {a.article.id: a.article.input for a in analyses}
        rows = predictions(store, ids)
        store.close()
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        if args.keep:
            args.keep.write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        for subset in ("all", "quoted"):
            print(f"== score.py --subset {subset}")
            out = subprocess.run(
                [sys.executable, str(EVAL / "score.py"), str(GOLD), str(pred), "--subset", subset],
                capture_output=True,
                text=True,
                check=True,
            )
            print(out.stdout.rstrip())

    extra = stage_seconds + entity_seconds
    print("== cost")
    print(f"documents {len(gold)}, characters {sum(map(len, texts))}")
    print(
        f"spaCy pass {spacy_seconds:.2f}s; annotate+quotes {stage_seconds:.2f}s; "
        f"entities {entity_seconds:.2f}s"
    )
    print(f"ratio (spaCy + stages) / spaCy = {(spacy_seconds + extra) / spacy_seconds:.3f}")
    print(f"machine: {platform.platform()}, {platform.python_version()}, {os.cpu_count()} cores")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

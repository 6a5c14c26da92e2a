"""Quote extraction and attribution on the PolNeAR dev split, and the cost of it.

Runs the pipeline's own code on the gold texts, fed raw (no cleaning) so offsets
match: the spaCy pass, the ``annotate`` and ``quotes`` stages, then the cross-article
``entities`` stage over a temporary store, whose quotes (with canonical speakers) are
the predictions. Scores them with the eval folder's ``score.py`` (overlap matching)
on the whole split and on its two halves (even lines: where rules are tuned; odd
lines: kept for checking), for ``--subset all`` and ``--subset quoted``, beside a
baseline computed in the same run: every quoted span of at least four words given to
the nearest person named before it in its paragraph. Times the stages against the bare
spaCy pass. Skips (exit 0) when the dev set is absent.

    .venv/bin/python benchmarks/quotes.py [--keep PRED.jsonl] [--json METRICS.json] [--gold PATH]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from common import EVAL, ROOT, command, machine

GOLD = EVAL / "quotes" / "polnear_dev.jsonl.gz"
# Quotes that continue a direct quote before them, with no cue of their own, form one
# attribution with several fragments, as PolNeAR annotates them (the content of one cue:
# '"A," he said, "B."' and the quoted paragraphs after it). Folding them in raised
# span precision on both halves of the dev split.
CONTINUATIONS = ("direct:split", "direct:run-on", "direct:previous-speaker")
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "i", "we"}
BASELINE_MIN_WORDS = 4
HALVES = ("dev", "even", "odd")


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


def baseline(gold_id: str, doc) -> dict:
    """Quoted spans of four words or more, each given to the last PERSON before it."""
    from rashomon.quotes.marks import find_quoted_spans

    people = [e for e in doc.ents if e.label_ == "PERSON"]
    quotes = []
    for span in find_quoted_spans(doc.text):
        if len(doc.text[span.inner_start : span.inner_end].split()) < BASELINE_MIN_WORDS:
            continue
        para = doc.text.rfind("\n", 0, span.start)
        before = [e for e in people if para < e.start_char < span.start]
        speaker = before[-1].text if before else None
        quotes.append({"quote_start": span.start, "quote_end": span.end, "speaker": speaker})
    return {"id": gold_id, "quotes": quotes}


def load_scorer(folder: Path):
    """The eval folder's own scorer, so figures are those of its protocol."""
    spec = importlib.util.spec_from_file_location("polnear_score", folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(scorer, gold: list[dict], pred: list[dict]) -> dict[str, dict]:
    """Headline figures (overlap matching) for the split and each half."""
    out: dict[str, dict] = {}
    parts = {"dev": gold, "even": gold[0::2], "odd": gold[1::2]}
    for half, docs in parts.items():
        ids = {d["id"] for d in docs}
        rows = [p for p in pred if p["id"] in ids]
        every = scorer.score(docs, rows, "all")["overlap"]
        quoted = scorer.score(docs, rows, "quoted")["overlap"]
        by_kind = every["span_recall_by_kind"]
        out[half] = {
            "e2e_all": every["end_to_end_named"]["f1"],
            "e2e_quoted": quoted["end_to_end_named"]["f1"],
            "speaker": every["attribution_accuracy_named"] or 0.0,
            "span_f1": every["span"]["f1"],
            "recall_direct": by_kind.get("direct", 0.0),
            "recall_mixed": by_kind.get("mixed", 0.0),
            "recall_indirect": by_kind.get("indirect", 0.0),
        }
    return out


def table(name: str, figures: dict[str, dict]) -> None:
    metrics = list(figures["dev"])
    print(f"== {name}")
    print(f"{'metric':16s}" + "".join(f"{h:>8s}" for h in HALVES))
    for m in metrics:
        print(f"{m:16s}" + "".join(f"{figures[h][m]:8.3f}" for h in HALVES))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="also write the predictions here")
    parser.add_argument("--json", type=Path, help="write the headline metrics here")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the dev set (from a worktree)")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"skipped: {args.gold} is absent (the labelled dev sets live outside the repo)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from rashomon.annotate.nlp import load_nlp
    from rashomon.entities import stage as entities_stage
    from rashomon.model import Analysis, Article, InputRecord, Outcome
    from rashomon.pipeline import load_stages
    from rashomon.settings import Settings
    from rashomon.store.db import Store

    settings = Settings(raw=True)
    with gzip.open(args.gold, "rt", encoding="utf-8") as fh:
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
    if args.keep:
        args.keep.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    scorer = load_scorer(args.gold.parent)
    ours = scores(scorer, gold, rows)
    base = scores(scorer, gold, [baseline(d["id"], doc) for d, doc in zip(gold, docs, strict=True)])
    table("rashomon (overlap matching; even half tunes, odd half checks)", ours)
    table("baseline: quoted spans to the last PERSON before them", base)

    ratio = (spacy_seconds + stage_seconds + entity_seconds) / spacy_seconds
    print("== cost")
    print(f"documents {len(gold)}, characters {sum(map(len, texts))}")
    print(
        f"spaCy pass {spacy_seconds:.2f}s; annotate+quotes {stage_seconds:.2f}s; "
        f"entities {entity_seconds:.2f}s"
    )
    print(f"ratio (spaCy + stages) / spaCy = {ratio:.3f}")
    print(machine())
    print(command())
    if args.json:
        flat = {f"quotes_{m}_{h}": v for h, figs in ours.items() for m, v in figs.items()}
        flat |= {f"baseline_{m}_{h}": v for h, figs in base.items() for m, v in figs.items()}
        flat["quotes_cost_ratio"] = round(ratio, 3)
        args.json.write_text(json.dumps(flat, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

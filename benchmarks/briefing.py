"""Points and the briefing's summary on NeuS (154 stories × 3 outlets) and BASIL (50 × 3).

    python benchmarks/briefing.py [--json PATH] [--sweep] [--sample PATH] [--workdir DIR]
                                [--eval DIR]

Every dev article goes through the real pipeline (``analyze`` of a JSONL file with the
given ids, outlets and dates into a fresh SQLite file; ``reference`` and ``ref_title``
are dropped first). Points are then computed with ``compare.points_for`` over each gold
story's articles, so the figures do not depend on event clustering. Reported, on each
half of NeuS (first half by story id: tune; second: held out) and on BASIL (all 50
events, and its halves: A, the first 25, tunes the comparison's precision rules; B
confirms):

* the share of stories with at least one consensus point, and with a point all three
  outlets carry;
* ROUGE-1/2/L F1 (rouge-score, stemming) of the summary cut to the reference's length,
  beside LexRank, TextRank and round-robin leads over the same stored sentences;
* multi-member points, and those holding two sentences of one article;
* mixed points: stories are paired with their nearest other story (by mean vector) and
  compared as one; a multi-member point with members from both is a certain false
  match. Its rate is the precision proxy the threshold was chosen with;
* time of the comparison per story and per 1,000 articles, and for all BASIL articles
  as one 150-article story.

``--sweep`` prints the grid the settings were chosen on (tune half); ``--sample`` writes
50 random multi-member points for reading. Anchors (NeuS, all 307, from the eval
README): lead-3 ROUGE-1 0.38, LexRank 0.42, TextRank 0.43, round-robin 0.43, oracle 0.53.
Skips cleanly when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from common import EVAL, command, machine
from rashomon.briefing.summary import summary_points
from rashomon.compare import ArticleText, points_for
from rashomon.embeddings import embed
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.views.compare import compare_inputs

NEUS = Path("briefing") / "neus_dev.jsonl.gz"
BASIL = Path("framing") / "basil_dev.jsonl.gz"
SIDES = ("left", "center", "right")
# LexRank's edge threshold (Erkan & Radev's 0.1) and PageRank damping (0.85) for both graphs.
LEXRANK_EDGE = 0.1
DAMPING = 0.85
GRID_THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.48, 0.5, 0.52, 0.55)
GRID_SHARES = (0.0, 0.2, 0.3, 0.4)
GRID_CENTRING = (0.0, 0.3, 0.5)
# The lead rule's floor (from the ordinary threshold, where it adds nothing, down) and lead size.
GRID_MUTUAL = (0.5, 0.45, 0.35, 0.3, 0.25, 0.2, 0.15)
GRID_LEAD = (1, 2)


def read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def neus_stories(folder: Path) -> list[dict]:
    stories = []
    for row in read(folder / NEUS):
        articles = []
        for k, a in enumerate(row["articles"]):
            outlet = a.get("outlet") or f"{a.get('side') or SIDES[k % 3]} outlet"
            articles.append(
                {
                    "id": f"{row['sid']}-{k}",
                    "title": a.get("title") or "",
                    "text": a["text"],
                    "outlet": outlet,
                    "published": a.get("date"),
                }
            )
        stories.append({"id": row["sid"], "articles": articles, "reference": row["reference"]})
    return sorted(stories, key=lambda s: s["id"])


def basil_stories(folder: Path) -> list[dict]:
    stories = []
    for row in read(folder / BASIL):
        articles = [
            {
                "id": f"basil-{a['id']}",
                "title": a.get("title") or "",
                "text": "\n\n".join(s["text"] for s in a["sentences"]),
                "outlet": a["source"],
                "published": a.get("date"),
            }
            for a in row["articles"]
        ]
        stories.append({"id": str(row["event_id"]), "articles": articles, "reference": None})
    return stories


def analyse(stories: list[dict], db: Path, settings: Settings) -> None:
    """The real pipeline: ``analyze`` of one JSONL file, per-article stages only."""
    from rashomon.analyze import analyze_inputs
    from rashomon.runners import LocalRunner

    if db.exists():
        return
    source = db.with_suffix(".jsonl")
    with source.open("w", encoding="utf-8") as fh:
        for story in stories:
            for a in story["articles"]:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    with Store(db) as store, LocalRunner() as runner:
        analyze_inputs([str(source)], store, replace(settings, raw=True), runner)


def load_inputs(store: Store, stories: list[dict]) -> dict[str, list[ArticleText]]:
    return {s["id"]: compare_inputs(store, [a["id"] for a in s["articles"]]) for s in stories}


# -- baselines over the same stored sentences ------------------------------------------


def sentence_lists(articles: list[ArticleText], min_words: int) -> list[list[str]]:
    return [[t for _, _, t in a.sentences if len(t.split()) >= min_words] for a in articles]


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def pagerank(weights: np.ndarray) -> np.ndarray:
    n = len(weights)
    sums = weights.sum(axis=1, keepdims=True)
    transition = np.where(sums > 0, weights / np.maximum(sums, 1e-12), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        rank = (1 - DAMPING) / n + DAMPING * rank @ transition
    return rank


def lexrank(sentences: list[str]) -> list[str]:
    bags = [Counter(tokens(s)) for s in sentences]
    df = Counter(w for b in bags for w in b)
    n = len(sentences)
    vecs = [{w: c * math.log(n / df[w] + 1) for w, c in b.items()} for b in bags]
    norm = [math.sqrt(sum(v * v for v in x.values())) or 1.0 for x in vecs]
    sims = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            dot = sum(v * vecs[j].get(w, 0.0) for w, v in vecs[i].items())
            sims[i, j] = 1.0 if dot / (norm[i] * norm[j]) >= LEXRANK_EDGE else 0.0
    return [sentences[i] for i in np.argsort(-pagerank(sims), kind="stable")]


def textrank(sentences: list[str]) -> list[str]:
    bags = [set(tokens(s)) for s in sentences]
    n = len(sentences)
    sims = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i != j and len(bags[i]) > 1 and len(bags[j]) > 1:
                sims[i, j] = len(bags[i] & bags[j]) / (
                    math.log(len(bags[i])) + math.log(len(bags[j]))
                )
    return [sentences[i] for i in np.argsort(-pagerank(sims), kind="stable")]


def round_robin(per_article: list[list[str]]) -> list[str]:
    out = []
    for depth in range(max((len(s) for s in per_article), default=0)):
        out.extend(s[depth] for s in per_article if depth < len(s))
    return out


def dedupe(sentences: list[str]) -> list[str]:
    return list(dict.fromkeys(sentences))


# -- scoring ----------------------------------------------------------------------------


def rouge(system: str, reference: str) -> dict[str, float]:
    from rouge_score import rouge_scorer

    logging.getLogger("absl").setLevel(logging.WARNING)  # one INFO line per scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    cut = " ".join(system.split()[: len(reference.split())])
    scores = scorer.score(reference, cut)
    return {k: v.fmeasure for k, v in scores.items()}


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def evaluate(stories, inputs, settings: Settings) -> dict[str, float]:
    """Every headline figure over the given stories."""
    systems: dict[str, list[dict[str, float]]] = {
        k: [] for k in ("rashomon", "lexrank", "textrank", "round_robin")
    }
    consensus = allthree = nonempty = multi = same_article = 0
    seconds = 0.0
    articles = 0
    for story in stories:
        arts = inputs[story["id"]]
        articles += len(arts)
        began = time.perf_counter()
        points = points_for(arts, settings, story_id=story["id"])
        chosen = summary_points(points, len(arts), settings)
        seconds += time.perf_counter() - began
        consensus += any(p.kind == "consensus" for p in points)
        carried = [p for p in points if p.article_count >= 2]
        multi += len(carried)
        same_article += sum(len(p.members) > p.article_count for p in carried)
        allthree += any(p.outlet_count >= 3 for p in points)
        nonempty += bool(chosen)
        if story["reference"] is None:
            continue
        ref = story["reference"]
        per_article = sentence_lists(arts, settings.compare_min_words)
        every = dedupe([s for sents in per_article for s in sents])
        systems["rashomon"].append(rouge(" ".join(p.text for p in chosen), ref))
        systems["lexrank"].append(rouge(" ".join(lexrank(every)), ref))
        systems["textrank"].append(rouge(" ".join(textrank(every)), ref))
        systems["round_robin"].append(rouge(" ".join(dedupe(round_robin(per_article))), ref))
    n = len(stories)
    result = {
        "stories": n,
        "consensus_share": consensus / n,
        "all_three_share": allthree / n,
        "summary_nonempty_share": nonempty / n,
        "multi_member_points": multi,
        "same_article_points": same_article,
        "seconds_per_story": seconds / n,
        "seconds_per_1000_articles": 1000 * seconds / max(articles, 1),
    }
    for name, rows in systems.items():
        for metric in ("rouge1", "rouge2", "rougeL"):
            if rows:
                result[f"{name}_{metric}"] = mean([r[metric] for r in rows])
    return result


def nearest_pairs(stories, inputs) -> list[tuple[str, str]]:
    """Each story with the other story whose mean sentence vector is closest (a hard
    negative: the same kind of news, a different event)."""
    ids = [s["id"] for s in stories]
    centres = []
    for i in ids:
        texts = [t for a in inputs[i] for _, _, t in a.sentences] or [""]
        v = embed(texts).mean(axis=0)
        centres.append(v / max(float(np.linalg.norm(v)), 1e-9))
    sims = np.asarray(centres) @ np.asarray(centres).T
    np.fill_diagonal(sims, -2)
    return [(ids[k], ids[int(np.argmax(sims[k]))]) for k in range(len(ids))]


def mixed_rate(stories, inputs, settings: Settings) -> float:
    """Multi-member points mixing two different stories, per multi-member point."""
    mixed = multi = 0
    for a, b in nearest_pairs(stories, inputs):
        side = {art.id: a for art in inputs[a]} | {art.id: b for art in inputs[b]}
        for p in points_for(inputs[a] + inputs[b], settings):
            if p.article_count < 2:
                continue
            multi += 1
            mixed += len({side[m.article_id] for m in p.members}) > 1
    return mixed / max(multi, 1)


def sweep(stories, inputs, settings: Settings) -> None:
    print("\nGrid on the tune half (ROUGE-1, consensus share, mixed-point rate):")
    for centring in GRID_CENTRING:
        for share in GRID_SHARES:
            for threshold in GRID_THRESHOLDS:
                s = replace(
                    settings,
                    compare_match_threshold=threshold,
                    compare_lexical_share=share,
                    compare_centring=centring,
                )
                r = evaluate(stories, inputs, s)
                mixed = mixed_rate(stories, inputs, s)
                print(
                    f"  centring {centring:.1f} share {share:.1f} threshold {threshold:.2f}: "
                    f"R1 {r['rashomon_rouge1']:.3f} consensus {r['consensus_share']:.3f} "
                    f"mixed {mixed:.3f}"
                )
    print("\nThe lead rule at the settings' threshold, share and centring:")
    for lead in GRID_LEAD:
        for floor in GRID_MUTUAL:
            s = replace(settings, compare_mutual_floor=floor, compare_mutual_lead=lead)
            r = evaluate(stories, inputs, s)
            mixed = mixed_rate(stories, inputs, s)
            print(
                f"  lead {lead} floor {floor:.2f}: R1 {r['rashomon_rouge1']:.3f} "
                f"consensus {r['consensus_share']:.3f} mixed {mixed:.3f}"
            )


def write_sample(stories, inputs, settings: Settings, path: Path, size: int = 50) -> None:
    rng = random.Random(12)
    found = []
    for story in stories:
        for p in points_for(inputs[story["id"]], settings, story_id=story["id"]):
            if p.article_count >= 2:
                found.append(
                    {
                        "story": story["id"],
                        "kind": p.kind,
                        "members": [[m.outlet, round(m.similarity, 3), m.text] for m in p.members],
                    }
                )
    rng.shuffle(found)
    with path.open("w", encoding="utf-8") as fh:
        for row in found[:size]:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {min(size, len(found))} multi-member points to {path}")


def one_big_story(inputs: dict[str, list[ArticleText]], settings: Settings) -> dict[str, float]:
    """Every BASIL article as one story (150 full articles): the comparison's cost grows
    with the square of a story's sentences, so a big storyline costs far more per
    article than many small events."""
    articles = [a for arts in inputs.values() for a in arts]
    began = time.perf_counter()
    points_for(articles, settings)
    seconds = time.perf_counter() - began
    print(
        f"\none story of all {len(articles)} BASIL articles "
        f"({sum(len(a.sentences) for a in articles)} sentences): {seconds:.1f} s"
    )
    return {"seconds": seconds, "articles": len(articles)}


def table(name: str, r: dict[str, float]) -> None:
    print(f"\n## {name}: {r['stories']} stories")
    print(
        f"consensus point in {r['consensus_share']:.3f} of stories; a point all three carry "
        f"in {r['all_three_share']:.3f}; summary non-empty in {r['summary_nonempty_share']:.3f}"
    )
    print(
        f"comparison time {r['seconds_per_story'] * 1000:.0f} ms per story, "
        f"{r['seconds_per_1000_articles']:.1f} s per 1,000 articles"
    )
    if "rashomon_rouge1" in r:
        print(f"{'system':<14}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}")
        for system in ("rashomon", "lexrank", "textrank", "round_robin"):
            print(
                f"{system:<14}"
                + "".join(f"{r[f'{system}_{m}']:>9.3f}" for m in ("rouge1", "rouge2", "rougeL"))
            )
    print(
        f"multi-member points {r['multi_member_points']}, with two members of one article "
        f"{r['same_article_points']}"
    )
    if "mixed_rate" in r:
        print(f"mixed points (hard-negative pairs): {r['mixed_rate']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the headline metrics here")
    parser.add_argument("--sweep", action="store_true", help="print the calibration grid")
    parser.add_argument("--sample", type=Path, help="write 50 multi-member points here")
    parser.add_argument("--workdir", type=Path, help="keep the analysed databases here")
    parser.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    args = parser.parse_args()
    if not (args.eval / NEUS).exists() or not (args.eval / BASIL).exists():
        print(f"skipped: dev sets not found under {args.eval}")
        return 0
    print("# Points and summary: NeuS and BASIL")
    print(machine())
    print(command())
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        neus, basil = neus_stories(args.eval), basil_stories(args.eval)
        began = time.perf_counter()
        analyse(neus, work / "neus.db", settings)
        analyse(basil, work / "basil.db", settings)
        print(f"analysis (the per-article pipeline) {time.perf_counter() - began:.0f} s")
        with Store(work / "neus.db") as store:
            neus_inputs = load_inputs(store, neus)
        with Store(work / "basil.db") as store:
            basil_inputs = load_inputs(store, basil)
        half = len(neus) // 2
        tune, held = neus[:half], neus[half:]
        if args.sweep:
            sweep(tune, neus_inputs, settings)
        results = {}
        for name, stories, inputs in (
            ("neus_tune", tune, neus_inputs),
            ("neus_heldout", held, neus_inputs),
            ("basil", basil, basil_inputs),
            ("basil_a", basil[: len(basil) // 2], basil_inputs),
            ("basil_b", basil[len(basil) // 2 :], basil_inputs),
        ):
            r = evaluate(stories, inputs, settings)
            r["mixed_rate"] = mixed_rate(stories, inputs, settings)
            table(name, r)
            results[name] = r
        results["basil_one_story"] = one_big_story(basil_inputs, settings)
        if args.sample:
            write_sample(neus + basil, neus_inputs | basil_inputs, settings, args.sample)
    if args.json:
        flat = {
            f"{name}_{k}": round(v, 4)
            for name, r in results.items()
            for k, v in r.items()
            if k != "stories"
        }
        args.json.write_text(json.dumps(flat, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Events on the AllSides dev set: pairwise and BCubed F1 with the set's own score.py.

    python benchmarks/stories.py [--sweep]

Each dev article becomes a stored article (title, lead text, outlet, day) in a fresh
SQLite file, the ``stories`` stage runs over the store exactly as in the pipeline, and
``story_articles.event_id`` is scored against the gold stories. Reported:

* all 757 articles with their dates, and with the dates removed (no time feature);
* a split half: thresholds chosen on Apr-May only, scored on Jun-Jul;
* ``--sweep``: the grids the settings' thresholds were calibrated on.

Anchor (held-out months, TF-IDF with a time window): pairwise 0.71, BCubed 0.86.
Goal: pairwise >= 0.90, BCubed >= 0.95. Skips cleanly when ../shared/eval is absent.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from common import EVAL, command, machine
from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.settings import Settings
from rashomon.store.db import Store

DEV = EVAL / "stories" / "allsides_dev.jsonl.gz"
SPLIT = "2021-06-01"  # first half Apr-May (calibrate), second half Jun-Jul (test)


def load_dev() -> list[dict]:
    with gzip.open(DEV, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def scorer():
    spec = importlib.util.spec_from_file_location("allsides_score", EVAL / "stories" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.score


def outcome(row: dict, dated: bool) -> Outcome:
    article = Article(
        id=row["id"],
        input=f"allsides#{row['id']}",
        text=row["text"],
        title=row["title"],
        outlet=row["source"],
        published=row["date"] if dated else None,
        published_source="meta" if dated else "none",
    )
    record = InputRecord(article.input, row["id"], "ok", article_id=article.id)
    return Outcome(record, Analysis(article))


def cluster(rows: Iterable[dict], settings: Settings, dated: bool = True) -> dict[str, str]:
    """article id → event id, from a fresh store."""
    from rashomon.stories.stage import run

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "dev.db") as store:
        store.write_outcomes([outcome(r, dated) for r in rows])
        run(store, settings)
        return {r["article_id"]: r["event_id"] for r in store.rows("SELECT * FROM story_articles")}


def figures(rows: list[dict], predicted: dict[str, str]) -> tuple[float, float]:
    gold = {r["id"]: r["cluster"] for r in rows}
    result = scorer()(gold, {i: predicted[i] for i in gold})
    return result["pairwise_f1"], result["bcubed_f1"]


def line(label: str, pair: tuple[float, float]) -> str:
    return f"{label:<44} pairwise F1 {pair[0]:.3f}   BCubed F1 {pair[1]:.3f}"


def split_half(rows: list[dict], base: Settings) -> None:
    first = [r for r in rows if r["date"] < SPLIT]
    second = [r for r in rows if r["date"] >= SPLIT]
    grid = [
        replace(base, stories_event_threshold=t, stories_embedding_weight=w)
        for t in (0.15, 0.175, 0.2, 0.225, 0.25)
        for w in (0.2, 0.3, 0.4)
    ]
    best = max(grid, key=lambda s: figures(first, cluster(first, s)))
    print(
        f"split half: chose threshold {best.stories_event_threshold}, embedding weight "
        f"{best.stories_embedding_weight} on Apr-May ({len(first)} articles)"
    )
    print(line("  calibrated half, Apr-May", figures(first, cluster(first, best))))
    held_out = f"  held-out half, Jun-Jul ({len(second)} articles)"
    print(line(held_out, figures(second, cluster(second, best))))
    print(line("  held-out half with the shipped settings", figures(second, cluster(second, base))))


CAPTION = "The minister speaks to reporters in the capital. (Photo by AFP)\n\n"
FOOTER = "\n\nShare this article\nRead also: more news from the region\nBack to top"


def reprint(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A copy as outlets print one: a tenth of the words changed, a caption, a footer."""
    words = text.split()
    for i in rng.sample(range(len(words)), len(words) // 10):
        words[i] = rng.choice(vocabulary)
    return CAPTION + " ".join(words) + FOOTER


def copy_separation(rows: list[dict], base: Settings) -> None:
    """Containment of reprints against their source, and of different outlets' takes on one
    story against each other: the copy threshold must fall between."""
    from rashomon.stories.copies import containment, signature

    rng = random.Random(0)
    vocabulary = sorted({w for r in rows for w in r["text"].split()})
    sigs = {r["id"]: signature(f"{r['title']}\n{r['text']}") for r in rows}
    reprints = []
    for r in rows:
        copy = signature(f"{r['title']}\n{reprint(r['text'], rng, vocabulary)}")
        reprints.append(containment(*sigs[r["id"]], *copy))
    takes = [
        containment(*sigs[a["id"]], *sigs[b["id"]])
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if a["cluster"] == b["cluster"]
    ]
    reprints.sort()
    takes.sort()
    threshold = base.stories_copy_threshold
    print(
        f"copies: reprints vs source min {reprints[0]:.2f}, 1st percentile "
        f"{reprints[len(reprints) // 100]:.2f}, flagged {sum(c >= threshold for c in reprints)}"
        f"/{len(reprints)}; same-story takes max {takes[-1]:.2f}, flagged "
        f"{sum(c >= threshold for c in takes)}/{len(takes)} (threshold {threshold})"
    )


def sweep(rows: list[dict], base: Settings) -> None:
    print("sweep (all dev articles, dated):")
    for weight in (0.0, 0.2, 0.3, 0.4, 0.5):
        for threshold in (0.15, 0.175, 0.2, 0.225, 0.25, 0.3):
            s = replace(base, stories_event_threshold=threshold, stories_embedding_weight=weight)
            print(line(f"  weight {weight} threshold {threshold}", figures(rows, cluster(rows, s))))
    for penalty in (0.1, 0.15, 0.25, 0.5, 1.0):
        s = replace(base, stories_day_penalty=penalty)
        print(line(f"  day penalty {penalty}", figures(rows, cluster(rows, s))))
    for merge in (0.15, 0.2, 0.25, 0.3, 9.0):
        s = replace(base, stories_merge_threshold=merge)
        print(line(f"  merge threshold {merge}", figures(rows, cluster(rows, s))))


def main(argv: list[str]) -> int:
    if not DEV.exists():
        print(f"skipped: {DEV} is not here (the dev sets live in ../shared/eval)")
        return 0
    rows = load_dev()
    settings = Settings()
    started = time.perf_counter()
    print(line(f"all {len(rows)} articles, with dates", figures(rows, cluster(rows, settings))))
    print(line("all articles, dates removed", figures(rows, cluster(rows, settings, dated=False))))
    split_half(rows, settings)
    copy_separation(rows, settings)
    if "--sweep" in argv:
        sweep(rows, settings)
    print(
        "anchor (held-out, TF-IDF + time window): pairwise 0.71, BCubed 0.86; "
        "goal: pairwise >= 0.90, BCubed >= 0.95"
    )
    print(f"{time.perf_counter() - started:.1f} s")
    print(machine())
    print(command())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

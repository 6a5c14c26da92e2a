"""Time and peak memory of the ``stories`` stage at 10k, 30k and 100k articles.

    python benchmarks/stories_scale.py [--sizes 10000,30000,100000]
    python benchmarks/stories_scale.py --sizes 2000          # a quick run

The corpus repeats the AllSides dev articles with perturbations: each copy's text is
its lead plus the leads of its story's other articles (about 270 words). One in three
is a reprint (one word in ten replaced: a copy); the others have their parts shuffled
and one word in three replaced (same story, not a copy). Copy ``r`` is moved ``r // 10``
quarters later, so about 85 articles arrive a day, as in a busy news stream, whatever
the size. Each size runs in
its own process (peak RSS is that process's high-water mark, corpus writing included)
on a fresh SQLite file; then 1,000 more articles are added and the incremental run is
timed. Goal: time linear in the number of articles, memory under 2 GB at 100k.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from common import command, machine
from rashomon.model import Article, InputRecord
from rashomon.pipeline import batched
from rashomon.settings import Settings
from rashomon.store.db import Store
from stories import DEV, load_dev

COPIES_PER_QUARTER = 10
INCREMENT = 1_000
WRITE_BATCH = 2_000


def corpus(size: int, offset: int = 0):
    """``size`` perturbed articles, the first being number ``offset`` of the endless stream."""
    rows = load_dev()
    by_story = defaultdict(list)
    for row in rows:
        by_story[row["cluster"]].append(row)
    vocabulary = sorted({w for r in rows for w in r["text"].split()})
    for number in range(offset, offset + size):
        copy, index = divmod(number, len(rows))
        row = rows[index]
        rng = random.Random(number)
        parts = [row["text"], *(r["text"] for r in by_story[row["cluster"]] if r is not row)]
        reprint = number % 3 == 0
        if not reprint:
            rng.shuffle(parts)
        words = " ".join(parts).split()
        for i in rng.sample(range(len(words)), len(words) // (10 if reprint else 3)):
            words[i] = rng.choice(vocabulary)
        day = date.fromisoformat(row["date"]) + timedelta(days=91 * (copy // COPIES_PER_QUARTER))
        article_id = f"{row['id']}-{copy}"
        yield Article(
            id=article_id,
            input=f"scale#{article_id}",
            text=" ".join(words),
            title=row["title"],
            outlet=row["source"],
            published=day.isoformat(),
        )


def write(store: Store, articles) -> None:
    """Insert inputs and articles directly, in batches: what analysis would have stored.

    (``Store.write_outcomes`` first deletes by ``articles.input``, which has no index, so it
    slows down with the table; this benchmark measures the stories stage, not that.)
    """
    for batch in batched(articles, WRITE_BATCH):
        records = [InputRecord(a.input, a.id, "ok", article_id=a.id) for a in batch]
        with store.transaction():
            store.insert("inputs", records)
            store.insert("articles", batch)


def one(size: int) -> dict:
    """Build a store of ``size`` articles, run the stage, then an increment; in this process."""
    from rashomon.stories.stage import run

    settings = Settings()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "scale.db") as store:
        write(store, corpus(size))
        started = time.perf_counter()
        run(store, settings)
        seconds = time.perf_counter() - started
        write(store, corpus(INCREMENT, offset=size))
        started = time.perf_counter()
        run(store, settings)
        increment = time.perf_counter() - started
        events = store.conn.execute("SELECT count(*) FROM story_events").fetchone()[0]
        copies = store.conn.execute(
            "SELECT count(*) FROM story_articles WHERE copy_of IS NOT NULL"
        ).fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": size,
        "seconds": round(seconds, 1),
        "per_second": round(size / seconds),
        "peak_mb": round(peak),
        "increment_seconds": round(increment, 1),
        "events": events,
        "copies": copies,
    }


def main(argv: list[str]) -> int:
    if not DEV.exists():
        print(f"skipped: {DEV} is not here (the dev sets live in ../shared/eval)")
        return 0
    if "--one" in argv:
        print(json.dumps(one(int(argv[argv.index("--one") + 1]))))
        return 0
    sizes = [10_000, 30_000, 100_000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    print(
        f"{'articles':>9} {'seconds':>8} {'art/s':>7} {'peak MB':>8} "
        f"{'+1000 s':>8} {'events':>7} {'copies':>7}"
    )
    for size in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{r['articles']:>9} {r['seconds']:>8} {r['per_second']:>7} {r['peak_mb']:>8} "
            f"{r['increment_seconds']:>8} {r['events']:>7} {r['copies']:>7}"
        )
    print(machine())
    print(command())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

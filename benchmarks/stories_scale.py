"""Time and peak memory of the ``stories`` stage at 10k, 30k and 100k articles.

    python benchmarks/stories_scale.py [--sizes 10000,30000,100000] [--feed 10000]
                                       [--increments 2] [--eval DIR] [--json PATH]
    python benchmarks/stories_scale.py --sizes 2000 --feed 1000   # a quick run
    python benchmarks/stories_scale.py --sizes "" --feed 0 --analyze-feed 10000  # whole pipeline

The corpus repeats the AllSides dev articles with perturbations: each copy's text is
its lead plus the leads of its story's other articles (about 270 words). One in three
is a reprint (one word in ten replaced: a copy); the others have their parts shuffled
and one word in three replaced (same story, not a copy). Copy ``r`` is moved ``r // 10``
quarters later, so about 85 articles arrive a day, as in a busy news stream, whatever
the size. Each size runs in
its own process (peak RSS is that process's high-water mark, corpus writing included)
on a fresh SQLite file; then 1,000 more articles are added and the incremental run is
timed, ``--increments`` times (the fastest is reported, in wall and in CPU seconds of the
process: on a shared machine the CPU time varies less). Goals:
time linear in the number of articles, memory under 2 GB at 100k, and an increment that
costs the same whatever the store's size. The store's size on disk after the first run is
reported per 1,000 articles, with the share of the copy detector's band keys and of the
articles' term sets (what lets the document frequencies forget a deleted article).

``--feed N`` also times one feed of N short entries published the same day, all naming
the outlet and sharing its boilerplate line, their words drawn from one vocabulary (every
event stays open and shares terms and actors with hundreds of others): the case that ran
past 600 s at 10,000 entries. Generated, so no dev set is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from common import EVAL, command, machine
from rashomon.model import Article, InputRecord
from rashomon.pipeline import batched
from rashomon.settings import Settings
from rashomon.store.db import Store
from stories import load_dev

COPIES_PER_QUARTER = 10
INCREMENT = 1_000
WRITE_BATCH = 2_000


def corpus(dev: Path, size: int, offset: int = 0):
    """``size`` perturbed articles, the first being number ``offset`` of the endless stream."""
    rows = load_dev(dev)
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


FEED_LINE = "The post appeared first on Example News. Reuters contributed to this report."


def feed(size: int):
    """One feed's ``size`` entries, all of one day: each its own short item, words drawn at
    random from one vocabulary (so every entry shares terms with hundreds of others) and
    one name in ten from a pool of names, then the feed's own boilerplate line."""
    rng = random.Random(0)
    consonants, vowels = "bcdfghjklmnprstvw", "aeiou"
    vocabulary = sorted(
        {"".join(rng.choice(c) for c in (consonants, vowels, consonants, vowels, "nrst"))
         for _ in range(3_000)}
    )  # fmt: skip
    names = [w.capitalize() for w in vocabulary[:300]]
    for number in range(size):
        title = " ".join(rng.choice(vocabulary) for _ in range(7))
        body = " ".join(
            rng.choice(names) if rng.random() < 0.1 else rng.choice(vocabulary)
            for _ in range(rng.randint(20, 60))
        )
        yield Article(
            id=f"feed-{number}",
            input=f"feed#{number}",
            text=f"{body}.\n{FEED_LINE}",
            title=title,
            outlet="Example News",
            published="2026-11-30",
        )


def one_feed(size: int) -> dict:
    from rashomon.stories.stage import run

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "feed.db") as store:
        write(store, feed(size))
        started = time.perf_counter()
        run(store, Settings())
        seconds = time.perf_counter() - started
        events = store.conn.execute("SELECT count(*) FROM story_events").fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"entries": size, "seconds": round(seconds, 1), "peak_mb": round(peak), "events": events}


def table_bytes(store: Store, name: str) -> int | None:
    """Bytes of one table's pages (None when SQLite was built without the dbstat table)."""
    try:
        row = store.conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = ?", (name,))
    except sqlite3.OperationalError:
        return None
    return row.fetchone()[0] or 0


def one(dev: Path, size: int, increments: int) -> dict:
    """Build a store of ``size`` articles, run the stage, then ``increments`` increments of
    1,000 articles each; in this process."""
    from rashomon.stories.stage import run

    settings = Settings()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "scale.db") as store:
        write(store, corpus(dev, size))
        started, cpu_started = time.perf_counter(), time.process_time()
        run(store, settings)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        disk = pages * store.conn.execute("PRAGMA page_size").fetchone()[0]
        bands = table_bytes(store, "story_bands")
        term_sets = store.conn.execute(
            "SELECT coalesce(sum(length(term_ids)), 0) FROM story_features"
        ).fetchone()[0]
        timed, cpu = [], []
        for number in range(increments):
            write(store, corpus(dev, INCREMENT, offset=size + number * INCREMENT))
            started, cpu_started = time.perf_counter(), time.process_time()
            run(store, settings)
            timed.append(round(time.perf_counter() - started, 1))
            cpu.append(round(time.process_time() - cpu_started, 1))
        events = store.conn.execute("SELECT count(*) FROM story_events").fetchone()[0]
        copies = store.conn.execute(
            "SELECT count(*) FROM story_articles WHERE copy_of IS NOT NULL"
        ).fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": size,
        "seconds": round(seconds, 1),
        "per_second": round(size / seconds),
        "cpu_seconds": round(cpu_seconds, 1),
        "peak_mb": round(peak),
        "increment_seconds": min(timed),
        "increment_cpu_seconds": min(cpu),
        "increments": timed,
        "mb_per_1000": round(disk / size * 1000 / 1e6, 2),
        "band_mb_per_1000": None if bands is None else round(bands / size * 1000 / 1e6, 2),
        "term_set_mb_per_1000": round(term_sets / size * 1000 / 1e6, 3),
        "events": events,
        "copies": copies,
    }


def analyze_feed(size: int) -> dict:
    """The same feed as JSONL records through ``rashomon analyze``: the whole pipeline, as
    a user runs it (one process, the CLI's own defaults), timed from outside."""
    with tempfile.TemporaryDirectory() as folder:
        path, db = Path(folder) / "feed.jsonl", Path(folder) / "feed.db"
        with path.open("w", encoding="utf-8") as fh:
            for a in feed(size):
                record = {"id": a.id, "title": a.title, "outlet": a.outlet,
                          "published": a.published, "text": a.text}  # fmt: skip
                fh.write(json.dumps(record) + "\n")
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", "from rashomon.cli import main; main()",
             "analyze", str(path), "--db", str(db)],
            capture_output=True, text=True, env=os.environ | {"COLUMNS": "120"},
        )  # fmt: skip
        seconds = time.perf_counter() - started
        with Store(db) as store:
            ok = store.conn.execute("SELECT count(*) FROM inputs WHERE status = 'ok'").fetchone()[0]
            events = store.conn.execute("SELECT count(*) FROM story_events").fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"entries": size, "exit": done.returncode, "seconds": round(seconds, 1),
            "peak_mb": round(peak), "ok": ok, "events": events}  # fmt: skip


def child(*args: str) -> dict:
    """Run one measurement in a fresh process (its peak RSS is its own)."""
    done = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--feed", type=int, default=10_000, help="entries in the feed (0: none)")
    parser.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    parser.add_argument("--json", type=Path, help="write the headline figures here")
    parser.add_argument(
        "--analyze-feed", type=int, default=0, help="also run a feed this long through analyze"
    )
    parser.add_argument(
        "--increments", type=int, default=2, help="increments of 1,000 timed per size"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--one-feed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv[1:])
    dev = args.eval / "stories" / "allsides_dev.jsonl.gz"
    if args.one is not None:
        print(json.dumps(one(dev, args.one, args.increments)))
        return 0
    if args.one_feed is not None:
        print(json.dumps(one_feed(args.one_feed)))
        return 0
    metrics: dict[str, float] = {}
    if args.feed:
        r = child("--one-feed", str(args.feed))
        print(f"feed of {r['entries']} same-day entries: {r['seconds']} s, peak {r['peak_mb']} MB, "
              f"{r['events']} events (limit 600 s)")  # fmt: skip
        metrics |= {"feed_entries": r["entries"], "feed_seconds": r["seconds"],
                    "feed_peak_mb": r["peak_mb"]}  # fmt: skip
    if args.analyze_feed:
        r = analyze_feed(args.analyze_feed)
        print(f"feed of {r['entries']} entries through `rashomon analyze`: exit {r['exit']}, "
              f"{r['seconds']} s, peak {r['peak_mb']} MB, {r['ok']} ok, "
              f"{r['events']} events")  # fmt: skip
        metrics |= {"analyze_feed_seconds": r["seconds"],
                    "analyze_feed_peak_mb": r["peak_mb"], "analyze_feed_ok": r["ok"]}  # fmt: skip
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes and not dev.exists():
        print(f"skipped the stream sizes: {dev} is not here (the dev sets live in ../shared/eval)")
    elif sizes:
        print(
            f"{'articles':>9} {'seconds':>8} {'cpu s':>7} {'art/s':>7} {'peak MB':>8} "
            f"{'+1000 s':>8} {'cpu s':>6} {'MB/1000':>8} {'bands':>6} {'terms':>6} {'events':>7} "
            f"{'copies':>7}  increments"
        )
        for size in sizes:
            r = child("--eval", str(args.eval), "--one", str(size),
                      "--increments", str(args.increments))  # fmt: skip
            print(
                f"{r['articles']:>9} {r['seconds']:>8} {r['cpu_seconds']:>7} "
                f"{r['per_second']:>7} {r['peak_mb']:>8} "
                f"{r['increment_seconds']:>8} {r['increment_cpu_seconds']:>6} "
                f"{r['mb_per_1000']:>8} "
                f"{r['band_mb_per_1000'] or '-':>6} {r['term_set_mb_per_1000']:>6} "
                f"{r['events']:>7} {r['copies']:>7}  "
                f"{r['increments']}"
            )
            metrics |= {f"stream_{size}_seconds": r["seconds"],
                        f"stream_{size}_cpu_seconds": r["cpu_seconds"],
                        f"stream_{size}_per_second": r["per_second"],
                        f"stream_{size}_peak_mb": r["peak_mb"],
                        f"stream_{size}_increment_seconds": r["increment_seconds"],
                        f"stream_{size}_increment_cpu_seconds": r["increment_cpu_seconds"],
                        f"stream_{size}_mb_per_1000": r["mb_per_1000"],
                        f"stream_{size}_term_set_mb_per_1000":
                            r["term_set_mb_per_1000"]}  # fmt: skip
    print(machine())
    print(command())
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

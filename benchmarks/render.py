"""Time the story page and the report for one 1,000-article story.

The five sample articles are analysed once by the whole pipeline, then their rows
(articles and every per-article table) are copied 200 times into one store under
new ids, 40 outlets and dates spread over a year, with a different fifth of each
copy's sentences dropped so copies are not identical. Goal: story page < 300 ms.

    .venv/bin/python benchmarks/render.py
"""

from __future__ import annotations

import os
import platform
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIES = 200  # × 5 sample articles = 1,000 articles
OUTLETS = 40
PAGE_GOAL_MS = 300


def analysed_sample(folder: Path) -> Path:
    from rashomon.analyze import analyze_inputs
    from rashomon.pipeline import run_cross_article
    from rashomon.runners import LocalRunner
    from rashomon.settings import Settings
    from rashomon.store import Store

    path = folder / "sample.db"
    with Store(path) as store:
        analyze_inputs([str(ROOT / "examples" / "blinken")], store, Settings(), LocalRunner())
        run_cross_article(store, Settings())
    return path


def per_article_tables(conn) -> list[str]:
    """Each article's own findings and its story placement. Cross-article rows (points,
    the stories stage's features) have keys of their own that a copy would break."""
    from rashomon.store.db import RECORD_TABLES

    return [n for n in (*RECORD_TABLES, "story_articles") if "article_id" in columns(conn, n)]


def columns(conn, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def copied(table: str, column: str) -> str:
    """What a copied row takes for a column: the new id, a fresh unique processing order
    (story_features.seq is unique), or the original's value."""
    if column == "article_id":
        return "?"
    if (table, column) == ("story_features", "seq"):
        return "(SELECT max(seq) + 1 FROM story_features)"
    return f'"{column}"'


def grow(sample: Path, out: Path) -> None:
    """Copy each sample article COPIES times with its findings, in one transaction."""
    from rashomon.store import Store

    shutil.copy(sample, out)
    rng = random.Random(7)
    with Store(out) as store:
        conn = store.conn
        originals = [r[0] for r in conn.execute("SELECT id FROM articles")]
        tables = per_article_tables(conn)
        article_cols = [c for c in columns(conn, "articles") if c != "rowid"]
        start = date(2022, 3, 1)
        with store.transaction():
            for n in range(COPIES):
                for original in originals:
                    new_id = f"{original}-{n}"
                    conn.execute(
                        "INSERT INTO inputs (input, content_hash, status, article_id) "
                        "VALUES (?, ?, 'ok', ?)",
                        (f"bench#{new_id}", new_id, new_id),
                    )
                    values = [
                        "?" if c in ("id", "input", "outlet", "published") else c
                        for c in article_cols
                    ]
                    day = start + timedelta(days=rng.randrange(365))
                    conn.execute(
                        f"INSERT INTO articles ({', '.join(article_cols)}) "
                        f"SELECT {', '.join(values)} FROM articles WHERE id = ?",
                        [
                            *(
                                {
                                    "id": new_id,
                                    "input": f"bench#{new_id}",
                                    "outlet": f"Outlet {rng.randrange(OUTLETS)}",
                                    "published": day.isoformat(),
                                }[c]
                                for c in article_cols
                                if c in ("id", "input", "outlet", "published")
                            ),
                            original,
                        ],
                    )
                    for table in tables:
                        cols = columns(conn, table)
                        picked = ", ".join(copied(table, c) for c in cols)
                        quoted = ", ".join(f'"{c}"' for c in cols)
                        where = "article_id = ?"
                        if table == "sentences":  # drop a different fifth of the sentences
                            where += f" AND abs(random()) % 5 != {n % 5}"
                        conn.execute(
                            f"INSERT INTO {table} ({quoted}) SELECT {picked} FROM {table} "
                            f"WHERE {where}",
                            (new_id, original),
                        )


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000, result


def main() -> int:
    from fastapi.testclient import TestClient

    from rashomon.briefing import build_briefing
    from rashomon.report import render_report
    from rashomon.settings import Settings
    from rashomon.store import Store
    from rashomon.views.stories import list_stories
    from rashomon.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        big = folder / "big.db"
        grow(analysed_sample(folder), big)
        setup = time.perf_counter() - t0
        with Store(big, readonly=True) as store:
            story = max(list_stories(store), key=lambda s: s.article_count)
            briefing_ms, _ = timed(lambda: build_briefing(store, story.id, Settings()), 1)
            report_ms, html = timed(lambda: render_report(store, Settings(), [story.id]), 1)
        client = TestClient(create_app(big))
        cold_ms, _ = timed(lambda: client.get(f"/story/{story.id}"), 1)
        warm_ms, response = timed(lambda: client.get(f"/story/{story.id}"), 5)
        assert response.status_code == 200  # type: ignore[union-attr]

    print(
        f"story: {story.article_count} articles, {len(story.outlets)} outlets "
        f"(built in {setup:.0f} s)"
    )
    print(f"briefing build (embeddings, matching):   {briefing_ms:8.0f} ms")
    print(f"story page, first request (builds it):   {cold_ms:8.0f} ms")
    verdict = "ok" if warm_ms < PAGE_GOAL_MS else "MISSED"
    print(
        f"story page, cached briefing (best of 5): {warm_ms:8.0f} ms  "
        f"goal < {PAGE_GOAL_MS} ms: {verdict}"
    )
    print(f"story page weight:                       {len(response.content) // 1024:8d} KB")  # type: ignore[union-attr]
    print(f"report (build + render, {len(html) // 1024} KB):       {report_ms:8.0f} ms")  # type: ignore[arg-type]
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"command: {sys.executable} benchmarks/render.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``analyze`` end to end: each input isolated, and every dev corpus of ../shared/eval runs
with exit 0, no failed input and no stage failure.

Each corpus is written out as its users would give it (HTML files, pasted-text files,
JSON Lines records without the gold fields) and analysed by ``rashomon analyze`` in
this process, cross-article stages included. A deterministic sample of each set keeps
the whole test within a few minutes; the dev sets are read, never copied into the repo.
Skipped when the folder is absent; ``RASHOMON_EVAL`` may name it.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

# ../shared/eval beside the repository, as the benchmarks read it; RASHOMON_EVAL names
# another place (a git worktree of the repository sits elsewhere).
EVAL = Path(
    os.environ.get("RASHOMON_EVAL") or Path(__file__).resolve().parents[2] / "shared" / "eval"
)
SAMPLE = 20  # articles per corpus: the nine sets take about 2.5 minutes


def rows(relative: str) -> list[dict]:
    with gzip.open(EVAL / relative, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def sample(items: list) -> list:
    """Every k-th item, spread over the whole set (sets are ordered by story or date)."""
    step = max(1, len(items) // SAMPLE)
    return items[::step][:SAMPLE]


def record(**fields: object) -> dict:
    return {k: v for k, v in fields.items() if v is not None}


def html_pages(folder: Path) -> None:
    for i, row in enumerate(sample(rows("extraction/html_dev.jsonl.gz"))):
        (folder / f"page{i:03}.html").write_text(row["html"], encoding="utf-8")


def pasted_pages(folder: Path) -> None:
    for i, row in enumerate(sample(rows("extraction/pasted_text_dev.jsonl.gz"))):
        (folder / f"pasted{i:03}.txt").write_text(row["text"], encoding="utf-8")


def news_pages() -> Iterator[dict]:
    for row in sample(rows("extraction/news_pages_dev.jsonl.gz")):
        yield record(id=row["id"], url=row["url"], html=row["html"])


def polnear() -> Iterator[dict]:
    for r in sample(rows("quotes/polnear_dev.jsonl.gz")):
        yield record(
            id=r["id"], title=r["title"], text=r["text"], published=r["date"], outlet=r["publisher"]
        )


def allsides() -> Iterator[dict]:
    for r in sample(rows("stories/allsides_dev.jsonl.gz")):
        yield record(
            id=r["id"], title=r["title"], text=r["text"], published=r["date"], outlet=r["source"]
        )


def news_stream() -> Iterator[dict]:
    for r in sample(rows("stories/news_stream_dev.jsonl.gz")):
        yield record(
            id=r["id"],
            title=r["title"],
            text=r["text"],
            published=r["date"],
            outlet=r["source"],
            url=r["url"],
        )


def babe() -> Iterator[dict]:
    for r in sample(rows("framing/babe_dev.jsonl.gz")):
        yield record(id=r["id"], text=r["text"], outlet=r["outlet"], url=r["url"])


def basil() -> Iterator[dict]:
    articles = [a for event in rows("framing/basil_dev.jsonl.gz") for a in event["articles"]]
    for a in sample(articles):
        text = " ".join(s["text"] for s in a["sentences"])
        yield record(
            id=a["id"], title=a.get("title"), text=text, published=a.get("date"), outlet=a["source"]
        )


def neus() -> Iterator[dict]:
    articles = [
        (story["sid"], i, a)
        for story in rows("briefing/neus_dev.jsonl.gz")
        for i, a in enumerate(story["articles"])
    ]
    for sid, i, a in sample(articles):
        yield record(
            id=f"{sid}-{i}",
            title=a.get("title"),
            text=a["text"],
            outlet=a.get("outlet"),
            published=a.get("date"),
        )


def as_jsonl(make: Callable[[], Iterator[dict]]) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        lines = [json.dumps(r, ensure_ascii=False) for r in make()]
        (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    return write


CORPORA: dict[str, tuple[str, Callable[[Path], None]]] = {
    "html": ("extraction/html_dev.jsonl.gz", html_pages),
    "pasted": ("extraction/pasted_text_dev.jsonl.gz", pasted_pages),
    "news-pages": ("extraction/news_pages_dev.jsonl.gz", as_jsonl(news_pages)),
    "polnear": ("quotes/polnear_dev.jsonl.gz", as_jsonl(polnear)),
    "allsides": ("stories/allsides_dev.jsonl.gz", as_jsonl(allsides)),
    "news-stream": ("stories/news_stream_dev.jsonl.gz", as_jsonl(news_stream)),
    "babe": ("framing/babe_dev.jsonl.gz", as_jsonl(babe)),
    "basil": ("framing/basil_dev.jsonl.gz", as_jsonl(basil)),
    "neus": ("briefing/neus_dev.jsonl.gz", as_jsonl(neus)),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPORA))
def test_dev_corpus_runs_end_to_end(tmp_path, name):
    source, write = CORPORA[name]
    if not (EVAL / source).exists():
        pytest.skip(f"dev set {source} is absent (../shared/eval)")
    folder = tmp_path / name
    folder.mkdir()
    write(folder)
    db = tmp_path / "dev.db"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--db", str(db)])
    conn = sqlite3.connect(db)
    failed = conn.execute("SELECT input, reason FROM inputs WHERE status = 'failed'").fetchall()
    stage_failures = conn.execute("SELECT stage, unit, reason FROM stage_failures").fetchall()
    (ok,) = conn.execute("SELECT count(*) FROM inputs WHERE status = 'ok'").fetchone()
    conn.close()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert failed == []
    assert stage_failures == []
    assert result.exit_code == 0, result.output
    assert ok > 0


def test_an_input_whose_reading_raises_fails_alone(tmp_path, settings, monkeypatch):
    import rashomon.analyze
    from rashomon.analyze import analyze_inputs
    from rashomon.runners import LocalRunner
    from rashomon.store import Store

    real = rashomon.analyze.iter_documents

    def reading(inputs, settings):
        if "deep" in inputs[0]:
            raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")
        yield from real(inputs, settings)

    monkeypatch.setattr(rashomon.analyze, "iter_documents", reading)
    good = tmp_path / "good.txt"
    good.write_text("Port reopens\n\nThe minister said the port would reopen on Monday.\n")
    with Store(tmp_path / "r.db") as store:
        summary = analyze_inputs(
            [str(tmp_path / "deep.jsonl"), str(good)], store, settings, LocalRunner()
        )
        rows = {r["input"]: r for r in store.rows("SELECT input, status, reason FROM inputs")}
    assert summary.counts["ok"] == 1 and summary.counts["failed"] == 1
    assert rows[str(tmp_path / "deep.jsonl")]["reason"].startswith("E306")
    assert rows[str(good)]["status"] == "ok"

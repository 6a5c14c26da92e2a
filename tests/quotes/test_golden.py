"""Every quote of the five sample articles, with its speaker and kind, pinned.

The golden file records quote text, canonical speaker and kind per article input
(the file name), compared as sets so a cleaning change that only moves offsets does
not break it. Its ``header`` says what was checked by reading the sample texts.
Regenerate after a deliberate change with ``RASHOMON_UPDATE_GOLDEN=1`` (the header is
kept), review the diff line by line, and update the header.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from rashomon.store import Store

GOLDEN = Path(__file__).parent / "golden" / "blinken_quotes.json"


def current_quotes(db: Path) -> dict[str, list[dict[str, str | None]]]:
    with Store(db) as store:
        rows = store.rows(
            "SELECT a.input, q.text, q.speaker, q.kind, q.rule FROM quotes q "
            "JOIN articles a ON a.id = q.article_id ORDER BY a.input, q.start"
        )
        out: dict[str, list[dict[str, str | None]]] = {}
        for row in rows:
            out.setdefault(Path(row["input"]).name, []).append(
                {
                    "text": row["text"],
                    "speaker": row["speaker"],
                    "kind": row["kind"],
                    "rule": row["rule"],
                }
            )
    return out


def test_golden_says_what_was_checked():
    header = json.loads(GOLDEN.read_text("utf-8"))["header"]
    assert "checked by reading" in " ".join(header).lower()


def as_set(quotes: dict[str, list[dict]]) -> set[tuple]:
    return {(name, q["text"], q["speaker"], q["kind"]) for name, qs in quotes.items() for q in qs}


def test_every_sample_quote_is_pinned(blinken_db):
    found = current_quotes(blinken_db)
    stored = json.loads(GOLDEN.read_text("utf-8"))
    if os.environ.get("RASHOMON_UPDATE_GOLDEN"):
        stored["quotes"] = found
        GOLDEN.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", "utf-8")
    golden = stored["quotes"]
    missing = as_set(golden) - as_set(found)
    extra = as_set(found) - as_set(golden)
    assert not missing and not extra, {"missing": sorted(missing), "extra": sorted(extra)}


def test_golden_covers_the_hard_cases():
    """The cases the issue names are in the golden file, attributed as they must be."""
    golden = json.loads(GOLDEN.read_text("utf-8"))["quotes"]
    quotes = [q for qs in golden.values() for q in qs]
    by_rule = {q["rule"] for q in quotes}
    assert {"direct:split", "direct:previous-speaker", "indirect:according-to"} <= by_rule
    assert any(
        q["speaker"] == "Elizabeth Truss" and q["text"].startswith('"Now is not') for q in quotes
    )  # "she said"
    group = [q["text"] for q in quotes if q["speaker"] == "Antony Blinken; Elizabeth Truss"]
    assert group and "the calls" not in group  # a group the text names, with its own words
    assert any(
        q["text"].startswith("“He couldn’t win") and q["speaker"] == "Antony Blinken"
        for q in quotes
    )  # the CBS paragraph with no cue
    assert any(
        q["text"].startswith("“We have every confidence")
        and q["kind"] == "direct"
        and q["speaker"] == "Antony Blinken"
        for q in quotes
    )  # no closing mark
    assert any(
        "strategy of laying waste" in q["text"]
        and q["kind"] == "mixed"
        and q["speaker"] == "Antony Blinken"
        for q in quotes
    )  # the American top diplomat
    assert len(quotes) >= 30

"""Article queries: the counts status shows."""

from __future__ import annotations

from pathlib import Path

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import Store
from rashomon.store.articles import missing_counts


def _outcome(n: int, **fields) -> Outcome:
    article = Article(id=f"a{n}", input=f"in{n}", text="Body.", **fields)
    return Outcome(InputRecord(f"in{n}", "h", "ok", "", f"a{n}"), Analysis(article))


def test_regression_status_counts_unknown_outlets_and_undated_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write_outcomes(
            [
                _outcome(1, outlet="Press TV", published="2023-01-01", published_precision="year"),
                _outcome(2),
                _outcome(3, outlet="Ukrinform"),
            ]
        )
        assert missing_counts(store) == {"outlet_unknown": 1, "undated": 2}

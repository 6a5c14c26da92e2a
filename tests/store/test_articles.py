"""Article queries: the counts status shows."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ok_outcome as stored

from rashomon.store import Store
from rashomon.store.articles import missing_counts


def test_regression_status_counts_unknown_outlets_and_undated_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write_outcomes(
            [
                stored(1, outlet="Press TV", published="2023-01-01", published_precision="year"),
                stored(2),
                stored(3, outlet="Ukrinform"),
            ]
        )
        assert missing_counts(store) == {"outlet_unknown": 1, "undated": 2}

"""The articles export (what it carries for each input, registry facts included) and the
quote reads."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ok_outcome as stored

from rashomon.quotes.queries import quotes_by_speaker
from rashomon.store import Store
from rashomon.views.articles import article_rows, quotes_in_order


def test_articles_export_carries_precision_sources_and_registry_facts(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write_outcomes(
            [
                stored(1, outlet="Press TV", published="2023-01-01", published_precision="year"),
                stored(2),
            ]
        )
        rows = {r["id"]: r for r in article_rows(store)}
    assert rows["a1"]["published_precision"] == "year"
    assert (rows["a1"]["outlet_kind"], rows["a1"]["outlet_country"]) == ("state-affiliated", "IR")
    assert rows["a2"]["outlet_kind"] is None
    assert rows["a2"]["outlet_source"] == "none" and rows["a2"]["title_source"] == "none"


def quote_store(path: Path) -> Store:
    """Two articles, stored later-published first, each with one quote by Smith."""
    store = Store(path)
    store.write_outcomes(
        [stored(1, outlet="Later", published="2024-02-01"), stored(2, published="2024-01-01")]
    )
    with store.transaction():
        for n, text in ((1, "We will act."), (2, "Not yet.")):
            store.conn.execute(
                'INSERT INTO quotes (article_id, start, "end", text, kind, speaker) '
                "VALUES (?, 0, 5, ?, 'direct', 'Jane Smith')",
                (f"a{n}", text),
            )
    return store


def test_cli_grouping_and_python_api_read_the_same_quotes(tmp_path: Path) -> None:
    with quote_store(tmp_path / "s.db") as store:
        in_order = quotes_in_order(store, "smith")
        grouped = quotes_by_speaker(store, "smith")
    assert [q["article_id"] for q in in_order] == ["a2", "a1"]  # by publication date
    assert [q["article_id"] for q in grouped["Jane Smith"]] == ["a1", "a2"]  # as stored
    assert in_order[1]["outlet"] == grouped["Jane Smith"][0]["outlet"] == "Later"
    assert "url" not in grouped["Jane Smith"][0] and "published" in in_order[0]


def test_regression_empty_speaker_filters_nothing(tmp_path: Path) -> None:
    """``quotes --speaker ""`` listed no quote while the Python API listed them all."""
    with quote_store(tmp_path / "s.db") as store:
        assert quotes_by_speaker(store, "") == quotes_by_speaker(store, None) != {}
        assert quotes_in_order(store, "") == quotes_in_order(store, None) != []

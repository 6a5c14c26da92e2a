"""The articles export: what it carries for each input, registry facts included."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ok_outcome as stored

from rashomon.store import Store
from rashomon.views.articles import article_rows


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

"""The articles export: what it carries for each input, registry facts included."""

from __future__ import annotations

from pathlib import Path

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import Store
from rashomon.views.articles import article_rows


def _outcome(n: int, **fields) -> Outcome:
    article = Article(id=f"a{n}", input=f"in{n}", text="Body.", **fields)
    return Outcome(InputRecord(f"in{n}", "h", "ok", "", f"a{n}"), Analysis(article))


def test_articles_export_carries_precision_sources_and_registry_facts(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write_outcomes(
            [
                _outcome(1, outlet="Press TV", published="2023-01-01", published_precision="year"),
                _outcome(2),
            ]
        )
        rows = {r["id"]: r for r in article_rows(store)}
    assert rows["a1"]["published_precision"] == "year"
    assert (rows["a1"]["outlet_kind"], rows["a1"]["outlet_country"]) == ("state-affiliated", "IR")
    assert rows["a2"]["outlet_kind"] is None
    assert rows["a2"]["outlet_source"] == "none" and rows["a2"]["title_source"] == "none"

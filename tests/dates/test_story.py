"""The cross-article step that dates an undated article from the other articles of its story."""

from __future__ import annotations

from pathlib import Path

from rashomon.dates import story as story_dates
from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.settings import Settings
from rashomon.store import Store


def _outcome(n: int, text: str, **fields) -> Outcome:
    article = Article(
        id=f"a{n}", input=f"in{n}", text=text, fetched_at="2026-01-01T00:00:00", **fields
    )
    return Outcome(InputRecord(f"in{n}", "h", "ok", "", f"a{n}"), Analysis(article))


def test_regression_undated_article_gets_its_year_from_its_storyline(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write_outcomes(
            [
                _outcome(
                    1,
                    "Dated.",
                    published="2022-03-09",
                    published_source="text",
                    published_precision="day",
                ),
                _outcome(2, "Blinken told CBS News on Dec. 4 that talks were off."),
                _outcome(3, "No date at all here."),
                _outcome(4, "Alone, on Dec. 4."),
                _outcome(
                    5,
                    "Later.",
                    published="2022-12-20",
                    published_source="meta",
                    published_precision="day",
                ),
            ]
        )
        with store.transaction():
            store.conn.executemany(
                "INSERT INTO story_articles (article_id, event_id, storyline_id) VALUES (?, ?, ?)",
                [
                    ("a1", "e1", "s1"),
                    ("a2", "e2", "s1"),
                    ("a3", "e3", "s1"),
                    ("a4", "e4", None),
                    ("a5", "e5", "s1"),
                ],
            )
        story_dates.run(store, Settings())
        story_dates.run(store, Settings())  # a second run changes nothing
        rows = {r["id"]: r for r in store.rows("SELECT * FROM articles")}
    assert (rows["a2"]["published"], rows["a2"]["published_precision"]) == ("2022-12-01", "month")
    assert rows["a2"]["published_source"] == "story" and rows["a2"]["published_confidence"] < 0.5
    assert rows["a3"]["published"] is None  # nothing in its text to place
    assert rows["a4"]["published"] is None  # its event has no dated article
    assert rows["a1"]["published"] == "2022-03-09"

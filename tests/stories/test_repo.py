"""What the stories stage reads from the store beside the articles."""

from __future__ import annotations

from datetime import date

from tests.stories.conftest import sample

from rashomon.model import Analysis, DateRef, InputRecord, Outcome
from rashomon.stories.repo import mentioned_days


def test_named_days_are_the_day_precise_single_dates(make_store):
    article = sample("001")
    dates = [
        DateRef(article.id, 0, 9, "Wednesday", "2022-09-21", None, "day"),
        DateRef(article.id, 10, 30, "September 23 to 27", "2022-09-23", "2022-09-27", "day"),
        DateRef(article.id, 31, 40, "in October", "2022-10-01", None, "month"),
        DateRef(article.id, 41, 50, "on Friday", None, None, "day", "pattern:unanchored"),
    ]
    with make_store([]) as store:
        store.write_outcomes(
            [Outcome(InputRecord(article.input, "h", "ok", article_id=article.id),
                     Analysis(article, dates=dates))]
        )  # fmt: skip
        assert mentioned_days(store, [article.id]) == {
            article.id: [date(2022, 9, 21).toordinal()]
        }
        assert mentioned_days(store, ["absent"]) == {}

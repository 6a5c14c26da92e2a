"""Cross-article step: date an undated article from the other articles of its story.

An article that says "on Dec. 4" or "on Wednesday" but never a year cannot be
dated alone; the other articles of its storyline (else its event) say when the
story happened, and that places the year. The date found is a lower bound, so
it is stored at month precision, or at day precision when the article's weekday
matches, always with provenance "story" and a low confidence. Runs after the
stories stage; each run revisits only undated and story-dated articles, so it
is incremental and a newly dated neighbour can refine an earlier guess.
"""

from __future__ import annotations

from datetime import date, datetime

from rashomon.clean.published import date_from_text
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.views.stories import story_rows, widest_story


def _span(days: list[str]) -> tuple[date, date] | None:
    parsed = sorted(date.fromisoformat(d[:10]) for d in days if d)
    return (parsed[0], parsed[-1]) if parsed else None


def run(store: Store, settings: Settings) -> None:
    """Date every undated article of a story from the dated ones around it."""
    del settings  # nothing to tune: the span and the text decide
    # A story as views/stories.py decides it; an article no story holds is dated by none.
    story = {
        r["article_id"]: widest_story(r)
        for r in story_rows(store)
        if r["event_id"] is not None or r["storyline_id"] is not None
    }
    groups: dict[str, list[str]] = {}
    pending = []
    for row in store.rows("SELECT id, text, fetched_at, published, published_source FROM articles"):
        if row["id"] not in story:
            continue
        row["story"] = story[row["id"]]
        if row["published"] is None or row["published_source"] == "story":
            pending.append(row)
        else:
            groups.setdefault(row["story"], []).append(row["published"])
    updates = []
    for row in pending:
        span = _span(groups.get(row["story"], []))
        if span is None:
            continue
        limit = datetime.fromisoformat(row["fetched_at"]).date() if row["fetched_at"] else date.max
        found = date_from_text(row["text"], limit, span=span, source="story")
        if found.date is not None and found.source == "story":
            updates.append((found.date, found.precision, found.confidence, row["id"]))
    if updates:
        with store.transaction():
            store.conn.executemany(
                "UPDATE articles SET published = ?, published_source = 'story', "
                "published_precision = ?, published_confidence = ? WHERE id = ?",
                updates,
            )

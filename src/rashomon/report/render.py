"""Render one or more story briefings into a single HTML file a reader can mail or print.

Links out of the report go only to the articles' own http(s) addresses; nothing is
loaded from anywhere (the CSP meta tag forbids it even if a value slipped through).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup

from rashomon.briefing import build_briefing
from rashomon.labels import outlets_phrase
from rashomon.render.charts import story_charts
from rashomon.render.story import story_view
from rashomon.render.templating import environment, stylesheet
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.views.stories import article_meta, list_stories, story_article_ids


def top_stories(store: Store) -> list[str]:
    """Storylines (or the corpus story) when there are any, else every event."""
    stories = list_stories(store)
    tops = [s.id for s in stories if s.kind != "event"]
    return tops or [s.id for s in stories]


def render_report(store: Store, settings: Settings, story_ids: list[str] | None = None) -> str:
    sections: list[dict[str, Any]] = []
    for story_id in story_ids or top_stories(store):
        b = build_briefing(store, story_id, settings)
        articles = list(article_meta(store, story_article_ids(store, story_id)).values())
        sections.append(
            {
                "b": b,
                "articles": articles,
                "charts": story_charts(b.timeline, articles),
                "view": story_view(store, b, articles, settings),
            }
        )
    every = article_meta(store)
    heading = sections[0]["b"].story.title if len(sections) == 1 else "Stories"
    return (
        environment()
        .get_template("report.html")
        .render(
            sections=sections,
            heading=heading,
            css=Markup(stylesheet()),
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            article_count=len(every),
            outlets_phrase=outlets_phrase(m["label"] for m in every.values()),
        )
    )

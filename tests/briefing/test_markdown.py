"""The Markdown briefing says dates as precisely as their source and counts only known outlets."""

from __future__ import annotations

from rashomon.briefing import to_markdown
from rashomon.briefing.model import Briefing, TimelineEntry
from rashomon.views.stories import StorySummary


def briefing(outlets: list[str], timeline: list[TimelineEntry]) -> Briefing:
    story = StorySummary("s1", "event", "Talks", 3, outlets, None, None)
    return Briefing(story, [], None, [], [], [], [], [], [], timeline, None)


def test_regression_unknown_outlets_counted_in_the_markdown_heading():
    md = to_markdown(briefing(["Reuters", "outlet unknown (ab12cd34)"], []))
    assert "· 1 outlet and 1 article whose outlet is unknown ·" in md


def test_regression_month_precision_timeline_shown_as_its_first_day():
    entry = TimelineEntry("2023-01-01", None, "month", "Talks began.", "Reuters", "a", 0, 12)
    md = to_markdown(briefing(["Reuters"], [entry]))
    assert "- January 2023 — Talks began." in md and "2023-01-01" not in md


def test_regression_story_span_and_coverage_shown_as_their_first_day():
    from dataclasses import replace

    from rashomon.briefing.model import OutletCoverage

    b = briefing(["Reuters"], [])
    b.story = replace(
        b.story, first="2022-03-09", last="2023-01-01", first_precision="day", last_precision="year"
    )
    b.coverage = [OutletCoverage("Reuters", ["a"], "2023-01-01", "2023-01-01", "month")]
    md = to_markdown(b)
    assert "9 March 2022 to 2023" in md and "January 2023" in md
    assert "2023-01-01" not in md

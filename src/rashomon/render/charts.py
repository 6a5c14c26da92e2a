"""Inline SVG charts: one lane per outlet, one dot per dated item, on a shared time axis.

Drawn as plain SVG text (no library, no script) so the report stays one file and
the web page needs nothing but HTML. Every label is escaped.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

LANE_HEIGHT = 26
LABEL_WIDTH = 170
PLOT_WIDTH = 560
AXIS_HEIGHT = 28
LABEL_CHARS = 24  # outlet names longer than this are cut to fit the label column
TICKS = 5


def parse_day(value: str | None) -> date | None:
    """An ISO date, or its month or year (taken as the first day), as a date; else None."""
    if not value:
        return None
    text = value[:10]
    for candidate in (text, text[:7] + "-01", text[:4] + "-01-01"):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def lane_chart(title: str, lanes: dict[str, list[tuple[str | None, str]]]) -> Markup:
    """An SVG with a lane per key and a dot per (date, tooltip) item; undated items are left out."""
    dated = {
        lane: [(d, tip) for raw, tip in items if (d := parse_day(raw)) is not None]
        for lane, items in lanes.items()
    }
    dated = {lane: items for lane, items in dated.items() if items}
    if not dated:
        return Markup(f'<p class="muted">{escape(title)}: no dated items.</p>')
    days = [d for items in dated.values() for d, _ in items]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)

    def x(day: date) -> float:
        return LABEL_WIDTH + 10 + (day - lo).days / span * (PLOT_WIDTH - 20)

    height = len(dated) * LANE_HEIGHT + AXIS_HEIGHT
    width = LABEL_WIDTH + PLOT_WIDTH
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for n, (lane, items) in enumerate(sorted(dated.items())):
        y = n * LANE_HEIGHT + LANE_HEIGHT / 2
        name = lane if len(lane) <= LABEL_CHARS else lane[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 4:.1f}" text-anchor="end" class="lane">'
            f"{escape(name)}</text>"
            f'<line x1="{LABEL_WIDTH}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
        )
        for day, tip in items:
            parts.append(
                f'<circle cx="{x(day):.1f}" cy="{y:.1f}" r="5" class="dot c{n % 8}">'
                f"<title>{escape(day.isoformat())}: {escape(tip)}</title></circle>"
            )
    axis_y = len(dated) * LANE_HEIGHT + 4
    parts.append(
        f'<line x1="{LABEL_WIDTH}" x2="{width}" y1="{axis_y}" y2="{axis_y}" class="axis"/>'
    )
    marks = ticks(lo, hi)
    for n, tick in enumerate(marks):
        anchor = "end" if n == len(marks) - 1 and n else "middle"  # keep the last one inside
        parts.append(
            f'<text x="{x(tick):.1f}" y="{axis_y + 16}" text-anchor="{anchor}" class="tick">'
            f"{tick.isoformat()}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def ticks(lo: date, hi: date) -> list[date]:
    """Up to TICKS evenly spaced dates from ``lo`` to ``hi`` (one when they are the same day)."""
    if lo == hi:
        return [lo]
    step = (hi - lo) / (TICKS - 1)
    return list(dict.fromkeys(lo + step * i for i in range(TICKS)))


def story_charts(timeline: list, articles: list[dict]) -> dict[str, Markup]:
    """The timeline chart (dated events per outlet) and coverage (articles per outlet over
    time), from a briefing's timeline entries and the story's article rows."""
    events: dict[str, list[tuple[str | None, str]]] = {}
    for t in timeline:
        events.setdefault(t.outlet, []).append((t.date, t.text))
    coverage: dict[str, list[tuple[str | None, str]]] = {}
    for a in articles:
        coverage.setdefault(a["label"], []).append((a["published"], a["title"] or a["id"]))
    return {
        "timeline": lane_chart("Dated events by the outlet that reports them", events),
        "coverage": lane_chart("Articles per outlet by publication date", coverage),
    }

"""Inline SVG charts: one lane per outlet with bars counting its items per day (or week, month).

Drawn as plain SVG text (no library, no script) so the report stays one file and
the web page needs nothing but HTML. The drawing is narrow (``WIDTH`` units, the
outlet's name above its lane rather than beside it) so that on a 390-px phone,
where it is drawn at about its own size, text is still ``FONT`` px; wider screens
and print draw it larger, up to the stylesheet's cap. Everything a tooltip says
is also written on the chart: counts on the bars, each lane's total and its
undated items, the axis's unit. Every label is escaped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH = 360  # user units; a 390-px phone has ~365 px for it, so 1 unit ≈ 1 px there
FONT = 12  # user units: ≥ 11 px on that phone
PAD = 4
LABEL_ROW = 16  # the outlet's name and counts, above its bars
BAR_ROW = 24  # tallest bar, with room for its count above it
LANE_GAP = 6
AXIS_HEIGHT = 58  # tick labels, their years, the axis title
LABEL_CHARS = 34  # outlet names longer than this are cut to fit one line
COUNT_MIN_WIDTH = 9  # bars narrower than this carry no count (the lane header says the peak)
MAX_TICKS = 5
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


@dataclass(frozen=True, slots=True)
class Scale:
    """How days are grouped into bars, chosen from the span the chart covers."""

    unit: str  # "day", "week" or "month"

    def bin(self, day: date) -> date:
        if self.unit == "week":
            return day - timedelta(days=day.weekday())  # the Monday
        if self.unit == "month":
            return day.replace(day=1)
        return day

    def next(self, start: date) -> date:
        if self.unit == "week":
            return start + timedelta(days=7)
        if self.unit == "month":
            return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start + timedelta(days=1)

    def bins(self, lo: date, hi: date) -> list[date]:
        out, at = [], self.bin(lo)
        while at <= hi:
            out.append(at)
            at = self.next(at)
        return out


def scale_for(lo: date, hi: date) -> Scale:
    """Days up to two months, weeks up to a year, months beyond: at most ~60 bars."""
    span = (hi - lo).days
    return Scale("day" if span <= 62 else "week" if span <= 366 else "month")


def tick_label(day: date, unit: str, with_year: bool = False) -> str:
    month = MONTHS[day.month - 1]
    words = month if unit == "month" else f"{day.day} {month}"
    return f"{words} {day.year}" if with_year else words


def ticks(bins: list[date], unit: str) -> list[tuple[int, str, str]]:
    """(bar index, label, year) for at most MAX_TICKS evenly stepped bars; the year is
    given on the first tick and where it changes, "" elsewhere (it has a row of its own)."""
    step = max(1, -(-len(bins) // MAX_TICKS))
    picked = list(range(0, len(bins), step))
    out = []
    for n, index in enumerate(picked):
        day = bins[index]
        new_year = n == 0 or day.year != bins[picked[n - 1]].year
        out.append((index, tick_label(day, unit), str(day.year) if new_year else ""))
    return out


def text(x: float, y: float, words: str, css: str, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{FONT}" '
        f'class="{css}">{escape(words)}</text>'
    )


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def lane_chart(
    title: str, lanes: dict[str, list[tuple[str | None, str]]], noun: str = "item"
) -> Markup:
    """An SVG with a lane per key counting its (date, tooltip) items per day, week or month;
    undated items are counted beside each lane and the axis, never dropped silently."""
    dated = {
        lane: [(d, tip) for raw, tip in items if (d := parse_day(raw)) is not None]
        for lane, items in lanes.items()
    }
    undated = {lane: len(items) - len(dated[lane]) for lane, items in lanes.items()}
    lost = sum(undated.values())
    days = [d for items in dated.values() for d, _ in items]
    if not days:
        note = f" ({plural(lost, noun)}, all undated)" if lost else ""
        return Markup(f'<p class="muted">{escape(title)}: no dated {noun}s{escape(note)}.</p>')
    lo, hi = min(days), max(days)
    scale = scale_for(lo, hi)
    bins = scale.bins(lo, hi)
    index = {b: n for n, b in enumerate(bins)}
    slot = (WIDTH - 2 * PAD) / len(bins)
    counts = {lane: Counter(index[scale.bin(d)] for d, _ in items) for lane, items in dated.items()}
    tips: dict[tuple[str, int], list[str]] = {}
    for lane, items in dated.items():
        for d, tip in items:
            tips.setdefault((lane, index[scale.bin(d)]), []).append(tip)
    peak = max(max(c.values(), default=0) for c in counts.values())

    lane_height = LABEL_ROW + BAR_ROW + LANE_GAP
    height = len(lanes) * lane_height + AXIS_HEIGHT
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for n, lane in enumerate(sorted(lanes)):
        top = n * lane_height
        base = top + LABEL_ROW + BAR_ROW
        name = lane if len(lane) <= LABEL_CHARS else lane[: LABEL_CHARS - 1] + "…"
        total = len(dated[lane])
        header = f"{name} · {plural(total, noun)}"
        if counts[lane] and slot < COUNT_MIN_WIDTH and max(counts[lane].values()) > 1:
            busiest = max(counts[lane], key=lambda i: (counts[lane][i], -i))  # earliest peak
            most = counts[lane][busiest]
            header += f", most {most} ({tick_label(bins[busiest], scale.unit, True)})"
        if undated[lane]:
            header += f" · {undated[lane]} undated"
        parts.append(text(PAD, top + FONT, header, "lane"))
        parts.append(f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{base}" y2="{base}" class="grid"/>')
        for i, count in sorted(counts[lane].items()):
            bar = max(3.0, (BAR_ROW - FONT) * count / peak)
            x = PAD + i * slot
            w = max(slot - 1, 1.5)
            tip = f"{tick_label(bins[i], scale.unit, True)}: " + "; ".join(tips[(lane, i)])
            parts.append(
                f'<rect x="{x:.1f}" y="{base - bar:.1f}" width="{w:.1f}" height="{bar:.1f}" '
                f'class="bar c{n % 8}"><title>{escape(tip)}</title></rect>'
            )
            if slot >= COUNT_MIN_WIDTH:
                parts.append(text(x + w / 2, base - bar - 2, str(count), "count", "middle"))
    axis_y = len(lanes) * lane_height
    parts.append(f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{axis_y}" y2="{axis_y}" class="axis"/>')
    marks = ticks(bins, scale.unit)
    for n, (i, label, year) in enumerate(marks):
        x = PAD + i * slot if n == 0 else PAD + (i + 0.5) * slot
        at, anchor = x, "start" if n == 0 else "middle"
        if n and n == len(marks) - 1 and x > WIDTH - 40:  # keep the last label inside
            at, anchor = WIDTH - PAD, "end"
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{axis_y}" y2="{axis_y + 4}" class="axis"/>'
        )
        parts.append(text(at, axis_y + 4 + FONT, label, "tick", anchor))
        if year:
            parts.append(text(at, axis_y + 6 + 2 * FONT, year, "tick", anchor))
    caption_y = axis_y + 10 + 3 * FONT
    parts.append(text(PAD, caption_y, f"{noun.capitalize()}s per {scale.unit}", "axis-title"))
    if lost:
        parts.append(text(WIDTH - PAD, caption_y, f"undated: {lost}", "undated", "end"))
    parts.append("</svg>")
    return Markup("".join(parts))


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
        "timeline": lane_chart(
            "Dated events by the outlet that reports them", events, noun="event"
        ),
        "coverage": lane_chart("Articles per outlet by publication date", coverage, noun="article"),
    }

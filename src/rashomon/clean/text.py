"""Rashomon's cleaner for article text pasted from a web page.

A pasted page is the article (title first, then body paragraphs) wrapped in
menus, teasers, captions, share prompts and footers, one item a line. Body
paragraphs are long, end like sentences and sit together; boilerplate lines
are short, title-cased or link-like, and come in runs. So each line gets a
score from a few robust features (length, sentence form, title case,
repetition, its neighbours), the densest run of body-like lines is the body
(the maximum-sum interval, as in body-text extraction by text density), and
inside it only lines that a wording rule names as boilerplate are dropped.
The title is the headline-like line above the body that repeats the page
title, else the nearest headline above the body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from rashomon.clean.lines import (
    PROFILE_RE,
    LineKind,
    classify_lines,
    effective_length,
    headline_cased,
    is_prose,
    is_sentence,
)
from rashomon.clean.published import FULL_DATE_RE

# Calibrated on pasted_text_dev (92 pages) by coarse grid search; every value
# is inside a flat optimum on both even and odd halves of the set.

# Under this many effective characters a line is a menu item, a heading or a
# label: nav items are mostly under 20 characters, body paragraphs over 100.
SHORT_MAX_CHARS = 30
# Penalty (in effective characters) of a short or headline-like line: enough
# that a menu of ~10 items outweighs a stray teaser paragraph, small enough
# that an "ADVERTISEMENT" line or a subheading does not split a body
# (grid 20/35/50: 0.917/0.923/0.923).
SHORT_PENALTY = 35
# Captions sit inside bodies (photo galleries) as often as outside: they cost
# what a short line costs (grid 0..120 flat up to 35, lower above).
CAPTION_PENALTY = 35
# Promo lines that sites put between two paragraphs ("Also Read: …",
# "ADVERTISEMENT") cost INLINE_PENALTY, so that a short article they interrupt
# stays whole (grid 0/35/60/120: 0.923/0.924/0.925/0.925 on dev).
INLINE_RULES = frozenset({"teaser", "prompt"})
INLINE_PENALTY = 60
# Penalty of any other line a wording rule names as boilerplate or metadata
# (grid 35/60/120/200: 0.912/0.916/0.920/0.919).
RULE_PENALTY = 120
# Weight of a prose line whose neighbours are both non-prose: teaser summaries
# and notices stand alone, body paragraphs come in runs (grid 0.2..1.0:
# 0.921/0.920/0.911/0.899 for 0.2/0.3/0.5/1.0).
ISOLATED_WEIGHT = 0.3
# Weight of a short line that is a sentence (grid 0.3/0.5/1.0: flat).
SENTENCE_WEIGHT = 0.5
# Bylines, datelines and credits count as metadata up to this many lines past
# the body (sign-offs sit right after it; further down they belong to teasers).
METADATA_TAIL_LINES = 5
# Date stamps after body text that mark a list of dated items: one alone is
# often a video caption or an update note inside the body (1 cut: dev F1 0.927,
# 2 cuts: 0.931; odd half 0.912 -> 0.916, even half unchanged).
DATELINE_CUTS = 2
# Share of words a headline-like line above the body shares with the browser title (the
# first line) to be the same headline retold on the page (news_pages_dev as pasted
# text, benchmarks/metadata.py: title 0.826 / 0.783 / 0.826 / 0.826 for 0.4 / 0.5 / 0.6
# / 0.7, against 0.783 for the browser title alone; 0.6 is inside the flat top).
RETOLD_TITLE_SHARE = 0.6
# Headline length in words; headlines in the dev set have 3 to 25 words.
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30

# A list or table continuing the body has at least this many rows of one
# shape (dev F1 flat at 0.936 for 2 to 5 rows; two rows are barely a list). The
# scan stops after LIST_MAX_ROWS rows, a bound on work only.
LIST_MIN_ROWS, LIST_MAX_ROWS = 3, 200

# Lines of site chrome that mark a record's text as a pasted page (looks_like_page).
PAGE_RULES = frozenset({"prompt", "related", "notice", "breadcrumb", "teaser"})

_WORD_RE = re.compile(r"\w+")
_SHAPE_RE = re.compile(r"[\w\s]+")
# A site name after the headline in a browser title: "Headline | Site",
# "Headline - site.com". A dash before a plain name is kept: "… failure — Blinken"
# attributes the headline to a speaker.
_SITE_SUFFIX_RE = re.compile(r"\s+(\|\s+[^|]{2,60}|[-–]\s+[\w-]+\.[a-z]{2,}[^\s]*)$")


@dataclass(frozen=True, slots=True)
class LineLabel:
    """What the cleaner made of one input line: its role and, for boilerplate, the rule."""

    line: str
    role: str  # title, body, credit, byline, dateline, boilerplate, outside, blank
    rule: str = ""


@dataclass(slots=True)
class CleanText:
    """The parts of a pasted page.

    ``zone`` is the article's own stretch of the page (title to end of body,
    captions and datelines included): where its publication date is written,
    without the dates of the teasers around it. ``footer`` holds the lines
    after the body, where a site may name itself.
    """

    title: str
    body: str
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    zone: str = ""
    footer: list[str] = field(default_factory=list)


def _scores(lines: list[str], kinds: list[LineKind]) -> list[float]:
    """Per line: positive for body-like lines (by length), negative for boilerplate-like ones.

    A line that repeats elsewhere on the page is template, not article.
    """
    seen: dict[str, int] = {}
    for line in lines:
        if line:
            seen[line] = seen.get(line, 0) + 1
    ruled = [bool(k.boilerplate or k.byline or k.dateline) for k in kinds]
    prose = [
        bool(line)
        and not rule
        and seen[line] == 1
        and not headline_cased(line)
        and (is_prose(line) or is_sentence(line))
        for line, rule in zip(lines, ruled, strict=True)
    ]
    # Neighbours are the nearest lines no wording rule names: an "ADVERTISEMENT"
    # or "Also Read" line inside a body does not isolate the paragraphs around it.
    filled = [i for i, line in enumerate(lines) if line and not ruled[i]]
    position = {i: n for n, i in enumerate(filled)}
    scores = [0.0] * len(lines)
    for i, line in enumerate(lines):
        if not line:
            continue
        if kinds[i].boilerplate == "caption":
            scores[i] = -CAPTION_PENALTY
        elif kinds[i].boilerplate in INLINE_RULES and _between_prose(i, filled, prose):
            scores[i] = -INLINE_PENALTY
        elif ruled[i]:
            scores[i] = -RULE_PENALTY
        elif prose[i]:
            n = position[i]
            before = n > 0 and prose[filled[n - 1]]
            after = n + 1 < len(filled) and prose[filled[n + 1]]
            weight = 1.0 if before or after else ISOLATED_WEIGHT
            if not is_prose(line):
                weight *= SENTENCE_WEIGHT
            scores[i] = weight * effective_length(line)
        elif effective_length(line) <= SHORT_MAX_CHARS:
            scores[i] = -SHORT_PENALTY
        else:
            # Medium lines without sentence form: teaser headlines, labels, list items.
            scores[i] = -SHORT_PENALTY / 2
    return scores


def _between_prose(i: int, filled: list[int], prose: list[bool]) -> bool:
    """Whether the nearest unruled lines before and after line ``i`` are both prose."""
    at = bisect_left(filled, i)
    return 0 < at < len(filled) and prose[filled[at - 1]] and prose[filled[at]]


def _best_interval(scores: list[float]) -> tuple[int, int, float]:
    """The contiguous interval with the largest sum (Kadane), as (start, end exclusive, sum)."""
    best = (0, 0, 0.0)
    start, running = 0, 0.0
    for i, s in enumerate(scores):
        if running <= 0:
            start, running = i, 0.0
        running += s
        if running > best[2]:
            best = (start, i + 1, running)
    return best


def _item_start(lines: list[str], stamp: int) -> int:
    """Where the item dated at ``stamp`` starts: at its headline, a short line just above."""
    above = next((i for i in range(stamp - 1, -1, -1) if lines[i]), None)
    return above if above is not None and not is_prose(lines[above]) else stamp


def _split_at_datelines(
    lines: list[str], kinds: list[LineKind], scores: list[float]
) -> tuple[int, int, float]:
    """The best interval, not spanning a date stamp that follows body text.

    An article is dated once, above its body; repeated date stamps after
    body text start other items (a list of dated teasers, comments). So the
    page is cut at such stamps (or the headline just above one) and the
    densest run of any part wins.
    """
    start, end, mass = _best_interval(scores)
    first_text = next((i for i in range(start, end) if scores[i] > 0), end)
    cuts = [_item_start(lines, i) for i in range(first_text + 1, end) if kinds[i].dateline]
    cuts = sorted({c for c in cuts if c > first_text})
    if len(cuts) < DATELINE_CUTS:
        return start, end, mass
    best = (start, start, 0.0)
    for lo, hi in zip([start, *cuts], [*cuts, end], strict=True):
        a, b, m = _best_interval(scores[lo:hi])
        if m > best[2]:
            best = (lo + a, lo + b, m)
    return best


def _credit_stop(
    lines: list[str], kinds: list[LineKind], scores: list[float], start: int, end: int
) -> int:
    """The body ends at a credit line ("With reports by AP", "(Reporting by …)") or a profile.

    Agencies and sites sign an article off with its credits; what follows is
    page furniture even when it reads like prose (a press release's "About
    us", a list of sources). On the dev set the credit stop raised F1 by 0.002,
    the profile stop by 0.003 (two press releases, no page worse).
    """
    mass = sum(s for s in scores[start:end] if s > 0)
    before = 0.0
    for i in range(start, end):
        if kinds[i].credit and before > 0:
            return i
        # A company profile closes a press release: it and what follows are
        # furniture. Only in the body's second half, where it cannot be an
        # article's own description of a company.
        if before > mass / 2 and PROFILE_RE.match(lines[i]):
            return i
        before += max(scores[i], 0.0)
    return end


def _row_shape(line: str) -> str:
    """The punctuation of a line in order: rows of one list or table share it."""
    return _SHAPE_RE.sub("", line)


def _list_after(lines: list[str], kinds: list[LineKind], end: int) -> int:
    """The end of a list or table that continues the body from ``end``, else ``end``.

    Results, line-ups and fact boxes close many articles as short rows of one
    shape ("England (Group A): 10th appearance"), scored as non-prose. When at
    least LIST_MIN_ROWS such rows follow the body, after at most one heading
    line, they belong to it. Rows need punctuation: menus and teaser lists
    after a body are bare words.
    """
    filled = [i for i in range(end, len(lines)) if lines[i]][: LIST_MAX_ROWS + 2]
    for skip in (0, 1):
        rows = filled[skip:]
        heading = filled[:skip]
        if heading and (kinds[heading[0]] != LineKind() or is_prose(lines[heading[0]])):
            break
        if not rows or kinds[rows[0]] != LineKind():
            continue
        shape = _row_shape(lines[rows[0]])
        if not shape:
            continue
        run = 0
        for i in rows:
            if kinds[i] != LineKind() or _row_shape(lines[i]) != shape or is_prose(lines[i]):
                break
            run += 1
        if run >= LIST_MIN_ROWS:
            return rows[run - 1] + 1
    return end


def _is_headline(line: str, kind: LineKind) -> bool:
    # A headline between a breadcrumb and a caption looks like a promo heading.
    if kind != LineKind() and kind.boilerplate != "block-heading":
        return False
    words = len(_WORD_RE.findall(line))
    # A headline does not end with a full stop or a comma (it may with ? or !).
    return TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS and not re.search(r"[.,;:]$", line)


def shared_words(line: str, other: str) -> float:
    """The share of the shorter line's words that the other line has too."""
    ours, theirs = set(_WORD_RE.findall(line.lower())), set(_WORD_RE.findall(other.lower()))
    return len(ours & theirs) / max(1, min(len(ours), len(theirs)))


def _find_title(lines: list[str], kinds: list[LineKind], body_start: int) -> int | None:
    """The index of the headline above the body, or None when the page shows none.

    Pages repeat the headline: as the browser title on the first line
    ("Headline | Site") and again above the body; that repeat wins. Else the
    nearest headline-like line above the body, when only boilerplate and
    metadata lines separate them; else the first headline-like line.
    """
    candidates = [i for i in range(body_start) if lines[i] and _is_headline(lines[i], kinds[i])]
    if not candidates:
        return None
    first = lines[candidates[0]]
    for i in reversed(candidates[1:]):
        if lines[i] in (first, _SITE_SUFFIX_RE.sub("", first)):
            return i
    # The on-page headline often words the browser title differently ("LVMH Gives the
    # Louvre $16M …" above "Bernard Arnault's LVMH Gives the Louvre a $16M Boost …").
    for i in reversed(candidates[1:]):
        if shared_words(lines[i], first) >= RETOLD_TITLE_SHARE:
            return i
    nearest = candidates[-1]
    between = [kinds[j] for j in range(nearest + 1, body_start) if lines[j]]
    if all(k != LineKind() for k in between):
        return nearest
    return candidates[0]


def label_lines(text: str) -> list[LineLabel]:
    """Label every line of pasted page text with its role."""
    lines = [line.strip() for line in text.splitlines()]
    kinds = classify_lines(lines)
    scores = _scores(lines, kinds)
    body_start, body_end, mass = _split_at_datelines(lines, kinds, scores)
    if mass <= 0:
        body_start = body_end = len(lines)
    stopped = _credit_stop(lines, kinds, scores, body_start, body_end)
    body_end = _list_after(lines, kinds, body_end) if stopped == body_end else stopped
    title_at = _find_title(lines, kinds, body_start)
    tail_end = _index_after(lines, body_end, METADATA_TAIL_LINES)
    labels = []
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        near = i < tail_end
        if not line:
            labels.append(LineLabel(line, "blank"))
        elif i == title_at:
            labels.append(LineLabel(line, "title"))
        elif kind.credit and body_start <= i and near:
            labels.append(LineLabel(line, "credit"))
        elif kind.byline and near:
            labels.append(LineLabel(line, "byline", kind.byline))
        elif kind.dateline and near:
            labels.append(LineLabel(line, "dateline"))
        elif not body_start <= i < body_end:
            labels.append(LineLabel(line, "outside", kind.boilerplate or ""))
        elif kind.boilerplate:
            labels.append(LineLabel(line, "boilerplate", kind.boilerplate))
        else:
            labels.append(LineLabel(line, "body"))
    return labels


def _index_after(lines: list[str], start: int, count: int) -> int:
    """The index just past the ``count``-th non-blank line from ``start``."""
    seen = 0
    for i in range(start, len(lines)):
        if lines[i]:
            seen += 1
            if seen == count:
                return i + 1
    return len(lines)


def clean_pasted_text(text: str) -> CleanText:
    """Split pasted page text into title, body (paragraphs apart by a blank line) and metadata."""
    labels = label_lines(text)
    result = CleanText(title="", body="")
    body: list[str] = []
    zone_start = zone_end = None
    for i, label in enumerate(labels):
        if label.role == "title":
            result.title = _SITE_SUFFIX_RE.sub("", label.line) if i == 0 else label.line
            zone_start = i
        elif label.role == "body":
            body.append(label.line)
            zone_start = i if zone_start is None else zone_start
            zone_end = i + 1
        elif label.role == "credit":
            result.credits.append(label.line)
        elif label.role == "byline":
            result.authors.append(label.rule)
            if FULL_DATE_RE.search(label.line):  # "By Ellie Forbes - 6th November 2023"
                result.datelines.append(label.line)
        elif label.role == "dateline":
            result.datelines.append(label.line)
    result.body = "\n\n".join(body)
    if zone_start is not None and zone_end is not None:
        result.zone = "\n".join(label.line for label in labels[zone_start:zone_end])
        result.footer = [label.line for label in labels[zone_end:] if label.line]
    return result


def looks_like_page(text: str, min_rules: int, min_run: int) -> bool:
    """Whether text given as an article body is really a pasted page (menus, footers, teasers).

    A body is paragraphs, and may hold a list; a page has lines that a wording rule
    names as site chrome ("Skip to content", "Related articles", a cookie notice), in
    runs of short non-sentence lines. So: ``min_rules`` such lines, or one beside a
    run of ``min_run`` short non-sentences (settings page_min_rules, page_min_run).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    kinds = classify_lines(lines)
    rules = sum(1 for kind in kinds if kind.boilerplate in PAGE_RULES)
    run = longest = 0
    for line in lines:
        run = 0 if is_prose(line) or is_sentence(line) else run + 1
        longest = max(longest, run)
    return rules >= min_rules or (rules >= 1 and longest >= min_run)

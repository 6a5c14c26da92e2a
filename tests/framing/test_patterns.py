"""Span questions by bisection (framing/patterns.py) answer exactly what a scan would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.framing.patterns import SpanSet, non_overlapping

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)
query = st.tuples(st.integers(0, 70), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


def scan_overlapping(start: int, end: int, ordered: list[tuple[int, int]]) -> int | None:
    return next((i for i, (s, e) in enumerate(ordered) if start < e and s < end), None)


def scan_containing(start: int, end: int, ordered: list[tuple[int, int]]) -> int | None:
    return next((i for i, (s, e) in enumerate(ordered) if s <= start and end <= e), None)


@given(spans, query)
def test_spanset_answers_as_a_scan_does(given_spans, q):
    ordered = sorted(given_spans)
    found = SpanSet(given_spans)
    assert found.first_overlapping(*q) == scan_overlapping(*q, ordered)
    assert found.first_containing(*q) == scan_containing(*q, ordered)


@given(spans, query)
def test_spanset_add_in_any_order_matches_a_fresh_set(given_spans, q):
    grown = SpanSet()
    for span in given_spans:
        grown.add(*span)
    fresh = SpanSet(given_spans)
    assert grown.spans == fresh.spans
    assert grown.overlaps(*q) == fresh.overlaps(*q)
    assert grown.contains(*q) == fresh.contains(*q)


@given(spans)
def test_non_overlapping_keeps_what_a_scan_keeps(given_spans):
    kept_by_scan: list[tuple[int, int]] = []
    for s, e in given_spans:
        if not any(s < ke and ks < e for ks, ke in kept_by_scan):
            kept_by_scan.append((s, e))
    assert non_overlapping(given_spans) == sorted(kept_by_scan, key=lambda s: s[0])

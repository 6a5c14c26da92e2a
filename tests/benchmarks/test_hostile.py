"""The hostile-case harness's verdicts: a case it calls survived must really have held."""

from __future__ import annotations

import pytest
from tests.benchmarks.conftest import benchmark_module


@pytest.fixture(scope="module")
def hostile():
    with benchmark_module("hostile") as module:
        yield module


def verdict(hostile, run, rows, expect=""):
    tally = hostile.Tally()
    hostile.status_case(tally, run, rows, "case", "a.txt", expect)
    ((_, ok, detail),) = tally.results
    return ok, detail


def test_a_numbered_skip_survives(hostile):
    run = hostile.Run(0, "", "", 1.0)
    assert verdict(hostile, run, {"/x/a.txt": ("skipped", "E118: not a regular file")}, "E118")[0]


@pytest.mark.parametrize(
    ("run", "rows", "expect", "why"),
    [
        ((0, "", ""), {}, "", "no status recorded"),
        ((0, "", ""), {"a.txt": ("failed", "boom")}, "", "without a numbered reason"),
        ((0, "", ""), {"a.txt": ("skipped", "E102: empty")}, "E118", "expected E118"),
        ((1, "", "Traceback (most recent call last):\nKeyError: 1"), {}, "", "traceback"),
        ((None, "", ""), {"a.txt": ("ok", "")}, "", "hung"),
        ((3, "", "boom"), {"a.txt": ("ok", "")}, "", "exit 3"),
    ],
)
def test_a_case_that_did_not_hold_fails(hostile, run, rows, expect, why):
    ok, detail = verdict(hostile, hostile.Run(*run, 1.0), rows, expect)
    assert not ok and why in detail

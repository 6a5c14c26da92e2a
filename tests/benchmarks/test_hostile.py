"""The hostile-case harness's verdicts: a case it calls survived must really have held."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def hostile():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("hostile", BENCHMARKS / "hostile.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["hostile"] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("hostile", None)
        sys.path.remove(str(BENCHMARKS))


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

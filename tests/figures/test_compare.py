"""Same thing counted, rounding and qualifiers: what counts as a disagreement."""

from __future__ import annotations

import pytest

from rashomon.figures.compare import SAME_THING, disagree, interval, similarity, stems


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("civilians killed", "civilians killed in Ukraine", True),
        (
            "Ukrainians who fled to neighboring countries",
            "Ukrainians who fled to neighbouring countries",
            True,
        ),
        (
            "Ukrainians who fled to neighboring countries",
            "Ukrainian civilians forced to flee their homes",
            False,
        ),
        ("troops deployed", "troops killed", False),
        ("civilians killed", "civilians injured in Ukraine", False),
    ],
)
def test_same_thing(a, b, same):
    assert (similarity(stems(a), stems(b)) >= SAME_THING) is same


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        (
            (2_100_000, None, "over", "Over 2.1 million"),
            (2_000_000, None, None, "2 million"),
            False,
        ),
        (
            (1_960_000, None, None, "1.96 million"),
            (2_000_000, None, "nearly", "nearly 2 million"),
            False,
        ),
        ((474, None, "at least", "At least 474"), (516, None, None, "516"), False),
        ((474, None, None, "474"), (516, None, None, "516"), True),
        ((2_100_000, None, None, "2.1 million"), (2_140_000, None, None, "2.14 million"), False),
        ((300, None, None, "300"), (500, None, "around", "around 500"), True),
        ((5, 10, None, "5 to 10"), (8, None, None, "8"), False),
    ],
)
def test_rounding_and_qualifiers(a, b, clash):
    assert disagree(interval(*a), interval(*b)) is clash

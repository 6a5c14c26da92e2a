"""The figures of the five sample articles, with what they count and their source."""

from __future__ import annotations

import pytest


def figure(samples, key: str, value: float):
    found = [f for f in samples[key].figures if f.value == value]
    assert len(found) == 1, [(f.text, f.value) for f in samples[key].figures]
    return found[0]


@pytest.mark.parametrize(
    ("key", "value", "unit", "qualifier", "counts", "source"),
    [
        ("000", 474, None, "at least", "civilians killed", "United Nations figures"),
        ("000", 864, None, None, "civilians injured", "United Nations figures"),
        (
            "000",
            2_100_000,
            None,
            "over",
            "Ukrainians who fled to neighboring countries",
            "High Commissioner for Refugees",
        ),
        ("001", 1200, None, "over", "arrests", None),
        ("001", 13_000_000, None, None, "civilians forced to flee their homes", None),
        (
            "002",
            55,
            "%",
            None,
            "those polled who supported peace talks",
            "poll commissioned by the Kremlin",
        ),
        (
            "002",
            25,
            "%",
            None,
            "those polled who wanted the war to continue",
            "poll commissioned by the Kremlin",
        ),
        ("004", 2_600_000_000, "USD", None, "military aid package", "US"),  # "The US announced"
        ("004", 31_700_000_000, "USD", "more than", "security assistance", None),
        ("004", 48_500_000_000, "USD", "around", "military aid", "TASS calculations"),
        ("004", 150_800_000_000, "USD", "more than", "aid", "report"),
    ],
)
def test_sample_figures(samples, key, value, unit, qualifier, counts, source):
    found = figure(samples, key, value)
    assert found.unit == unit
    assert found.qualifier == qualifier
    assert counts in (found.counts or "")
    if source is None:
        assert found.source is None
    else:
        assert source in (found.source or "")


def test_sample_periods(samples):
    assert figure(samples, "000", 474).as_of == "since 2022-02-24"
    assert figure(samples, "000", 864).as_of == "since 2022-02-24"
    assert figure(samples, "004", 48_500_000_000).as_of == "in January"  # no publication day
    assert figure(samples, "004", 2_600_000_000).as_of == "earlier this month"


def test_vague_thousands_is_a_lower_bound(samples):
    thousands = figure(samples, "001", 2000)
    assert thousands.text == "Thousands" and thousands.qualifier == "at least"
    assert thousands.counts == "civilians killed"


def test_no_dates_years_ordinals_or_names(samples):
    texts = {f.text for a in samples.values() for f in a.figures}
    values = {f.value for a in samples.values() for f in a.figures}
    assert not values & {2022, 24, 9, 4, 1, 3, 23, 27, 2}  # dates, "2nd lab module"
    assert "one" not in {t.lower() for t in texts}  # "putting in place one to his liking"
    assert not samples["003"].figures  # only dates there: "September 23 to 27"


def test_every_figure_points_into_the_text(samples):
    for analysis in samples.values():
        for f in analysis.figures:
            assert analysis.article.text[f.start : f.end] == f.text

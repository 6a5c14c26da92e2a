"""Naming choices carry their period of validity and the neutral names take no side."""

from __future__ import annotations

import pytest

from rashomon.framing.compare import SIDE_TAKING
from rashomon.framing.lexicon import load_lexicon


def naming(analysis, word: str):
    return [s for s in analysis.signals if s.signal == "naming" and s.text == word]


def test_regression_kiev_in_a_2014_article_is_no_choice(frame):
    analysis = frame("Protesters gathered in central Kiev on Sunday.", published="2014-02-20")
    (signal,) = naming(analysis, "Kiev")
    assert signal.weight == 0.0
    assert "2019-08-14" in signal.explanation
    assert not [s for s in analysis.signals if s.signal == "technique"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Kiev authorities said the talks would resume.", "Kiev authorities"),
        ("Fighting continued near Donetsk and Lugansk on Sunday.", "Lugansk"),
        ("Protesters marched through Kharkov on Sunday.", "Kharkov"),
    ],
)
def test_regression_russian_spellings_in_2014_articles_were_pro_kremlin(frame, text, name):
    """Each Russian-derived spelling weighs nothing before its alternative was
    established in English, and something after."""
    (then,) = naming(frame(text, published="2014-05-02"), name)
    (now,) = naming(frame(text, published="2023-05-02"), name)
    assert then.weight == 0.0 < now.weight


def test_kiev_after_kyiv_was_established_is_a_choice(frame):
    analysis = frame("Protesters gathered in central Kiev on Sunday.", published="2023-02-20")
    (signal,) = naming(analysis, "Kiev")
    assert signal.weight > 0


def test_kiev_without_a_publication_date_is_read_as_today(frame):
    (signal,) = naming(frame("Protesters gathered in central Kiev on Sunday."), "Kiev")
    assert signal.weight > 0


def test_regression_undocumented_immigrants_takes_no_side(frame):
    analysis = frame("The bill would affect millions of undocumented immigrants in the state.")
    signals = naming(analysis, "undocumented immigrants")
    assert signals and all(s.weight == 0.0 < SIDE_TAKING for s in signals)


def test_users_give_a_name_its_period_of_validity(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[family]]\nid = "river_name"\nthing = "a river"\nspelling = true\n'
        '[[family.term]]\nsay = ["Oldname River"]\nlabel = "old"\nmeans = "is the old name"\n'
        'weight = 0.3\nchoice_from = "2020-01-01"\n',
        encoding="utf-8",
    )
    family = load_lexicon((str(extra),)).family("river_name")
    assert family is not None and family.terms[0].choice_from == "2020-01-01"


def test_regression_a_naming_wording_inside_an_organisations_name_was_a_choice(frame):
    """Naming families matched inside organisations' names: the Ukrainian ministry for
    the "Temporarily Occupied Territories" took the occupied-territory side, an institute
    of "Aggression Studies" named the war. A capitalised common-noun wording inside a name
    belongs to the name; the same words in the outlet's prose still count."""
    for text in (
        "The Ministry for Reintegration of the Temporarily Occupied Territories said the "
        "count was incomplete.",
        "Researchers at the Aggression Studies Institute met on Friday.",
    ):
        assert not [s for s in frame(text).signals if s.signal == "naming"], text
    prose = frame("Elections were held in the temporarily occupied territories on Sunday.")
    assert [s.label for s in prose.signals if s.signal == "naming"] == ["held_territory: occupied"]


def test_a_wording_that_is_itself_a_name_still_counts(frame):
    analysis = frame("Officials from the Donetsk People's Republic met on Friday.")
    assert naming(analysis, "Donetsk People's Republic")

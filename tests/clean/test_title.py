"""Titles: the given one, the page's headline, or a derived one marked so; never page chrome."""

from __future__ import annotations

import pytest

from rashomon.clean.title import (
    browser_title,
    choose_title,
    derived_title,
    is_headline,
    retold_headline,
)


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main news content",
        "4 Min Read",
        "By Eric Levitz@EricLevitz",
        '<iframe width="476" src="https://abc13.com/video/embed/"></iframe>',
    ],
)
def test_regression_chrome_in_the_headline_place_is_not_a_title(line: str) -> None:
    assert not is_headline(line)
    title, source = choose_title(None, line, "Officials said the talks would resume on Monday.")
    assert (title, source) == ("Officials said the talks would resume on Monday.", "derived")


def test_page_headline_and_given_title() -> None:
    assert choose_title(None, "Blinken says Putin will fail", "Body.") == (
        "Blinken says Putin will fail",
        "page",
    )
    assert choose_title("  Given   title ", "Headline here now", "Body.") == (
        "Given title",
        "given",
    )
    assert choose_title(None, "", "") == ("", "none")


def test_derived_title_is_the_first_sentence_cut_at_a_word() -> None:
    body = "Home\n" + "word " * 40 + "end. Second sentence."
    title = derived_title(body, limit=30)
    assert title.endswith("…") and len(title) <= 31 and title.startswith("word word")
    assert derived_title("Short first one. Then more.") == "Short first one."


def test_browser_title_loses_a_site_tail_only_when_it_names_the_site() -> None:
    def known(name: str) -> bool:
        return name == "CBS News"

    line = "Black voters in South Carolina are crucial for Democratic candidates - CBS News"
    assert browser_title(line, None, known) == (
        "Black voters in South Carolina are crucial for Democratic candidates"
    )
    assert browser_title("Sixers win big | PhillyVoice", "PhillyVoice", known) == "Sixers win big"
    # A dash before a speaker's name is part of the headline.
    assert browser_title("Referendums are a sign of failure — Blinken", None, known) == ""


def test_the_on_page_headline_wins_when_it_retells_the_browser_title() -> None:
    browser = "LVMH Gives the Louvre $16M to Help Acquire a Chardin Masterpiece"
    on_page = (
        "Bernard Arnault's LVMH Gives the Louvre a $16M Boost to Acquire a Chardin Masterpiece"
    )
    assert retold_headline(browser, on_page) == on_page
    caption = "Joel Embiid and Kristaps Porzingis jump center"
    assert retold_headline("Sixers game notes: Embiid leads Sixers past Celtics", caption) == (
        "Sixers game notes: Embiid leads Sixers past Celtics"
    )
    assert retold_headline("", on_page) == on_page

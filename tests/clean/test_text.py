"""The pasted-text cleaner on built pages: title, body region, metadata lines."""

from __future__ import annotations

from rashomon.clean.text import clean_pasted_text, label_lines

BODY = [
    "The ministry said on Monday that talks would resume next week in Geneva, after a pause.",
    "Officials from both sides met twice in March, but the meetings ended without an agreement.",
    "“We are ready to talk, but not at any price,” the minister told reporters at a briefing.",
]
NAV = ["Home", "World", "Politics", "Business", "Sport", "Video", "Opinion", "Newsletters"]


def page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_menus_before_and_after_are_dropped() -> None:
    text = page(
        ["Talks to resume in Geneva | Example News"], NAV, ["Talks to resume in Geneva"], BODY, NAV
    )
    cleaned = clean_pasted_text(text)
    assert cleaned.title == "Talks to resume in Geneva"
    assert cleaned.body.split("\n\n") == BODY


def test_boilerplate_inside_the_body_is_dropped_and_credits_kept_apart() -> None:
    text = page(
        ["Talks to resume in Geneva"],
        BODY[:1],
        ["Also Read : Another story entirely"],
        BODY[1:2],
        ["ADVERTISEMENT"],
        BODY[2:],
        [
            "With reports by AP and Reuters",
            "Leave a Reply",
            "Your email address will not be published.",
        ],
    )
    cleaned = clean_pasted_text(text)
    assert cleaned.body.split("\n\n") == BODY
    assert cleaned.credits == ["With reports by AP and Reuters"]


def test_teaser_list_after_the_body_is_dropped() -> None:
    teasers = [
        "Most Popular",
        "Customers Leave Without Paying $690 Bill At Steakhouse A party of six left, unpaid.",
        "Rising",
        "The 4 Best Vegan Spots In Detroit Hoodline crunched the numbers to find the best spots.",
    ]
    cleaned = clean_pasted_text(page(["Talks to resume"], BODY, teasers))
    assert cleaned.body.split("\n\n") == BODY


def test_byline_and_dateline_are_metadata() -> None:
    text = page(["Talks to resume in Geneva", "By Jane Doe", "Nov. 20, 2019, 9:28 AM UTC"], BODY)
    cleaned = clean_pasted_text(text)
    assert cleaned.authors == ["Jane Doe"]
    assert cleaned.datelines == ["Nov. 20, 2019, 9:28 AM UTC"]
    assert cleaned.body.split("\n\n") == BODY


def test_a_dated_byline_is_a_date_line_too() -> None:
    cleaned = clean_pasted_text(
        page(["Talks to resume", "By Ellie Forbes - 6th November 2023"], BODY)
    )
    assert cleaned.authors and cleaned.datelines == ["By Ellie Forbes - 6th November 2023"]


def test_no_title_when_the_page_starts_with_the_body() -> None:
    assert clean_pasted_text(page(BODY)).title == ""


def test_speaker_after_a_dash_stays_in_the_title() -> None:
    cleaned = clean_pasted_text(page(["Referendums are a sign of failure — Blinken", ""], BODY))
    assert cleaned.title == "Referendums are a sign of failure — Blinken"


def test_empty_and_menu_only_pages_have_no_body() -> None:
    assert clean_pasted_text("").body == ""
    assert clean_pasted_text("\n".join(NAV)).body == ""


def test_every_line_gets_one_label() -> None:
    text = page(["Title of the story here"], NAV, BODY)
    assert [label.line for label in label_lines(text)] == text.splitlines()


def test_results_list_after_the_body_is_kept() -> None:
    rows = [f"Team {name} (Pool {'XY'[n % 2]}): {n} wins" for n, name in enumerate("ABCDE")]
    text = page(["Talks to resume in Geneva"], BODY, ["Standings"], rows, NAV)
    assert clean_pasted_text(text).body.split("\n\n") == [*BODY, "Standings", *rows]


def test_dated_teasers_after_the_body_are_cut() -> None:
    teasers = []
    for day in (18, 19, 20):
        teasers += [
            f"Why did the talks in round {day} of the meetings fail?",
            f"Monday November {day}, 2019",
            f"A long summary of article {day} follows here, with enough words in it to read "
            "like a paragraph of prose, as teaser summaries on opinion pages do.",
        ]
    text = page(["Talks to resume in Geneva"], BODY, teasers)
    assert clean_pasted_text(text).body.split("\n\n") == BODY


def test_press_release_ends_before_the_company_profile() -> None:
    profile = [
        "Example Corp is a global provider of software for hospitals, with offices in "
        "twelve countries and around 900 employees.",
        "For more information, the company publishes its reports on its own site each quarter.",
    ]
    text = page(["Talks to resume in Geneva"], BODY, profile)
    assert clean_pasted_text(text).body.split("\n\n") == BODY


def test_a_headline_retelling_the_browser_title_is_the_title() -> None:
    lines = [
        "LVMH Gives the Louvre $16M to Help Acquire a Chardin Masterpiece | Observer",
        "Menu",
        "Bernard Arnault's LVMH Gives the Louvre a $16M Boost to Acquire a Chardin Masterpiece",
        "Art news",
    ]
    assert clean_pasted_text(page(lines, BODY)).title == lines[2]

"""HTML through trafilatura, with the shared line rules after it."""

from __future__ import annotations

from rashomon.clean.html import extract_html, filter_paragraphs

PARAGRAPHS = [
    "Washington sees no signs that Moscow is interested in negotiating an end to the war.",
    "The poll, commissioned by the Kremlin, found that 55 percent supported peace talks.",
    "The head of US intelligence said fighting was proceeding at a reduced pace in the east.",
]


def page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Blinken sees no sign of talks | Example</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2022-12-05T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a><a href='/w'>World</a></nav><article>"
        f"<h1>Blinken sees no sign of talks</h1>{body}<p>Share this article</p></article>"
        "<footer>© 2022 Example News. All rights reserved.</footer></body></html>"
    )


def test_body_and_metadata() -> None:
    article = extract_html(page(), "https://example.com/news/1")
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.title == "Blinken sees no sign of talks"
    assert article.site_name == "Example News"
    assert article.date == "2022-12-05"


def test_filter_drops_prompts_and_keeps_credits_apart() -> None:
    body, credits = filter_paragraphs(
        ["Title here", *PARAGRAPHS, "Related Articles", "Other story", "With reports by AP"],
        "Title here",
    )
    assert body.split("\n\n") == PARAGRAPHS
    assert credits == ["With reports by AP"]


def test_filter_drops_a_closing_company_profile_and_dates() -> None:
    body, _ = filter_paragraphs(
        [
            *PARAGRAPHS,
            "Updated at 1:23 p.m.",
            "About Example Corp",
            "Example Corp is a leading maker of widgets.",
        ]
    )
    assert body.split("\n\n") == PARAGRAPHS


def test_empty_page_has_no_body() -> None:
    assert extract_html("<html><body></body></html>").body == ""

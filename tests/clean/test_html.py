"""HTML through trafilatura, with the shared line rules after it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.clean.html import BadHtml, extract_html, filter_paragraphs, visible_text

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


def test_visible_text_is_one_line_per_block_without_hidden_parts() -> None:
    page = (
        "<html><head><title>Headline | Site</title><style>p{}</style></head><body>"
        "<nav><a>Home</a></nav><p>c<!-- x -->d<script>var s;</script>e</p>"
        "<div>x<span>y</span>w<noscript>enable scripts</noscript></div></body></html>"
    )
    assert visible_text(page) == "Headline | Site\nHome\ncde\nxyw"


@given(st.text(alphabet="<>/ab pdivscript!-=\"'", max_size=80))
def test_visible_text_raises_nothing_but_bad_html(markup: str) -> None:
    try:
        text = visible_text(markup)
    except BadHtml:
        return
    lines = text.split("\n") if text else []
    assert all(line and line == " ".join(line.split()) for line in lines)


def test_regression_page_without_a_trafilatura_body_is_read_as_pasted(
    settings, monkeypatch
) -> None:
    import rashomon.clean as clean
    from rashomon.clean.html import HtmlArticle
    from rashomon.model import RawDocument

    from .conftest import FETCHED_AT

    sentence = (
        "The council voted on Tuesday to close the bridge for repairs, officials said, "
        "after engineers found cracks in two of its supports."
    )
    paragraphs = "".join(f"<p>{sentence} Part {i}.</p>" for i in range(6))
    page = (
        "<html><head><title>Bridge closes | Gazette</title></head><body>"
        f"<nav><a>Home</a><a>News</a><a>Sport</a></nav>{paragraphs}</body></html>"
    )
    # Pages trafilatura finds no body in (paywall shells, odd layouts) were skipped as E201.
    monkeypatch.setattr(
        clean, "extract_html", lambda *a, **k: HtmlArticle(body="", date="2020-03-11")
    )
    raw = RawDocument("p.html", "h", "html", html=page, fetched_at=FETCHED_AT)
    outcome = clean.clean_document(raw, settings)
    assert outcome.analysis is not None, outcome.record.reason
    article = outcome.analysis.article
    assert article.clean_path == "html-as-page" and article.published == "2020-03-11"
    assert "engineers found cracks" in article.text and "Sport" not in article.text


def test_regression_a_page_without_a_body_keeps_its_metadata_date(monkeypatch) -> None:
    import trafilatura

    page = (
        '<html><head><meta property="article:published_time" content="2020-04-24T08:00:00Z">'
        "</head><body><div>Subscribe</div></body></html>"
    )
    # trafilatura gives None for pages it finds nothing in (np0148-like shells).
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    found = extract_html(page, "https://www.example.com/news/story")
    assert found.body == "" and found.date == "2020-04-24"

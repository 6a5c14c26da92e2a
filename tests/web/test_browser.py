"""Chromium against a real uvicorn server: clicking through every page; the XSS corpus inert."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Elements and attributes the corpus tries to inject; our pages have none of them.
INJECTABLE = (
    "script, img, iframe, object, embed, [onload], [onerror], [onclick], [onmouseover], "
    'a[href^="javascript" i]'
)


def shot(tab, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_click_from_stories_to_story_article_and_entity(page, serve, blinken_db):
    base = serve(blinken_db)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + "/")
    assert page.locator("h1").inner_text() == "Stories"
    shot(page, "01-stories")

    page.locator("table a[href^='/story/']").first.click()
    page.wait_for_load_state()
    assert page.locator("#summary h2").inner_text() == "Summary"
    assert page.locator("#summary li").count() >= 1
    assert page.locator("#differences .outlet").count() >= 2
    assert page.locator("svg.chart").count() == 2
    shot(page, "02-story")

    page.locator("#articles table a[href^='/article/']").first.click()
    page.wait_for_load_state()
    assert page.locator("article.annotated").inner_text().strip()
    assert page.locator("article.annotated .q").count() >= 1  # quotes highlighted
    shot(page, "03-article")

    page.locator("#named a[href^='/entity/']").first.click()
    page.wait_for_load_state()
    assert "said" in page.locator("h2").first.inner_text()
    shot(page, "04-entity")

    page.fill("input[name=q]", "Blinken")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.locator("mark").count() >= 1
    shot(page, "05-search")
    assert dialogs == []


def test_story_page_on_a_phone(browser, serve, blinken_db):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(serve(blinken_db) + "/")
    tab.locator("table a[href^='/story/']").first.click()
    tab.wait_for_load_state()
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    shot(tab, "06-story-phone")
    context.close()


def test_xss_corpus_is_inert_in_the_browser(page, serve, xss_db):
    base = serve(xss_db)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    blocked: list[str] = []
    page.on("request", lambda r: blocked.append(r.url) if not r.url.startswith(base) else None)
    paths = ["/", "/search?q=talks", "/story/all", "/articles"]
    paths += [f"/article/{i}" for i in ("xss-script", "xss-attr", "xss-tab", "xss-data")]
    for path in paths:
        page.goto(base + path)
        page.wait_for_load_state("load")
        for element in page.locator("[title], .tag, a").all()[:15]:
            element.hover(timeout=2000)  # would fire any injected onmouseover
        injected = page.evaluate(
            f"[...document.querySelectorAll({INJECTABLE!r})].map(e => e.outerHTML)"
        )
        assert injected == [], path
    shot(page, "07-xss-article")
    assert dialogs == []
    assert blocked == []  # nothing was fetched from anywhere but the server

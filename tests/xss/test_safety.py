"""Safety helpers on hostile input: links only to the web, markup only where we put it."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given
from hypothesis import strategies as st

from rashomon.briefing.markdown import escape as md_escape
from rashomon.render.safety import marked, safe_href
from rashomon.store.articles import MARK_END, MARK_START
from rashomon.web.highlight import Span, annotate


def test_only_http_links_survive():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("http://example.org") == "http://example.org"
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.org/protocol-relative",
        "/relative/path",
        "https://",
        "",
        None,
    ]:
        assert safe_href(bad) is None, bad


@given(st.text())
def test_safe_href_never_returns_a_non_web_scheme(url):
    result = safe_href(url)
    assert result is None or result.lower().startswith(("http://", "https://"))


def test_snippet_escaped_before_marking():
    html = marked(f"<script>x</script> {MARK_START}Blinken{MARK_END} said")
    assert html == "&lt;script&gt;x&lt;/script&gt; <mark>Blinken</mark> said"


@given(st.text())
def test_marked_never_emits_tags_but_mark(text):
    html = str(marked(text))
    stripped = html.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


@given(
    st.text(min_size=1),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
def test_annotate_keeps_the_text_and_escapes_it(text, bounds):
    spans = [Span(min(a, b), max(a, b), "q sp0", "<b>note</b>") for a, b in bounds]
    html = str(annotate(text, spans))
    assert "<b>" not in html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text


def test_overlapping_spans_are_both_marked():
    html = str(annotate("at least 40 civilians", [Span(0, 21, "q sp1"), Span(9, 11, "fig", "n")]))
    assert '<span class="q sp1 fig" title="n" data-note="n" tabindex="0">40</span>' in html


def test_markdown_escapes_links_and_html():
    text = md_escape("[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](http://x)")
    # A backslash before "<" is CommonMark's literal "<": no tag and no link survive.
    assert re.search(r"(?<!\\)<img", text) is None and "](" not in text

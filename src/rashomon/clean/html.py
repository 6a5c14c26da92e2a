"""Article body and metadata from a saved web page, through trafilatura.

trafilatura finds the body and the page's title, date, site name and author.
Its paragraphs then pass the same wording rules as pasted text (``lines.py``):
share prompts, "Related" blocks and their teasers, notices and captions it
let through are dropped, and credit lines become metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document

from rashomon.clean.lines import PROFILE_RE, classify_lines

# Wording rules applied to trafilatura's paragraphs, each measured on html_dev
# (body F1 of trafilatura with favor_precision 0.964): related 0.965, teaser
# 0.966, notice 0.965, caption 0.965, prompt 0.965, all five 0.966. Rules that
# lowered F1 there are not applied: "address" (0.962; lists of links are
# content on some pages), "block-heading" (0.961) and "breadcrumb" (0.964).
POST_FILTER_RULES = frozenset({"prompt", "related", "teaser", "notice", "caption"})
# Date stamps ("Updated at 1:23 p.m.") and a closing company profile are
# metadata, not body: html_dev F1 0.967 -> 0.971 with them and the shared
# line-rule additions (no page worse).
# favor_precision: body F1 0.964 on html_dev, against 0.955 for the default,
# 0.952 for favor_recall, 0.950 without tables and 0.938 with deduplicate.
FAVOR_PRECISION = True
INCLUDE_TABLES = True


class BadHtml(ValueError):
    """The page could not be parsed as HTML."""


@dataclass(slots=True)
class HtmlArticle:
    """What a page gave: body paragraphs (a blank line apart) and metadata."""

    body: str
    title: str = ""
    date: str | None = None
    site_name: str | None = None
    author: str | None = None
    credits: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None, max_date: date | None = None) -> HtmlArticle:
    """Extract the article from ``html``; raises BadHtml when it cannot be parsed."""
    date_params: dict[str, Any] = {"extensive_search": True, "original_date": True}
    if max_date is not None:
        date_params["max_date"] = max_date.isoformat()
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            date_extraction_params=date_params,
            favor_precision=FAVOR_PRECISION,
            include_comments=False,
            include_tables=INCLUDE_TABLES,
            deduplicate=False,
        )
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise BadHtml(f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(doc, Document):  # None (as_dict is off): no body, but the page's
        return HtmlArticle(body="", date=_htmldate(html, max_date))  # metadata may date it
    title = (doc.title or "").strip()
    body, credits = filter_paragraphs((doc.text or "").split("\n"), title)
    return HtmlArticle(
        body=body,
        title=title,
        date=doc.date or _htmldate(html, max_date),
        site_name=doc.sitename,
        author=doc.author,
        credits=credits,
    )


def filter_paragraphs(paragraphs: list[str], title: str = "") -> tuple[str, list[str]]:
    """Body paragraphs without boilerplate, and the credit lines taken out of them."""
    lines = _before_profile([p.strip() for p in paragraphs])
    kinds = classify_lines(lines)
    kept: list[str] = []
    credits: list[str] = []
    for line, kind in zip(lines, kinds, strict=True):
        if not line or kind.boilerplate in POST_FILTER_RULES or kind.dateline:
            continue
        if kind.credit:
            credits.append(line)
        elif not kept and title and line.casefold().strip(" .") == title.casefold().strip(" ."):
            continue  # the headline repeated as the first paragraph
        else:
            kept.append(line)
    return "\n\n".join(kept), credits


def _before_profile(lines: list[str]) -> list[str]:
    """The paragraphs before a press release's closing company profile ("About …").

    Only a profile in the second half of the text (by characters) ends it: earlier,
    the wording may be the article's own description of a company.
    """
    total = sum(len(line) for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if seen > total / 2 and PROFILE_RE.match(line):
            return lines[:i]
        seen += len(line)
    return lines


def _htmldate(html: str, max_date: date | None) -> str | None:
    """htmldate's publication date, for pages where trafilatura found none."""
    from htmldate import find_date

    try:
        return find_date(
            html,
            original_date=True,
            outputformat="%Y-%m-%d",
            max_date=max_date.isoformat() if max_date else None,
        )
    except Exception:  # htmldate raises on markup it cannot parse; no date then
        return None


# Block elements that start a new line when a browser copies a page's text.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "title",
        "tr",
        "ul",
    ]
)
HIDDEN = frozenset(["script", "style", "noscript", "template", "svg", "head", "iframe"])


def visible_text(html: str) -> str:
    """The page's visible text, a line per block element, as a browser copies it.

    For pages where trafilatura finds no body: the pasted-text cleaner then reads
    them as it reads a page pasted by hand. Walks the tree without recursion, so
    deeply nested markup cannot exhaust the stack. Raises BadHtml when lxml cannot
    parse the page.
    """
    try:
        root = lxml.html.fromstring(html.encode("utf-8"))
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise BadHtml(f"{type(exc).__name__}: {exc}") from exc
    title = root.findtext(".//title")
    parts: list[str] = [title.strip(), "\n"] if title and title.strip() else []
    body = root.find("body")
    hidden = 0  # depth inside elements that are not shown
    events = ("start", "end", "comment", "pi")
    for event, node in lxml.etree.iterwalk(body if body is not None else root, events):
        if event in ("comment", "pi"):  # not shown, but the text after them is
            if not hidden and node.tail:
                parts.append(node.tail)
            continue
        tag = node.tag if isinstance(node.tag, str) else None
        shown = tag is not None and tag not in HIDDEN
        if event == "start":
            if not shown:
                hidden += 1
            elif not hidden:
                parts.append("\n" if tag in BLOCKS else "")
                parts.append(node.text or "")
            continue
        if not shown:
            hidden -= 1
        elif not hidden and tag in BLOCKS:
            parts.append("\n")
        if not hidden and node.tail:
            parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)

"""Untrusted article data made safe for HTML: links only to the web, snippets escaped first.

Titles, texts, URLs and outlet names come from the pages users fed in, so any of
them may carry markup or a ``javascript:`` link. Templates autoescape every value;
these helpers cover the two places where markup is produced on purpose.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup, escape

from rashomon.store.articles import MARK_END, MARK_START

WEB_SCHEMES = frozenset({"http", "https"})

# The headers every response carries: no script at all, styles only from here or inline,
# images only as data: URIs (the report's and pages' SVG is inline), no framing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def safe_href(url: str | None) -> str | None:
    """The URL when it is an http(s) address with a host; otherwise None (render no link)."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 0x20 or ch.isspace() for ch in url):
        return None  # browsers drop tabs and newlines, turning "java\tscript:" into a scheme
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return url


def marked(snippet: str | None) -> Markup:
    """An FTS snippet as HTML: the text escaped, then its match markers turned into <mark>."""
    out, inside = [], False
    for part in (snippet or "").replace(MARK_END, MARK_START).split(MARK_START):
        piece = str(escape(part))
        out.append(f"<mark>{piece}</mark>" if inside and piece else piece)
        inside = not inside
    return Markup("".join(out))

"""Which outlet published an article: from what the input says, the page, the URL or the text.

Being wrong is worse than saying nothing: an outlet attributes every quote and
frame in the report. So the text is read only for a site naming itself in its
own footer ("Press TV's website can also be accessed at …"), never for an
outlet the article cites ("told CBS News", "RFE/RL Live briefing", "Based on
materials: ZN.ua"), which is a source, not the publisher.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A site naming itself in a footer: "<Name>'s website can also be accessed at",
# "<Name>'s site is available at".
SELF_REFERENCE_RE = re.compile(
    r"^(?P<name>[A-Z][\w&.'’ -]{1,40}?)['’]s (?:web ?)?site (?:can also be|is also|is) "
    r"(?:accessed|available|reached)",
)
# A site name from page metadata that is not a name: a copyright notice, a
# bare year, a sentence.
_NOT_A_NAME_RE = re.compile(r"copyright|©|all rights|^\W*\d[\d\W]*$|[.!?]\s", re.IGNORECASE)
# Sub-domains that name a device or an edition, not the outlet.
_HOST_PREFIX_RE = re.compile(r"^(?:www\d?|m|amp|mobile|edition|en|english)\.")
# Longest site name accepted from metadata (longer ones are page titles).
MAX_NAME_CHARS = 60


def outlet_from_url(url: str | None) -> str | None:
    """A readable name from the URL's host: "https://www.presstv.ir/x" → "presstv.ir"."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = _HOST_PREFIX_RE.sub("", host)
    if "." not in host or re.fullmatch(r"[\d.]+|localhost", host):
        return None
    return host


def outlet_from_text(lines: list[str]) -> str | None:
    """A site's own name from a footer line that names it as the site."""
    for line in lines:
        m = SELF_REFERENCE_RE.match(line.strip())
        if m:
            return m.group("name").strip()
    return None


def valid_site_name(name: str | None) -> str | None:
    """The metadata site name when it looks like a name, else None."""
    if not name:
        return None
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_CHARS or _NOT_A_NAME_RE.search(name):
        return None
    return name


def find_outlet(
    *,
    given: str | None = None,
    site_name: str | None = None,
    url: str | None = None,
    footer: list[str] | None = None,
) -> str | None:
    """The outlet, trying the input's own field, page metadata, the URL, then the footer."""
    if given and given.strip():
        return given.strip()
    return valid_site_name(site_name) or outlet_from_url(url) or outlet_from_text(footer or [])

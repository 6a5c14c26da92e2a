"""Which outlet published an article, and the one label every surface shows for it.

Being wrong is worse than saying nothing: an outlet attributes every quote and
frame in the report. In order of trust: what the user gave, the URL's domain
(through the registry), the page's site name when it agrees with the domain,
the domain itself; without a URL, the page's own words about itself: a footer
("Press TV's website can also be accessed at …"), the browser title
("Headline | Site"), a copyright line ("© 2020 The Seattle Times"). An outlet
the article cites ("told CBS News", "RFE/RL Live briefing", "Based on
materials: ZN.ua", "(Reuters Photo)", "With reports by AP and Reuters") is a
source or a credit, not the publisher, so body text is never read for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from rashomon.clean.registry import Registry, load_registry, name_key
from rashomon.model import OutletSource

UNKNOWN_OUTLET = "outlet unknown"

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
# Most words of a name read from a browser title or a copyright line: names
# are short ("The Seattle Times"); longer tails are headline fragments.
MAX_NAME_WORDS = 5
# "Headline | Site", "Headline - Site", "Headline — Site" in a browser title.
_TITLE_TAIL_RE = re.compile(r"\s(?P<sep>\||-|–|—|::)\s+(?P<tail>[^|–—]{2,60})$")
# A copyright line and its holder: "© 2020 The Seattle Times |", "Copyright © 2019 Salon.com, LLC".
_COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:copyright\s*)?(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?"
    r"[,.]?\s*)?(?:-\s*)?(?P<holder>[A-Za-z][\w&.'’ -]{1,60}?)"
    r"(?=\s*(?:[,|/]|\.(?!\w)|\s(?:19|20)\d{2}|all rights|$))",
    re.IGNORECASE,
)
# A copyright holder that is a company, not a masthead ("Nexstar Media Inc.",
# "Bennett, Coleman & Co. Ltd.").
_COMPANY_RE = re.compile(
    r"\b(?:inc|ltd|llc|limited|plc|group|company|corporation|corp|co|holdings|network|"
    r"broadcasting|enterprises|communications|publications|publishing|subsidiary|media)\b",
    re.IGNORECASE,
)
# Second-level labels under a country code: mirror.co.uk is registered as "mirror".
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov"})
# A site's copyright notice has a year or says so, or closes the page; a bare
# "© Getty Images" or "© Reuters" further up is a photo credit. Of the 71 pasted
# news_pages_dev pages with a "©" line, 51 have their last one in their last 10 lines.
SITE_NOTICE_TAIL_LINES = 10
_NOTICE_RE = re.compile(r"(?:19|20)\d{2}|rights|copyright", re.IGNORECASE)
# Wire services print this under every syndicated story: the carrier is not the wire.
_SYNDICATION_RE = re.compile(r"may not be (?:published|reproduced)|redistributed", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundOutlet:
    """An outlet name and where it came from."""

    name: str | None = None
    source: OutletSource = "none"


def host_of(url: str | None) -> str | None:
    """The URL's host without device or edition prefixes, or None for an address or no host."""
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


def _domain_label(host: str) -> str:
    """The registered domain's own label: "mirror" for www.mirror.co.uk, "kron4" for kron4.com."""
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else host


def _spells_host(name: str, host: str) -> bool:
    """Whether a site name of several words spells its registered domain ("Breaking Soup").

    Only such a name is surely the outlet's own: a shorter one ("Mirror" for the
    Daily Mirror) or a longer one ("USA TODAY NETWORK", "La Prensa Latina Media")
    names a brand, a section or a parent, so the domain is shown instead.
    """
    return " " in name.strip() and name_key(name) == re.sub(r"[^a-z0-9]", "", _domain_label(host))


def title_tail(title_line: str) -> str | None:
    """The site name after a browser title's last separator, when it is short like a name."""
    m = _TITLE_TAIL_RE.search(title_line.strip())
    if not m:
        return None
    tail = m.group("tail").strip()
    return tail if len(tail.split()) <= MAX_NAME_WORDS else None


def copyright_holders(lines: Iterable[str]) -> list[tuple[str, bool]]:
    """Holders named in copyright lines (in page order), each with whether it is a company.

    "Bennett, Coleman & Co. Ltd." is a company though its first part looks like a
    name; wire syndication notices ("may not be published …") are skipped.
    """
    holders = []
    lines = list(lines)
    for i, line in enumerate(lines):
        notice = _NOTICE_RE.search(line) or i >= len(lines) - SITE_NOTICE_TAIL_LINES
        if _SYNDICATION_RE.search(line) or not notice:
            continue
        for m in _COPYRIGHT_RE.finditer(line):
            holder = m.group("holder").strip(" -.")
            if not holder or len(holder.split()) > MAX_NAME_WORDS or _NOT_A_NAME_RE.search(holder):
                continue
            rest = re.split(r"\||all rights", line[m.end() :], flags=re.IGNORECASE)[0]
            company = bool(_COMPANY_RE.search(holder) or _COMPANY_RE.search(rest[:40]))
            holders.append((holder, company))
    return holders


def _from_text(registry: Registry, title_line: str, footer: list[str]) -> str | None:
    """The outlet a page names as itself: footer self-reference, title tail, copyright holder."""
    named = outlet_from_text(footer)
    if named:
        facts = registry.named(named)
        return facts.name if facts else named
    tail = title_tail(title_line) if title_line else None
    holders = copyright_holders(footer)
    for candidate in ([tail] if tail else []) + [holder for holder, _ in holders]:
        facts = registry.named(candidate)
        if facts is not None and facts.kind != "wire service":
            return facts.name
    # After a bar or a hyphen a browser title's tail is the site; after an em dash it
    # may be a speaker ("… a sign of failure — Blinken"), so only the registry decides.
    sep = _TITLE_TAIL_RE.search(title_line.strip()) if tail else None
    if tail and sep and sep.group("sep") != "—" and valid_site_name(tail):
        return tail
    for holder, company in holders:
        if not company and registry.named(holder) is None:
            return holder
    for holder, _ in holders:  # a wire's own page: "© 2020 Reuters" and nothing else
        facts = registry.named(holder)
        if facts is not None:
            return facts.name
    return None


def find_outlet(
    *,
    given: str | None = None,
    site_name: str | None = None,
    url: str | None = None,
    footer: list[str] | None = None,
    title_line: str = "",
    registry_files: tuple[str, ...] = (),
) -> FoundOutlet:
    """The outlet and its source, from the most trusted evidence that names one."""
    if given and given.strip():
        return FoundOutlet(given.strip(), "given")
    registry = load_registry(registry_files)
    host = host_of(url)
    site = valid_site_name(site_name)
    if host:
        facts = registry.hosted(host)
        if facts is not None:
            return FoundOutlet(facts.name, "url")
        if site and _spells_host(site, host):
            return FoundOutlet(site, "meta")
        return FoundOutlet(host, "url")
    if site:
        site_facts = registry.named(site)
        return FoundOutlet(site_facts.name if site_facts else site, "meta")
    named = _from_text(registry, title_line, footer or [])
    return FoundOutlet(named, "text") if named else FoundOutlet()


def outlet_label(outlet: str | None, url: str | None = None, article_id: str | None = None) -> str:
    """The outlet's name, else its web domain, else "outlet unknown (1c74c2c8)": never blank.

    Every surface labels articles through this, so an outlet-less article reads the
    same everywhere. Two articles of unknown outlets are two accounts, not one outlet:
    the comparison keeps them apart by the short article id in their label, and
    ``distinct_outlets`` counts neither.
    """
    found = outlet or host_of(url)
    if found:
        return found
    return f"{UNKNOWN_OUTLET} ({article_id[:8]})" if article_id else UNKNOWN_OUTLET


def distinct_outlets(labels: Iterable[str | None]) -> int:
    """How many outlets these labels or names are, never counting "outlet unknown" as one."""
    return len({label for label in labels if label and not is_unknown(label)})


def is_unknown(label: str) -> bool:
    """Whether an outlet label says the outlet is unknown."""
    return label.startswith(UNKNOWN_OUTLET)

"""Line rules shared by the pasted-text cleaner and the HTML post-filter.

A web page pasted as text, or an extracted HTML body, is a sequence of lines
(paragraphs). These rules name what a single line *is* when its wording alone
says so: a share prompt, a comment form, a caption, a breadcrumb, a credit.
Whether an ordinary line is body text is decided in ``text.py`` from its
context; here only lines that are boilerplate whatever surrounds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from rashomon.text.stopwords import PROSE_WORDS

# Calibrated on pasted_text_dev (92 pages of the Zyte article benchmark as
# pasted text) by coarse grid search, checked on even/odd split halves.

# A line at least this long (effective characters) that reads like prose is
# body-like on its own: shorter prose lines are mostly teasers and captions.
# The grid 60..120 is flat between 80 and 120 on both halves.
PROSE_MIN_CHARS = 80
# A short line ending like a sentence, with at least this many words, is a
# sentence ("The suspect said he needed to get dressed."), not a label (labels have 1-3).
SENTENCE_MIN_WORDS = 4
# A bare photo credit line is short (all dev credits are under 80 characters)
# and captions rarely pass 300 characters; a longer line is prose.
CREDIT_MAX_CHARS, CAPTION_MAX_CHARS = 80, 300

# Whole-line boilerplate: the line is nothing but a prompt, a heading of a
# non-article block, or a site notice. Anchored at both ends (after trimming
# punctuation) so a body sentence that merely mentions "share" is kept.
_WHOLE_LINE = [
    r"(share|share this( post| article| story)?|tweet|email|print|pin|save|comments?|reply)",
    r"(leave|post|add|write) a (reply|comment|response)",
    r"(\d+ )?comments?( \(\d+\))?|view comments|show comments|(view|join) the discussion.*",
    r"back to top( button)?|scroll to top|skip to (main )?(content|article|navigation)",
    r"read (more|next)|see more|advert(isement)?|sponsored( content)?",
    r"(sign up|subscribe)( now| today| here)?|(sign|log) (in|out)|register|newsletters?",
    r"follow us( on .{1,30})?|share (this|on) .{1,30}|tags?|topics?|filed under",
    r"(all|some) rights reserved.*|©.*|copyright .*|\(?c\)? ?\d{4}.{0,60}",
    r"(cookie|privacy|terms)( policy| of (use|service)| settings| preferences| & conditions)?",
    r"accept( all)?( cookies)?|manage (cookies|preferences|consent)|close|menu|search|home",
    r"(photo|image|video|picture)s?( gallery)?|watch( now| video)?|play( video)?|listen",
    r"explore further|about this (article|story)",
    r"how to (contact|reach) us|contact us",
]
# Headings of a block of links to other articles: what follows them is a teaser.
_RELATED_HEADING = [
    r"(related|more|recommended|popular|trending|latest|top) "
    r"(articles?|stories|posts|news|videos?|reads?|content|coverage)",
    r"related( video| content| topics| coverage)?|more from .{1,40}|you (may|might) also like.*",
    r"trending( now| stories)?|(most (read|popular|viewed|shared))( in .{1,30})?",
    r"editor'?s picks?|don'?t miss|see also|also read|read also",
]
RELATED_HEADING_RE = re.compile(r"^(?:" + "|".join(_RELATED_HEADING) + r")$", re.IGNORECASE)
WHOLE_LINE_RE = re.compile(r"^(?:" + "|".join(_WHOLE_LINE) + r")$", re.IGNORECASE)

# Line openings that introduce a link, a teaser or a promo rather than prose:
# "Also Read : …", "Read also: …", "See special topic: …", "READ MORE: …".
LEAD_RE = re.compile(
    r"^(also read|read also|read more|more|see also|see more|related|watch|"
    r"listen|recommended|don'?t miss|must read|see special topic|(also )?see|"
    r"trending|top stories|related (article|story|video|topics?)s?|"
    r"(click|tap) here|photo gallery|in pictures|(sign|subscribe) up)\s*[:|\-–—»›>]",
    re.IGNORECASE,
)

# Comment forms and site notices, matched anywhere in a short line. Every alternative
# starts with a plain letter ("this … | our …", not "(this|our) …"): then the regex
# engine tries only the alternatives whose first letter is at hand, three times faster.
_NOTICE = [
    r"your email address will not be published",
    r"required fields are marked",
    r"this (web)?site uses cookies",
    r"our (web)?site uses cookies",
    r"by (continuing|using) (to use )?(this|our) (web)?site",
    r"can also be accessed at",
    r"alternate (web )?address(es)?",
    r"all rights reserved",
    r"may not be (published|reproduced|broadcast|rewritten|redistributed)",
    r"sign(ing)? up (for|to) (our|the) .{0,30}newsletter",
    r"click here (to|for)",
    r"enable javascript",
    r"turn on javascript",
    r"you (have )?an? ad ?blocker",
    r"we (have )?an? ad ?blocker",
    r"save my name, email",
    r"notify me of (new|follow-up) (comments|posts)",
    r"for all of .{1,40} coverage",
    r"get (the|our) (latest|best) .{0,40} (in|to) your inbox",
    r"subscribe to (our|the) .{0,30}newsletter",
    r"sign(ing)? up for .{0,20}newsletters?$",
    r"unsubscribe at any time",
    r"th(is|e) (document|article|material) is (subject to|protected by) copyright",
    r"share your thoughts",
    # The writer's contact sign-off: "Have a tip? Jane Doe may be reached at …".
    r"have a (news )?tip\?",
    r"may be reached at",
    r"can be reached at",
    r"follow (him|her|them) (on twitter|@)",
]
# Matched against the lower-cased line: without IGNORECASE the regex engine
# can skip ahead on literal prefixes, twice as fast on pasted pages.
NOTICE_RE = re.compile("|".join(_NOTICE))

# Photo captions: a credit in brackets at the end ("(Reuters Photo)",
# "(Photo by AFP)", "(Image: GETTY)"), a slash credit ("… Getty Images"),
# "FILE PHOTO:", or a "(not pictured)" pose description. Written for a fast scan:
# the rules tied to the line's start come first, and the others start only at a
# character in the lookahead's set, so every other position is rejected with one test;
# a condition on what precedes a word's first letter is checked after that letter
# ("n(?<=\bn)ot", "v(?<= v)ia"). ("Photo credit:" needs no "photo " of its own: the
# boundary before "credit" is there already.)
CAPTION_RE = re.compile(
    r"^(?:(image|photo|slide|picture) \d+ of \d+$"
    r"|(file )?photo\s*:"
    r"|(photo|image|picture)s?( credit)?\s*:"
    r"|(above|below|top|left|right|pictured|main image)\s*:)"
    r"|(?=[(nc/v|])"
    r"(?:\((\w[\w .&/-]{0,40} )?(photo|image|picture|pic|file|credit|video)s?\b[^()]{0,60}\)\s*$"
    r"|\((photo|image|picture|pic)s?( by|:)[^()]{0,60}\)"
    r"|n(?<=\bn)ot pictured\b"
    r"|c(?<=\bc)redits?\s*:\s*\S[^.]{0,60}$"
    r"|(/|v(?<= v)ia |\| )(getty images|reuters|ap( photo)?|afp|epa|shutterstock|alamy)\s*\)?$)",
    re.IGNORECASE,
)

# A credit line with no caption text: "(Image credit: NASA)", "Photo: AFP",
# "Jane Doe/Getty Images", "Jane Doe | Bloomberg | Getty Images".
BARE_CREDIT_RE = re.compile(
    r"^(\([^()]*\)|(photo|image|picture|credit)s?\b.*"
    r"|[^()]{0,60}(/|\s\|\s)\s*(getty images|reuters|ap( photo)?|afp|epa|shutterstock|alamy))$",
    re.IGNORECASE,
)

# Breadcrumbs: three or more short parts joined by "/", ">", "›", "»" or "|".
# Parts are names, so a part with a comma or colon makes a list item instead
# ("Path A: Iceland, Bulgaria/Israel/Romania"). Checked by splitting, not by one
# regex: the pattern this replaces let whitespace go either to a part or to the
# space around a separator, and backtracked for minutes on a footer of 28 names.
BREADCRUMB_SEPARATOR_RE = re.compile(r"[/>›»|]")
BREADCRUMB_PART_STOPS = frozenset(".!?,:")
BREADCRUMB_PART_CHARS = 40

# A bare web address or domain: a footer link or an alternate address.
ADDRESS_RE = re.compile(
    r"^(https?://\S+|www\.\S+|[\w-]+(\.[\w-]+)*\.(com|org|net|ir|ru|ua|uk|info|tv|co|io|news)"
    r"(/\S*)?)$",
    re.IGNORECASE,
)

# Credits that belong to the article but not its body: agency and source notes.
CREDIT_RE = re.compile(
    r"^\(?(with (additional )?(reports?|reporting|input|files|contributions?) (by|from)|"
    r"(additional )?reporting by|based on (the )?materials( of| from)?\s*:?|"
    r"(compiled|written|edited|writing|editing) by|source\s*:|sources\s*:|"
    r"according to materials of|courtesy of|this (article|story) (was )?(first |originally )?"
    r"(appeared|published) (on|in))\b",
    re.IGNORECASE,
)

# The "About us" block that closes a press release: its heading ("About
# Ascom", "About the company") or the company's self-description ("Ascom is a
# global solutions provider …", "News Corp is a network of leading companies").
# On both dev sets this wording occurs only in such blocks, never in a gold body.
PROFILE_RE = re.compile(
    r"^([Aa]bout (us|the (company|author)|[A-Z][\w&.'’-]*( [A-Z][\w&.'’-]*){0,4})"
    r"|[A-Z][\w&.'’-]*( [A-Z(][\w&.'’()-]*){0,5},? (is|are) (a|an|the|one of the) "
    r"([\w-]+ ){0,4}?(leading|global|world'?s?|premier|largest|provider|company|manufacturer"
    r"|developer|firm|network|supplier)\b.*)$"
)

# Bylines: "By Jane Doe", "By Tess Bonn - 11/19/19 06:56 AM EST".
BYLINE_RE = re.compile(
    r"^(?i:by|written by|author:?)\s+(?P<name>[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}"
    r"(\s*(,|and|&)\s*[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3})*)"
    r"(\s*[,|•·–—-].{0,80})?$"
)

# A month name or its abbreviation, as a whole word ("Martinez 1" is no date).
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?"
)
# A line that is only a date or time stamp ("Updated Nov 19, 6:55 AM",
# "November 19, 2019 / 12:21 AM", "PUBLISHED: 10:48, Tue, Nov 19, 2019").
DATELINE_RE = re.compile(
    r"^((published|posted|updated|last updated|first published|modified|date)\s*:?\s*)?"
    r"[\w ,.:;/|•·()-]{0,30}"
    r"(\b" + _MONTH + r"\s+\d{1,2}\b|\b\d{1,2}\s+" + _MONTH + r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d+ (min|minute|hour|day)s? ago\b)"
    r"[\w ,.:;/|•·()+-]{0,60}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LineKind:
    """What a line is, by its wording alone; ``None`` fields mean no rule applied."""

    boilerplate: str | None = None  # the rule that makes it boilerplate
    credit: bool = False
    byline: str | None = None  # the author's name
    dateline: bool = False


_WORD_RE = re.compile(r"\w+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$|[.!?…][\"'”’»)\]]*\s|[。！？]")
_FINAL_PUNCT_RE = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$")


def _trimmed(line: str) -> str:
    """The line without surrounding punctuation, bullets and arrows."""
    return line.strip().strip(" \t•·*#>»›|:.-–—…!?()[]\"'“”‘’").strip()


def classify_line(line: str) -> LineKind:
    """Name what ``line`` is when its wording alone decides; otherwise an empty LineKind."""
    text = line.strip()
    if not text:
        return LineKind()
    if CREDIT_RE.match(text) and len(text) < 200:
        return LineKind(credit=True)
    byline = BYLINE_RE.match(text)
    if byline and len(text) < 120:
        return LineKind(byline=byline.group("name"))
    if len(text) < 120 and DATELINE_RE.match(text) and len(re.findall(r"[a-z]{4,}", text)) <= 5:
        return LineKind(dateline=True)
    return LineKind(boilerplate=boilerplate_rule(text))


def is_breadcrumb(text: str) -> bool:
    """Three or more parts of 1-40 characters (spaces around separators aside), in
    one pass over the line whatever its length."""
    parts = BREADCRUMB_SEPARATOR_RE.split(text.strip())
    return len(parts) >= 3 and all(
        0 < len(part.strip()) <= BREADCRUMB_PART_CHARS and BREADCRUMB_PART_STOPS.isdisjoint(part)
        for part in parts
    )


def boilerplate_rule(text: str) -> str | None:
    """The name of the rule that makes this line boilerplate, or ``None``."""
    core = _trimmed(text)
    if not core:
        return "punctuation"
    if len(core) <= 60 and RELATED_HEADING_RE.match(core):
        return "related"
    if len(core) <= 60 and WHOLE_LINE_RE.match(core):
        return "prompt"
    if LEAD_RE.match(text.strip()):
        return "teaser"
    # Notices are short in practice; a long paragraph that quotes one is prose.
    if len(text) < 600 and NOTICE_RE.search(text.lower()):
        return "notice"
    if len(text) < 400 and CAPTION_RE.search(text):
        return "caption"
    if is_breadcrumb(text):
        return "breadcrumb"
    if ADDRESS_RE.match(core):
        return "address"
    return None


def effective_length(line: str) -> int:
    """Characters, counting a CJK character as three (one is about a word)."""
    return len(line) + 2 * len(_CJK_RE.findall(line))


def is_prose(line: str) -> bool:
    """Reads like a paragraph: long enough, with sentence punctuation or function words."""
    if effective_length(line) < PROSE_MIN_CHARS:
        return False
    return bool(_SENTENCE_END_RE.search(line)) or _stopword_ratio(line) >= 0.2


def is_sentence(line: str) -> bool:
    """A short line that is still a sentence: a few words, lower-case ones, a final stop."""
    if not _FINAL_PUNCT_RE.search(line):
        return False
    words = _WORD_RE.findall(line)
    if len(words) >= SENTENCE_MIN_WORDS and any(w[:1].islower() for w in words[1:]):
        return True
    return len(_CJK_RE.findall(line)) >= 2 * SENTENCE_MIN_WORDS


def _stopword_ratio(line: str) -> float:
    words = _WORD_RE.findall(line.lower())
    return sum(w in PROSE_WORDS for w in words) / len(words) if words else 0.0


def headline_cased(line: str) -> bool:
    """Starts in title case ("Customers Leave Without Paying $690 Bill At …").

    A teaser glues a title-cased headline to its summary. Prose capitalises a
    function word only after a full stop; two capitalised function words in
    the first dozen words, not after a full stop, mark a headline.
    """
    words = line.split()[:12]
    capitalised = 0
    for prev, word in pairwise(words):
        core = word.strip("\"'“‘(")
        function_word = core.lower() in PROSE_WORDS and core[:1].isupper()
        if function_word and not prev.endswith((".", ":", "?")):
            capitalised += 1
    return capitalised >= 2


def with_context(lines: list[str], kinds: list[LineKind]) -> list[LineKind]:
    """Apply the rules that need the neighbouring lines to per-line kinds.

    - A line just above a bare photo credit ("Jane Doe/Getty Images") is its caption.
    - The line right after a "Related …" heading is the teaser it introduces.
    - A non-prose line between two boilerplate lines heads a promo block
      ("Live briefing: …" between a teaser and a notice).
    """
    out = list(kinds)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for n, i in enumerate(filled):
        if kinds[i] != LineKind():
            continue
        prev = kinds[filled[n - 1]] if n > 0 else LineKind()
        below = lines[filled[n + 1]] if n + 1 < len(filled) else ""
        nxt = kinds[filled[n + 1]] if n + 1 < len(filled) else LineKind()
        if (
            nxt.boilerplate == "caption"
            and len(below) <= CREDIT_MAX_CHARS
            and BARE_CREDIT_RE.match(below.strip())
            and len(lines[i]) <= CAPTION_MAX_CHARS
        ):
            out[i] = LineKind(boilerplate="caption")
        elif prev.boilerplate == "related":
            out[i] = LineKind(boilerplate="teaser")
        elif prev.boilerplate and nxt.boilerplate and not is_prose(lines[i]):
            out[i] = LineKind(boilerplate="block-heading")
    return out


def classify_lines(lines: list[str]) -> list[LineKind]:
    """Per-line kinds of a sequence of lines, neighbour rules included."""
    return with_context(lines, [classify_line(line) for line in lines])

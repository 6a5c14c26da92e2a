"""Quotation marks: find quoted spans in plain text, paragraph by paragraph.

Handles curly and straight double quotes, guillemets, two apostrophes typed for a
double mark (''…'', as older wire and newspaper archives have it), single marks used
as the outer quotes of British style (‘…’ or '…', only in paragraphs with no double
mark, where they cannot be nested quotes), a curly opening mark typed where a closing
one belongs ("... in Russia “."), quotes whose closing mark is missing (they end with
their paragraph), and quotes that run on over paragraphs (no closing mark, and the
next paragraph opens with one), as news style writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

OPENING = "\u201c\u00ab\u201e\u201f"  # “ « „ ‟
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
DOUBLE_APOSTROPHE = "''"
SINGLE_OPENING = "\u2018"  # ‘
SINGLE_CLOSING = "\u2019"  # ’, also the apostrophe of "Trump’s"
APOSTROPHE = "'"
DOUBLE_MARKS = OPENING + CLOSING + STRAIGHT
# After a closing mark comes a space, punctuation or the end of the paragraph.
AFTER_CLOSE = " \t.,;:!?)]\u2026\u2014\u2013-"
# Every character a mark can start with, and the double ones: a paragraph is scanned
# for them at C speed, its other characters never looked at one by one.
_MARK_CHAR_RE = re.compile(
    "[" + re.escape(DOUBLE_MARKS + SINGLE_OPENING + SINGLE_CLOSING + APOSTROPHE) + "]"
)
_DOUBLE_MARK_RE = re.compile("[" + re.escape(DOUBLE_MARKS) + "]|" + DOUBLE_APOSTROPHE)

Role = Literal["open", "close", "either"]


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark, or the paragraph's end when unclosed
    closed: bool
    runs_on: bool = False  # unclosed, and the next paragraph opens a quote
    mark: int = 1  # characters in each mark: 2 for ''…''

    @property
    def inner_start(self) -> int:
        return self.start + self.mark

    @property
    def inner_end(self) -> int:
        return self.end - self.mark if self.closed else self.end


@dataclass(frozen=True, slots=True)
class Mark:
    at: int
    width: int
    role: Role
    single: bool  # a single mark; single and double marks never pair


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding whitespace."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span, in text order; nested quotes stay inside their outer span."""
    spans: list[QuotedSpan] = []
    paras = paragraphs(text)
    for index, (start, end) in enumerate(paras):
        opened: Mark | None = None
        depth = 0
        for mark in quote_marks(text, start, end):
            if opened is None:
                if mark.role != "close":
                    opened = mark
            elif mark.single != opened.single:
                continue  # a nested mark of the other family
            elif mark.role == "open":
                depth += 1
            elif depth and mark.role == "close":
                depth -= 1
            else:
                if mark.at > opened.at + opened.width:
                    spans.append(
                        QuotedSpan(opened.at, mark.at + mark.width, True, False, mark.width)
                    )
                opened, depth = None, 0
        if opened is not None and end > opened.at + opened.width:
            following = paras[index + 1] if index + 1 < len(paras) else None
            runs_on = following is not None and _opens(text, *following)
            spans.append(QuotedSpan(opened.at, end, False, runs_on, opened.width))
    return spans


def quote_marks(text: str, start: int, end: int) -> list[Mark]:
    """The quotation marks of one paragraph, each with the role it can play."""
    singles_quote = _DOUBLE_MARK_RE.search(text, start, end) is None
    marks: list[Mark] = []
    after = start  # past the last mark taken: the second apostrophe of '' is no mark
    for found in _MARK_CHAR_RE.finditer(text, start, end):
        i = found.start()
        if i < after:
            continue
        ch = text[i]
        if text.startswith(DOUBLE_APOSTROPHE, i) and i + 2 <= end:
            marks.append(Mark(i, 2, "either", False))
            after = i + 2
            continue
        if ch in OPENING:
            marks.append(Mark(i, 1, "close" if _closes(text, i, end) else "open", False))
        elif ch in CLOSING:
            marks.append(Mark(i, 1, "close", False))
        elif ch == STRAIGHT:
            marks.append(Mark(i, 1, "either", False))
        elif singles_quote and ch in SINGLE_OPENING + SINGLE_CLOSING + APOSTROPHE:
            role = _single_role(text, i, start, end)
            if role is not None:
                marks.append(Mark(i, 1, role, True))
    return marks


def _single_role(text: str, i: int, start: int, end: int) -> Role | None:
    """A single mark opens before a word and closes after one; inside a word
    ("Trump’s", "don't") it is an apostrophe."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if not before.isalnum() and after.isalnum() and text[i] != SINGLE_CLOSING:
        return "open"
    if not before.isspace() and not after.isalnum() and text[i] != SINGLE_OPENING:
        return "close"
    return None


def _opens(text: str, start: int, end: int) -> bool:
    """Whether a paragraph begins with an opening quotation mark."""
    marks = quote_marks(text, start, end)
    return bool(marks) and marks[0].at == start and marks[0].role != "close"


def _closes(text: str, i: int, end: int) -> bool:
    """An opening-style mark that can only be closing: nothing but punctuation follows."""
    return i + 1 >= end or (text[i + 1] in AFTER_CLOSE and text[i + 1] not in " \t")

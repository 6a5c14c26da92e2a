"""Quotation marks: find quoted spans in plain text, paragraph by paragraph.

Handles curly and straight double quotes, guillemets, a curly opening mark typed
where a closing one belongs ("... in Russia “."), quotes whose closing mark is
missing (they end with their paragraph), and quotes that run on over paragraphs
(no closing mark, and the next paragraph opens with one), as news style writes them.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "\u201c\u00ab\u201e\u201f"  # “ « „ ‟
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
# After a closing mark comes a space, punctuation or the end of the paragraph.
AFTER_CLOSE = " \t.,;:!?)]\u2026\u2014\u2013-"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark, or the paragraph's end when unclosed
    closed: bool
    runs_on: bool = False  # unclosed, and the next paragraph opens a quote

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


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
        open_at: int | None = None
        depth = 0
        for i in range(start, end):
            ch = text[i]
            if ch not in OPENING and ch not in CLOSING and ch != STRAIGHT:
                continue
            if open_at is None:
                if ch in CLOSING:
                    continue  # a stray closing mark: nothing to close
                open_at = i
            elif ch in OPENING and not _closes(text, i, end):
                depth += 1
            elif depth and ch != STRAIGHT:
                depth -= 1
            else:
                if i > open_at + 1:
                    spans.append(QuotedSpan(open_at, i + 1, True))
                open_at, depth = None, 0
        if open_at is not None and end > open_at + 1:
            following = paras[index + 1][0] if index + 1 < len(paras) else None
            runs_on = following is not None and text[following] in OPENING + STRAIGHT
            spans.append(QuotedSpan(open_at, end, False, runs_on))
    return spans


def _closes(text: str, i: int, end: int) -> bool:
    """An opening-style mark that can only be closing: nothing but punctuation follows."""
    return i + 1 >= end or (text[i + 1] in AFTER_CLOSE and text[i + 1] not in " \t")

"""Speaker labels: a paragraph that opens with a name and a colon.

Transcripts give each turn as ``PENCE: Well, look, …`` (often inside one long quote
running over paragraphs), and headlines summarise a statement as ``Pence: Flowers
won't be at debate``. Finding the label here is plain text work; whether it names a
speaker (a person or organisation of the article, or a label used for several turns)
is decided by the quote finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.quotes.marks import DOUBLE_APOSTROPHE, OPENING, STRAIGHT

# A label is one to three capitalised words (with initials, hyphens, apostrophes)
# right before a colon and a space; longer runs are sentences, not names.
LABEL = re.compile(r"(?P<label>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2}):\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Label:
    label_start: int
    label_end: int
    start: int  # the labelled statement, to the end of the paragraph
    end: int
    text: str  # the label as written

    @property
    def capitals(self) -> bool:
        """Written in capitals, as transcripts write speakers ("WALLACE", "SEN. KAINE")."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


def find_labels(text: str, paras: list[tuple[int, int]]) -> list[Label]:
    """Every paragraph that opens with ``Label: statement``, in text order."""
    out = []
    for start, end in paras:
        at = start
        if text.startswith(DOUBLE_APOSTROPHE, at):
            at += 2
        elif text[at] in OPENING + STRAIGHT:
            at += 1
        found = LABEL.match(text, at, end)
        if found is None:
            continue
        content_end = end
        while content_end > found.end() and text[content_end - 1] in STRAIGHT + "\u201d'":
            content_end -= 1  # the closing mark of a turn quoted as a whole
        if content_end > found.end():
            label = found.group("label")
            out.append(Label(at, at + len(label), found.end(), content_end, label))
    return out

"""The one sentence splitter.

Where a spaCy ``Doc`` exists its sentences (``doc.sents``, read by the annotate stage)
are the sentences: the parser knows "Mr." and quotes. Before the NLP stage (cleaning, publication
dates) one regex stands in (``split_sentences``): a full stop, "!" or "?" then
whitespace, except after a month's abbreviation, so "on Dec. 4 he said" is one
sentence.
"""

from __future__ import annotations

import re

from rashomon.text.calendar import MONTH_NAMES

# "May" has no abbreviation, so "in May. He" ends a sentence.
_ABBREVIATED = [name[:3] for name in MONTH_NAMES if name != "May"]
SENTENCE_BREAK_RE = re.compile("".join(f"(?<!{m}\\.)" for m in _ABBREVIATED) + r"(?<=[.!?])\s+")


def split_sentences(text: str) -> list[str]:
    """``text`` cut at sentence ends, for text that has no parsed ``Doc``."""
    return SENTENCE_BREAK_RE.split(text)

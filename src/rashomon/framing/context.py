"""What every framing rule reads about one article, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rashomon.framing.lexicon import Lexicon
from rashomon.framing.voice import Voice
from rashomon.model import Mention, Signal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class Context:
    article_id: str
    text: str
    doc: Doc
    voice: Voice
    lexicon: Lexicon
    mentions: tuple[Mention, ...] = ()

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering characters ``start:end`` (None when they cover none)."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def token_at(self, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens covering ``start:end``."""
        span = self.span(start, end)
        return span.root if span is not None and len(span) else None

    def quote(self, start: int, end: int, limit: int = 160) -> str:
        """The text of a span for an explanation, shortened when long."""
        words = " ".join(self.text[start:end].split())
        return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Finding:
    """A signal and the SemEval-2023 persuasion technique it is evidence of, if any."""

    signal: Signal
    technique: str = ""


def make_signal(
    ctx: Context, start: int, end: int, kind: str, label: str, explanation: str, weight: float
) -> Signal:
    return Signal(
        article_id=ctx.article_id,
        start=start,
        end=end,
        text=ctx.text[start:end],
        signal=kind,
        label=label,
        explanation=explanation,
        weight=round(weight, 3),
    )

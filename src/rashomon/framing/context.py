"""What every framing rule reads about one article, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rashomon.framing.lexicon import Lexicon
from rashomon.framing.patterns import SpanSet
from rashomon.framing.voice import Voice
from rashomon.model import Mention, Signal
from rashomon.settings import Settings

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
    published: str | None = None  # ISO date: which names were a choice then
    names: SpanSet = field(default_factory=SpanSet)  # entity and title spans: no wording inside
    settings: Settings = field(default_factory=Settings)  # the rules' cuts and weights

    def in_name(self, start: int, end: int) -> bool:
        """True when the span lies inside a name ("Department of Homeland Security")."""
        return self.names.contains(start, end)

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
    ctx: Context,
    start: int,
    end: int,
    kind: str,
    label: str,
    explanation: str,
    weight: float,
    target: str | None = None,
) -> Signal:
    """A signal on ``start:end``, in the voice (and with the speaker) of the words there."""
    voice, speaker = ctx.voice.who(start, end)
    return Signal(
        article_id=ctx.article_id,
        start=start,
        end=end,
        text=ctx.text[start:end],
        signal=kind,
        label=label,
        explanation=explanation,
        weight=round(weight, 3),
        voice=voice,
        speaker=speaker,
        target=target,
    )

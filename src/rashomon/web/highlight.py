"""An article's text as HTML with its findings highlighted: quotes, figures, framing signals.

Spans may overlap (a figure inside a quote, a loaded word inside both), so the text
is cut at every span boundary and each piece is wrapped once with the classes and
explanations of every span covering it. Text is escaped piece by piece; only the
wrapping ``<span>`` elements are markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# Speaker colours cycle through this many CSS classes (sp0 … sp7 in style.css).
SPEAKER_COLOURS = 8


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    css: str  # class names
    note: str = ""  # shown on hover and focus


def speaker_classes(speakers: list[str]) -> dict[str, str]:
    """A stable colour class per speaker, in order of first appearance."""
    found: dict[str, str] = {}
    for name in speakers:
        if name not in found:
            found[name] = f"sp{len(found) % SPEAKER_COLOURS}"
    return found


def annotate(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, with each stretch covered by spans wrapped in one ``<span>``."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[lo:hi])
        active = [s for s in spans if s.start <= lo and hi <= s.end]
        if not active:
            out.append(str(piece))
            continue
        classes = " ".join(dict.fromkeys(c for s in active for c in s.css.split()))
        notes = " · ".join(dict.fromkeys(s.note for s in active if s.note))
        if notes:
            out.append(
                f'<span class="{escape(classes)}" title="{escape(notes)}" '
                f'data-note="{escape(notes)}" tabindex="0">{piece}</span>'
            )
        else:
            out.append(f'<span class="{escape(classes)}">{piece}</span>')
    return Markup("".join(out))

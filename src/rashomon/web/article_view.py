"""An article laid out for reading: each paragraph with the notes on what was found in it.

Notes sit beside the paragraph they belong to (below it on a phone), grouped by
kind, so no sidebar runs on for pages past the text, and every explanation is
plain text a reader sees without hovering (and that prints). A span flagged by
several signals (a loaded word that is also evidence of a technique) is one note
with all its labels, so no span is listed twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from rashomon import labels
from rashomon.quotes.marks import paragraphs
from rashomon.web.highlight import Span, annotate, speaker_classes

UNATTRIBUTED = "unattributed"
QUOTES_GROUP = "Quotes"
FIGURES_GROUP = "Figures"


# Words of a long span (a whole "stated purpose" clause) its note repeats: the rest is
# highlighted in the paragraph beside it.
NOTE_WORDS = 6


@dataclass(slots=True)
class Note:
    """One highlighted span and what it is: its labels and their explanations."""

    start: int
    end: int
    text: str  # the span's words, shown in the note ("" for quotes: the colour links them)
    labels: list[str] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)
    css: str = ""  # the speaker colour of a quote note
    voice: str = ""  # whose words a signal's span is: the outlet's own, or a quote it chose

    @property
    def short(self) -> str:
        words = self.text.split()
        return " ".join(words[:NOTE_WORDS]) + ("…" if len(words) > NOTE_WORDS else "")


@dataclass(slots=True)
class Paragraph:
    html: Markup
    groups: list[tuple[str, list[Note]]]  # (kind heading, its notes), in SIGNAL_KINDS order


def marked_signals(signals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Signals that carry weight: a weight-0 signal records the plain choice ("said", "war")
    as the baseline the others are read against; marking it would drown the rest. A quote
    choice (``CHOSEN_QUOTE``) is marked by its quote's own span and note instead."""
    return [s for s in signals if (s.get("weight") or 0) > 0 and s["signal"] != "choice"]


def plain_wording(signals: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(kind, count) of the unmarked weight-0 signals, for one line above the text."""
    counts = Counter(labels.signal_kind(s["signal"]) for s in signals if not s.get("weight"))
    return sorted(counts.items(), key=lambda kv: -kv[1])


def article_spans(a: dict[str, Any], colours: dict[str, str]) -> list[Span]:
    """Quotes coloured by speaker, figures, and framing signals with their human labels."""
    spans = [
        Span(q["start"], q["end"], f"q {colours[speaker(q)]}", quote_note(q)) for q in a["quotes"]
    ]
    spans += [Span(f["start"], f["end"], "fig", figure_note(f)) for f in a["figures"]]
    spans += [
        Span(s["start"], s["end"], "sig", labels.signal_label(s["signal"], s["label"]))
        for s in marked_signals(a["signals"])
    ]
    return spans


def speaker(q: dict[str, Any]) -> str:
    return q.get("speaker") or UNATTRIBUTED


def quote_note(q: dict[str, Any]) -> str:
    return speaker(q) + (f" ({q['cue']})" if q.get("cue") else "")


def figure_note(f: dict[str, Any]) -> str:
    parts = [
        f.get("counts"),
        f"per {f['source']}" if f.get("source") else None,
        f"as of {labels.dates_in_words(f['as_of'])}" if f.get("as_of") else None,
    ]
    return "figure: " + ", ".join(p for p in parts if p) if any(parts) else "figure"


# A quote only this outlet of the story chose (framing/choice.py) spans the whole quote,
# which the page already notes: it is said on the quote's note, not in a note of its own.
CHOSEN_QUOTE = "quoted by no other outlet"


def signal_notes(signals: list[dict[str, Any]]) -> dict[str, list[Note]]:
    """Signals as one note per span, grouped under the kind of the span's first
    non-technique signal (a technique alone keeps its own group)."""
    by_span: dict[tuple[int, int], tuple[str, Note]] = {}
    for s in sorted(signals, key=lambda s: (s["start"], s["end"], s["signal"] == "technique")):
        key = (s["start"], s["end"])
        if key not in by_span:
            note = Note(s["start"], s["end"], s["text"], voice=voice(s))
            by_span[key] = (s["signal"], note)
        note = by_span[key][1]
        label = labels.signal_label(s["signal"], s["label"])
        if label.lower().startswith(s["text"].lower() + " ("):  # "invasion (war)" by "invasion"
            label = label[len(s["text"]) + 2 : -1]
        why = labels.explanation(s["signal"], s["label"], s.get("explanation") or "")
        if label not in note.labels:
            note.labels.append(label)
        if why and why not in note.explanations:
            note.explanations.append(why)
    grouped: dict[str, list[Note]] = {}
    for kind, note in by_span.values():
        grouped.setdefault(kind, []).append(note)
    return grouped


def voice(s: dict[str, Any]) -> str:
    """Whose words a signal's span is, for a reader: the outlet's or a quoted speaker's."""
    if (s.get("voice") or "outlet") == "outlet":
        return labels.OWN_VOICE
    return labels.quoted_voice(s.get("speaker"))


def passage_runs(passages: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """Passages cited by the story pages as disjoint runs (start, end, other starts): a run
    covering overlapping passages keeps each one's start, so every ``#c{start}`` lands."""
    runs: list[tuple[int, int, list[int]]] = []
    for start, end in sorted(set(passages)):
        if runs and start < runs[-1][1]:
            lo, hi, others = runs[-1]
            known = start == lo or start in others
            runs[-1] = (lo, max(hi, end), others if known else [*others, start])
        else:
            runs.append((start, end, []))
    return runs


def clip(spans: list[Span], lo: int, hi: int) -> list[Span]:
    """The spans overlapping ``[lo, hi)``, in that stretch's own offsets."""
    return [
        Span(max(s.start, lo) - lo, min(s.end, hi) - lo, s.css, s.note)
        for s in spans
        if s.start < hi and s.end > lo
    ]


def aliases(starts: list[int]) -> Markup:
    """Empty anchors for starts inside a run another passage opened: each sits right before
    the run, which the stylesheet highlights when one of them is the target."""
    return Markup("").join(Markup('<span class="alias" id="c{}"></span>').format(s) for s in starts)


def anchored(
    text: str,
    lo: int,
    hi: int,
    spans: list[Span],
    runs: list[tuple[int, int, list[int]]],
    placed: set[int],
) -> Markup:
    """The paragraph ``text[lo:hi]`` annotated, each cited passage in it wrapped in an element
    the stylesheet highlights when a link targets it; the first piece of a passage gets
    its id ``c{start}`` (``placed`` holds the starts already given one)."""
    out, pos = [], lo
    for start, end, others in runs:
        if end <= lo and start not in placed:  # wholly in the blank before this paragraph
            out.append(aliases([start, *others]))
            placed.add(start)
        s, e = max(start, lo), min(end, hi)
        if s >= e or s < pos:
            continue
        out.append(annotate(text[pos:s], clip(spans, pos, s)))
        inner = annotate(text[s:e], clip(spans, s, e))
        if start not in placed:
            placed.add(start)
            wrapped = Markup('<span class="passage" id="c{}">{}</span>').format(start, inner)
            out.append(aliases(others) + wrapped)
        else:
            out.append(Markup('<span class="passage">{}</span>').format(inner))
        pos = e
    out.append(annotate(text[pos:hi], clip(spans, pos, hi)))
    return Markup("").join(out)


def layout(
    a: dict[str, Any], passages: list[tuple[int, int]] | None = None
) -> tuple[list[Paragraph], dict[str, str]]:
    """The article's paragraphs with their notes, and the colour class of each speaker;
    ``passages`` are the spans the story pages link to (``#c{start}``)."""
    colours = speaker_classes([speaker(q) for q in a["quotes"]])
    text, spans = a["text"], article_spans(a, colours)
    chosen = {(s["start"], s["end"]) for s in a["signals"] if s["signal"] == "choice"}
    kinds = signal_notes(marked_signals(a["signals"]))
    order = [*labels.SIGNAL_KINDS, *sorted(set(kinds) - set(labels.SIGNAL_KINDS))]
    extra: dict[str, list[Note]] = {
        QUOTES_GROUP: [
            Note(
                q["start"],
                q["end"],
                "",
                [quote_note(q)] + ([CHOSEN_QUOTE] if (q["start"], q["end"]) in chosen else []),
                css=colours[speaker(q)],
            )
            for q in a["quotes"]
        ],
        FIGURES_GROUP: [
            Note(f["start"], f["end"], f["text"], [figure_note(f).removeprefix("figure: ")])
            for f in a["figures"]
            if figure_note(f) != "figure"
        ],
    }
    groups = [(labels.signal_kind(k), kinds[k]) for k in order if k in kinds]
    groups += list(extra.items())
    blocks = paragraphs(text) or [(0, len(text))]
    runs = passage_runs(passages or [])
    placed: set[int] = set()
    out = []
    for n, (lo, hi) in enumerate(blocks):
        nxt = blocks[n + 1][0] if n + 1 < len(blocks) else len(text) + 1
        here = [
            (name, [note for note in notes if lo <= note.start < nxt]) for name, notes in groups
        ]
        html = anchored(text, lo, hi, spans, runs, placed)
        out.append(Paragraph(html, [(k, v) for k, v in here if v]))
    left = [start for start, _, _ in runs if start not in placed]  # past the last paragraph
    if left and out:
        out[-1].html += aliases(left)
    return out, colours

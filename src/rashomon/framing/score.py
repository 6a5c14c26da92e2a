"""Sentence bias score: how likely the sentence is one-sided, from its signals.

Each signal's weight is read as the chance that it alone makes the sentence one-sided,
and the chances combine as a noisy-OR: score = 1 - prod(1 - weight). A technique signal
restates the evidence of the signal it was read from, on the same span, so each span
counts once, with its largest weight. No model is trained: the only number fitted to
labelled data is the threshold (settings.framing_bias_threshold).
"""

from __future__ import annotations

from rashomon.model import Sentence, Signal


def bias_score(signals: list[Signal]) -> float:
    by_span: dict[tuple[int, int], float] = {}
    for signal in signals:
        key = (signal.start, signal.end)
        by_span[key] = max(by_span.get(key, 0.0), signal.weight)
    remaining = 1.0
    for weight in by_span.values():
        remaining *= 1.0 - min(max(weight, 0.0), 1.0)
    return round(1.0 - remaining, 4)


def score_sentences(sentences: list[Sentence], signals: list[Signal], threshold: float) -> None:
    """Fill bias_score, biased and signals (``kind:label``) on each sentence in place."""
    ordered = sorted(signals, key=lambda s: s.start)
    for sentence in sentences:
        inside = [s for s in ordered if s.start < sentence.end and sentence.start < s.end]
        sentence.bias_score = bias_score(inside)
        sentence.biased = sentence.bias_score >= threshold
        sentence.signals = list(dict.fromkeys(f"{s.signal}:{s.label}" for s in inside))

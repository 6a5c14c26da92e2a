"""Sentence bias score: the rule score of its signals, and the flags each sentence carries.

Each signal's weight is read as the chance that it alone makes the sentence one-sided,
and the chances combine as a noisy-OR: score = 1 - prod(1 - weight). A technique signal
restates the evidence of the signal it was read from, on the same span, so each span
counts once, with its largest weight. This rule score is one input of the bias model
(``bias_model``), whose probability becomes the sentence's ``bias_score`` when given.
"""

from __future__ import annotations

from bisect import bisect_right

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


def signals_by_sentence(sentences: list[Sentence], signals: list[Signal]) -> list[list[Signal]]:
    """The signals overlapping each sentence, in text order.

    Sentences come in text order and do not overlap, so each signal finds its first
    sentence by bisection and walks only the few it spans: linear, not sentences x signals.
    """
    inside: list[list[Signal]] = [[] for _ in sentences]
    ends = [sentence.end for sentence in sentences]
    for signal in sorted(signals, key=lambda s: s.start):
        at = bisect_right(ends, signal.start)
        while at < len(sentences) and sentences[at].start < signal.end:
            if signal.start < sentences[at].end:
                inside[at].append(signal)
            at += 1
    return inside


def score_sentences(
    sentences: list[Sentence],
    inside: list[list[Signal]],
    threshold: float,
    scores: list[float] | None = None,
) -> None:
    """Fill bias_score, biased and signals (``kind:label``) on each sentence in place.

    ``inside`` holds each sentence's signals; ``scores`` (the model's probabilities)
    replace the rule score when given.
    """
    for i, sentence in enumerate(sentences):
        score = scores[i] if scores is not None else bias_score(inside[i])
        sentence.bias_score = round(float(score), 4)
        sentence.biased = sentence.bias_score >= threshold
        sentence.signals = list(dict.fromkeys(f"{s.signal}:{s.label}" for s in inside[i]))

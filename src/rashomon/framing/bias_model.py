"""Sentence bias model: logistic regression over wordllama vectors and the rule signals.

The rules see only words in their lexicons; an embedding of the whole sentence also
catches loaded wording they have never listed ("rammed through", "cling to"). The model
reads both, so its probability is the combination of model and rules: the features are
the sentence's embedding (quotes included: the quote an outlet chose is its framing too)
plus the rule score, per signal kind the largest weight and the count, and how heated
the sentence is (VADER).
Its weights come only from ``data/framing/bias_train.jsonl``, sentences the project
wrote itself (MIT), and are rebuilt by ``rashomon.framing.train``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from rashomon.framing.score import bias_score
from rashomon.framing.stance import vader_analyzer
from rashomon.model import Signal

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "framing" / "bias_model.json"
# The signal kinds the weights were fitted with (model.Signal.signal); the order is fixed.
# ``choice`` moves a score after the model (cross-article); ``subjective``
# (framing/subjective.py) counts only through the rule score. Fitted as a kind of its own (cv
# accuracy 0.897 -> 0.898), BASIL dev half A sentence F1 (lex or inf, at most 25% of
# sentences flagged, prior re-tuned) fell 0.384 -> 0.376 while held-out B rose 0.360 ->
# 0.368: chosen on half A, it stays out.
KINDS = (
    "naming",
    "loaded",
    "attribution",
    "scare_quote",
    "hedge",
    "intensifier",
    "technique",
    "purpose",
    "stance",
)
RULE_FEATURES = (
    ("rule_score",)
    + tuple(f"max_{k}" for k in KINDS)
    + tuple(f"count_{k}" for k in KINDS)
    + ("sentiment",)
)


def rule_features(signals: list[Signal], whole: str = "") -> list[float]:
    """The rule score, per kind the largest weight and how many signals fired, then how
    strongly the whole sentence (quotes included) leans either way: VADER's compound
    score, unsigned. Which quote an outlet chose, and how heated it is, is a framing
    choice too."""
    largest = dict.fromkeys(KINDS, 0.0)
    count = dict.fromkeys(KINDS, 0.0)
    for signal in signals:
        if signal.signal in largest:
            largest[signal.signal] = max(largest[signal.signal], signal.weight)
            count[signal.signal] += 1
    sentiment = abs(vader_analyzer().polarity_scores(whole)["compound"]) if whole else 0.0
    return [bias_score(signals), *largest.values(), *count.values(), sentiment]


def embed_texts(texts: list[str]) -> np.ndarray:
    """Unit-length wordllama vectors (the briefing's shared loader; no second copy)."""
    from rashomon.embeddings import embed

    return embed(texts)


def features(texts: list[str], signals: list[list[Signal]]) -> np.ndarray:
    """One row per sentence: the embedding of its text, then its rule features."""
    rules = np.asarray(
        [rule_features(s, t) for s, t in zip(signals, texts, strict=True)], dtype=np.float64
    )
    return np.hstack([embed_texts(texts).astype(np.float64), rules.reshape(len(texts), -1)])


@dataclass(frozen=True, slots=True)
class BiasModel:
    """Standardise each feature, then a logistic regression."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    def to_json(self, about: dict) -> dict:
        def rounded(values: np.ndarray) -> list[float]:
            return [round(float(v), 6) for v in values]

        return {
            **about,
            "mean": rounded(self.mean),
            "scale": rounded(self.scale),
            "coef": rounded(self.coef),
            "intercept": round(float(self.intercept), 6),
        }


def model_from_json(data: dict) -> BiasModel:
    mean, scale, coef = (np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef"))
    for array in (mean, scale, coef):
        array.flags.writeable = False
    return BiasModel(mean, scale, coef, intercept=float(data["intercept"]))


@cache
def load_bias_model(path: Path = WEIGHTS) -> BiasModel:
    """The shipped weights, read once per process."""
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))


def sentence_probabilities(
    texts: list[str],
    signals: list[list[Signal]],
    model: BiasModel | None = None,
) -> list[float]:
    """The model's chance that each sentence is one-sided, from its text.

    A text with no word (punctuation only) has nothing to embed, so it keeps its rule
    score.
    """
    if not texts:
        return []
    model = model or load_bias_model()
    worded = [i for i, text in enumerate(texts) if any(ch.isalnum() for ch in text)]
    scores = [bias_score(s) for s in signals]
    if worded:
        rows = features([texts[i] for i in worded], [signals[i] for i in worded])
        for i, p in zip(worded, model.probabilities(rows).tolist(), strict=True):
            scores[i] = p
    return scores

"""The bias model: its training data, its committed weights, and how it scores."""

from __future__ import annotations

import hashlib
import json

import numpy as np

from rashomon.framing.bias_model import (
    RULE_FEATURES,
    WEIGHTS,
    features,
    load_bias_model,
    rule_features,
    sentence_probabilities,
)
from rashomon.framing.train import DATA, fit_logistic, load_rows
from rashomon.model import Signal


def test_training_data_is_balanced_labelled_and_without_duplicates():
    header = json.loads(DATA.read_text(encoding="utf-8").splitlines()[0])
    assert "MIT" in header["licence"] and "written" in header["about"]
    rows = load_rows()
    assert len(rows) == header["rows"] >= 600
    assert {r["label"] for r in rows} == {0, 1}
    assert 0.45 <= sum(r["label"] for r in rows) / len(rows) <= 0.55
    assert len({r["text"] for r in rows}) == len(rows)
    assert len({r["topic"] for r in rows}) >= 10


def test_committed_weights_come_from_the_committed_training_data():
    """Edit bias_train.jsonl without re-running ``python -m rashomon.framing.train``: fail."""
    weights = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert weights["training_sha256"] == hashlib.sha256(DATA.read_bytes()).hexdigest()
    model = load_bias_model()
    assert len(model.coef) == weights["embedding_dims"] + len(RULE_FEATURES)
    assert len(model.mean) == len(model.scale) == len(model.coef)


def test_fit_is_deterministic_and_separates():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] + 0.1 * rng.normal(size=200) > 0).astype(float)
    first, second = fit_logistic(x, y, 1.0), fit_logistic(x, y, 1.0)
    assert np.array_equal(first.coef, second.coef)
    assert first.coef[0] > 2 * max(abs(first.coef[1]), abs(first.coef[2]))
    assert ((first.probabilities(x) >= 0.5) == y).mean() > 0.9


def test_rule_features_take_largest_weight_and_count_per_kind():
    signals = [
        Signal("a", 0, 3, "x", "loaded", "l", "e", 0.4),
        Signal("a", 5, 9, "x", "loaded", "l", "e", 0.7),
        Signal("a", 5, 9, "x", "hedge", "l", "e", 0.1),
    ]
    values = dict(zip(RULE_FEATURES, rule_features(signals), strict=True))
    assert values["max_loaded"] == 0.7 and values["count_loaded"] == 2
    assert values["max_hedge"] == 0.1 and values["max_naming"] == 0.0
    assert 0.0 < values["rule_score"] < 1.0
    assert features(["A plain sentence."], [signals]).shape == (1, len(load_bias_model().coef))


def test_loaded_wording_outscores_plain_reporting():
    """Sentences written for this test (not in the training data)."""
    plain = [
        "The council approved the budget on Tuesday by a vote of seven to two.",
        "The company said it expects sales to rise next year.",
    ]
    loaded = [
        "The spineless council rubber-stamped yet another bloated budget on Tuesday.",
        "The greedy company keeps bleeding its customers dry with outrageous fees.",
    ]
    scores = sentence_probabilities(plain + loaded, [[] for _ in range(4)])
    assert max(scores[:2]) < 0.5 < min(scores[2:])


def test_a_text_with_no_word_keeps_its_rule_score():
    signal = Signal("a", 0, 3, "x", "loaded", "l", "e", 0.6)
    assert sentence_probabilities(["", " ... "], [[], [signal]]) == [0.0, 0.6]

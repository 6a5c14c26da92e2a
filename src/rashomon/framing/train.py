"""Rebuild the bias model's weights from the project's own training sentences.

Run ``python -m rashomon.framing.train`` (options: ``--data``, ``--out``). Each sentence
is framed as a one-sentence article, exactly as the stage frames it, and a logistic
regression is fitted by Newton's method with an L2 penalty chosen by 5-fold
cross-validation on the training sentences alone. Nothing is random and the weights are
rounded, so the same data gives the same file. Never point ``--data`` at a dev set whose
licence forbids shipping weights trained on it (BABE is AGPL, internal only).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rashomon.framing.bias_model import RULE_FEATURES, WEIGHTS, BiasModel, features
from rashomon.framing.stage import find_signals, framing_context
from rashomon.model import Analysis, Article, Mention, Sentence, Signal
from rashomon.settings import Settings
from rashomon.stories.text import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

DATA = WEIGHTS.with_name("bias_train.jsonl")
# L2 penalties tried (on standardised features); the one with the lowest cross-validated
# log-loss on the training sentences wins. The grid spans "barely regularised" to "mostly
# the prior" for ~3,000 rows and ~275 features (3,088 rows chose 100; 1,064 chose 30).
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
FOLDS = 5
MENTION_TYPES = ("PERSON", "ORG", "GPE", "NORP")
# Two rows sharing more than this share of their words (token Jaccard) are one sentence
# twice: they would sit in different cross-validation folds and flatter its score.
NEAR_DUPLICATE = 0.8


def load_rows(path: Path = DATA) -> list[dict]:
    """Labelled sentences; lines without ``text`` (the header note) are skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if "text" in row:
            rows.append(row)
    return rows


def near_duplicates(texts: list[str], limit: float = NEAR_DUPLICATE) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, whose word sets have a Jaccard similarity above ``limit``.

    Exact, by prefix filtering: with words ranked rarest first, two sets that similar must
    share one of the first ``n - ceil(limit * n) + 1`` words of each, so only rows sharing
    such a word are compared (a few thousand rows in well under a second)."""
    sets = [frozenset(words(t)) for t in texts]
    frequency = Counter(w for s in sets for w in s)
    indexed: dict[str, list[int]] = {}
    pairs = []
    for i, current in enumerate(sets):
        ranked = sorted(current, key=lambda w: (frequency[w], w))
        prefix = ranked[: len(ranked) - math.ceil(limit * len(ranked)) + 1]
        for j in sorted({j for w in prefix for j in indexed.get(w, ())}):
            shared = len(current & sets[j])
            if shared > limit * (len(current) + len(sets[j]) - shared):
                pairs.append((j, i))
        for w in prefix:
            indexed.setdefault(w, []).append(i)
    return pairs


def one_sentence_analysis(article_id: str, text: str, doc: Doc) -> Analysis:
    """A lone sentence as an article: no quotes found, entities from spaCy as mentions."""
    return Analysis(
        article=Article(id=article_id, input=article_id, text=text),
        sentences=[Sentence(article_id, 0, len(text), text)],
        mentions=[
            Mention(article_id, e.start_char, e.end_char, e.text, e.label_, e.text)
            for e in doc.ents
            if e.label_ in MENTION_TYPES
        ],
    )


def frame_texts(texts: list[str], settings: Settings) -> list[list[Signal]]:
    """The rule signals of each sentence, as the framing stage finds them."""
    from rashomon.annotate.nlp import load_nlp

    nlp = load_nlp(settings.spacy_model)
    signals = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=settings.spacy_batch_size)):
        analysis = one_sentence_analysis(str(i), doc.text, doc)
        signals.append(find_signals(framing_context(analysis, doc, settings)))
    return signals


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float) -> BiasModel:
    """L2-penalised logistic regression on standardised features (intercept unpenalised)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a feature constant in training carries no information
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    prior = np.eye(z.shape[1]) * penalty
    prior[-1, -1] = 0.0
    w = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30.0, 30.0)))
        gradient = z.T @ (p - y) + prior @ w
        hessian = (z * (p * (1.0 - p))[:, None]).T @ z + prior
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return BiasModel(mean=mean, scale=scale, coef=w[:-1], intercept=float(w[-1]))


def cross_validated(x: np.ndarray, y: np.ndarray, penalty: float) -> tuple[float, float]:
    """Log-loss and accuracy over FOLDS folds (row i in fold i mod FOLDS)."""
    fold = np.arange(len(y)) % FOLDS
    p = np.zeros(len(y))
    for k in range(FOLDS):
        model = fit_logistic(x[fold != k], y[fold != k], penalty)
        p[fold == k] = model.probabilities(x[fold == k])
    p = np.clip(p, 1e-9, 1 - 1e-9)
    loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return loss, float(np.mean((p >= 0.5) == y))


def train(data: Path = DATA, settings: Settings | None = None) -> dict:
    """Fit on ``data`` and return the weights file's content."""
    settings = settings or Settings()
    rows = load_rows(data)
    texts = [r["text"] for r in rows]
    if twins := near_duplicates(texts):
        shown = "; ".join(f"{texts[i]!r} ~ {texts[j]!r}" for i, j in twins[:3])
        raise ValueError(f"{len(twins)} near-duplicate row pairs in {data.name}: {shown}")
    x = features(texts, frame_texts(texts, settings))
    y = np.asarray([float(r["label"]) for r in rows])
    scored = {penalty: cross_validated(x, y, penalty) for penalty in PENALTIES}
    penalty = min(PENALTIES, key=lambda k: scored[k][0])
    about = {
        "about": "Sentence bias model for rashomon's framing stage; see framing/bias_model.py.",
        "licence": "MIT; trained only on the project's self-written bias_train.jsonl",
        "training_data": data.name,
        "training_sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "rows": len(rows),
        "biased_rows": int(y.sum()),
        "embedding": "wordllama l2_supercat_256, mean-pooled, unit length",
        "embedding_dims": x.shape[1] - len(RULE_FEATURES),
        "rule_features": list(RULE_FEATURES),
        "penalty": penalty,
        "cv_log_loss": round(scored[penalty][0], 4),
        "cv_accuracy": round(scored[penalty][1], 4),
        "rebuild": "python -m rashomon.framing.train",
    }
    return fit_logistic(x, y, penalty).to_json(about)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="labelled sentences (JSONL)")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="weights file to write")
    args = parser.parse_args(argv)
    content = train(args.data)
    args.out.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
    print(
        f"{content['rows']} sentences, penalty {content['penalty']}, cross-validated accuracy "
        f"{content['cv_accuracy']:.3f} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

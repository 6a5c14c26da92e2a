"""How much a point matters: so "only X reports" keeps the few points worth reading.

A blend of four cues, each in [0, 1]: how central the point's best member is to the
story (cosine to the story's mean vector: what the story is about), how early it comes
(news puts what matters first), how many named actors it involves, and whether it
carries a figure. The weights are settings (see settings.py for how they were chosen).
"""

from __future__ import annotations

import numpy as np

from rashomon.compare.units import Unit
from rashomon.settings import Settings

# Actors counted at most: a sentence naming three people is as newsworthy as one naming six.
ACTORS_CAP = 3


def centrality(raw: np.ndarray) -> np.ndarray:
    """Each unit's cosine to the story's mean vector (rows of ``raw`` are unit length)."""
    if len(raw) == 0:
        return np.zeros(0, dtype=np.float32)
    mean = raw.mean(axis=0)
    mean /= max(float(np.linalg.norm(mean)), 1e-9)
    return raw @ mean


def unit_salience(unit: Unit, central: float, settings: Settings) -> float:
    return (
        settings.compare_salience_centrality * max(central, 0.0)
        + settings.compare_salience_position / (1 + unit.position)
        + settings.compare_salience_actors * min(len(unit.actors), ACTORS_CAP) / ACTORS_CAP
        + settings.compare_salience_figures * bool(unit.numbers)
    )


def point_salience(members: list[int], scores: list[float], outlets: int, total: int) -> float:
    """The best member's salience, raised by the share of the story's outlets carrying it."""
    best = max(scores[i] for i in members)
    return round(best * (1 + outlets / max(total, 1)) / 2, 4)

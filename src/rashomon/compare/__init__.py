"""The comparison engine: points (what several outlets report alike), their kinds and
salience, and how each outlet differs from the others."""

from rashomon.compare.points import points_for
from rashomon.model import ArticleText

__all__ = ["ArticleText", "points_for"]

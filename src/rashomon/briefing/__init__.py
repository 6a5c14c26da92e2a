"""Extractive briefings: what most outlets report, what one alone says, who said what."""

from rashomon.briefing.build import build_briefing
from rashomon.briefing.markdown import to_markdown
from rashomon.briefing.model import Briefing

__all__ = ["Briefing", "build_briefing", "to_markdown"]

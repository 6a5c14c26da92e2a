"""Framing: how an outlet tells a story, in words it chose.

Signals (naming choices, loaded words, subjective words from general lexicons,
attribution verbs, scare quotes, hedges, intensifiers, persuasion techniques, stance
toward entities) are spans in the outlet's own voice or a quote it chose, each with a
plain-language explanation; sentences get a bias score from
them and a small model of their wording (``bias_model``), shifted by what the sentence
includes (``inclusion``), and ``compare`` sets outlets side by side within one story.
"""

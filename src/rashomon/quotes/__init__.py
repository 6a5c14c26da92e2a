"""Quotes: direct, indirect and mixed reported speech, each with its speaker."""

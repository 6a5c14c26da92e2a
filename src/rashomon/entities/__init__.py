"""Canonical entities: mentions resolved within an article, then merged across the corpus."""

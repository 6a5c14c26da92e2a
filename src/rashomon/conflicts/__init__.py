"""Cross-article stage ``conflicts``: where outlets' figures clash, or update one
another, inside a story. It reads what the per-article ``figures`` stage stored and
the stories stage's grouping, so it lives with the cross-article stages."""

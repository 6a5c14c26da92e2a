"""Annotation: the spaCy pass, sentences and entity mentions."""

"""Figures: every quantity in an article with what it counts, its source and
period (stage ``figures``). Where outlets' figures clash is the cross-article
stage ``rashomon.conflicts``."""

"""Figures: every quantity in an article with what it counts, its source and
period (stage ``figures``), and where outlets' figures clash (cross-article
stage ``rashomon.figures.conflicts``)."""

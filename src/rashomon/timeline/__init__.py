"""Dates and the timeline: date expressions normalised against the publication
date (stage ``dates``) and the dated statements and happenings they anchor
(stage ``timeline``)."""

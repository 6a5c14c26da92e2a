"""The stage's sentence flag on ordinary news sentences (issue 15, calibration)."""

from __future__ import annotations


def test_regression_request_for_comment_is_not_biased(frame):
    analysis = frame("Reps for Griffin did not immediately return Fox News' request for comment.")
    assert [s.biased for s in analysis.sentences] == [False]


def test_a_loaded_sentence_is_still_biased(frame):
    analysis = frame(
        "Democrats rammed their bloated, disastrous spending bill through, ignoring every "
        "objection from furious voters."
    )
    assert any(s.biased for s in analysis.sentences)

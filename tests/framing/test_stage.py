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


def stage_calls(nlp, settings, text: str) -> int:
    """Python function calls (generator steps included) the framing stage makes on
    ``text``: a count, not a time, so the test does not depend on the machine."""
    import sys

    from rashomon.framing.stage import framing
    from rashomon.model import Article

    from .conftest import local_analysis

    doc = nlp(text)
    analysis = local_analysis(Article(id="t", input="t", text=text), doc)
    framing(analysis, doc, settings)  # warm the caches (lexicons, model) first
    analysis = local_analysis(Article(id="t", input="t", text=text), doc)
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        framing(analysis, doc, settings)
    finally:
        sys.setprofile(None)
    return calls


def test_regression_framing_cost_grows_linearly(nlp, settings):
    """Four times the text cost 13 times as much: every voice, name and kept-match
    question scanned every span. Now each is a bisection, so the cost is near-linear."""
    from .conftest import EXAMPLES

    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))[:2])
    four = "\n\n".join([one] * 4)
    ratio = stage_calls(nlp, settings, four) / stage_calls(nlp, settings, one)
    assert ratio < 4.6, f"4x the text took {ratio:.1f}x the calls"

"""The stage's sentence flag on ordinary news sentences (issue 15, calibration)."""

from __future__ import annotations


def test_regression_request_for_comment_is_not_biased(frame):
    """The first bias model scored this routine line 0.59, above the flag's threshold
    then; a threshold alone cannot pin it (0.59 passes today's 0.65), so the score must
    also stay below even odds."""
    analysis = frame("Reps for Griffin did not immediately return Fox News' request for comment.")
    assert [s.biased for s in analysis.sentences] == [False]
    assert analysis.sentences[0].bias_score < 0.5


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


def test_regression_a_wholly_quoted_sentence_is_read_by_the_model(frame):
    """A sentence that was all a quote had no own-voice words to embed, so it kept its
    rule score (0 without a signal) and could never be flagged, though which quote an
    outlet chooses is informational bias (BASIL half A: 439 such sentences, 21% annotated
    biased, none flagged). Now the model reads the sentence whole, quote included."""
    lead = "Ms. Reyes spoke after the vote on Tuesday. "
    heated = frame(lead + '"These people will stop at nothing to tear this country apart."')
    plain = frame(lead + '"The committee will meet again next week to review the figures."')
    quoted = heated.sentences[-1]
    assert not [s for s in heated.signals if s.start >= quoted.start]  # no rule fired
    assert quoted.bias_score > 0.5 > plain.sentences[-1].bias_score

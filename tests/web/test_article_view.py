"""Passage anchors on the article page: every cited start lands on a highlighted element."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rashomon.web.article_view import layout, passage_runs, voice

TEXT = (
    "Ministers met in Geneva on Monday.\n\nThey said talks would resume soon.\n\n"
    "No date was set for the next round."
)


def article(text: str = TEXT, signals: list | None = None) -> dict:
    return {"text": text, "quotes": [], "figures": [], "signals": signals or []}


def page(passages: list[tuple[int, int]], text: str = TEXT) -> str:
    return "".join(p.html for p in layout(article(text), passages)[0])


def test_cited_passage_is_wrapped_with_its_anchor():
    start = TEXT.index("They said")
    end = TEXT.index("soon.") + 5
    html = page([(start, end)])
    assert f'<span class="passage" id="c{start}">They said talks would resume soon.</span>' in html


def test_overlapping_passages_keep_every_anchor():
    a, b = TEXT.index("They"), TEXT.index("talks")
    html = page([(a, a + 20), (b, b + 20)])
    # one highlighted run, the later start an alias right before it (CSS `.alias:target + .passage`)
    assert f'<span class="alias" id="c{b}"></span><span class="passage" id="c{a}">' in html


def test_passage_across_paragraphs_gets_one_id():
    html = page([(0, len(TEXT))])
    assert html.count('id="c0"') == 1
    assert html.count('class="passage"') == 3  # each paragraph's piece is highlighted


@given(
    st.lists(
        st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 40)).map(
            lambda t: (t[0], min(len(TEXT), t[0] + t[1]))
        ),
        max_size=8,
    )
)
def test_every_cited_start_has_exactly_one_anchor(passages):
    html = page(passages)
    ids = re.findall(r'id="c(\d+)"', html)
    starts = {s for s, _ in passages}
    # a start in the blank between paragraphs is still placed, on the next piece of its passage
    assert sorted(map(int, ids)) == sorted(starts)
    assert re.sub(r"<[^>]+>", "", html) == TEXT.replace("\n\n", "")


def test_passage_runs_merge_overlaps():
    assert passage_runs([(10, 20), (0, 5), (15, 30), (10, 12)]) == [(0, 5, []), (10, 30, [15])]


def test_signal_voice_says_whose_words():
    assert voice({"voice": "outlet"}) == "own words"
    assert voice({"voice": "quote", "speaker": "Antony Blinken"}) == "quote: Antony Blinken"
    assert voice({"voice": "quote", "speaker": None}) == "quote: speaker unknown"


def test_a_quote_no_other_outlet_chose_is_said_on_the_quotes_note():
    """The framing_choice signal spans the whole quote: it joins the quote's note instead
    of a note of its own repeating the quote (the article page stays near its text's
    height), and its span is not marked a second time."""
    start, end = TEXT.index("They said"), TEXT.index("soon.") + 5
    quote = {"start": start, "end": end, "speaker": "Jane Doe", "cue": "said"}
    choice = {
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "signal": "choice",
        "label": "quote only this outlet chose",
        "explanation": "No other outlet on this story quotes Jane Doe.",
        "weight": 0.27,
        "voice": "quote",
        "speaker": "Jane Doe",
    }
    paragraphs, _ = layout({**article(signals=[choice]), "quotes": [quote]})
    groups = dict(paragraphs[1].groups)
    labels = [n.labels for n in groups["Quotes"]]
    assert labels == [["Jane Doe (said)", "quoted by no other outlet"]]
    assert len(groups) == 1 and 'class="sig"' not in paragraphs[1].html

"""Scare quotes: titles of works are none, and only a disowned term is evidence of Doubt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.framing.names import is_title


def kinds(analysis) -> set[tuple[str, str]]:
    return {(s.signal, s.label) for s in analysis.signals}


def test_regression_tv_show_title_in_quotes_is_not_a_scare_quote(frame):
    analysis = frame('The host of "Late Night Kitchen" has joined the race for mayor.')
    assert not [s for s in analysis.signals if s.signal == "scare_quote"]
    assert ("technique", "Doubt") not in kinds(analysis)


def test_regression_doubt_is_not_on_every_scare_quote(frame):
    bare = frame('The country sent new "security" assistance to the region on Friday.')
    assert [s for s in bare.signals if s.signal == "scare_quote"]
    assert ("technique", "Doubt") not in kinds(bare)
    disowned = frame('Officials held so-called "referendums" in the region on Friday.')
    assert ("technique", "Doubt") in kinds(disowned)


def test_is_title():
    assert is_title("Keeping Up with the Kardashians")
    assert is_title("Late Night Kitchen")
    assert not is_title("security")
    assert not is_title("the Kiev regime")


@given(st.lists(st.text(alphabet="bcdxz", min_size=1, max_size=6), min_size=1, max_size=5))
def test_is_title_property(words):
    """Capitalising every word makes a title; an all lower-case fragment never is one."""
    assert is_title(" ".join(w.capitalize() for w in words))
    assert not is_title(" ".join(words))

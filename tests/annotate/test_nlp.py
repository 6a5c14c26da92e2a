"""The table-driven attribute rules must give exactly what spaCy's attribute_ruler gives."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler

from rashomon.annotate.nlp import PARAGRAPH_BREAKS
from rashomon.annotate.pos import FastAttributeRuler, compile_rules, use_fast_attribute_rules

# Sentences that exercise the ruler's context rules: "there is" (left context), "ain't"
# and "y'all" (right context and regexes), a whitespace token, auxiliaries and pronouns.
CONTEXT_TEXT = (
    "There is a problem, and there were two more.  They ain't gonna stop, y'all know it.\n\n"
    "She has had nothing to do with it; did he?  Whether that is so, nobody said."
)


def token_view(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def reference(settings):
    """The same pipeline with spaCy's own attribute ruler."""
    nlp = spacy.load(settings.spacy_model, disable=["lemmatizer"])
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def test_pipeline_runs_the_fast_rules_under_the_ruler_name(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


def test_same_token_attributes_as_spacy_on_the_samples(nlp, reference, blinken_articles):
    texts = [a.text for a in blinken_articles] + [CONTEXT_TEXT]
    ours = nlp.pipe(texts)
    theirs = reference.pipe(texts)
    for mine, spacys in zip(ours, theirs, strict=True):
        assert token_view(mine) == token_view(spacys)


def test_context_rules_take_effect(nlp):
    doc = nlp(CONTEXT_TEXT)
    there_is, ai = doc[1], next(t for t in doc if t.text == "ai")
    assert (there_is.text, there_is.pos_) == ("is", "VERB")  # the rule looks one token back
    assert ai.lemma_ == "be"  # "ai n't": the rule looks one token ahead
    spaces = [t for t in doc if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.tag_ == "_SP" for t in spaces)


def test_component_pickles_with_its_rules(nlp):
    clone = pickle.loads(pickle.dumps(nlp))
    assert token_view(clone(CONTEXT_TEXT)) == token_view(nlp(CONTEXT_TEXT))


def test_unsupported_patterns_keep_spacys_ruler():
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert compile_rules(ruler) is None
    assert not use_fast_attribute_rules(blank)
    assert isinstance(blank.get_pipe("attribute_ruler"), AttributeRuler)


WORDS = ["a", "b", "c", "A", "bb", " "]
token_spec = st.one_of(
    st.fixed_dictionaries({"LOWER": st.sampled_from(WORDS[:5])}),
    st.fixed_dictionaries(
        {"LOWER": st.fixed_dictionaries({"IN": st.lists(st.sampled_from(WORDS))})}
    ),
    st.fixed_dictionaries(
        {"LOWER": st.fixed_dictionaries({"NOT_IN": st.lists(st.sampled_from(WORDS))})}
    ),
    st.fixed_dictionaries(
        {"LOWER": st.fixed_dictionaries({"REGEX": st.sampled_from(["^b", "a$"])})}
    ),
    st.fixed_dictionaries({"IS_SPACE": st.booleans()}),
    st.just({}),
)


@st.composite
def rules(draw):
    pattern = draw(st.lists(token_spec, min_size=1, max_size=3))
    index = draw(st.integers(-len(pattern), len(pattern) - 1))
    lemma = draw(st.sampled_from(["x", "y", "z"]))
    return pattern, index, lemma


@hyp_settings(max_examples=60, deadline=None)
@given(
    st.lists(rules(), min_size=1, max_size=6),
    st.lists(st.sampled_from(["a", "b", "c", "A", "bb", "ab"]), min_size=1, max_size=12),
)
def test_fast_rules_match_the_ruler_on_random_rules(rule_list, words):
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    for pattern, index, lemma in rule_list:
        ruler.add([pattern], {"LEMMA": lemma, "NORM": lemma + "n"}, index=index)
    text = " ".join(words).replace("A ", "A  ")  # a double space makes a space token
    fast = FastAttributeRuler(compile_rules(ruler))
    expected, got = ruler(blank.make_doc(text)), fast(blank.make_doc(text))
    assert [(t.lemma_, t.norm_) for t in got] == [(t.lemma_, t.norm_) for t in expected]


def test_regression_headline_ran_into_the_first_sentence(nlp):
    """A line without a full stop (a headline, subhead, caption) then a blank line was
    parsed as the start of the next paragraph's first sentence."""
    doc = nlp(
        "Minister Resigns Over Leaked Memo\n\nThe minister resigned on Friday. She denied it."
    )
    sentences = [s.text for s in doc.sents if s.text.strip()]
    assert sentences == [
        "Minister Resigns Over Leaked Memo",
        "The minister resigned on Friday.",
        "She denied it.",
    ]


@given(
    st.lists(
        st.sampled_from(["Rain fell", "Markets closed lower", "Talks resumed"]),
        min_size=2,
        max_size=4,
    )
)
def test_no_sentence_crosses_a_blank_line(nlp, lines):
    doc = nlp("\n\n".join(lines))
    assert all("\n\n" not in s.text.strip() for s in doc.sents)
    assert [s.text for s in doc.sents if s.text.strip()] == lines

from hypothesis import given
from hypothesis import strategies as st

from rashomon.quotes.labels import find_labels
from rashomon.quotes.marks import paragraphs


def labels(text: str) -> list[tuple[str, str, bool]]:
    return [
        (label.text, text[label.start : label.end], label.capitals)
        for label in find_labels(text, paragraphs(text))
    ]


def test_transcript_turns_and_headline_labels():
    text = '"WALLACE: Will he be there?\n\n"SEN. KAINE: Yes, he will."\n\nPence: Flowers stays home'
    assert labels(text) == [
        ("WALLACE", "Will he be there?", True),
        ("SEN. KAINE", "Yes, he will.", True),
        ("Pence", "Flowers stays home", False),
    ]


def test_sentences_with_a_colon_are_no_labels():
    assert labels("He said this about the plan: it will fail.") == []
    assert labels("The Republican presidential nominee said: no.") == []


@given(st.text(alphabet=st.sampled_from(list('AB ab:."\n')), max_size=60))
def test_statements_lie_inside_their_paragraph(text):
    paras = paragraphs(text)
    for label in find_labels(text, paras):
        assert any(s <= label.label_start < label.start < label.end <= e for s, e in paras)
        assert text[label.label_end] == ":"

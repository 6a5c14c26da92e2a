"""Human labels: one mapping for technique codes, signal kinds, columns, titles, quote marks."""

from hypothesis import given
from hypothesis import strategies as st

from rashomon import labels


def test_regression_raw_technique_codes_are_named_for_people():
    assert labels.technique("Name_Calling-Labeling") == "Name-calling / labelling"
    assert labels.signal_label("technique", "Appeal_to_Fear-Prejudice") == (
        "Appeal to fear / prejudice"
    )
    assert labels.technique("Some_New_Code") == "Some New Code"  # unknown codes spelled out


def test_signal_kinds_and_labels():
    assert labels.signal_kind("scare_quote") == labels.signal_kind("SCARE_QUOTE") == "Scare quotes"
    assert labels.signal_label("loaded", "negative_judgement") == "Negative judgement"
    assert labels.signal_label("naming", "war: invasion") == "invasion (war)"
    assert labels.signal_label("naming", "war: war") == "war"
    assert labels.signal_label("naming", "kyiv_spelling: Kiev") == "Kiev (kyiv spelling)"
    assert labels.signal_label("attribution", "claimed") == "claimed"


def test_explanation_names_the_technique():
    text = "Doubt: the outlet casts doubt ('x', loaded)."
    assert labels.explanation("technique", "Doubt", text).startswith("Casting doubt: ")


def test_regression_raw_column_headers():
    assert labels.column("outlet_label") == "Outlet"
    assert labels.column("article_count") == "Articles"


def test_regression_untitled_article_had_no_link_text():
    assert labels.article_title("  ", "One two three", "x") == "One two three"
    long = " ".join(f"w{i}" for i in range(30))
    assert labels.article_title("", long, "x").endswith("w11…")
    assert labels.article_title("", "", "abc") == "article abc"
    assert labels.article_title("Title", "text", "x") == "Title"


def test_regression_doubled_quote_marks():
    assert labels.quoted('"Now is not the time to let up,"') == '"Now is not the time to let up,"'
    assert labels.quoted("“We know”") == "“We know”"
    assert labels.quoted("the West must maintain its unity") == "“the West must maintain its unity”"
    assert labels.quoted("“We have every confidence.") == "“We have every confidence.”"
    mixed = 'Putin "will fail" in his war and will suffer a "strategic defeat,"'
    assert labels.quoted(mixed, "mixed") == mixed  # not verbatim: no marks of ours
    assert labels.quoted("the West must stay united", "indirect") == "the West must stay united"


@given(st.text(min_size=1).filter(str.strip))
def test_quoted_text_is_marked_exactly_once(text):
    out = labels.quoted(text)
    assert out.strip()[0] in labels.OPENING_MARKS and out.strip()[-1] in labels.CLOSING_MARKS
    assert labels.quoted(out) == out  # marking again adds nothing


def test_regression_figure_as_of_showed_raw_iso_dates():
    assert labels.dates_in_words("since 2022-02-24") == "since 24 February 2022"
    assert labels.dates_in_words("in 2023-01") == "in January 2023"  # a month stays a month
    assert labels.dates_in_words("since the start of the war") == "since the start of the war"
    assert labels.dates_in_words(None) == ""


@given(st.text())
def test_dates_in_words_never_raises_and_keeps_other_text(text):
    out = labels.dates_in_words(text)
    assert isinstance(out, str)
    if not any(c.isdigit() for c in text):
        assert out == text



def test_outlets_phrase_counts_unknown_outlets_apart():
    unknown = ["outlet unknown (ab12cd34)", "outlet unknown (ef56ab78)"]
    assert labels.outlets_phrase(["Reuters", "Reuters", "AP"]) == "2 outlets"
    assert labels.outlets_phrase(["Press TV", *unknown]) == (
        "1 outlet and 2 articles whose outlet is unknown"
    )
    assert labels.outlets_phrase(unknown[:1]) == "1 article whose outlet is unknown"
    assert labels.outlets_phrase([None, ""]) == "0 outlets"

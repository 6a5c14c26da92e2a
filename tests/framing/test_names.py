"""No wording signal inside a name: organisations, people, titles (issue 15, item 1)."""

from __future__ import annotations

from rashomon.framing.names import capitalised_runs, is_title_case


def words_signalled(analysis) -> set[str]:
    return {s.text.lower() for s in analysis.signals if s.signal != "stance"}


def test_regression_department_of_homeland_security_is_not_flag_waving(frame):
    analysis = frame("The Department of Homeland Security said on Monday it would review the rule.")
    assert "homeland" not in words_signalled(analysis)
    assert not [s for s in analysis.signals if s.label == "Flag_Waving"]


def test_regression_homeland_security_without_department_is_a_name_too(frame):
    analysis = frame("Officials at Homeland Security said the review would take a month.")
    assert "homeland" not in words_signalled(analysis)


def test_homeland_in_the_outlets_own_words_still_counts(frame):
    analysis = frame("They marched to defend the homeland against the invaders, the paper wrote.")
    assert "homeland" in words_signalled(analysis)


def test_regression_host_dana_bash_is_not_loaded_language(frame):
    analysis = frame("CNN host Dana Bash asked the senator about the vote on Sunday.")
    assert "bash" not in words_signalled(analysis)


def test_bash_as_a_verb_still_counts(frame):
    analysis = frame("Democrats bash the plan at every turn, ignoring what it would do.")
    assert "bash" in words_signalled(analysis)


def test_capitalised_runs_find_names_but_not_headlines(nlp):
    body = next(iter(nlp("Staff at the Office of Budget Review said it was late.").sents))
    assert {
        body.text[s - body.start_char : e - body.start_char] for s, e in capitalised_runs(body, 0.6)
    } == {"Office of Budget Review"}
    headline = next(iter(nlp("Senators Slam Plan To Cut School Lunch Funding").sents))
    assert capitalised_runs(headline, 0.6) == set()


def test_a_capitalised_first_word_is_not_part_of_the_name(frame):
    analysis = frame("Incompetent Senator Bob Smith resigned on Monday after the vote.")
    assert "incompetent" in words_signalled(analysis)


def test_is_title_case_counts_capitalised_words_against_the_share():
    assert is_title_case(["Council", "Votes", "to", "Close", "Two", "Libraries"], 0.6)
    assert is_title_case(["NATO", "Meets", "in", "Oslo"], 0.6)
    assert not is_title_case(["Council", "votes", "to", "close", "two", "libraries"], 0.6)
    assert not is_title_case(["52", "--", "48"], 0.6)  # no word: nothing to read
    assert not is_title_case([], 0.6)


def test_regression_a_one_word_show_title_in_quotes_was_loaded_language(frame):
    """A title in quotation marks was no scare quote, but a one-word title spaCy tags
    as no entity ("Evil", the series) kept its word as loaded language."""
    for text in ('The series "Evil" returns in May.', 'The film "Brutal" opens on Friday.'):
        assert words_signalled(frame(text)) == set(), text


def test_a_quoted_word_in_lower_case_is_still_the_outlets_wording(frame):
    assert "evil" in words_signalled(frame('Critics called the plan "evil" on Monday.'))

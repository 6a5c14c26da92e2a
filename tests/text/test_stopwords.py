"""The one stopword list, and the prose words cut from it."""

from rashomon.text.stopwords import PROSE_WORDS, STOP_WORDS, is_stop_word


def test_prose_words_are_stopwords_but_for_the_reporting_verb():
    assert {"said", "says"} == PROSE_WORDS - STOP_WORDS


def test_stop_words_ignore_case():
    assert is_stop_word("The") and not is_stop_word("Blinken")

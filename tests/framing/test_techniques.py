"""Techniques: repetition is a judging phrase hammered home, not a topic's name."""

from __future__ import annotations

from rashomon.framing.lexicon import load_lexicon


def repetitions(analysis) -> list:
    return [s for s in analysis.signals if s.label == "Repetition"]


def test_regression_repetition_does_not_fire_on_a_topic_phrase(frame):
    text = (
        "The county expanded health care on Monday. Health care costs rose last year. "
        "The board will discuss health care again in May."
    )
    assert repetitions(frame(text)) == []


def test_repetition_fires_on_a_judging_phrase_said_three_times(frame):
    text = (
        "The plan is a reckless gamble. Critics call the tax a reckless gamble. "
        "Voters will pay for this reckless gamble."
    )
    found = repetitions(frame(text))
    assert len(found) == 3 and {s.text.lower() for s in found} == {"reckless gamble"}
    assert all(s.voice == "outlet" for s in found)


def test_technique_signals_keep_the_voice_of_their_evidence(frame):
    analysis = frame('"This is a disgraceful and reckless betrayal," Senator Ann Poole said.')
    techniques = [s for s in analysis.signals if s.signal == "technique"]
    assert techniques and {s.voice for s in techniques} == {"quote"}


def test_technique_phrases_are_emitted_with_their_evidence_span(frame):
    text = "Everyone knows the plan failed. But what about the money the council lost?"
    found = {(s.label, s.text) for s in frame(text).signals if s.signal == "technique"}
    assert ("Appeal_to_Popularity", "Everyone knows") in found
    assert ("Whataboutism", "But what about") in found


def test_technique_phrases_inside_a_name_are_none(frame):
    text = "She chairs the Committee for Family Values in the state house."
    assert not [s for s in frame(text).signals if s.label == "Appeal_to_Values"]


# The SemEval-2023 task 3 techniques the first pass could never emit (11 of the 19 found
# in real data): each now has rules or phrases, and each phrase is found on its own span.
ONCE_NEVER_EMITTED = {
    "Appeal_to_Popularity",
    "Appeal_to_Authority",
    "False_Dilemma-No_Choice",
    "Conversation_Killer",
    "Whataboutism",
    "Appeal_to_Hypocrisy",
    "Guilt_by_Association",
    "Appeal_to_Time",
    "Consequential_Oversimplification",
    "Appeal_to_Values",
    "Questioning_the_Reputation",
}


def test_regression_techniques_of_real_data_could_never_be_emitted(frame):
    cues = load_lexicon().techniques
    assert {cue.technique for cue in cues} >= ONCE_NEVER_EMITTED
    missed = []
    for cue in cues:
        phrase = cue.phrases[0]
        text = f"The council met on Monday. {phrase[0].upper()}{phrase[1:]} the plan, it wrote."
        labels = {s.label for s in frame(text).signals if s.signal == "technique"}
        if cue.technique not in labels:
            missed.append((cue.technique, phrase))
    assert missed == []

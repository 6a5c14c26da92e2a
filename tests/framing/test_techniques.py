"""Techniques: repetition is a judging phrase hammered home, not a topic's name."""

from __future__ import annotations

import pytest

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


# Every SemEval-2023 technique the rules can emit, each from each of its sources: a
# self-written example, the evidence span its signal must sit on, and a neutral near-miss
# (the same words in a name or a plain sense, or the plain wording) where it must not.
# The taxonomy's other four (Causal_Oversimplification, Straw_Man, Red_Herring,
# Obfuscation-Vagueness-Confusion) need an argument's structure, which no rule reads.
EVIDENCE = [
    # (technique, example, evidence span, near-miss)
    ("Loaded_Language", "Critics bashed the plan at every turn.", "bashed",
     "CNN host Dana Bash asked about the plan on Sunday."),
    ("Loaded_Language", "The mayor boasted that crime had fallen.", "boasted",
     "The mayor said that crime had fallen."),
    ("Name_Calling-Labeling", "Police arrested the thugs who blocked the road.", "thugs",
     "Police arrested the men who blocked the road."),
    ("Name_Calling-Labeling", "The Kiev regime rejected the offer.", "Kiev regime",
     "The Ukrainian government rejected the offer."),
    ("Name_Calling-Labeling", "The Western-sponsored president gave a speech.",
     "Western-sponsored", "The president of the West African bank gave a speech."),
    ("Doubt", 'Officials held so-called "referendums" in the region.', '"referendums"',
     'Officials held "referendums" in the region.'),
    ("Doubt", "The minister dismissed the baseless claims on Monday.", "baseless claims",
     "The minister dismissed the claims on Monday."),
    ("Doubt", "The company claimed that the water was safe.", "claimed",
     "The company said that the water was safe."),
    ("Appeal_to_Fear-Prejudice", "Hordes of migrants are heading north, the flyer said.",
     "Hordes", "Thousands of migrants are heading north, the agency said."),
    ("Flag_Waving", "They marched to defend the homeland against the invaders.", "homeland",
     "The Department of Homeland Security reviewed the rule."),
    ("Exaggeration-Minimisation", "The council faces an unprecedented crisis over its budget.",
     "unprecedented", "The council faces a new dispute over its budget."),
    ("Repetition",
     "The plan is a reckless gamble. Critics call the tax a reckless gamble. Voters will pay "
     "for this reckless gamble.", "reckless gamble",
     "The county expanded health care on Monday. Health care costs rose last year. The "
     "board will discuss health care again in May."),
    ("Slogans", "The rally ended after an hour. Stop the war now!", "Stop the war now!",
     "The rally ended after an hour. The war went on."),
    ("Slogans", "The crowd cheered. Build the wall, they chanted.", "Build the wall",
     "Workers will build the wall of the new school in May."),
    ("Appeal_to_Popularity", "Everyone knows the plan failed.", "Everyone knows",
     "Everyone in the room knows the code."),
    ("Appeal_to_Authority", "Experts agree that the plan will fail.", "Experts agree",
     "Three experts from the university reviewed the plan."),
    ("False_Dilemma-No_Choice", "Higher taxes are the only way to save the schools.",
     "the only way", "The bridge is the only road into town."),
    ("Conversation_Killer", "The deal is done, end of story.", "end of story",
     "The story ends in Paris in 1920."),
    ("Whataboutism", "But what about the money the council lost?", "But what about",
     "The council asked what the money was for."),
    ("Appeal_to_Hypocrisy", "The senator is a hypocrite on spending.", "hypocrite",
     "The senator spoke on spending for an hour."),
    ("Guilt_by_Association", "The mayor has been cozying up to developers.", "cozying up to",
     "The mayor met developers on Friday."),
    ("Appeal_to_Time", "Time is running out to fix the dam.", "Time is running out",
     "The deadline for the dam repair is in June."),
    ("Consequential_Oversimplification", "The rule would open the floodgates to more lawsuits.",
     "open the floodgates", "Engineers opened the floodgates of the dam on Monday."),
    ("Appeal_to_Values", "The bill threatens our way of life.", "our way of life",
     "She chairs the Committee for Family Values in the state house."),
    ("Questioning_the_Reputation", "The witness has no credibility, the memo said.",
     "has no credibility", "The witness testified for an hour, the memo said."),
]  # fmt: skip
# Techniques rules emit from code, not from a lexicon entry: patron labels and epithets
# on statements (wording.py), disowned scare quotes (scare_quotes.py), and the two rules
# of techniques.py.
RULE_TECHNIQUES = {"Name_Calling-Labeling", "Doubt", "Repetition", "Slogans"}


def technique_spans(analysis) -> set[tuple[str, str]]:
    return {(s.label, s.text) for s in analysis.signals if s.signal == "technique"}


def test_every_emittable_technique_has_an_example():
    lexicon = load_lexicon()
    emittable = RULE_TECHNIQUES | {cue.technique for cue in lexicon.techniques}
    emittable |= {g.technique for g in lexicon.groups} | {v.technique for v in lexicon.verbs}
    emittable |= {t.technique for f in lexicon.families for t in f.terms}
    assert emittable - {""} == {technique for technique, *_ in EVIDENCE}
    assert len(emittable - {""}) == 19


@pytest.mark.parametrize(("technique", "text", "evidence", "near_miss"), EVIDENCE)
def test_a_technique_is_emitted_on_its_evidence_span_and_not_on_a_near_miss(
    frame, technique, text, evidence, near_miss
):
    assert (technique, evidence) in technique_spans(frame(text))
    assert technique not in {label for label, _ in technique_spans(frame(near_miss))}


def slogans(analysis) -> list:
    return [s for s in analysis.signals if s.label == "Slogans"]


def test_regression_a_slogans_words_in_a_plain_clause_were_a_slogan(frame):
    """A listed slogan matched anywhere, so "build the wall" of a school was Slogans; it
    counts now only standing alone as a clause, and once inside an exclamation."""
    assert not slogans(frame("Workers will build the wall of the new school."))
    assert not slogans(frame("The America First policy was debated."))
    (slogan,) = slogans(frame("The rally ended. We will win!"))
    assert slogan.text == "We will win!"

"""One voice: a person and the office that speaks for them are not "a different actor"."""

from __future__ import annotations

from rashomon.compare.align import similarity
from rashomon.compare.kinds import clash
from rashomon.compare.units import Unit
from rashomon.compare.voices import is_newsroom, is_office_voice, same_voice


def quote(outlet: str, text: str, speaker: str, *actors: str) -> Unit:
    return Unit(f"{outlet}-1", outlet, None, 0, len(text), text, 0, speaker=speaker,
                actors=frozenset(actors))


def test_seats_of_government_and_spokespeople_are_office_voices():
    for speaker in ("White House", "the Kremlin", "Downing Street", "his spokesman",
                    "White House press secretary", "the president's office"):
        assert is_office_voice(speaker), speaker
    for speaker in ("Donald Trump", "Senate", "Vladimir Putin", "House Democrats"):
        assert not is_office_voice(speaker), speaker


def test_regression_trump_and_the_white_house_contested_the_only_shared_point():
    # Three outlets' one-sentence leads: one attributes the signal to the president, two
    # to the White House, each naming the other; before, the point was contested
    # ("actor") and the story's summary came out empty.
    found = [
        quote("A", "President Trump signaled he is willing to reform background checks, "
              "the White House said.", "Trump", "Trump", "White House"),
        quote("B", "The White House signaled that President Trump would be open to "
              "bolstering background checks.", "White House", "White House", "Trump"),
        quote("C", "Donald Trump is supportive of efforts to improve background checks, "
              "the White House says.", "White House", "Donald Trump", "White House"),
    ]
    assert same_voice(found[0], found[1]) and same_voice(found[0], found[2])
    assert clash([0, 1, 2], found, similarity(found, 0.3), []) is None


def test_an_office_not_named_by_the_other_is_still_another_actor():
    kremlin = quote("A", "The talks were useful, the Kremlin said.", "Kremlin", "Kremlin")
    white_house = quote("B", "The talks were useful, the White House said.", "White House",
                        "White House")
    trump = quote("C", "The talks were useful, Trump said.", "Trump", "Trump")
    assert not same_voice(kremlin, white_house)
    assert not same_voice(kremlin, trump)  # the Kremlin does not speak for Trump
    assert not same_voice(white_house, trump)  # neither sentence names the other


def test_regression_a_network_reporting_trump_was_another_actor_than_trump():
    cnn = quote("A", '"Trump says for the first time Biden won the election," CNN said.', "CNN",
                "Trump", "Biden", "CNN")
    trump = quote("B", 'President Donald Trump suggested Sunday that Joe Biden had "won" the '
                  "election.", "Donald Trump", "Donald Trump", "Joe Biden")
    assert same_voice(cnn, trump)
    assert clash([0, 1], [cnn, trump], similarity([cnn, trump], 0.3), []) is None


def test_one_plain_word_is_not_taken_for_a_newsroom():
    assert is_newsroom("CNN") and is_newsroom("Fox News") and is_newsroom("The Hill")
    assert not is_newsroom("Hill") and not is_newsroom("Biden")

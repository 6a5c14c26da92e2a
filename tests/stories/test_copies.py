"""Copies: a perturbed reprint with a caption and boilerplate is flagged, pointing at the
earliest article of its group, and joins that article's event."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from tests.stories.conftest import add_articles, placements

from rashomon.stories.copies import containment, signature
from rashomon.stories.credits import AGENCIES, DOMAIN, wire_credits
from rashomon.stories.stage import run

CAPTION = "Secretary Blinken speaks to reporters in Washington. (Photo by AFP)\n\n"
FOOTER = "\n\nShare this article\nRead also: more news from the region\nBack to top"


def reprint(text: str, seed: int, changed: float = 0.08) -> str:
    """The text with a share of its words replaced, a caption above and a footer below."""
    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), int(len(words) * changed)):
        words[i] = rng.choice(["the", "said", "reported", "new", "also"])
    return CAPTION + " ".join(words) + FOOTER


def test_containment_separates_reprints_from_other_articles(samples):
    original = samples["000"].text
    sig, size = signature(original)
    copy_sig, copy_size = signature(reprint(original, 1))
    assert containment(sig, size, copy_sig, copy_size) >= 0.6
    for other in ("001", "002", "003", "004"):
        other_sig, other_size = signature(samples[other].text)
        assert containment(sig, size, other_sig, other_size) < 0.2


def test_reprint_is_flagged_as_copy_of_the_earliest(make_store, samples, stories_settings):
    original = samples["000"]
    later = replace(
        original,
        id="r1",
        input="r1",
        outlet="reprinter",
        published="2022-03-10",
        text=reprint(original.text, 2),
    )
    with make_store([original, later, samples["002"]]) as store:
        run(store, stories_settings)
        rows = placements(store)
        assert rows["r1"]["copy_of"] == "000"
        assert rows["r1"]["copy_similarity"] >= stories_settings.stories_copy_threshold
        assert rows["000"]["copy_of"] is None
        assert rows["r1"]["event_id"] == rows["000"]["event_id"]
        assert rows["002"]["copy_of"] is None
        # An earlier print arriving in a later run becomes what the group copies.
        earlier = replace(
            original, id="r0", input="r0", published="2022-03-08", text=reprint(original.text, 3)
        )
        add_articles(store, [earlier])
        run(store, stories_settings)
        rows = placements(store)
        assert rows["r0"]["copy_of"] is None
        assert rows["000"]["copy_of"] == "r0"
        assert rows["r1"]["copy_of"] == "r0"
        assert rows["r0"]["event_id"] == rows["000"]["event_id"]


def test_credit_lines_name_agencies():
    text = "KYIV, Ukraine (AP) — Shelling went on.\n\nWith reports by AP and Reuters"
    assert {c.agency for c in wire_credits(text, [])} == {"AP", "Reuters"}
    assert [c.agency for c in wire_credits("x", ["Based on materials: ZN.ua"])] == ["ZN.ua"]
    assert wire_credits("A caption. (Reuters Photo)\nBody text.", []) == []
    assert wire_credits("Reporting by Jane Doe; editing by John Roe", []) == []


@given(st.text(max_size=300), st.lists(st.text(max_size=60), max_size=3))
def test_credit_parser_never_fails_and_names_only_agencies(text, credits):
    for credit in wire_credits(text, credits):
        assert credit.agency in AGENCIES or DOMAIN.fullmatch(credit.agency)
        assert credit.evidence


def test_reprint_months_later_is_a_copy_in_its_own_event(make_store, samples, stories_settings):
    original = samples["000"]
    late = replace(
        original, id="late", input="late", published="2022-10-01", text=reprint(original.text, 4)
    )
    with make_store([original, late]) as store:
        run(store, stories_settings)
        rows = placements(store)
        assert rows["late"]["copy_of"] == "000"
        assert rows["late"]["event_id"] != rows["000"]["event_id"]
        spans = {
            r["id"]: (r["first_date"], r["last_date"])
            for r in store.rows("SELECT * FROM story_events")
        }
        assert spans[rows["000"]["event_id"]] == ("2022-03-09", "2022-03-09")


def test_regression_stub_pages_are_neither_copies_nor_one_event(
    make_store, samples, stories_settings
):
    """Boilerplate-only pages used to be marked copies of each other and grouped as one
    event; a stub is now an event and storyline of its own."""
    stub = "Chat with us on WhatsApp.\nSubscribe to our newsletter. Share this page."
    stubs = [
        replace(samples["000"], id=f"s{i}", input=f"s{i}", title="Live chat", text=stub)
        for i in range(3)
    ]
    with make_store([*stubs, samples["001"], samples["003"]]) as store:
        run(store, stories_settings)
        rows = placements(store)
        assert all(rows[f"s{i}"]["copy_of"] is None for i in range(3))
        assert len({rows[f"s{i}"]["event_id"] for i in range(3)}) == 3
        assert len({rows[f"s{i}"]["storyline_id"] for i in range(3)}) == 3
        assert rows["001"]["event_id"] == rows["003"]["event_id"]  # real articles still group

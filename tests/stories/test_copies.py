"""Copies: a perturbed reprint with a caption and boilerplate is flagged, pointing at the
earliest article of its group, and joins that article's event."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import numpy as np
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.stories.conftest import add_articles, placements

from rashomon.stories import repo
from rashomon.stories.clusters import ArticleFeatures
from rashomon.stories.copies import (
    LSH_BANDS,
    LSH_ROWS,
    NUM_PERM,
    CopyIndex,
    containment,
    signature,
    template,
)
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


# -- the stored LSH index (story_bands) ------------------------------------------------------


def expected_bands(store) -> list[tuple]:
    """The band rows the stored signatures call for: what story_bands must hold."""
    rows = store.conn.execute("SELECT article_id, minhash, shingles FROM story_features")
    return sorted(r for found in rows for r in repo.band_rows(*found))


def band_table(store) -> list[tuple]:
    return sorted(tuple(r) for r in store.conn.execute("SELECT * FROM story_bands"))


def placement(article_id: str, seq: int, sig: np.ndarray, size: int) -> repo.Placement:
    features = ArticleFeatures(article_id, seq, None, np.zeros(4, np.float32), {}, Counter())
    return repo.Placement(features, "e1", None, None, None, sig, size, [])


POOLS = st.sets(st.integers(0, 2**32 - 1), min_size=2, max_size=4)


def test_stored_band_candidates_equal_datasketch_lsh(make_store, samples):
    """Candidates looked up by the stored band keys (and those of articles added since the
    last commit) are exactly MinHashLSH's with the same bands and rows: signatures drawn
    from a few values share bands often, as copies do."""
    articles = [replace(samples["000"], id=f"a{i}", input=f"a{i}") for i in range(24)]
    min_shingles = 5
    with make_store(articles) as store:

        @settings(max_examples=40, deadline=None)
        @given(st.data(), POOLS, st.integers(1, 24), st.integers(0, 24))
        def check(data, pool, count, stored):
            values = sorted(pool)
            sigs = [
                np.array(data.draw(st.lists(st.sampled_from(values), min_size=NUM_PERM,
                                            max_size=NUM_PERM)), dtype=np.uint32)
                for _ in range(count)
            ]  # fmt: skip
            sizes = data.draw(st.lists(st.integers(0, 9), min_size=count, max_size=count))
            with store.transaction():
                for table in ("story_bands", "story_features", "story_articles"):
                    store.conn.execute(f"DELETE FROM {table}")
                committed = [placement(f"a{i}", i, sigs[i], sizes[i]) for i in range(count)]
                repo.save_placements(store, committed[:stored])
            index = CopyIndex(0.5, min_shingles, repo.Signatures(store))
            lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
            for i, (sig, size) in enumerate(zip(sigs, sizes, strict=True)):
                if i >= stored:
                    index.add(f"a{i}", sig, size)
                if size >= min_shingles:
                    lsh.insert(f"a{i}", minhash(sig))
            for sig in sigs:
                assert set(index.candidates(sig)) == set(lsh.query(minhash(sig)))

        check()


def minhash(sig: np.ndarray) -> MinHash:
    base = template()
    return MinHash(NUM_PERM, hashvalues=sig, permutations=base.permutations, scheme=base.scheme)


def test_band_keys_are_written_with_signatures_and_a_rerun_changes_nothing(
    make_store, samples, stories_settings
):
    later = replace(samples["000"], id="r1", input="r1", text=reprint(samples["000"].text, 5))
    with make_store([*samples.values(), later]) as store:
        run(store, stories_settings)
        written = band_table(store)
        assert written == expected_bands(store)
        assert len(written) == LSH_BANDS * len(samples) + LSH_BANDS
        run(store, stories_settings)
        assert band_table(store) == written


def test_deleted_article_leaves_the_band_table(make_store, samples, stories_settings):
    later = replace(samples["000"], id="r1", input="r1", text=reprint(samples["000"].text, 6))
    with make_store([samples["000"], later, samples["001"]]) as store:
        run(store, stories_settings)
        assert placements(store)["r1"]["copy_of"] == "000"
        with store.transaction():
            store.conn.execute("DELETE FROM inputs WHERE input = ?", (samples["000"].input,))
        run(store, stories_settings)
        assert band_table(store) == expected_bands(store)
        assert not any(row[2] == "000" for row in band_table(store))
        assert placements(store)["r1"]["copy_of"] is None
        # The deleted text's keys are gone: printed again, it copies only the reprint.
        add_articles(store, [replace(samples["000"], id="again", input="again")])
        run(store, stories_settings)
        assert placements(store)["again"]["copy_of"] == "r1"


def test_reanalysed_article_keeps_only_its_new_band_keys(make_store, samples, stories_settings):
    """An article analysed again (same input, so same id) has a new signature: its old band
    keys must not keep pointing at it."""
    with make_store([samples["000"], samples["002"]]) as store:
        run(store, stories_settings)
        before = band_table(store)
        add_articles(store, [replace(samples["000"], text=samples["004"].text)])
        run(store, stories_settings)
        assert band_table(store) == expected_bands(store)
        assert band_table(store) != before

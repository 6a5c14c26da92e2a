"""Training the bias model: the data checks it makes and the same weights from the same file."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.framing.train import DATA, NEAR_DUPLICATE, load_rows, near_duplicates, train
from rashomon.stories.text import words

VOCABULARY = ("senate", "vote", "bill", "slammed", "radical", "said", "tax", "border", "the")


def brute_force(texts: list[str]) -> list[tuple[int, int]]:
    sets = [set(words(t)) for t in texts]
    return [
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if len(sets[i] & sets[j]) > NEAR_DUPLICATE * len(sets[i] | sets[j])
    ]


def write_rows(path, rows: list[dict]) -> None:
    header = {"about": "test rows", "licence": "MIT", "rows": len(rows)}
    path.write_text("".join(json.dumps(r) + "\n" for r in [header, *rows]), encoding="utf-8")


def test_near_duplicates_finds_a_sentence_with_one_word_added():
    texts = [
        "The Senate passed the bill on Tuesday after a long debate.",
        "The council approved the budget by a vote of seven to two.",
        "The Senate passed the bill on Tuesday after a long debate, aides said.",
    ]
    assert near_duplicates(texts) == [(0, 2)]


def test_near_duplicates_leaves_a_contrastive_pair_apart():
    """One fact told plainly and with a slant shares its topic words, not 80% of them."""
    plain = "The governor signed the redistricting plan into law on Friday."
    slanted = "The governor quietly signed his brazen gerrymander into law late Friday."
    assert near_duplicates([plain, slanted]) == []


@given(
    st.lists(
        st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=7).map(" ".join),
        max_size=14,
    )
)
def test_near_duplicates_agrees_with_comparing_every_pair(texts):
    assert sorted(near_duplicates(texts)) == brute_force(texts)


def test_training_rows_have_no_near_duplicates():
    texts = [r["text"] for r in load_rows()]
    assert near_duplicates(texts) == []


def test_training_rows_kinds_are_declared_and_match_the_label():
    header = json.loads(DATA.read_text(encoding="utf-8").splitlines()[0])
    kinds = header["kinds"]
    rows = [r for r in load_rows() if "kind" in r]
    assert len(rows) >= 2000 and {r["kind"] for r in rows} == set(kinds)
    assert all((r["kind"] == "neutral") == (r["label"] == 0) for r in rows)


def test_regression_train_refuses_near_duplicate_rows(tmp_path):
    """Twins land in different cross-validation folds and flatter the chosen penalty."""
    data = tmp_path / "rows.jsonl"
    write_rows(
        data,
        [
            {"text": "Police arrested a man on Tuesday near the station.", "label": 0},
            {"text": "Police arrested a man on Tuesday near the station, police said.", "label": 0},
            {"text": "The thugs rampaged through the station on Tuesday.", "label": 1},
        ],
    )
    with pytest.raises(ValueError, match="1 near-duplicate row pairs"):
        train(data)


def test_training_twice_on_one_file_gives_the_same_weights(tmp_path):
    rows = load_rows()
    data = tmp_path / "rows.jsonl"
    write_rows(data, rows[:40] + rows[-40:])
    first, second = train(data), train(data)
    assert first == second
    assert first["rows"] == 80 and 0 < first["biased_rows"] < 80

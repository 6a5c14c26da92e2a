"""Per-outlet differences: voices by share of quoted words, naming, clashing figures."""

from __future__ import annotations

from rashomon.compare import differences as diff
from rashomon.model import StoryPoint


def point(pid: str, kind: str, outlets: list[str], salience: float) -> StoryPoint:
    return StoryPoint(pid, "s1", kind, pid, "a", 0, 1, None, outlets, len(outlets),
                      len(outlets), salience, None)


POINTS = [
    point("p1", "consensus", ["A", "B"], 0.9),
    point("p2", "unique", ["C"], 0.8),
    point("p3", "unique", ["C"], 0.2),
    point("p4", "unique", ["A"], 0.5),
]


def test_adds_are_the_outlets_most_salient_unique_points():
    assert [p.id for p in diff.adds(POINTS, "C", 1)] == ["p2"]
    assert [p.id for p in diff.adds(POINTS, "C", 5)] == ["p2", "p3"]


def test_leaves_out_lists_consensus_points_the_outlet_lacks():
    assert [p.id for p in diff.leaves_out(POINTS, "C")] == ["p1"]
    assert diff.leaves_out(POINTS, "A") == []


def test_voices_compare_each_speakers_share_with_the_other_outlets():
    voices = diff.voices([
        ("A", "Blinken", "one two three"),
        ("A", "Lavrov", "one"),
        ("B", "Blinken", "one"),
        ("B", None, "one two three four five six seven"),
    ])
    a = {v.speaker: v for v in voices["A"]}
    assert a["Blinken"].words == 3 and a["Blinken"].share == 0.75
    assert a["Blinken"].others_share == 0.125 and a["Lavrov"].others_share == 0.0
    assert [v.speaker for v in voices["B"]] == ["unattributed", "Blinken"]


def test_naming_rows_where_the_outlets_words_differ():
    table = [
        {"family": "war", "terms": {"A": ["invasion"], "B": ["special military operation"]}},
        {"family": "capital", "terms": {"A": ["Kyiv"], "B": ["Kyiv"]}},
    ]
    rows = diff.naming(table, "B")
    assert [(n.family, n.terms, n.others) for n in rows] == [
        ("war", ["special military operation"], {"A": ["invasion"]})
    ]


def test_clashes_name_the_outlets_own_and_the_others_figures():
    conflict = {"counts": "civilians killed", "unit": None, "members": [
        {"outlet": "A", "text": "474 civilians"}, {"outlet": "B", "text": "500 civilians"},
    ]}
    (clash,) = diff.clashes([conflict], "A")
    assert clash.values == ["474 civilians"] and clash.others == {"B": ["500 civilians"]}
    assert diff.clashes([conflict], "C") == []

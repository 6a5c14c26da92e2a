"""The framing lexicons, read from TOML: naming families, wording groups, attribution verbs,
technique phrases, cues.

The built-in files live in ``rashomon/data/framing``; users extend them with files of
their own (``settings.framing_lexicons``) of the same shape, so a newsroom can add the
naming fights of its own beat without touching code. Loaded once per process.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rashomon.errors import RashomonError

BUILT_IN = ("naming.toml", "wording.toml", "attribution.toml", "techniques.toml", "cues.toml")


@dataclass(frozen=True, slots=True)
class NamingTerm:
    label: str
    say: tuple[str, ...]
    means: str
    weight: float
    match: bool = True
    technique: str = ""
    # ISO date from which this name is a choice: before it, the alternative was not yet
    # established in English usage, so the name was simply the usual one ("Kiev" < 2019).
    choice_from: str = ""


@dataclass(frozen=True, slots=True)
class NamingFamily:
    id: str
    thing: str
    terms: tuple[NamingTerm, ...]
    spelling: bool = False
    purpose: bool = False
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WordGroup:
    id: str
    signal: str
    technique: str
    polarity: int
    weight: float
    means: str
    inflect: bool
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttributionVerb:
    label: str
    say: tuple[str, ...]
    means: str
    weight: float
    technique: str


@dataclass(frozen=True, slots=True)
class TechniqueCue:
    """Phrases that are evidence of one persuasion technique by themselves."""

    id: str
    technique: str
    weight: float
    means: str
    inflect: bool
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cues:
    statement_nouns: frozenset[str]
    affiliation: tuple[tuple[str, float], ...]
    purpose_markers: tuple[str, ...]
    naming_cues: tuple[str, ...]
    slogans: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    families: tuple[NamingFamily, ...]
    groups: tuple[WordGroup, ...]
    verbs: tuple[AttributionVerb, ...]
    cues: Cues
    techniques: tuple[TechniqueCue, ...] = ()

    def family(self, family_id: str) -> NamingFamily | None:
        return next((f for f in self.families if f.id == family_id), None)


@cache
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The built-in lexicons merged with the user's files, in order."""
    folder = resources.files("rashomon") / "data" / "framing"
    tables = [tomllib.loads((folder / name).read_text(encoding="utf-8")) for name in BUILT_IN]
    for path in extra:
        try:
            tables.append(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RashomonError("E341", f"cannot read framing lexicon {path}: {exc}") from exc
    return build(merge(tables))


def merge(tables: list[dict[str, Any]]) -> dict[str, Any]:
    """Families and groups with the same id are joined; lists add up; tables update."""
    merged: dict[str, Any] = {
        "family": {},
        "group": {},
        "technique": {},
        "verb": [],
        "affiliation": {},
    }
    for table in tables:
        for family in table.get("family", []):
            kept = merged["family"].setdefault(family["id"], {**family, "term": []})
            kept["term"] = kept["term"] + list(family.get("term", []))
        for group in table.get("group", []):
            kept = merged["group"].setdefault(group["id"], {**group, "words": []})
            kept["words"] = kept["words"] + list(group.get("words", []))
        for cue in table.get("technique", []):
            kept = merged["technique"].setdefault(cue["id"], {**cue, "phrases": []})
            kept["phrases"] = kept["phrases"] + list(cue.get("phrases", []))
        merged["verb"] += table.get("verb", [])
        merged["affiliation"].update(table.get("affiliation", {}))
        for key in ("statement_nouns", "purpose_markers", "naming_cues", "slogans"):
            merged[key] = merged.get(key, []) + list(table.get(key, []))
    return merged


def build(merged: dict[str, Any]) -> Lexicon:
    try:
        families = tuple(
            NamingFamily(
                id=f["id"],
                thing=f.get("thing", f["id"]),
                spelling=f.get("spelling", False),
                purpose=f.get("purpose", False),
                unless=tuple(f.get("unless", ())),
                terms=tuple(
                    NamingTerm(
                        label=t["label"],
                        say=tuple(t["say"]),
                        means=t["means"],
                        weight=float(t["weight"]),
                        match=t.get("match", True),
                        technique=t.get("technique", ""),
                        choice_from=str(t.get("choice_from", "")),
                    )
                    for t in f["term"]
                ),
            )
            for f in merged["family"].values()
        )
        groups = tuple(
            WordGroup(
                id=g["id"],
                signal=g["signal"],
                technique=g.get("technique", ""),
                polarity=int(g.get("polarity", 0)),
                weight=float(g["weight"]),
                means=g["means"],
                inflect=g.get("inflect", False),
                words=tuple(dict.fromkeys(g["words"])),
            )
            for g in merged["group"].values()
        )
        verbs = tuple(
            AttributionVerb(
                label=v["label"],
                say=tuple(v["say"]),
                means=v["means"],
                weight=float(v["weight"]),
                technique=v.get("technique", ""),
            )
            for v in merged["verb"]
        )
        techniques = tuple(
            TechniqueCue(
                id=t["id"],
                technique=t["technique"],
                weight=float(t["weight"]),
                means=t["means"],
                inflect=t.get("inflect", False),
                phrases=tuple(dict.fromkeys(t["phrases"])),
            )
            for t in merged["technique"].values()
        )
    except KeyError as exc:
        raise RashomonError("E341", f"a framing lexicon entry lacks {exc}") from exc
    cues = Cues(
        statement_nouns=frozenset(w.lower() for w in merged.get("statement_nouns", [])),
        affiliation=tuple(sorted(merged["affiliation"].items())),
        purpose_markers=tuple(merged.get("purpose_markers", [])),
        naming_cues=tuple(merged.get("naming_cues", [])),
        slogans=tuple(merged.get("slogans", [])),
    )
    return Lexicon(families, groups, verbs, cues, techniques)

"""Stage contracts are enforced, not only declared: a stage reads only what it needs
and writes only what it makes (as spaCy checks its components' ``assigns``)."""

from __future__ import annotations

import copy
from dataclasses import fields
from typing import Any

import pytest

from rashomon.errors import RashomonError
from rashomon.model import Analysis
from rashomon.pipeline import BASE_MAKES, Stage, check_order, load_stages

FIELDS = tuple(f.name for f in fields(Analysis))


class Watched:
    """Stands in for an Analysis and records which of its fields a stage touches."""

    def __init__(self, analysis: Analysis) -> None:
        object.__setattr__(self, "_analysis", analysis)
        object.__setattr__(self, "reads", set())
        object.__setattr__(self, "writes", set())

    def __getattr__(self, name: str) -> Any:
        if name in FIELDS:
            self.reads.add(name)
        return getattr(self._analysis, name)

    def __setattr__(self, name: str, value: Any) -> None:
        self.writes.add(name)
        setattr(self._analysis, name, value)


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return load_stages()


@pytest.fixture(scope="module")
def contract_runs(stages, blinken_articles, nlp, settings):
    """Each stage run on each sample article after the stages before it, watched."""
    runs: dict[str, list[tuple[Watched, set[str]]]] = {st.name: [] for st in stages}
    for article in blinken_articles:
        analysis = Analysis(article)
        doc = nlp(article.text)
        for st in stages:
            before = {name: copy.deepcopy(getattr(analysis, name)) for name in FIELDS}
            watched = Watched(analysis)
            st(watched, doc, settings)  # type: ignore[arg-type]  # a stand-in on purpose
            changed = {name for name in FIELDS if getattr(analysis, name) != before[name]}
            runs[st.name].append((watched, changed))
    return runs


def test_every_stage_reads_only_what_it_needs(stages, contract_runs):
    for st in stages:
        read = set().union(*(w.reads for w, _ in contract_runs[st.name]))
        undeclared = read - set(st.needs) - {"article"} - set(st.makes)
        assert not undeclared, f"stage {st.name!r} reads {sorted(undeclared)} without needing it"


def test_every_declared_need_is_read(stages, contract_runs):
    for st in stages:
        read = set().union(*(w.reads for w, _ in contract_runs[st.name]))
        unused = set(st.needs) - set(BASE_MAKES) - read
        assert not unused, f"stage {st.name!r} declares {sorted(unused)} and never reads it"


def test_every_stage_writes_only_what_it_makes(stages, contract_runs):
    for st in stages:
        for watched, changed in contract_runs[st.name]:
            assigned = watched.writes - set(st.makes)
            assert not assigned, f"stage {st.name!r} assigns {sorted(assigned)}"
            in_place = changed - set(st.makes)
            assert not in_place, f"stage {st.name!r} changes {sorted(in_place)} in place"


def test_an_order_that_runs_a_stage_before_its_needs_is_refused(stages):
    by_name = {st.name: st for st in stages}
    with pytest.raises(RashomonError, match="E503"):
        check_order([by_name["quotes"], by_name["annotate"]])

"""Cross-article isolation: a failing cross-article stage is a recorded reason, never a crash."""

from __future__ import annotations

import sys
import types

import rashomon.pipeline
from rashomon.pipeline import run_cross_article
from rashomon.store import Store
from rashomon.store.articles import stage_failures


def test_a_failing_cross_article_stage_is_recorded_and_the_next_runs(
    tmp_path, settings, monkeypatch
):
    ran = []
    broken = types.ModuleType("broken_stage")
    broken.run = lambda store, settings: (_ for _ in ()).throw(KeyError("no such story"))
    fine = types.ModuleType("fine_stage")
    fine.run = lambda store, settings: ran.append("fine")
    monkeypatch.setitem(sys.modules, "broken_stage", broken)
    monkeypatch.setitem(sys.modules, "fine_stage", fine)
    stages = (("broken", "broken_stage"), ("fine", "fine_stage"))
    monkeypatch.setattr(rashomon.pipeline, "CROSS_ARTICLE_STAGES", stages)
    with Store(tmp_path / "r.db") as store:
        failed = run_cross_article(store, settings)
        assert ran == ["fine"]
        assert len(failed) == 1 and failed[0].startswith("E305")
        (row,) = stage_failures(store)
        assert (row["stage"], row["unit"]) == ("broken", "*")
        assert "KeyError" in row["reason"]
        broken.run = lambda store, settings: None  # fixed: the next run clears the record
        run_cross_article(store, settings)
        assert stage_failures(store) == []

"""The quality gate's rules: floors met or not, checksums, lowered floors, raising."""

from __future__ import annotations

import pytest
from tests.benchmarks.conftest import BENCHMARKS, benchmark_module


@pytest.fixture(scope="module")
def gate():
    with benchmark_module("gate") as module:
        yield module


FLOORS = """
[datasets]
"a/dev.jsonl.gz" = "00"

[[floor]]
script = "a.py"
metric = "f1"
floor = 0.8
dataset = "a/dev.jsonl.gz"

[[floor]]
script = "a.py"
metric = "recall"
floor = 0.5
dataset = "a/dev.jsonl.gz"
"""


def test_every_pinned_floor_names_a_pinned_dataset_and_an_existing_script(gate):
    datasets, floors = gate.read_floors(gate.FLOORS.read_text(encoding="utf-8"))
    for f in floors:
        assert f.dataset in datasets, f
        assert (BENCHMARKS / f.script).exists(), f


def test_a_score_below_its_floor_or_missing_fails(gate):
    _, floors = gate.read_floors(FLOORS)
    assert gate.compare(floors, {"a.py": {"f1": 0.81, "recall": 0.5}}) == []
    failures = gate.compare(floors, {"a.py": {"f1": 0.79}})
    assert len(failures) == 2
    assert "below its floor" in failures[0]
    assert "not measured" in failures[1]
    assert gate.compare(floors, {"a.py": {"f1": float("nan"), "recall": True}}) != []


def test_a_changed_dev_set_fails_the_gate(gate, tmp_path):
    data = tmp_path / "a" / "dev.jsonl.gz"
    data.parent.mkdir()
    data.write_bytes(b"one")
    pinned = {"a/dev.jsonl.gz": gate.sha256(data)}
    assert gate.checksum_problems(pinned, tmp_path) == []
    data.write_bytes(b"two")
    assert "changed" in gate.checksum_problems(pinned, tmp_path)[0]
    data.unlink()
    assert "missing" in gate.checksum_problems(pinned, tmp_path)[0]


def test_a_lowered_floor_needs_a_reason(gate):
    _, base = gate.read_floors(FLOORS)
    lowered = FLOORS.replace("floor = 0.8", "floor = 0.7")
    _, current = gate.read_floors(lowered)
    assert len(gate.lowered_without_reason(current, base)) == 1
    explained = lowered.replace(
        "floor = 0.7\n", 'floor = 0.7\nlowered_reason = "the dev set was relabelled"\n'
    )
    _, current = gate.read_floors(explained)
    assert gate.lowered_without_reason(current, base) == []


def test_raising_floors_only_raises_and_rounds_down(gate):
    _, floors = gate.read_floors(FLOORS)
    text = gate.raised(FLOORS, floors, {"a.py": {"f1": 0.8479, "recall": 0.4}})
    _, after = gate.read_floors(text)
    assert [f.floor for f in after] == [round(0.847 - gate.MARGIN, 3), 0.5]


def test_eval_option_skips_cleanly_when_its_folder_is_absent(gate, tmp_path, capsys):
    assert gate.main(["--eval", str(tmp_path / "nowhere")]) == 0
    assert "nowhere is absent" in capsys.readouterr().out


def test_eval_option_reaches_the_scripts_it_runs(gate, tmp_path, monkeypatch):
    seen = {}

    def fake_run(cmd, **kwargs):
        seen.update(kwargs["env"])
        raise gate.subprocess.TimeoutExpired(cmd, 1)

    monkeypatch.setattr(gate.subprocess, "run", fake_run)
    metrics, error = gate.run_script("a.py", 1.0, tmp_path)
    assert (metrics, seen["RASHOMON_EVAL"]) == ({}, str(tmp_path))
    assert "did not finish" in error


def test_regression_scripts_measure_this_trees_source(gate, tmp_path, monkeypatch):
    """A relative PYTHONPATH=src found nothing from benchmarks/, so a worktree's gate
    measured the editable install of another checkout."""
    seen = {}

    def fake_run(cmd, **kwargs):
        seen.update(kwargs["env"])
        raise gate.subprocess.TimeoutExpired(cmd, 1)

    monkeypatch.setenv("PYTHONPATH", "src")
    monkeypatch.setattr(gate.subprocess, "run", fake_run)
    gate.run_script("a.py", 1.0, tmp_path)
    assert seen["PYTHONPATH"].split(gate.os.pathsep) == [str(gate.ROOT / "src"), "src"]

"""The quality gate: every task with a dev set scored, and compared with pinned floors.

    python benchmarks/gate.py [--only SCRIPT] [--base REV] [--raise-floors] [--timeout S]
                               [--eval DIR]

Floors live in ``benchmarks/floors.toml`` beside the SHA-256 of each dev set they were
measured on, as trafilatura pins its evaluation. The gate runs each benchmark script that
a floor names with ``--json PATH``, reads the flat object of metrics it writes, and fails
(exit 1) when a metric is missing or below its floor, or when a dev set's checksum
differs from the pinned one (the floors would no longer mean anything).

Raising a floor is a commit: ``--raise-floors`` rewrites each floor the run beat to the
measured value, cut to three decimals, less a small margin for floating-point noise.
Lowering one needs a ``lowered_reason`` on that floor; with ``--base REV`` the gate
compares every floor with the file at REV and fails on a lowered floor that gives no
reason. ``--eval DIR`` reads the dev sets from DIR instead of ``../shared/eval`` (for a
checkout elsewhere) and hands it to every script. Without the dev sets the gate
prints that it skipped and exits 0, as every accuracy benchmark does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from common import EVAL, ROOT

FLOORS = Path(__file__).with_name("floors.toml")
# A raised floor sits this far under the measured value (cut to three decimals), so
# floating-point noise across numpy and BLAS builds near a threshold does not fail it.
MARGIN = 0.002


@dataclass(frozen=True, slots=True)
class Floor:
    script: str
    metric: str
    floor: float
    dataset: str
    lowered_reason: str = ""


def read_floors(text: str) -> tuple[dict[str, str], list[Floor]]:
    """The pinned checksums and the floors of one floors.toml text."""
    table = tomllib.loads(text)
    floors = [Floor(**row) for row in table.get("floor", [])]
    return dict(table.get("datasets", {})), floors


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksum_problems(datasets: dict[str, str], eval_dir: Path) -> list[str]:
    problems = []
    for name, pinned in sorted(datasets.items()):
        path = eval_dir / name
        if not path.exists():
            problems.append(f"dev set {name} is missing")
        elif sha256(path) != pinned:
            problems.append(f"dev set {name} changed (SHA-256 differs): re-measure and re-pin")
    return problems


def lowered_without_reason(current: list[Floor], base: list[Floor]) -> list[str]:
    """Floors that are lower than at the base revision and give no reason."""
    before = {(f.script, f.metric): f.floor for f in base}
    return [
        f"{f.script} {f.metric}: floor lowered {before[(f.script, f.metric)]} -> {f.floor} "
        "without a lowered_reason"
        for f in current
        if (f.script, f.metric) in before
        and f.floor < before[(f.script, f.metric)]
        and not f.lowered_reason.strip()
    ]


def compare(floors: list[Floor], measured: dict[str, dict[str, float]]) -> list[str]:
    """One line per failed floor: missing metric, not a number, or below the floor."""
    failures = []
    for f in floors:
        value = measured.get(f.script, {}).get(f.metric)
        if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value):
            failures.append(f"{f.script} {f.metric}: not measured (got {value!r})")
        elif value < f.floor:
            failures.append(f"{f.script} {f.metric}: {value:.4f} is below its floor {f.floor}")
    return failures


def own_source() -> str:
    """This tree's ``src`` first on the path: the scripts run from ``benchmarks/``, where a
    relative ``PYTHONPATH=src`` finds nothing and an installed copy elsewhere (another
    checkout's editable install) would be measured instead."""
    inherited = os.environ.get("PYTHONPATH", "")
    return os.pathsep.join(p for p in (str(ROOT / "src"), inherited) if p)


def run_script(script: str, timeout: float, eval_dir: Path) -> tuple[dict[str, float], str]:
    """Run one benchmark with ``--json``; its metrics, and an error line if it failed."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "metrics.json"
        try:
            proc = subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / script), "--json", str(out)],
                cwd=ROOT / "benchmarks",
                capture_output=True,
                text=True,
                timeout=timeout,
                env={**os.environ, "RASHOMON_EVAL": str(eval_dir), "PYTHONPATH": own_source()},
            )
        except subprocess.TimeoutExpired:
            return {}, f"{script}: did not finish in {timeout:.0f} s"
        if proc.returncode != 0:
            tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
            return {}, f"{script}: exit {proc.returncode}: {tail}"
        if not out.exists():
            return {}, f"{script}: wrote no metrics"
        return json.loads(out.read_text(encoding="utf-8")), ""


def raised(text: str, floors: list[Floor], measured: dict[str, dict[str, float]]) -> str:
    """floors.toml with each beaten floor raised to the measured value, cut to three
    decimals, less ``MARGIN``."""
    for f in floors:
        value = measured.get(f.script, {}).get(f.metric)
        if not isinstance(value, int | float):
            continue
        new = round(math.floor(value * 1000) / 1000 - MARGIN, 3)
        if new > f.floor:
            old_block = _block(f, f.floor)
            if old_block in text:
                text = text.replace(old_block, _block(f, new), 1)
    return text


def _block(f: Floor, value: float) -> str:
    return f'script = "{f.script}"\nmetric = "{f.metric}"\nfloor = {value}\n'


def base_floors(rev: str) -> list[Floor] | None:
    proc = subprocess.run(
        ["git", "show", f"{rev}:benchmarks/floors.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return read_floors(proc.stdout)[1] if proc.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="run only this script")
    parser.add_argument("--base", help="fail on floors lowered since this git revision")
    parser.add_argument("--raise-floors", action="store_true", help="pin beaten floors higher")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per script")
    parser.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    args = parser.parse_args(argv)

    text = FLOORS.read_text(encoding="utf-8")
    datasets, floors = read_floors(text)
    problems: list[str] = []
    if args.base:
        base = base_floors(args.base)
        if base is None:
            print(f"gate: no floors file at {args.base}; nothing to compare")
        else:
            problems += lowered_without_reason(floors, base)
    if not args.eval.exists():
        print(f"gate: skipped, {args.eval} is absent (the dev sets are not shipped)")
        return 1 if problems else 0
    problems += checksum_problems(datasets, args.eval)
    if args.only:
        floors = [f for f in floors if f.script in args.only]
    by_script: dict[str, list[Floor]] = defaultdict(list)
    for f in floors:
        by_script[f.script].append(f)
    measured: dict[str, dict[str, float]] = {}
    for script in sorted(by_script):
        started = time.monotonic()
        measured[script], error = run_script(script, args.timeout, args.eval)
        took = time.monotonic() - started
        if error:
            problems.append(error)
        for f in by_script[script]:
            value = measured[script].get(f.metric)
            shown = f"{value:.4f}" if isinstance(value, int | float) else "—"
            print(f"{script:<20} {f.metric:<44} {shown:>8}  floor {f.floor:<6}  ({took:.0f} s)")
    failed = compare(floors, measured)
    problems += failed
    if args.raise_floors:
        FLOORS.write_text(raised(text, floors, measured), encoding="utf-8")
    for line in problems:
        print(f"gate: FAILED: {line}")
    others = len(problems) - len(failed)
    met = len(floors) - len(failed)
    print(f"gate: {met} floors met, {len(failed)} not, {others} other problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""One writer per database: a second writing process gets E402 naming the first."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rashomon.errors import RashomonError
from rashomon.store import Store
from rashomon.store.articles import status_counts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "blinken"
HOLD = (
    "import sys; from rashomon.store import Store\n"
    "s = Store(sys.argv[1]); s.claim_writer(); print('held', flush=True); sys.stdin.read()\n"
)


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}


@pytest.fixture
def holder(tmp_path):
    """Another process holding the writer lock of a database until its stdin closes."""
    path = tmp_path / "r.db"
    Store(path).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env(),
        text=True,
    )
    assert proc.stdout.readline().strip() == "held"
    yield path, proc
    proc.stdin.close()
    proc.wait(timeout=30)


def test_a_second_writer_gets_e402_naming_the_holder(holder):
    path, proc = holder
    with Store(path) as store:
        with pytest.raises(RashomonError) as err:
            store.claim_writer()
        assert err.value.code == "E402"
        assert f"pid {proc.pid}" in err.value.message
        with pytest.raises(RashomonError):
            store.write_outcomes([])


def test_readers_are_not_stopped_by_the_writer(holder):
    path, _ = holder
    with Store(path) as reader:
        assert status_counts(reader) == {"ok": 0, "skipped": 0, "failed": 0}
    with Store(path, readonly=True) as reader:
        assert reader.schema_version > 0


def test_the_lock_is_free_once_the_holder_ends(holder):
    path, proc = holder
    proc.kill()  # as kill -9: the kernel drops the flock with the process
    proc.wait(timeout=30)
    with Store(path) as store:
        store.claim_writer()
        store.write_outcomes([])


def test_one_process_may_open_its_own_database_twice(tmp_path):
    with Store(tmp_path / "r.db") as first, Store(tmp_path / "r.db") as second:
        first.claim_writer()
        second.claim_writer()
        second.write_outcomes([])


@pytest.mark.slow
def test_regression_two_concurrent_analyze_runs(tmp_path):
    # Two `analyze` runs on one database ended with IntegrityError in one and doubled
    # counts. Now one of them stops with E402 and the other stores each input once.
    db = tmp_path / "r.db"
    main = "from rashomon.cli import main; main()"
    command = [sys.executable, "-c", main, "analyze", str(EXAMPLES), "--db", str(db)]
    runs = [
        subprocess.Popen(command, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [(p.wait(timeout=600), p.stderr.read().decode()) for p in runs]
    codes = sorted(code for code, _ in results)
    errors = "\n".join(err for _, err in results)
    assert "IntegrityError" not in errors and "Traceback" not in errors
    if codes == [0, 2]:
        assert "E402" in errors and "another process is writing" in errors
    else:  # the first run ended before the second began: it found every input unchanged
        assert codes == [0, 0], errors
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    conn.close()

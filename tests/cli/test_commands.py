"""The CLI end to end on real files and a real SQLite database."""

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.cli.conftest import ROOT, invoke

from rashomon.views.articles import ARTICLE_COLUMNS

EXAMPLES = ROOT / "examples" / "blinken"
BAD = ROOT / "tests" / "ingest" / "bad_inputs"


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory) -> Path:
    """The sample articles plus the whole bad-input corpus, analysed once."""
    folder = tmp_path_factory.mktemp("mixed")
    db = folder / "r.db"
    result = invoke("analyze", str(EXAMPLES), str(BAD), "--db", str(db), "--no-cross")
    assert result.exit_code == 1, result.output  # some bad inputs fail
    return db


def statuses(db: Path) -> dict[str, tuple[str, str]]:
    out = invoke("export", "--what", "articles", "--db", str(db)).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    return {Path(r["input"]).name: (r["status"], r["reason"]) for r in rows}


def test_every_input_gets_a_status(mixed_db):
    found = statuses(mixed_db)
    for path in EXAMPLES.glob("*.txt"):
        assert found[path.name][0] == "ok"
    assert found["binary.txt"][0] == "failed"
    assert found["notes.docx"][0] == "skipped"
    assert found["cp1251.txt"] == ("skipped", found["cp1251.txt"][1])
    assert found["cp1251.txt"][1].startswith("E202")
    assert found["records.jsonl#L1"][0] == "ok"
    assert found["records.jsonl#L2"][1].startswith("E106")


def test_rerun_adds_nothing(mixed_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(mixed_db, db)
    before = invoke("export", "--what", "articles", "--db", str(db)).stdout
    result = invoke("analyze", str(EXAMPLES), "--db", str(db), "--no-cross")
    assert result.exit_code == 0
    assert "5 unchanged" in result.stderr
    assert invoke("export", "--what", "articles", "--db", str(db)).stdout == before


@pytest.mark.parametrize("columns", [40, 80, 300])
def test_regression_status_lists_problems_at_any_terminal_width(mixed_db, columns):
    """A fresh clone failed here: rich wrapped the file name at the terminal's width."""
    result = invoke("status", "--json", "--db", str(mixed_db), columns=columns)
    assert result.exit_code == 0
    problems = {
        Path(r["input"]).name: r["reason"]
        for r in map(json.loads, result.stdout.splitlines())
        if r["row"] == "problem"
    }
    assert problems["binary.txt"].startswith("E103")
    table = invoke("status", "--db", str(mixed_db), columns=columns)
    assert table.exit_code == 0 and "E103" in table.stdout.replace("\n", "")


def test_search_finds_and_highlights(mixed_db):
    result = invoke("search", "referendums", "--db", str(mixed_db))
    assert result.exit_code == 0
    assert "so-called" in result.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats_share_the_columns(mixed_db, tmp_path, fmt):
    out = tmp_path / f"articles.{fmt}"
    result = invoke(
        "export", "--what", "articles", "--format", fmt, "-o", str(out), "--db", str(mixed_db)
    )
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        columns = tuple(rows[0])
    elif fmt == "csv":
        with out.open() as fh:
            rows = list(csv.DictReader(fh))
        columns = tuple(rows[0])
    else:
        table = pq.read_table(out)
        rows, columns = table.to_pylist(), tuple(table.column_names)
    assert columns == ARTICLE_COLUMNS
    assert len(rows) == len(statuses(mixed_db))


def test_missing_database_exits_2_with_a_numbered_error(tmp_path):
    rashomon = Path(sys.executable).with_name("rashomon")
    result = subprocess.run(
        [str(rashomon), "status", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "E506" in result.stderr


def test_unknown_export_is_refused(mixed_db):
    result = invoke("export", "--what", "nothing", "--db", str(mixed_db))
    assert result.exit_code == 2 and result.stderr.startswith("E507: ")

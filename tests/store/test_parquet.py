"""Partitioned Parquet output: read back with pyarrow.dataset, streamed, resumable."""

from dataclasses import fields
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from rashomon.model import (
    Analysis,
    Article,
    DateRef,
    Figure,
    InputRecord,
    Mention,
    Outcome,
    Quote,
    Sentence,
    Signal,
    TimelineEvent,
)
from rashomon.store.db import RECORD_TABLES
from rashomon.store.parquet import ParquetStore, arrow_type, record_schema, table_classes


def analysed(n: int) -> Outcome:
    """An ok outcome with one record in every table, its values varied by ``n``."""
    aid = f"a{n}"
    text = f"Officials said {n} people left on Monday."
    article = Article(id=aid, input=f"in/{n}.txt", text=text, title=f"T{n}", credits=["AP"])
    analysis = Analysis(
        article,
        sentences=[Sentence(aid, 0, len(text), text, signals=["hedge"], biased=n % 2 == 0)],
        mentions=[Mention(aid, 0, 9, "Officials", "ORG", "Officials")],
        quotes=[Quote(aid, 0, 20, text[:20], "indirect", cue="said", confidence=0.5)],
        figures=[Figure(aid, 15, 16, str(n), float(n), counts="people left")],
        dates=[DateRef(aid, 32, 38, "Monday", None, rule="weekday")],
        timeline=[TimelineEvent(aid, "2024-01-01", None, "day", text, 0, len(text))],
        signals=[Signal(aid, 0, 9, "Officials", "attribution", "vague", "who?", weight=0.5)],
    )
    return Outcome(InputRecord(f"in/{n}.txt", f"h{n}", "ok", "", aid), analysis)


def failed(n: int) -> Outcome:
    return Outcome(InputRecord(f"bad/{n}.bin", f"x{n}", "failed", "E103: not text"))


def read(folder, table: str) -> pa.Table:
    return ds.dataset(folder / table, format="parquet").to_table()


def test_every_analysis_list_has_a_table_with_its_fields_as_columns():
    classes = table_classes()
    assert set(classes) == {"inputs", "articles", *RECORD_TABLES}
    for name, cls in classes.items():
        assert record_schema(cls).names == [f.name for f in fields(cls)], name


def test_types_are_native_arrow_types():
    assert arrow_type(list[str]) == pa.list_(pa.string())
    assert arrow_type(float | None) == pa.float64()
    assert record_schema(Sentence).field("biased").type == pa.bool_()
    with pytest.raises(TypeError):
        arrow_type(complex)


def test_rows_read_back_with_pyarrow_dataset(tmp_path):
    with ParquetStore(tmp_path, part_inputs=3) as store:
        for n in range(7):
            store.write_outcomes([analysed(n)])
        store.write_outcomes([failed(0)])
    inputs = read(tmp_path, "inputs")
    assert inputs.num_rows == 8
    assert sorted(inputs.column("status").to_pylist()) == ["failed"] + ["ok"] * 7
    articles = read(tmp_path, "articles").sort_by("id")
    assert articles.column("credits").to_pylist() == [["AP"]] * 7
    for table in RECORD_TABLES:
        assert read(tmp_path, table).num_rows == 7, table
    figures = read(tmp_path, "figures")
    assert sorted(figures.column("value").to_pylist()) == [float(n) for n in range(7)]
    # 8 inputs in parts of 3: every table has the same three parts
    for table in table_classes():
        names = sorted(p.name for p in (tmp_path / table).iterdir())
        assert names == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]


def test_a_part_without_records_keeps_the_schema(tmp_path):
    with ParquetStore(tmp_path) as store:
        store.write_outcomes([failed(1)])
    quotes = read(tmp_path, "quotes")
    assert quotes.num_rows == 0
    assert quotes.schema.names == [f.name for f in fields(Quote)]


def test_reopening_skips_known_inputs_and_continues_the_numbering(tmp_path):
    with ParquetStore(tmp_path, part_inputs=2) as store:
        store.write_outcomes([analysed(0), analysed(1), failed(2)])
    with ParquetStore(tmp_path, part_inputs=2) as again:
        assert again.known_input("in/0.txt", "h0")
        assert not again.known_input("in/0.txt", "changed")
        assert not again.known_input("bad/2.bin", "x2")  # failed inputs are tried again
        again.write_outcomes([analysed(5)])
    assert sorted(p.name for p in (tmp_path / "inputs").iterdir())[-1] == "part-00001.parquet"
    assert read(tmp_path, "articles").num_rows == 3


def test_inputs_buffered_in_this_run_are_known(tmp_path):
    with ParquetStore(tmp_path) as store:
        store.write_outcomes([analysed(0)])
        assert store.known_input("in/0.txt", "h0")


def test_a_killed_write_leaves_no_half_part(tmp_path):
    with ParquetStore(tmp_path, part_inputs=1) as store:
        store.write_outcomes([analysed(0)])
        store.write_outcomes([analysed(1)])
    # as if killed after renaming part 1's article file but before its inputs file
    (tmp_path / "inputs" / "part-00001.parquet").unlink()
    (tmp_path / "quotes" / ".part-00002.parquet.tmp").write_bytes(b"half")
    with ParquetStore(tmp_path) as store:
        assert not store.known_input("in/1.txt", "h1")
        assert not (tmp_path / "articles" / "part-00001.parquet").exists()
        assert not (tmp_path / "quotes" / ".part-00002.parquet.tmp").exists()
        store.write_outcomes([analysed(1)])
    ids = read(tmp_path, "articles").column("id").to_pylist()
    assert sorted(ids) == ["a0", "a1"]


def test_memory_holds_one_part_at_most(tmp_path):
    with ParquetStore(tmp_path, part_inputs=4) as store:
        for n in range(10):
            store.write_outcomes([analysed(n)])
            assert len(store.buffer) < 4


def test_known_inputs_stay_known_after_merging_into_the_index(tmp_path, monkeypatch):
    import rashomon.store.parquet as parquet

    monkeypatch.setattr(parquet, "PENDING_KNOWN", 2)
    with ParquetStore(tmp_path) as store:
        store.write_outcomes([analysed(n) for n in range(5)])
        assert len(store.pending) < 2 and len(store.known) >= 4
        assert all(store.known_input(f"in/{n}.txt", f"h{n}") for n in range(5))
        assert not store.known_input("in/9.txt", "h9")


def test_analyze_out_parquet_holds_what_the_sqlite_store_holds(tmp_path, blinken_db):
    from typer.testing import CliRunner

    from rashomon.cli import app
    from rashomon.store import Store

    examples = Path(__file__).resolve().parents[2] / "examples" / "blinken"
    out = tmp_path / "out"
    args = ["analyze", str(examples), "--out", "parquet", str(out)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with Store(blinken_db, readonly=True) as store:
        for table in ["articles", *RECORD_TABLES]:
            # --out runs the per-article stages only; the cross-article framing_choice
            # stage adds its 'choice' signals to the store's signals table.
            where = " WHERE signal != 'choice'" if table == "signals" else ""
            (count,) = store.conn.execute(f"SELECT count(*) FROM {table}{where}").fetchone()
            assert read(out, table).num_rows == count, table
        texts = {r["id"]: r["text"] for r in store.rows("SELECT id, text FROM articles")}
    articles = read(out, "articles")
    assert dict(zip(*articles.select(["id", "text"]).to_pydict().values(), strict=True)) == texts
    again = CliRunner().invoke(app, args, catch_exceptions=False)
    assert "5 unchanged" in again.output
    assert read(out, "inputs").num_rows == 5


def test_out_knows_only_parquet(tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app

    result = CliRunner().invoke(app, ["analyze", "x.txt", "--out", "csv", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("E511: ")  # was E507, which also meant "no such export"

"""Exports: CSV cells that cannot run as formulas, one fixed Parquet schema per table,
and files that are whole or absent."""

import csv
import io
import shutil
import sqlite3
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from rashomon.errors import RashomonError
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.export import Export, available, csv_cell, write_export
from rashomon.store.parquet import PART_INPUTS, declared_types, export_schema
from rashomon.views.articles import ARTICLE_COLUMNS
from rashomon.web.app import create_app

FORMULAS = ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("text", FORMULAS)
def test_regression_csv_cells_that_would_run_as_formulas_are_quoted(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["plain", "a=b", "", -3, -2.5, 0, None, "'=already"])
def test_other_csv_cells_are_left_alone(value):
    assert csv_cell(value) == value


def test_csv_lists_are_json_and_defused_like_any_text():
    assert csv_cell(["=x"]) == '["=x"]'


@pytest.fixture()
def formula_db(blinken_db, tmp_path):
    db = tmp_path / "formula.db"
    shutil.copy(blinken_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET title = ?", ('=HYPERLINK("http://x","y")',))
    return db


def titles(text: str) -> set[str]:
    return {row["title"] for row in csv.DictReader(io.StringIO(text))}


def test_regression_cli_csv_export_defuses_formulas(formula_db, tmp_path):
    out = tmp_path / "a.csv"
    with Store(formula_db) as store:
        write_export(available()["articles"], store, "csv", out)
    assert titles(out.read_text(encoding="utf-8")) == {'\'=HYPERLINK("http://x","y")'}


def test_regression_web_csv_download_defuses_formulas(formula_db):
    client = TestClient(create_app(formula_db, Settings()))
    response = client.get("/download/articles.csv")
    assert response.status_code == 200
    assert titles(response.text) == {'\'=HYPERLINK("http://x","y")'}


def null_types(schema: pa.Schema) -> list[str]:
    def has_null(kind: pa.DataType) -> bool:
        return pa.types.is_null(kind) or (pa.types.is_list(kind) and has_null(kind.value_type))

    return [f.name for f in schema if has_null(f.type)]


@pytest.mark.parametrize("name", sorted(available()))
def test_every_export_column_has_a_declared_parquet_type(name):
    export = available()[name]
    assert set(export.columns) <= set(declared_types(name)), name
    assert not null_types(export_schema(name, export.columns))


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("empty") / "empty.db"
    Store(db).close()
    return db


@pytest.mark.parametrize("name", sorted(available()))
@pytest.mark.parametrize("which", ["empty", "full"])
def test_parquet_schema_is_fixed_on_an_empty_and_a_full_database(
    name, which, empty_db, blinken_db, tmp_path
):
    export = available()[name]
    out = tmp_path / f"{name}.parquet"
    with Store(empty_db if which == "empty" else blinken_db) as store:
        count = write_export(export, store, "parquet", out)
    table = pq.read_table(out)
    assert table.schema.equals(export_schema(name, export.columns))
    assert table.num_rows == count
    assert (count == 0) == (which == "empty") or name in {"conflicts"}


def test_parquet_types_are_native(blinken_db, tmp_path):
    exports = available()
    with Store(blinken_db) as store:
        for name in ("articles", "entities", "sentences"):
            write_export(exports[name], store, "parquet", tmp_path / f"{name}.parquet")
    articles = pq.read_table(tmp_path / "articles.parquet")
    assert articles.schema.field("published").type == pa.date32()
    assert date(2022, 3, 9) in articles.column("published").to_pylist()
    roles = pq.read_table(tmp_path / "entities.parquet").schema.field("roles").type
    assert roles == pa.list_(pa.string())
    sentences = pq.read_table(tmp_path / "sentences.parquet")
    assert sentences.schema.field("biased").type == pa.bool_()
    assert isinstance(sentences.column("signals").to_pylist()[0], list)


def articles_export(rows) -> Export:
    return Export("articles", ARTICLE_COLUMNS, lambda store: iter(rows), "test rows")


def test_regression_parquet_with_null_first_rows_does_not_crash(empty_db, tmp_path):
    """The old writer typed each column from its first row group: NULL there meant the
    ``null`` type, and the first later value crashed the cast."""
    failed = [
        {"input": f"bad{n}", "status": "failed", "reason": "E103"} for n in range(PART_INPUTS * 3)
    ]
    ok = {"id": "a1", "input": "ok", "title": "T", "published": "2024-02-29", "status": "ok"}
    out = tmp_path / "articles.parquet"
    with Store(empty_db) as store:
        assert (
            write_export(articles_export([*failed, ok]), store, "parquet", out) == len(failed) + 1
        )
    table = pq.read_table(out)
    assert table.column("published").to_pylist()[-1] == date(2024, 2, 29)
    assert table.schema.field("title").type == pa.string()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_regression_failed_export_leaves_the_old_file_whole(empty_db, tmp_path, fmt):
    def rows():
        yield {"id": "a1", "input": "ok", "status": "ok"}
        raise RashomonError("E512", "the store broke mid-export")

    out = tmp_path / f"articles.{fmt}"
    out.write_bytes(b"the previous export")
    with Store(empty_db) as store, pytest.raises(RashomonError):
        write_export(articles_export(rows()), store, fmt, out)
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary left behind

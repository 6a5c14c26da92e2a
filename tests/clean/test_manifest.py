"""--manifest and --outlet: what the user gives always wins, per input, path, glob or URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.clean import clean_document
from rashomon.clean.manifest import Manifest, read_manifest, with_given
from rashomon.errors import RashomonError
from rashomon.model import InputRecord, RawDocument

from .conftest import sample_paths, text_document


def test_csv_rows_match_paths_and_globs_from_the_manifest_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    manifest = tmp_path / "m.csv"
    manifest.write_text("input,outlet,published\n*.txt,Wire A,\na.txt,,2022-03-09\n")
    read = read_manifest(manifest)
    assert read.values_for(str(tmp_path / "a.txt")) == {
        "outlet": "Wire A",
        "published": "2022-03-09",
    }
    assert read.values_for(str(tmp_path / "b.html")) == {}


def test_jsonl_rows_match_urls_and_record_lines(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    rows = [
        {"input": "https://example.org/a", "outlet": "Example"},
        {"input": "feed.jsonl", "language": "en", "title": "Given"},
    ]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows))
    read = read_manifest(manifest, outlet="Fallback")
    assert read.values_for("https://example.org/a") == {"outlet": "Example"}
    got = read.values_for(str(tmp_path / "feed.jsonl") + "#L3")
    assert got == {"outlet": "Fallback", "language": "en", "title": "Given"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("outlet\nX\n", "m.csv"),  # no input column
        ("input,colour\na.txt,red\n", "m.csv"),
        ('{"input": "a.txt", "outlet": ["x"]}\n', "m.jsonl"),
        ("{not json\n", "m.jsonl"),
    ],
)
def test_bad_manifests_are_refused_with_e206(tmp_path: Path, text: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(RashomonError, match="E206"):
        read_manifest(path)


def test_given_values_win_and_change_the_content_hash() -> None:
    doc = text_document(sample_paths()[4].read_text(encoding="utf-8"))
    record = InputRecord("gone.txt", "h", "failed", "E101")
    out = list(with_given([doc, record], Manifest(outlet="Given Outlet")))
    assert out[1] is record
    assert out[0].given == {"outlet": "Given Outlet"} and out[0].content_hash != doc.content_hash
    article = clean_document(out[0], _settings()).analysis.article
    assert (article.outlet, article.outlet_source) == ("Given Outlet", "given")


def test_given_title_url_and_date_win() -> None:
    doc = text_document(sample_paths()[0].read_text(encoding="utf-8"))
    doc.given = {"title": "Mine", "url": "https://www.aa.com.tr/en/x", "published": "2022-03-10"}
    article = clean_document(doc, _settings()).analysis.article
    assert (article.title, article.title_source) == ("Mine", "given")
    assert (article.outlet, article.outlet_source) == ("Anadolu Agency", "url")
    assert (article.published, article.published_source) == ("2022-03-10", "given")


@given(st.lists(st.text(alphabet='abc*?,"\n', max_size=12), max_size=4))
def test_manifest_reader_never_raises_anything_but_e206(cells: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.csv"
        path.write_text("input,outlet\n" + "\n".join(cells))
        try:
            manifest = read_manifest(path)
        except RashomonError as exc:
            assert exc.code == "E206"
        else:
            assert all(pattern for pattern, _ in manifest.rows)


def _settings():
    from rashomon.settings import Settings

    return Settings()


def test_raw_documents_pickle_with_their_given_values() -> None:
    import pickle

    doc = RawDocument("a.txt", "h", "text", text="x", given={"outlet": "O"})
    assert pickle.loads(pickle.dumps(doc)).given == {"outlet": "O"}

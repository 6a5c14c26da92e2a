"""Every kind of bad input gets a recorded status and a numbered reason; good ones pass."""

from pathlib import Path

import pytest

from rashomon.ingest import iter_documents
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

BAD = Path(__file__).parent / "bad_inputs"


def read(name: str, **settings) -> list:
    return list(iter_documents([str(BAD / name)], Settings(**settings)))


@pytest.mark.parametrize(
    ("name", "status", "code"),
    [
        ("binary.txt", "failed", "E103"),
        ("empty.txt", "failed", "E102"),
        ("blank.html", "failed", "E102"),
        ("notes.docx", "skipped", "E105"),
        ("image.png", "skipped", "E105"),
        ("broken.rss", "failed", "E108"),
        ("empty_feed.xml", "failed", "E108"),
    ],
)
def test_bad_files_are_recorded(name, status, code):
    (item,) = read(name)
    assert isinstance(item, InputRecord)
    assert (item.status, item.reason[:4]) == (status, code)
    assert item.input.endswith(name)


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("cp1251.txt", "Жители"),
        ("latin1.txt", "café"),
        ("utf16.txt", "Council votes"),
    ],
)
def test_legacy_encodings_are_decoded(name, needle):
    (doc,) = read(name)
    assert isinstance(doc, RawDocument) and doc.kind == "text"
    assert needle in doc.text


def test_malformed_html_is_passed_on_as_html():
    (doc,) = read("malformed.html")
    assert isinstance(doc, RawDocument) and doc.kind == "html" and "Unclosed" in doc.html


def test_each_jsonl_line_is_its_own_input():
    items = read("records.jsonl")
    assert [i.input.rsplit("#", 1)[1] for i in items] == ["L1", "L2", "L3", "L4", "L5"]
    good, broken, array, no_text, bad_types = items
    assert isinstance(good, RawDocument)
    assert (good.id, good.outlet, good.published, good.kind) == (
        "good-1",
        "Town Gazette",
        "2023-05-02",
        "record",
    )
    assert broken.reason.startswith("E106")
    assert array.reason.startswith("E106") and "not an object" in array.reason
    assert no_text.reason.startswith("E107")
    assert bad_types.reason.startswith("E107") and "title" in bad_types.reason


def test_size_cap(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    (item,) = list(iter_documents([str(big)], Settings(max_file_bytes=100)))
    assert item.status == "failed" and item.reason.startswith("E114")


def test_raw_flag_reaches_documents(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("  Title\n\nBody text.  ")
    (doc,) = list(iter_documents([str(path)], Settings(raw=True)))
    assert doc.raw and doc.text == "  Title\n\nBody text.  "


def test_json_array_and_pretty_object(tmp_path):
    array = tmp_path / "a.json"
    array.write_text('[{"text": "one body"}, {"html": "<p>two</p>", "id": "b"}]')
    obj = tmp_path / "b.json"
    obj.write_text('{\n  "id": "x",\n  "text": "a body"\n}\n')
    docs = list(iter_documents([str(array), str(obj)], Settings()))
    assert [d.kind for d in docs] == ["record", "html", "record"]
    assert [d.id for d in docs] == [None, "b", "x"]

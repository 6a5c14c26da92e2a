"""Every kind of bad input gets a recorded status and a numbered reason; good ones pass."""

import os
import socket
from pathlib import Path

import pytest

from rashomon.clean import clean_document
from rashomon.ingest import iter_documents
from rashomon.ingest.names import name_bytes
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings
from rashomon.store.db import Store

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
        ("deep.jsonl", "failed", "E115"),
        ("long_number.jsonl", "failed", "E116"),
    ],
)
def test_bad_files_are_recorded(name, status, code):
    (item,) = read(name)
    assert isinstance(item, InputRecord)
    assert (item.status, item.reason[:4]) == (status, code)
    assert item.input.split("#")[0].endswith(name)


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("cp1251.txt", "Жители"),
        ("latin1.txt", "café"),
        ("utf16.txt", "Council votes"),
        ("stray_byte_utf8.txt", "José Müller, the café owner"),
        ("latin1_cp775.txt", "the Zoë â the façade said Müller"),
    ],
)
def test_legacy_encodings_are_decoded(name, needle):
    (doc,) = read(name)
    assert isinstance(doc, RawDocument) and doc.kind == "text"
    assert needle in doc.text


def test_separators_inside_a_record_keep_it_one_line():
    items = read("separators.jsonl")
    assert [i.id for i in items] == ["sep-1", "sep-2"]
    assert items[0].text == "One line\u2028still the same record\x85and this\u2029too."


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


# -- special files, bounded reads, names that are not UTF-8 ---------------------------------


def test_regression_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (item,) = list(iter_documents([str(fifo)], Settings()))
    assert (item.status, item.reason[:4]) == ("skipped", "E118")
    assert "FIFO" in item.reason


def test_regression_dev_zero_is_refused_not_read():
    (item,) = list(iter_documents(["/dev/zero"], Settings()))
    assert (item.status, item.reason[:4]) == ("skipped", "E118")
    assert "character device" in item.reason


def test_regression_socket_is_refused(tmp_path):
    path = tmp_path / "live.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        (item,) = list(iter_documents([str(path)], Settings()))
    finally:
        server.close()
    assert (item.status, item.reason[:4]) == ("skipped", "E118")
    assert "socket" in item.reason


def test_regression_special_files_in_a_directory_get_a_status(tmp_path):
    (tmp_path / "good.txt").write_text("Council keeps the library\n\nThe council voted.")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(iter_documents([str(tmp_path)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputRecord"]
    assert items[1].reason.startswith("E118")


def test_regression_read_is_bounded_whatever_stat_says(tmp_path):
    # /proc files say they are empty and are not: the cap holds on what is read.
    source = Path("/proc/self/maps")
    if not source.exists():
        pytest.skip("no /proc on this system")
    link = tmp_path / "maps.txt"
    link.symlink_to(source)
    (item,) = list(iter_documents([str(link)], Settings(max_file_bytes=64)))
    assert item.status == "failed" and item.reason.startswith("E114")


def test_regression_file_name_not_utf8_is_stored_safely(tmp_path):
    raw_name = b"caf\xe9 \\ report.txt"
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + raw_name))
    path.write_text("Council keeps the library\n\nThe council voted on Monday.")
    for given in (str(path), str(tmp_path)):
        (doc,) = list(iter_documents([given], Settings()))
        assert isinstance(doc, RawDocument)
        assert doc.input.endswith("caf\\xe9 \\\\ report.txt")
        doc.input.encode("utf-8")  # storable as text
        assert name_bytes(doc.input) == os.fsencode(path)


def test_regression_file_name_not_utf8_reaches_the_store(tmp_path):
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/r\xff\xfe.txt"))
    path.write_text("Council keeps the library\n\nThe council voted on Monday to keep it.")
    (doc,) = list(iter_documents([str(path)], Settings()))
    outcome = clean_document(doc, Settings())
    with Store(tmp_path / "x.db") as store:
        store.write_outcomes([outcome])
        (row,) = store.rows("SELECT input, status FROM inputs")
    assert row["input"].endswith("r\\xff\\xfe.txt") and row["status"] == outcome.record.status


def test_documents_carry_their_encoding():
    (doc,) = read("latin1.txt")
    assert doc.encoding == "cp1252" and doc.encoding_confidence > 0.5
    (utf16,) = read("utf16.txt")
    assert (utf16.encoding, utf16.encoding_confidence) == ("utf-16", 1.0)

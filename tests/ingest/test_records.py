"""JSON Lines under hostile input: every line gets its own status, none stops the file."""

import io
import json
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.clean import clean_document
from rashomon.ingest import iter_documents
from rashomon.ingest.records import json_depth, parse_json, read_record_stream
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

NOW = datetime(2024, 1, 1, tzinfo=UTC)
GOOD = {"id": "good", "text": "The council voted on Monday to keep the library open."}


def read(data: bytes, **overrides) -> list:
    stream = io.BytesIO(data)
    return list(read_record_stream("f.jsonl", stream, NOW, Settings(**overrides)))


def lines(*values) -> bytes:
    return b"\n".join(
        v if isinstance(v, bytes) else json.dumps(v, ensure_ascii=False).encode() for v in values
    )


def test_regression_deeply_nested_json_line_is_refused_not_a_recursion_error():
    deep = b'{"text": "x", "meta": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    good, nested, after = read(lines(GOOD, deep, GOOD))
    assert isinstance(good, RawDocument) and isinstance(after, RawDocument)
    assert nested.status == "failed" and nested.reason.startswith("E115")
    assert (nested.input, after.input) == ("f.jsonl#L2", "f.jsonl#L3")


def test_regression_5000_digit_integer_is_refused():
    huge = b'{"text": "x", "count": ' + b"9" * 5000 + b"}"
    (item, good) = read(lines(huge, GOOD))
    assert item.status == "failed" and item.reason.startswith("E116")
    assert "5000" in item.reason and isinstance(good, RawDocument)


def test_regression_u2028_and_u0085_inside_a_string_do_not_split_the_line():
    text = "First part\u2028second part\x85third\u2029fourth\x0cfifth\x1cend."
    items = read(lines({"id": "a", "text": text}, GOOD))
    assert [i.input for i in items] == ["f.jsonl#L1", "f.jsonl#L2"]
    assert items[0].text == text


def test_regression_jsonl_file_over_the_size_cap_is_streamed_by_record(tmp_path):
    path = tmp_path / "big.jsonl"
    records = [{"id": f"r{n}", "text": "word " * 60} for n in range(10)]
    path.write_bytes(lines(*records) + b"\n")
    items = list(iter_documents([str(path)], Settings(max_file_bytes=1000)))
    assert [i.id for i in items] == [f"r{n}" for n in range(10)]


def test_regression_one_record_over_max_record_bytes_fails_alone():
    big = {"id": "big", "text": "word " * 500}
    items = read(lines(GOOD, big, GOOD), max_record_bytes=1000)
    assert [i.input for i in items] == ["f.jsonl#L1", "f.jsonl#L2", "f.jsonl#L3"]
    assert items[1].status == "failed" and items[1].reason.startswith("E117")
    assert isinstance(items[0], RawDocument) and isinstance(items[2], RawDocument)
    # the same over-long line hashes the same, so a re-run recognises it
    assert read(lines(GOOD, big, GOOD), max_record_bytes=1000)[1].content_hash == (
        items[1].content_hash
    )


def test_regression_refused_record_keeps_its_given_id():
    no_text = {"id": "keep-1", "title": "No body"}
    bad_type = {"id": 42, "text": "body", "title": ["not", "text"]}
    first, second = read(lines(no_text, bad_type))
    assert (first.status, first.reason[:4], first.article_id) == ("failed", "E107", "keep-1")
    assert (second.status, second.reason[:4], second.article_id) == ("failed", "E107", "42")


def test_regression_skipped_record_keeps_its_given_id():
    french = {
        "id": "fr-1",
        "text": "Le conseil municipal a voté lundi pour garder la bibliothèque ouverte. "
        "Les habitants étaient venus nombreux pour défendre ce lieu.",
    }
    (doc,) = read(lines(french))
    outcome = clean_document(doc, Settings())
    assert outcome.record.status == "skipped" and outcome.record.reason.startswith("E202")
    assert outcome.record.article_id == "fr-1"


def test_crlf_lines_and_bom_are_read():
    data = b"\xef\xbb\xbf" + lines(GOOD, GOOD).replace(b"\n", b"\r\n") + b"\r\n"
    items = read(data)
    assert [i.input for i in items] == ["f.jsonl#L1", "f.jsonl#L2"]
    assert all(isinstance(i, RawDocument) for i in items)


def test_records_carry_their_encoding():
    (utf8,) = read(lines(GOOD))
    assert (utf8.encoding, utf8.encoding_confidence) == ("utf-8", 1.0)
    latin = json.dumps({"text": "Le café a fermé à midi, a dit José."}, ensure_ascii=False)
    (legacy,) = read(latin.encode("latin-1"))
    assert legacy.encoding == "cp1252" and "café" in legacy.text


def test_json_array_over_the_file_cap_fails_with_a_reason():
    data = json.dumps([GOOD] * 20).encode()
    (item,) = read(data, max_file_bytes=500)
    assert item.status == "failed" and item.reason.startswith("E114")
    assert "JSON Lines" in item.reason


def test_array_with_a_deep_value_fails_whole_with_a_reason():
    data = b"[" + json.dumps(GOOD).encode() + b", " + b"[" * 5000 + b"]" * 5000 + b"]"
    (item,) = read(data)
    assert item.status == "failed" and item.reason.startswith("E115")


def test_brackets_inside_strings_are_not_nesting():
    text = json.dumps({"text": "[[[[{{{{" * 100, "a": [[1]]})
    assert json_depth(text) == 3
    assert parse_json(text, Settings(json_max_depth=3))["a"] == [[1]]


# -- properties ---------------------------------------------------------------------------

SAFE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(SAFE_TEXT, SAFE_TEXT), min_size=1, max_size=8))
def test_every_record_is_one_line_whatever_separators_its_strings_hold(pairs):
    records = [
        {"id": f"id-{n}-{ident}", "text": f"body {text}"} for n, (ident, text) in enumerate(pairs)
    ]
    items = read(lines(*records) + b"\n")
    assert [i.input for i in items] == [f"f.jsonl#L{n + 1}" for n in range(len(records))]
    assert [(i.id, i.text) for i in items] == [(r["id"], r["text"]) for r in records]


NESTED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | SAFE_TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(SAFE_TEXT, children, max_size=3)
    ),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(NESTED, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=300))
def test_any_nesting_and_number_length_gets_a_status(value, depth, digits):
    meta = "[" * depth + json.dumps(value) + "]" * depth
    line = f'{{"text": "body", "n": 1{"0" * digits}, "meta": {meta}}}'.encode()
    (item,) = read(line)
    limits = Settings()
    too_deep = depth + json_depth(json.dumps(value)) + 1 > limits.json_max_depth
    if too_deep:
        assert item.status == "failed" and item.reason.startswith("E115")
    elif digits + 1 > limits.json_max_number_digits or _longest_number(value) > 100:
        assert item.status == "failed" and item.reason.startswith("E116")
    else:
        assert isinstance(item, RawDocument)


def _longest_number(value) -> int:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return 0
    if isinstance(value, int | float):
        return len(json.dumps(value))
    children = value.values() if isinstance(value, dict) else value
    return max((_longest_number(v) for v in children), default=0)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.binary(max_size=60), max_size=6))
def test_arbitrary_bytes_lines_never_raise(chunks):
    items = read(b"\n".join(chunks))
    for item in items:
        assert isinstance(item, RawDocument | InputRecord)
        assert item.input.startswith("f.jsonl")

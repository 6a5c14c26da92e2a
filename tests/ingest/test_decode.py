import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.ingest.decode import NotText, decode


@given(st.text())
def test_utf8_text_round_trips(text):
    try:
        decoded, encoding, confidence = decode(text.encode("utf-8"))
    except NotText:
        # only text made mostly of control characters, or holding NUL, is refused
        assert "\x00" in text or sum(ord(c) < 32 and c not in "\t\n\r\f" for c in text) > 0
    else:
        assert decoded == text
        assert (encoding, confidence) == ("utf-8", 1.0)


@given(st.binary())
def test_any_bytes_decode_or_raise_not_text(data):
    try:
        text, _, confidence = decode(data)
    except NotText:
        return
    assert isinstance(text, str) and 0.0 <= confidence <= 1.0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_bom_decides_the_encoding(encoding):
    text = "Kyiv, Kiev and Київ are one city."
    assert decode(text.encode(encoding))[0] == text


def test_cp1251_is_recognised():
    text = "Жители города вышли на улицы в понедельник, требуя сохранить библиотеку. " * 3
    assert decode(text.encode("cp1251"))[0] == text


def test_nul_bytes_are_binary():
    with pytest.raises(NotText) as err:
        decode(b"GIF89a\x00\x01\x02")
    assert err.value.binary


def test_invalid_bom_content_is_not_binary():
    with pytest.raises(NotText) as err:
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa")
    assert not err.value.binary

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


def test_regression_utf8_with_one_stray_byte_stays_utf8():
    text = "The café reopened on Monday, said José Müller, the owner. " * 3
    data = text.encode("utf-8") + b"\x92" + b" More text follows here."
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text + "\ufffd More text follows here."
    assert 0.5 < decoded.confidence < 1.0  # one bad byte among seven characters


def test_regression_latin1_text_is_not_read_as_cp775():
    # charset-normalizer's own best guess for these bytes is cp775 (Baltic DOS)
    text = "it ü for the ê the Zoë â the façade said Müller."
    decoded = decode(text.encode("latin-1"))
    assert (decoded.encoding, decoded.text) == ("cp1252", text)


@pytest.mark.parametrize(
    "text",
    [
        "El niño comió en la ciudad de España, según el señor García.",
        "São Paulo e Brasília: a eleição não foi adiada, disse o ministro João.",
        "Ære være Søren og Åse i Århus, sagde borgmesteren på mødet i går.",
        "Naïve façade: the crème brûlée at the hôtel was très bien, said Zoë.",
    ],
)
def test_western_text_is_read_as_cp1252_not_cp1250(text):
    decoded = decode(text.encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", text)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Zażółć gęślą jaźń. Władze miasta ogłosiły w poniedziałek, że biblioteka "
            "zostanie zamknięta.",
            "cp1250",
        ),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy. Městská rada v pondělí rozhodla.", "cp1250"),
    ],
)
def test_central_european_text_keeps_its_code_page(text, encoding):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text


def test_mostly_ascii_with_a_cp1252_quote_is_cp1252():
    decoded = decode(b"The mayor\x92s office declined to comment on Monday.")
    assert decoded.encoding == "cp1252" and "mayor\u2019s" in decoded.text


@given(
    st.text(min_size=20, max_size=200).filter(lambda t: any(ord(c) > 127 for c in t)),
    st.integers(min_value=0),
    st.integers(min_value=0x80, max_value=0xFF),
)
def test_one_stray_byte_in_utf8_with_accents_keeps_the_rest(text, where, byte):
    data = bytearray(text.encode("utf-8"))
    non_ascii = sum(1 for c in text if ord(c) > 127)
    if non_ascii < 5:
        return  # too few UTF-8 characters to outweigh one bad byte
    cut = [i for i in range(len(data) + 1) if i == len(data) or data[i] < 0x80 or data[i] >= 0xC0]
    at = cut[where % len(cut)]
    data[at:at] = bytes([byte])
    try:
        decoded = decode(bytes(data))
    except NotText:
        return  # control characters in the generated text
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == text.replace("\ufffd", "")

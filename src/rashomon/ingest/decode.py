"""Bytes to text: BOMs, UTF-8, then a detected legacy encoding (cp1251, latin-1 …).

Decoding must not lie. Bytes that are overwhelmingly UTF-8 (a stray byte in an
otherwise UTF-8 file) are read as UTF-8 with the bad bytes replaced, not handed to
charset detection, which reads the whole file in some code page where every
accented letter turns to mojibake. A detected code page outside the common ones
with low coherence gives way to cp1252 when cp1252 reads the bytes as cleanly
(Latin-1 text came out as cp775). Every result says which encoding it used and
how sure it is, and binary input is refused instead of being decoded into noise.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from charset_normalizer import from_bytes

from rashomon.settings import Settings

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded text is treated as binary. Real articles have none; 1% leaves
# room for a stray escape character in scraped text.
MAX_CONTROL_SHARE = 0.01
# Magic numbers of common binary formats that happen to hold no NUL in the first bytes.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")
# Bytes given to charset detection: its cost grows with the sample, its guess does not.
DETECT_SAMPLE = 200_000
# Code pages news is really written in (charset-normalizer's names). A guess outside
# these is "exotic": DOS, Mac and minor ISO pages that fit Western bytes by accident.
COMMON_ENCODINGS = frozenset(
    {
        "ascii",
        "utf_8",
        "cp1252",
        "latin_1",
        "iso8859_15",
        "cp1250",
        "iso8859_2",
        "cp1251",
        "koi8_r",
        "koi8_u",
        "iso8859_5",
        "cp1253",
        "iso8859_7",
        "cp1254",
        "iso8859_9",
        "cp1255",
        "iso8859_8",
        "cp1256",
        "iso8859_6",
        "cp1257",
        "iso8859_13",
        "cp1258",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
        "big5hkscs",
        "shift_jis",
        "cp932",
        "euc_jp",
        "iso2022_jp",
        "euc_kr",
        "cp949",
        "tis_620",
        "cp874",
    }
)
WESTERN = "cp1252"
WESTERN_FAMILY = frozenset({"cp1252", "latin_1", "iso8859_15"})


class Decoded(NamedTuple):
    """Text, the encoding it was read in, and how sure that is (0 to 1)."""

    text: str
    encoding: str
    confidence: float


class NotText(ValueError):
    """The bytes are binary (``binary``) or in no encoding that could be recognised."""

    def __init__(self, binary: bool, detail: str) -> None:
        super().__init__(detail)
        self.binary = binary


def decode(data: bytes, settings: Settings | None = None) -> Decoded:
    """Return the Decoded text or raise NotText."""
    settings = settings or Settings()
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, 1.0)
            except UnicodeDecodeError as exc:
                raise NotText(
                    False, f"{encoding} BOM but invalid {encoding}: {exc.reason}"
                ) from exc
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise NotText(True, "NUL bytes or a binary file signature")
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        text, bad_share = mostly_utf8(data)
        if bad_share <= settings.decode_max_bad_utf8_share:
            decoded = Decoded(text, "utf-8", round(1.0 - bad_share, 3))
        else:
            decoded = detect(data, settings)
    if control_share(decoded.text) > MAX_CONTROL_SHARE:
        raise NotText(True, "control characters")
    return decoded


def mostly_utf8(data: bytes) -> tuple[str, float]:
    """The bytes read as UTF-8 with bad bytes replaced, and the bad share of non-ASCII.

    The share is bad sequences / (bad sequences + valid multi-byte characters): 1.0
    when no byte above 127 forms valid UTF-8 (Latin-1, cp1252), near 0 for a UTF-8
    text with a stray byte.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - replaced
    return text, bad / (bad + valid) if bad + valid else 0.0


def detect(data: bytes, settings: Settings) -> Decoded:
    """A legacy code page from charset-normalizer, Western where its guess is a stretch.

    On a short text charset-normalizer scores cp1250 and cp1252 alike and may name
    either (or an exotic page); the Western page is taken when it reads the bytes with
    no more chaos and at least the same coherence, or when the guess is exotic and
    incoherent. Text that cp1252 cannot read cleanly (Polish, Czech, Cyrillic) keeps
    the guess.
    """
    sample = data[:DETECT_SAMPLE]
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise NotText(False, "neither UTF-8 nor a recognisable encoding")
    encoding, chaos = best.encoding, best.chaos
    if WESTERN in best.could_be_from_charset:
        encoding = WESTERN  # the same text either way: name it by the common page
    elif encoding not in WESTERN_FAMILY:
        western = from_bytes(sample, cp_isolation=[WESTERN]).best()
        exotic = encoding not in COMMON_ENCODINGS
        weak = exotic and best.coherence < settings.decode_exotic_min_coherence
        clean = western is not None and western.chaos <= chaos
        if western is not None and clean and (weak or western.coherence >= best.coherence):
            encoding, chaos = WESTERN, western.chaos
    text = data.decode(encoding, errors="replace")
    return Decoded(text, encoding, round(max(0.0, 1.0 - chaos), 3))


def control_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(sample)

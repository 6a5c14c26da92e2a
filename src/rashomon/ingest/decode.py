"""Bytes to text: BOMs, UTF-8, then a detected legacy encoding (cp1251, latin-1 …).

Binary input is recognised and refused instead of being decoded into noise.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

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


class NotText(ValueError):
    """The bytes are binary (``binary``) or in no encoding that could be recognised."""

    def __init__(self, binary: bool, detail: str) -> None:
        super().__init__(detail)
        self.binary = binary


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise NotText."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise NotText(
                    False, f"{encoding} BOM but invalid {encoding}: {exc.reason}"
                ) from exc
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise NotText(True, "NUL bytes or a binary file signature")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            raise NotText(False, "neither UTF-8 nor a recognisable encoding") from None
        encoding = best.encoding
        text = data.decode(encoding, errors="replace")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise NotText(True, "control characters")
    return text, encoding


def control_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(sample)

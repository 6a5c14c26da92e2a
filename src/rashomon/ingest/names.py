"""Input names that are always valid text: a file name that is not UTF-8 gets a safe form.

POSIX file names are bytes; Python hands undecodable ones over as lone surrogates,
which SQLite, hashing and every surface refuse. Such a name is shown with each bad
byte as ``\\xNN`` (and each backslash doubled, so the form can be undone), while a
UTF-8 name is kept exactly as it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ESCAPE = re.compile(r"\\\\|\\x([0-9a-f]{2})")


def is_safe(name: str) -> bool:
    """True when the name encodes as UTF-8 (no lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display_name(path: str | Path) -> str:
    """The name as given when it is UTF-8, else its escaped form (see ``name_bytes``)."""
    name = str(path)
    if is_safe(name):
        return name
    raw = os.fsencode(name)
    return raw.replace(b"\\", b"\\\\").decode("utf-8", errors="backslashreplace")


def name_bytes(escaped: str) -> bytes:
    """The file name's bytes back from the escaped form ``display_name`` gave a non-UTF-8 name."""

    def unescape(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return "\\"
        return chr(0xDC00 + int(match.group(1), 16))  # surrogateescape's form of the byte

    return _ESCAPE.sub(unescape, escaped).encode("utf-8", errors="surrogateescape")

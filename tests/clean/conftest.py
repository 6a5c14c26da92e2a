"""Helpers for the clean stage's tests (the ``settings`` fixture comes from tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rashomon.model import RawDocument

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "blinken"
GOLDEN = REPO / "tests" / "golden" / "clean"
# A fixed fetch time, so golden dates do not depend on when the files were copied.
FETCHED_AT = datetime(2024, 6, 1, 12, 0)


def sample_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def text_document(text: str, name: str = "sample.txt", **fields) -> RawDocument:
    fields.setdefault("fetched_at", FETCHED_AT)
    return RawDocument(input=name, content_hash="0" * 64, kind="text", text=text, **fields)

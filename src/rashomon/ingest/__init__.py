"""Ingest: turn what the user names (paths, directories, globs, URLs) into RawDocuments.

Everything here streams: one input is read at a time, and an input that cannot be
read becomes an InputRecord with a numbered reason instead of an exception, so
one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rashomon.ingest.files import read_path
from rashomon.ingest.sources import expand, is_url
from rashomon.ingest.urls import read_url
from rashomon.model import InputRecord, RawDocument
from rashomon.settings import Settings

Item = RawDocument | InputRecord


def iter_documents(inputs: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Every document the inputs hold, or a failed/skipped record for each that holds none."""
    for source in expand(inputs):
        if isinstance(source, InputRecord):
            yield source
        elif isinstance(source, str) and is_url(source):
            yield from read_url(source, settings)
        else:
            yield from read_path(Path(source), settings)


__all__ = ["Item", "iter_documents"]

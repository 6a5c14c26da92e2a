"""Expand the command line's inputs into single sources: files and URLs, in a stable order."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from rashomon.errors import Reason
from rashomon.model import InputRecord


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def expand(inputs: Iterable[str]) -> Iterator[Path | str | InputRecord]:
    """URLs as they are; directories recursively (hidden files left out); globs by match.

    A name that matches nothing becomes a failed record rather than an error, so
    the rest of the batch goes on.
    """
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from files_under(path)
        elif path.exists():
            yield path
        elif glob.has_magic(item):
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            files = [m for m in matches if m.is_file()]
            for match in matches:
                if match.is_dir():
                    files.extend(files_under(match))
            if not files:
                yield InputRecord(item, "", "failed", Reason.NOT_FOUND.value)
            yield from files
        else:
            yield InputRecord(item, "", "failed", Reason.NOT_FOUND.value)


def files_under(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )

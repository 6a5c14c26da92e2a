"""Expand the command line's inputs into single sources: files and URLs, in a stable order.

Walks never loop: each directory is entered once (by ``(st_dev, st_ino)``), so a
symlink back to an ancestor is passed over, and each file is yielded once however
many links or patterns reach it.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from rashomon.errors import Reason
from rashomon.ingest.names import display_name
from rashomon.model import InputRecord

Key = tuple[int, int]


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def expand(inputs: Iterable[str]) -> Iterator[Path | str | InputRecord]:
    """URLs as they are; directories recursively (hidden files left out); globs by match.

    A name that matches nothing becomes a failed record rather than an error, so
    the rest of the batch goes on.
    """
    seen_files: set[Key] = set()
    seen_dirs: set[Key] = set()
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from _unseen(files_under(path, seen_dirs), seen_files)
        elif path.exists():
            yield from _unseen([path], seen_files)
        elif glob.has_magic(item):
            files: list[Path] = []
            for match in glob_paths(item):
                files.extend(files_under(match, seen_dirs) if match.is_dir() else [match])
            if not files:
                yield InputRecord(display_name(item), "", "failed", Reason.NOT_FOUND.value)
            yield from _unseen(files, seen_files)
        else:
            yield InputRecord(display_name(item), "", "failed", Reason.NOT_FOUND.value)


def _unseen(paths: Iterable[Path], seen: set[Key]) -> Iterator[Path]:
    """Each file once: a second link (or pattern) to the same file adds nothing."""
    for path in paths:
        try:
            key = _key(path.stat())
        except OSError:
            yield path  # the reader records why it cannot be read
            continue
        if key not in seen:
            seen.add(key)
            yield path


def _key(stat: os.stat_result) -> Key:
    return (stat.st_dev, stat.st_ino)


def files_under(folder: Path, seen_dirs: set[Key] | None = None) -> list[Path]:
    """Every non-hidden, non-directory entry below ``folder``, each directory entered once.

    FIFOs, devices and sockets are listed too, so the reader records them as refused
    instead of their vanishing unexplained.
    """
    seen_dirs = set() if seen_dirs is None else seen_dirs
    found: list[Path] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            key = _key(current.stat())
        except OSError:
            continue
        if key in seen_dirs:
            continue  # a symlink loop, or a second way into a directory already read
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                entry.stat()  # a dangling symlink names nothing to read
            except OSError:
                continue
            if is_dir:
                stack.append(Path(entry.path))
            else:
                found.append(Path(entry.path))
    return sorted(found)


def glob_paths(pattern: str) -> list[Path]:
    """Paths matching a glob pattern; ``**`` is matched on a walk that cannot loop.

    The standard ``glob`` follows directory symlinks under ``**`` until the OS refuses
    (one file came back 41 times through a link to its own folder).
    """
    if "**" not in pattern:
        return sorted(Path(m) for m in glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:fixed]) if fixed else Path()
    rest = parts[fixed:]
    matches = []
    for path in _walk_all(root):
        relative = path.relative_to(root).parts
        if _match(rest, relative):
            matches.append(path)
    return sorted(matches)


def _walk_all(root: Path) -> Iterator[Path]:
    """Every non-hidden entry below ``root`` (directories too), each directory entered once."""
    seen: set[Key] = set()
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            key = _key(current.stat())
            entries = list(os.scandir(current))
        except OSError:
            continue
        if key in seen:
            continue
        seen.add(key)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            yield path
            try:
                if entry.is_dir():
                    stack.append(path)
            except OSError:
                continue


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Glob matching by path component, ``**`` standing for any number of directories."""
    if not pattern:
        return not parts
    head, tail = pattern[0], pattern[1:]
    if head == "**":
        return any(_match(tail, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _match(tail, parts[1:])

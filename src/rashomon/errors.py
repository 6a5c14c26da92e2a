"""Numbered, greppable reasons for every input status and every user-facing error.

A reason reads ``E103: not text: a binary file (NUL bytes)``: the code is stable
(scripts and issue reports can grep for it), the words after it say what to do.
Codes 1xx are ingest, 2xx cleaning, 3xx analysis stages, 4xx storage, 5xx usage.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why an input was skipped or failed; ``str(reason)`` is ``"E###: text"``."""

    NOT_FOUND = "E101: no such file, directory or glob match"
    EMPTY = "E102: empty input"
    BINARY = "E103: not text: a binary file"
    UNDECODABLE = "E104: text in no encoding that could be recognised"
    UNKNOWN_TYPE = (
        "E105: unknown file type (expected .txt, .html, .htm, .json, .jsonl, .xml, .rss, .atom)"
    )
    BAD_JSON = "E106: invalid JSON"
    BAD_RECORD = "E107: JSON record without 'text' or 'html'"
    BAD_FEED = "E108: broken or empty feed"
    FETCH_FAILED = "E110: could not fetch the URL"
    FETCH_REFUSED = "E111: refused to fetch the URL"
    FETCH_TOO_LARGE = "E112: the response is larger than the size cap"
    FETCH_BAD_TYPE = "E113: the response is not HTML, text or a feed"
    TOO_LARGE = "E114: the file is larger than the size cap"
    NO_BODY = "E201: no article body found"
    NOT_ENGLISH = "E202: not English"
    BAD_HTML = "E203: HTML that could not be parsed"
    CLEAN_FAILED = "E204: cleaning failed on unexpected content"
    # outlets and dates (raised as RashomonError: the run cannot start without them)
    BAD_REGISTRY = "E205: an outlet registry file that cannot be used"
    BAD_MANIFEST = "E206: a manifest that cannot be used"
    STAGE_FAILED = "E301: an analysis stage failed"
    DUPLICATE_ID = "E401: an article with this id came from another input"

    def code(self) -> str:
        return self.value.split(":", 1)[0]

    def with_detail(self, detail: str) -> str:
        """The reason with what exactly went wrong, for the status table."""
        detail = " ".join(detail.split())  # one line, whatever the exception said
        return f"{self.value} ({detail})" if detail else self.value


class RashomonError(Exception):
    """A usage or environment error the CLI reports as one line and a non-zero exit."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple:
        # Raised in pool processes and Dask workers, so it must unpickle in the caller.
        return (type(self), (self.code, self.message))


def missing_model(name: str) -> RashomonError:
    return RashomonError(
        "E501",
        f"the spaCy pipeline {name!r} is not installed; install its package "
        "(see README, 'Models') or set spacy_model to one that is",
    )

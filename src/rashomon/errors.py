"""Numbered, greppable reasons for every input status and every user-facing error.

A reason reads ``E103: not text: a binary file (NUL bytes)``: the code is stable
(scripts and issue reports can grep for it), the words after it say what to do.
Codes 1xx are ingest, 2xx cleaning, 3xx analysis stages, 4xx storage, 5xx usage,
6xx reading surfaces (briefing, web). ``Reason`` holds the input statuses and
``Errors`` every error raised as a ``RashomonError``: one registry, so a code has
one meaning. docs/errors.md documents each; tests/test_errors.py fails on a
duplicate code, or on a code used in src/ that is not registered and documented.
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
    # ingest limits
    JSON_TOO_DEEP = "E115: JSON nested deeper than json_max_depth"
    JSON_NUMBER_TOO_LONG = "E116: a JSON number longer than json_max_number_digits"
    RECORD_TOO_LARGE = "E117: a JSON record larger than max_record_bytes"
    NOT_REGULAR = "E118: not a regular file: FIFOs, devices and sockets are never read"
    FETCH_DEADLINE = "E119: the fetch took longer than fetch_deadline"
    NO_BODY = "E201: no article body found"
    NOT_ENGLISH = "E202: not English"
    BAD_HTML = "E203: HTML that could not be parsed"
    CLEAN_FAILED = "E204: cleaning failed on unexpected content"
    # outlets and dates (raised as RashomonError: the run cannot start without them)
    STAGE_FAILED = "E301: an analysis stage failed"
    DUPLICATE_ID = "E401: an article with this id came from another input"
    # isolation and limits
    TEXT_TOO_LONG = "E302: the clean text is longer than max_text_chars"
    OVER_TIME_BUDGET = "E303: the article took longer than article_time_budget"
    PARSE_FAILED = "E304: the spaCy pass failed on this article"
    CROSS_STAGE_FAILED = "E305: a cross-article stage failed on this unit of work"
    READ_FAILED = "E306: reading this input failed on something unexpected"
    WORKER_DIED = "E308: the worker process analysing it died (out of memory or a crash)"
    BATCH_FAILED = "E309: its batch failed outside the per-article guards"
    REREAD_FAILED = "E406: reading it again failed; the earlier result is kept"
    UNSTORABLE = "E407: the analysis could not be stored"

    def code(self) -> str:
        return self.value.split(":", 1)[0]

    def with_detail(self, detail: str) -> str:
        """The reason with what exactly went wrong, for the status table."""
        detail = " ".join(detail.split())  # one line, whatever the exception said
        return f"{self.value} ({detail})" if detail else self.value


class Errors:
    """Every numbered error's message template, as spaCy's ``Errors``: one code, one wording.

    Raise with ``error("E506", db=path)``; the same mistake reads the same everywhere.
    """

    E341 = "cannot read framing lexicon {path}: {detail}"
    E342 = "no story with id {story!r} (see `rashomon framing` ids)"
    # cleaning: what the user gives (codes 205 to 209)
    E205 = "cannot use the outlet registry: {detail}"
    E206 = "cannot use the manifest: {detail}"
    # the store (codes 402 to 409)
    E402 = "another process is writing {db} ({holder}); wait for it to finish, or use another --db"
    E405 = "{db} is read-only: it can be read but not written"
    E408 = "cannot make or take the writer lock {path}: {detail}"
    E501 = (
        "the spaCy pipeline {name!r} is not installed; install its package "
        "(see README, 'Models') or set spacy_model to one that is"
    )
    E502 = "unknown settings in {path}: {names}"
    E503 = "stage {stage!r} needs {missing}, made by no earlier stage"
    E504 = "Parquet needs a file: give -o FILE"
    E505 = "--dask local:N needs a whole number, not {count!r}"
    E506 = "no database at {db}: run 'rashomon analyze INPUT… --db {db}'"
    E507 = "cannot export {what!r}; choose from {choices}"
    E508 = "unknown format {fmt!r}; choose from {choices}"
    E509 = "could not reach the Dask scheduler at {address!r} ({detail})"
    # cli (usage codes 510 to 539)
    E510 = "{detail} (see '{command} --help')"
    E511 = "--out knows only 'parquet', not {kind!r}"
    E512 = "cannot read the database {db}: {detail}"
    E513 = "unknown setting {name!r} in --setting; settings are listed in docs/settings.md"
    E514 = "--setting {name}={value!r}: {detail}"
    E515 = "--setting needs NAME=VALUE, not {given!r}"
    E516 = "cannot read the settings file {path}: {detail}"
    E517 = "{option} needs an ISO date (YYYY-MM-DD), not {given!r}"
    E518 = "cannot serve on {host}:{port}: {detail}"
    E519 = "cannot write {path}: {detail}"
    E520 = "setting {name} in {path} has a value of the wrong type: {value!r}"
    # the Python API (codes 540 to 549)
    E540 = "to_pandas() needs pandas: pip install pandas (the records are a plain list)"
    E541 = "analyze() takes paths, URLs and dict records, not {kinds}"
    E542 = "no article {article!r}; articles() lists them"
    E601 = "no story {story!r}; 'rashomon stories' lists them"


def error(code: str, **fields: object) -> RashomonError:
    """The registered error ``code`` with its template filled in."""
    return RashomonError(code, getattr(Errors, code).format(**fields))


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
    return error("E501", name=name)

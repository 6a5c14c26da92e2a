"""Golden files for the five sample articles: title, outlet, date, credits and clean body.

Each file's ``header`` says what a person checked by reading it against its sample
(title, outlet, date and precision, credits, the body's first and last lines) and the
mistakes known. Regenerate with ``RASHOMON_UPDATE_GOLDEN=1 pytest tests/clean/test_golden.py``
(the header is kept), read every changed field against the sample, and update the
header: a golden file pins what a reader judged right, not whatever the cleaner produces.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rashomon.clean import clean_document

from .conftest import GOLDEN, sample_paths, text_document

FIELDS = (
    "title",
    "title_source",
    "outlet",
    "outlet_source",
    "published",
    "published_source",
    "published_precision",
    "credits",
)
# What every header must say it checked by reading (its lines start with these words).
CHECKED = ("Title:", "Outlet:", "Date:", "Credits:", "Body:", "Known mistakes:")


def _result(path: Path, settings) -> dict:
    outcome = clean_document(
        text_document(path.read_text(encoding="utf-8"), name=path.name), settings
    )
    assert outcome.analysis is not None, outcome.record.reason
    article = outcome.analysis.article
    result = {name: getattr(article, name) for name in FIELDS}
    result["body"] = article.text.split("\n\n")
    return result


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_sample_matches_golden(path: Path, settings) -> None:
    golden_file = GOLDEN / f"{path.stem}.json"
    result = _result(path, settings)
    if os.environ.get("RASHOMON_UPDATE_GOLDEN"):
        header = json.loads(golden_file.read_text(encoding="utf-8"))["header"]
        golden_file.write_text(
            json.dumps({"header": header, **result}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    del golden["header"]
    assert result == golden


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_golden_header_says_what_was_checked_by_reading(path: Path) -> None:
    header = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))["header"]
    assert header[0].startswith("Checked by reading on ") and path.name in header[0]
    assert [p for p in CHECKED if not any(line.startswith(p) for line in header)] == []


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_golden_body_line_is_in_the_sample(path: Path) -> None:
    golden = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    source = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    assert all(paragraph in source for paragraph in golden["body"])

"""Golden files for the five sample articles: title, outlet, date, credits and clean body.

Regenerate with ``RASHOMON_UPDATE_GOLDEN=1 pytest tests/clean/test_golden.py`` and
review every changed body by eye before committing: a golden file pins what a
human reader judged right (titles, every boilerplate line gone, every body
sentence kept), not whatever the cleaner happens to produce.
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
        golden_file.write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    assert result == golden


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_golden_body_line_is_in_the_sample(path: Path) -> None:
    golden = json.loads((GOLDEN / f"{path.stem}.json").read_text(encoding="utf-8"))
    source = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    assert all(paragraph in source for paragraph in golden["body"])

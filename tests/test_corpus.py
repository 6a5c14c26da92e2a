"""The Python API: the README's example runs, records are typed and stable, errors coded."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import rashomon
from rashomon.corpus import ArticleRecord, QuoteRecord, Records, record_input_name
from rashomon.errors import RashomonError

ROOT = Path(__file__).resolve().parents[1]


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Python API", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's Python API section has no python block"
    return match.group(1)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """A working directory holding the README's relative paths (examples/), for exec."""
    work = tmp_path_factory.mktemp("notebook")
    (work / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    return work


@pytest.fixture(scope="module")
def readme_run(corpus_dir) -> dict:
    """The README's example executed as written, in a tmp dir; its globals after."""
    cwd = os.getcwd()
    os.chdir(corpus_dir)
    try:
        scope: dict = {}
        exec(compile(readme_example(), "README.md", "exec"), scope)  # noqa: S102
    finally:
        os.chdir(cwd)
    return scope


@pytest.mark.slow
def test_readme_example_runs_and_returns_typed_records(readme_run):
    assert readme_run["summary"].counts["ok"] == 5
    stories = readme_run["stories"]
    assert isinstance(stories, Records) and stories
    assert readme_run["top"].article_count >= 2
    assert all(isinstance(q, QuoteRecord) and "Blinken" in q.speaker for q in readme_run["quotes"])
    frame = readme_run["frame"]
    assert len(frame) == 6 and list(frame.columns)[:3] == ["id", "title", "outlet"]


@pytest.mark.slow
def test_records_are_named_stably_and_passed_over_when_unchanged(readme_run, corpus_dir):
    corpus = rashomon.open(corpus_dir / "news.db")
    note = {
        "id": "note-1",
        "outlet": "Notes",
        "title": "A note",
        "text": "Antony Blinken said on Monday that talks would resume.",
    }
    again = corpus.analyze([note], cross=False)
    assert again.counts["unchanged"] == 1 and again.counts["ok"] == 0
    inputs = {a.input for a in corpus.articles()}
    assert "record:note-1" in inputs
    assert all(isinstance(a, ArticleRecord) for a in corpus.articles())


@pytest.mark.slow
def test_story_filter_and_unknown_ids_are_coded_errors(readme_run, corpus_dir):
    corpus = rashomon.open(corpus_dir / "news.db")
    top = readme_run["top"]
    assert len(corpus.articles(story=top.id)) == top.article_count
    with pytest.raises(RashomonError) as story:
        corpus.quotes(story="no-such-story")
    assert story.value.code == "E601"
    with pytest.raises(RashomonError) as article:
        corpus.text("no-such-article")
    assert article.value.code == "E542"
    assert corpus.text(corpus.articles()[0].id)


def test_analyze_refuses_inputs_that_are_neither_paths_nor_records(tmp_path):
    with pytest.raises(RashomonError) as refused:
        rashomon.open(tmp_path / "x.db").analyze([42])
    assert refused.value.code == "E541"


def test_points_are_the_stored_comparison_of_a_story(readme_run):
    corpus = readme_run["corpus"]
    story = max(corpus.stories(), key=lambda s: s.article_count)
    points = corpus.points(story.id)
    assert points and all(p.story_id == story.id and p.members for p in points)
    assert [p.salience for p in points] == sorted((p.salience for p in points), reverse=True)
    with pytest.raises(RashomonError) as missing:
        corpus.points("no-such-story")
    assert missing.value.code == "E601"


def test_to_pandas_without_pandas_is_a_coded_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(RashomonError) as missing:
        Records([1]).to_pandas()
    assert missing.value.code == "E540"


def test_record_names_use_the_id_or_a_content_hash():
    assert record_input_name({"id": 7, "text": "x"}) == "record:7"
    unnamed = record_input_name({"text": "x", "title": "t"})
    assert unnamed == record_input_name({"title": "t", "text": "x"})  # key order does not matter
    assert unnamed != record_input_name({"text": "y", "title": "t"})


def test_import_rashomon_is_cheap_and_versioned():
    code = (
        "import sys, rashomon; "
        "heavy = ('spacy', 'fastapi', 'pandas', 'rashomon.corpus'); "
        "heavy = [m for m in heavy if m in sys.modules]; "
        "print(rashomon.__version__, heavy)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    version, heavy = out.stdout.split(" ", 1)
    assert version and heavy.strip() == "[]", out.stderr
    assert set(rashomon.__all__) >= {"open", "Corpus", "__version__"}
    assert (ROOT / "src" / "rashomon" / "py.typed").exists()

"""Per-article isolation in the batch runner: one failure is a recorded reason, never a crash."""

from __future__ import annotations

import time
from dataclasses import replace

import rashomon.annotate.nlp
import rashomon.batch
from rashomon.batch import analyze_batch
from rashomon.model import RawDocument
from rashomon.pipeline import Stage, load_stages

GOOD = (
    "Officials reopen the northern port\n\n"
    "The transport minister said on Monday that the northern port would reopen next week."
)


def record(name: str, text: str = GOOD) -> RawDocument:
    return RawDocument(name, f"hash-{name}", "record", text=text, title=name)


def statuses(outcomes) -> dict[str, tuple[str, str]]:
    return {o.record.input: (o.record.status, o.record.reason[:4]) for o in outcomes}


def test_regression_text_over_max_text_chars_fails_alone(settings):
    # A clean text over spaCy's max_length killed the whole run with a traceback.
    long = GOOD + "\n\n" + " ".join(["The port reopened."] * 60)
    small = replace(settings, max_text_chars=len(long) - 1)
    outcomes = analyze_batch([record("long", long), record("good")], small)
    assert statuses(outcomes) == {"long": ("failed", "E302"), "good": ("ok", "")}
    assert "characters" in outcomes[0].record.reason


class BrokenPipe:
    """A spaCy pipeline whose batch pipe raises, and which cannot parse 'BOOM' at all."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.max_length = nlp.max_length

    def pipe(self, texts, batch_size=32):
        for text in texts:
            if "BOOM" in text:
                raise ValueError("bad doc in the batch")
            yield self.nlp(text)

    def __call__(self, text):
        if "BOOM" in text:
            raise ValueError("cannot parse")
        return self.nlp(text)


def test_regression_one_bad_doc_does_not_fail_the_pipe_batch(settings, nlp, monkeypatch):
    monkeypatch.setattr(rashomon.annotate.nlp, "load_nlp", lambda name: BrokenPipe(nlp))
    items = [record("a"), record("bad", GOOD + " BOOM."), record("c")]
    outcomes = analyze_batch(items, settings)
    assert statuses(outcomes) == {
        "a": ("ok", ""),
        "bad": ("failed", "E304"),
        "c": ("ok", ""),
    }
    assert all(o.analysis.sentences for o in outcomes if o.analysis is not None)


def _slow(analysis, doc, settings) -> None:
    if "slow" in analysis.article.input:
        while True:  # pure Python: the budget's timer interrupts it
            time.sleep(0.01)


def _raises(analysis, doc, settings) -> None:
    if "odd" in analysis.article.input:
        raise RecursionError("maximum recursion depth exceeded")


def with_stage(monkeypatch, fn) -> None:
    extra = Stage("extra", "1", (), (), fn)
    stages = load_stages()
    monkeypatch.setattr(rashomon.batch, "load_stages", lambda: [*stages, extra])


def test_an_article_over_its_time_budget_fails_alone(settings, monkeypatch):
    with_stage(monkeypatch, _slow)
    budget = replace(settings, article_time_budget=0.5)
    started = time.monotonic()
    outcomes = analyze_batch([record("slow"), record("good")], budget)
    assert time.monotonic() - started < 60
    assert statuses(outcomes) == {"slow": ("failed", "E303"), "good": ("ok", "")}
    assert "in extra" in outcomes[0].record.reason


def test_a_stage_error_fails_its_article_with_the_stage_named(settings, monkeypatch):
    with_stage(monkeypatch, _raises)
    outcomes = analyze_batch([record("odd"), record("good")], settings)
    assert statuses(outcomes) == {"odd": ("failed", "E301"), "good": ("ok", "")}
    assert "extra: RecursionError" in outcomes[0].record.reason


def test_a_zero_budget_turns_the_budget_off(settings):
    outcomes = analyze_batch([record("good")], replace(settings, article_time_budget=0))
    assert statuses(outcomes) == {"good": ("ok", "")}

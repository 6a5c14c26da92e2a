"""The cross-article ``framing_choice`` stage over a store (framing/story.py)."""

from __future__ import annotations

import hashlib

import pytest

from rashomon.framing import story
from rashomon.model import Analysis, Article, InputRecord, Outcome, Quote, Sentence
from rashomon.store import Store

LEAD = "The council passed the budget on Tuesday after a long debate."
# (outlet, speaker quoted in the second sentence)
STORY = {"Alpha": "Jane Doe", "Beta": "Mitch McConnell", "Gamma": "McConnell"}


def outcome(outlet: str, speaker: str, score: float = 0.5) -> Outcome:
    said = f'"We will not stop here," said {speaker}.'
    text = f"{LEAD} {said}"
    article_id = outlet.lower()
    article = Article(article_id, f"test#{article_id}", text, title=LEAD, outlet=outlet)
    analysis = Analysis(article)
    analysis.sentences = [
        Sentence(article_id, 0, len(LEAD), LEAD, 0.2, False),
        Sentence(article_id, len(LEAD) + 1, len(text), said, score, False),
    ]
    start = len(LEAD) + 1
    analysis.quotes = [
        Quote(article_id, start, start + 21, said[:21], "direct", speaker=speaker)
    ]
    digest = hashlib.sha1(text.encode()).hexdigest()
    return Outcome(InputRecord(article.input, digest, "ok", article_id=article_id), analysis)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "story.db"
    with Store(path) as store:
        store.write_outcomes(outcome(o, s) for o, s in STORY.items())
    return path


def quoted_sentences(store: Store) -> dict[str, tuple[float, float, bool]]:
    rows = store.rows(
        "SELECT article_id, bias_score, article_score, biased FROM sentences WHERE start > 0"
    )
    return {r["article_id"]: (r["bias_score"], r["article_score"], bool(r["biased"])) for r in rows}


def test_a_quote_no_other_outlet_chose_is_a_signal_and_raises_its_sentence(db, settings):
    with Store(db) as store:
        story.run(store, settings)
        signals = list(store.rows("SELECT * FROM signals WHERE signal = 'choice'"))
        scores = quoted_sentences(store)
        kinds = {
            r["article_id"]: r["signals"]
            for r in store.rows("SELECT article_id, signals FROM sentences WHERE start > 0")
        }
    assert [(s["article_id"], s["voice"], s["speaker"]) for s in signals] == [
        ("alpha", "quote", "Jane Doe")
    ]
    raised = settings.framing_quote_choice_weight > 0
    assert raised and scores["alpha"][0] > scores["alpha"][1] == 0.5
    assert scores["beta"][0] == scores["gamma"][0] == 0.5  # McConnell: quoted by both
    assert story.CHOICE in kinds["alpha"] and story.CHOICE not in kinds["beta"]


def test_rerunning_the_stage_changes_nothing(db, settings):
    with Store(db) as store:
        story.run(store, settings)
        first = quoted_sentences(store)
        with store.transaction():
            store.conn.execute("DELETE FROM framing_stories")  # force a recompute
        story.run(store, settings)
        story.run(store, settings)
        assert quoted_sentences(store) == first
        assert len(list(store.rows("SELECT * FROM signals WHERE signal = 'choice'"))) == 1


def test_a_new_article_quoting_the_same_speaker_takes_the_choice_back(db, settings):
    with Store(db) as store:
        story.run(store, settings)
        store.write_outcomes([outcome("Delta", "Doe")])
        story.run(store, settings)
        scores = quoted_sentences(store)
        assert not list(store.rows("SELECT * FROM signals WHERE signal = 'choice'"))
    assert scores["alpha"][0] == scores["alpha"][1] == 0.5


def test_a_story_of_one_outlet_keeps_its_scores(tmp_path, settings):
    with Store(tmp_path / "one.db") as store:
        store.write_outcomes([outcome("Alpha", "Jane Doe", score=0.6)])
        story.run(store, settings)
        assert quoted_sentences(store)["alpha"] == (0.6, 0.6, False)


def test_the_stage_runs_after_points():
    from rashomon.pipeline import CROSS_ARTICLE_STAGES

    names = [name for name, _ in CROSS_ARTICLE_STAGES]
    assert names.index("framing_choice") == names.index("points") + 1


def test_the_pipeline_runs_it_on_the_samples(blinken_db):
    with Store(blinken_db, readonly=True) as store:
        failed = list(store.rows("SELECT * FROM stage_failures WHERE stage = 'framing_choice'"))
        done = list(store.rows("SELECT * FROM framing_stories"))
        kept = list(store.rows("SELECT 1 FROM sentences WHERE article_score IS NULL"))
    assert not failed and done and not kept


def test_the_outlet_summary_names_the_voices_only_it_quotes(db, settings):
    from rashomon.framing.compare import compare_story

    with Store(db) as store:
        story.run(store, settings)
        found = {o.outlet: o for o in compare_story(store).outlets}
    alpha = [o for name, o in found.items() if "alpha" in name.lower()][0]
    assert "quotes voices no other outlet on the story quotes: 'Jane Doe'" in alpha.summary
    assert "choice" not in alpha.quoted  # a choice of content, not of words: no table column
    assert all("no other outlet" not in o.summary for o in found.values() if o is not alpha)


def test_a_changed_weight_recomputes_the_story(db, settings):
    from dataclasses import replace

    with Store(db) as store:
        story.run(store, settings)
        story.run(store, replace(settings, framing_quote_choice_weight=0.0))
        assert quoted_sentences(store)["alpha"][0] == 0.5

"""Cross-article stage ``framing_choice``: each story's quote choices, and the sentence flag
of its articles read in the story's context.

For every event (a story the stories stage made; articles it has not placed form the
corpus story) it finds the quotes only one outlet chose (``framing.choice``), stores them
as ``choice`` signals of their article (voice ``quote``, with the speaker), and moves the
bias score of the sentences holding them by ``framing_quote_choice_weight`` in log-odds,
from the per-article score kept in ``sentences.article_score``. A story is redone only
when its articles (a re-analysed one included), the setting or ``VERSION`` changed, so a
re-run changes nothing.
"""

from __future__ import annotations

import hashlib
import json

from rashomon.framing.choice import (
    LABEL,
    QuotedSpeech,
    StoryArticle,
    chosen_quotes,
    rescore_in_story,
)
from rashomon.model import Sentence, Signal
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.views.stories import article_meta, article_versions, event_members, placeholders

# Bumped when the code changes what it finds, so stored stories are redone.
VERSION = "1"
CHOICE = f"choice:{LABEL}"


def signature(ids: list[str], versions: dict[str, int], settings: Settings) -> str:
    """What a story's choices and flags depend on: its articles (each as stored now), the
    settings the stage reads and its code."""
    knobs = (settings.framing_quote_choice_weight, settings.framing_bias_threshold)
    parts = [VERSION, repr(knobs)]
    parts += sorted(f"{i}@{versions.get(i)}" for i in ids)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def story_articles(store: Store, ids: list[str]) -> list[StoryArticle]:
    quotes: dict[str, list[QuotedSpeech]] = {i: [] for i in ids}
    for q in store.rows(
        f'SELECT article_id, start, "end", text, speaker FROM quotes '
        f"WHERE article_id IN ({placeholders(ids)}) AND speaker IS NOT NULL ORDER BY rowid",
        ids,
    ):
        quotes[q["article_id"]].append(QuotedSpeech(q["start"], q["end"], q["text"], q["speaker"]))
    return [StoryArticle(i, m["label"], quotes[i]) for i, m in article_meta(store, ids).items()]


def rescore(store: Store, article_id: str, choices: list[Signal], settings: Settings) -> None:
    """Store the article's choice signals and its sentences' story-aware scores."""
    conn = store.conn
    conn.execute("DELETE FROM signals WHERE article_id = ? AND signal = 'choice'", (article_id,))
    store.insert("signals", choices)
    conn.execute(
        "UPDATE sentences SET article_score = bias_score "
        "WHERE article_id = ? AND article_score IS NULL",
        (article_id,),
    )
    rows = list(
        store.rows(
            'SELECT rowid, start, "end", article_score, signals FROM sentences '
            "WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
    )
    sentences = [Sentence(article_id, r["start"], r["end"], "", r["article_score"]) for r in rows]
    inside = rescore_in_story(
        sentences, choices, settings.framing_quote_choice_weight, settings.framing_bias_threshold
    )
    for row, sentence, found in zip(rows, sentences, inside, strict=True):
        kinds = [k for k in json.loads(row["signals"]) if k != CHOICE]
        if found:
            kinds.append(CHOICE)
        conn.execute(
            "UPDATE sentences SET bias_score = ?, biased = ?, signals = ? WHERE rowid = ?",
            (sentence.bias_score, sentence.biased, json.dumps(kinds), row["rowid"]),
        )


def run(store: Store, settings: Settings) -> None:
    known = {r["story_id"]: r["signature"] for r in store.rows("SELECT * FROM framing_stories")}
    versions = article_versions(store)
    members = event_members(store)
    for story_id, ids in members.items():
        sig = signature(ids, versions, settings)
        if known.get(story_id) == sig:
            continue
        found = chosen_quotes(story_articles(store, ids))
        with store.transaction():
            for article_id in ids:
                mine = [c for c in found if c.article_id == article_id]
                rescore(store, article_id, mine, settings)
            store.conn.execute(
                "INSERT OR REPLACE INTO framing_stories (story_id, signature) VALUES (?, ?)",
                (story_id, sig),
            )
    with store.transaction():
        for story_id in set(known) - set(members):
            store.conn.execute("DELETE FROM framing_stories WHERE story_id = ?", (story_id,))

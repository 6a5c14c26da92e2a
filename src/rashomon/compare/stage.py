"""Cross-article stage ``points``: align every story's articles into points and store them.

It runs after ``stories`` (which decides the stories) and ``conflicts`` (whose clashing
figures make a point contested). A story is recomputed only when its articles (a
re-analysed one included), the ``compare_*`` settings or the stage's ``VERSION`` changed
since the last run, so re-running changes nothing; a recomputed story keeps the ids of
its points wherever the information is the same (store/points.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import fields

from rashomon.compare.points import points_for
from rashomon.settings import Settings
from rashomon.store import points as repo
from rashomon.store.db import Store
from rashomon.views.compare import clashing_figures, compare_inputs
from rashomon.views.stories import article_versions, list_stories, story_members

# Bumped when the comparison's code changes what it finds, so stored points are redone.
VERSION = "5"


def signature(ids: list[str], versions: dict[str, int], settings: Settings) -> str:
    """What a story's points depend on: its articles (each as stored now), the
    comparison's settings and its code."""
    knobs = sorted((f.name, getattr(settings, f.name)) for f in fields(settings))
    used = [(k, v) for k, v in knobs if k.startswith("compare_")]
    articles = sorted(f"{i}@{versions.get(i)}" for i in ids)
    text = "\n".join([VERSION, repr(used), *articles])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def run(store: Store, settings: Settings) -> None:
    known = repo.signatures(store)
    stories = list_stories(store)
    members = story_members(store)
    versions = article_versions(store)
    for story in stories:
        ids = members.get(story.id, [])
        sig = signature(ids, versions, settings)
        if known.get(story.id) == sig:
            continue
        found = points_for(
            compare_inputs(store, ids), settings, clashing_figures(store, ids), story.id
        )
        with store.transaction():
            repo.replace_story(store, story.id, sig, found)
    with store.transaction():
        repo.drop_stories(store, {s.id for s in stories})

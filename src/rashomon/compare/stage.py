"""Cross-article stage ``points``: align every story's articles into points and store them.

It runs after ``stories`` (which decides the stories) and ``conflicts`` (whose clashing
figures make a point contested). A story is recomputed only when its set of articles
changed since the last run, so re-running changes nothing; a recomputed story keeps
the ids of its points wherever the information is the same (store/points.py).
"""

from __future__ import annotations

import hashlib

from rashomon.compare.points import points_for
from rashomon.settings import Settings
from rashomon.store import points as repo
from rashomon.store.db import Store
from rashomon.views.compare import clashing_figures, compare_inputs
from rashomon.views.stories import list_stories, story_members


def signature(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


def run(store: Store, settings: Settings) -> None:
    known = repo.signatures(store)
    stories = list_stories(store)
    members = story_members(store)
    for story in stories:
        ids = members.get(story.id, [])
        sig = signature(ids)
        if known.get(story.id) == sig:
            continue
        found = points_for(
            compare_inputs(store, ids), settings, clashing_figures(store, ids), story.id
        )
        with store.transaction():
            repo.replace_story(store, story.id, sig, found)
    with store.transaction():
        repo.drop_stories(store, {s.id for s in stories})

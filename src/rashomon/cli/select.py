"""``--story``, ``--outlet``, ``--since``, ``--until`` and ``--limit``, applied the same way
by every listing command.

Story membership and article facts come from the read layer (``rashomon.views``), as the
web's and the report's do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import Any

from rashomon.cli.config import command_settings
from rashomon.cli.store import open_store
from rashomon.errors import error
from rashomon.store import Store
from rashomon.views.stories import article_meta, story_article_ids


def story_members(store: Store, story: str) -> set[str]:
    """The article ids of an event or storyline; E601 when there is no such story."""
    ids = story_article_ids(store, story)
    if not ids:
        raise error("E601", story=story)
    return set(ids)


def parse_day(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise error("E517", option=option, given=value) from None


@dataclass(frozen=True)
class Selection:
    """What the user asked to see. An undated row is left out once a date bound is set:
    it cannot be known to fall inside it."""

    story: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int | None = None

    @classmethod
    def of(
        cls,
        story: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Selection:
        return cls(story, outlet, parse_day("--since", since), parse_day("--until", until), limit)

    @property
    def filters(self) -> bool:
        return any(v is not None for v in (self.story, self.outlet, self.since, self.until))

    def bind(self, store: Store) -> Bound:
        """Check the story id now, so a wrong one fails before anything is printed."""
        bound = Bound(self, store)
        if self.story is not None:
            bound.members  # noqa: B018 - raises E601 for an unknown story
        return bound


@dataclass
class Bound:
    """A selection with the store it reads membership and article facts from."""

    selection: Selection
    store: Store

    @cached_property
    def members(self) -> set[str] | None:
        story = self.selection.story
        return None if story is None else story_members(self.store, story)

    @cached_property
    def facts(self) -> dict[str, dict[str, Any]]:
        """id → the article's outlet ``label`` and ``published`` date, for filtering."""
        return article_meta(self.store)

    def day_ok(self, day: str | None) -> bool:
        s = self.selection
        if s.since is None and s.until is None:
            return True
        if not day:
            return False
        day = day[:10]
        return (s.since is None or day >= s.since.isoformat()) and (
            s.until is None or day <= s.until.isoformat()
        )

    def outlet_ok(self, outlet: str | None) -> bool:
        wanted = self.selection.outlet
        return wanted is None or (outlet or "").casefold() == wanted.casefold()

    def article_ok(self, article_id: str | None, day: str | None = None) -> bool:
        """Whether an article's row is wanted; ``day`` replaces its publication date
        (a timeline event's own date)."""
        if not self.selection.filters:
            return True  # without reading every article's facts
        if article_id is None:
            return False
        if self.members is not None and article_id not in self.members:
            return False
        fact = self.facts.get(article_id)
        if fact is None:
            return False
        published = fact["published"] if day is None else day
        return self.outlet_ok(fact["label"]) and self.day_ok(published)

    def any_article_ok(self, article_ids: Iterable[str]) -> bool:
        return any(self.article_ok(a) for a in article_ids)

    def rows(self, rows: Iterable[dict[str, Any]], *, key: str = "article_id") -> Iterator[dict]:
        """The wanted rows of an article-level listing, up to ``--limit``."""
        return self.limited(r for r in rows if self.article_ok(r[key]))

    def limited(self, rows: Iterable[Any]) -> Iterator[Any]:
        return iter(rows) if self.selection.limit is None else islice(rows, self.selection.limit)


@contextmanager
def selected(
    db: Path,
    config: Path | None,
    setting: list[str] | None,
    story: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
) -> Iterator[Bound]:
    """How every listing command starts: its --config and --set checked, its filters
    parsed, the store opened and --story looked up there, so each mistake fails (in that
    order) before anything is printed. The store closes when the block ends."""
    command_settings(config, setting)
    selection = Selection.of(story, outlet, since, until, limit)
    with open_store(db) as store:
        yield selection.bind(store)

"""The cross-article ``stories`` stage: copies, events and storylines, incrementally.

Only articles not yet placed are read, in time order (publication day, else fetch
day, else storage order), in chunks committed one by one. Each article is checked
for copies against the stored MinHash signatures that share an LSH band with it, then
joins the event of the text it copies, or the event it scores best against, or starts
an event placed in a storyline. What later runs need (signatures and their band keys,
embeddings, term weights, event and storyline sums, document frequencies) is stored, so
no text is read twice, and a run reads of the store only what its articles touch (band
keys, their terms' frequencies, the events and storylines still open), never all of it:
adding articles costs the same whatever the store's size.

Each chunk is one transaction holding everything it changed: placements, document
frequencies, cluster sums, merges and display columns. A run killed anywhere resumes
from the last committed chunk as if it had never stopped. Document frequencies are
streamed (an article is weighted against the articles placed before it and itself), so
one pass over a stream and the same stream added in time-ordered batches give the same
stories. Each article's whole term set is stored with it, so one deleted or analysed
again gives its terms back: the frequencies are those of the articles placed, as if the
old text had never been seen.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from rashomon.embeddings import embed
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.stories import repo
from rashomon.stories.clusters import ArticleFeatures, Cluster, outlet_key
from rashomon.stories.copies import CopyIndex, containment, signature
from rashomon.stories.credits import wire_credits
from rashomon.stories.editions import FigureKey
from rashomon.stories.events import EventIndex, EventParams, Merge
from rashomon.stories.storylines import StorylineIndex, StorylineParams
from rashomon.stories.text import name_words, term_counts, tfidf

# Articles read, embedded and committed together: bounds memory and what a killed run loses.
CHUNK = 500
# Terms kept per article (the heaviest unit TF-IDF weights). A whole article has about
# 250 distinct content words; its heaviest 60 can all be words no other article uses
# (so nothing matches, as in the five samples alone), 200 keep the shared ones. The dev
# leads (about 50 terms) are never cut.
ARTICLE_TERMS = 200
# Events and storylines kept in memory at once, the least recently extended evicted
# first (they stay in the store and are read back if a copy points at them).
MAX_ACTIVE = 20_000
# Named days kept per article (the latest): bounds the gaps scored per candidate event.
MAX_NAMED_DAYS = 8
# Main actors named per storyline in the store and the CLI.
STORYLINE_ACTOR_NAMES = 5


def run(store: Store, settings: Settings) -> None:
    with store.transaction():
        repo.fill_term_sets(store)
        _forget_stale(store)
    todo = repo.pending(store)
    if not todo:
        return
    runner = _Runner(store, settings, repo.documents(store), todo)
    for start in range(0, len(todo), CHUNK):
        runner.place_chunk(todo[start : start + CHUNK])


def event_params(settings: Settings) -> EventParams:
    return EventParams(
        threshold=settings.stories_event_threshold,
        embedding_weight=settings.stories_embedding_weight,
        day_penalty=settings.stories_day_penalty,
        day_exponent=settings.stories_day_exponent,
        free_days=settings.stories_free_days,
        named_day_cost=settings.stories_named_day_cost,
        undated_penalty=settings.stories_undated_penalty,
        merge_threshold=settings.stories_merge_threshold,
        max_active=MAX_ACTIVE,
        same_outlet_cost=settings.stories_same_outlet_cost,
        figure_cost=settings.stories_figure_cost,
        max_days=settings.stories_event_days,
    )


def storyline_params(settings: Settings) -> StorylineParams:
    return StorylineParams(
        threshold=settings.stories_storyline_threshold,
        embedding_weight=settings.stories_embedding_weight,
        window_days=settings.stories_storyline_days,
        max_active=MAX_ACTIVE,
    )


def _forget_stale(store: Store) -> None:
    """Take articles deleted or analysed again since the last run out of their events' and
    storylines' sums and out of the document frequencies (one analysed again is then
    placed anew, as a new article)."""
    gone = repo.orphans(store)
    if not gone:
        return
    events: dict[str, Cluster] = {}
    lines: dict[str, Cluster] = {}
    for _, event_id, features in gone:
        event = events.get(event_id) or repo.event(store, event_id)
        if event is None:
            continue
        events[event_id] = event
        event.remove(features)
        line = lines.get(event.parent or "") or (
            repo.storyline(store, event.parent) if event.parent else None
        )
        if line is not None:
            lines[line.id] = line
            line.remove(features)
    repo.forget(store, [article_id for article_id, _, _ in gone])
    kept = [e for e in events.values() if e.size > 0]
    store.conn.executemany(
        "DELETE FROM story_events WHERE id = ?", [(e.id,) for e in events.values() if e.size <= 0]
    )
    for event in kept:
        event.first_day, event.last_day = repo.member_span(store, event.id)
    repo.save_events(store, kept)
    repo.delete_storylines(store, [s.id for s in lines.values() if s.size <= 0])
    repo.save_storylines(store, [s for s in lines.values() if s.size > 0])
    repo.refresh_events(store, [e.id for e in kept])
    repo.refresh_storylines(
        store, [s.id for s in lines.values() if s.size > 0], STORYLINE_ACTOR_NAMES
    )


class _Runner:
    """One run's state: the copy index and the active events and storylines.

    What the uncommitted chunk changed is held here (copy roots, order keys, signatures)
    and dropped once committed (``_committed``), as the store has it then; the rest is read
    by key when an article needs it. The document frequencies and ids of the terms met so
    far stay (at most the store's vocabulary, read one article's new terms at a time).
    """

    def __init__(
        self, store: Store, settings: Settings, documents: int, todo: list[repo.Pending]
    ) -> None:
        self.store = store
        self.df: dict[str, int] = {}  # terms met in this run: stored frequency + this run's
        self.documents = documents
        self.new_df: Counter[str] = Counter()  # this chunk's document frequencies, uncommitted
        # Each term's id (given in order of first use) and each article's whole term set
        # until its chunk is written: what forgetting the article takes out of the counts.
        self.term_ids: dict[str, int] = {"": repo.DOCUMENTS_ID}
        self.next_term = repo.counter(store, "next_term")
        self.term_sets: dict[str, list[str]] = {}
        self.copies = CopyIndex(
            settings.stories_copy_threshold,
            settings.stories_copy_min_shingles,
            repo.Signatures(store),
        )
        self.min_words = settings.stories_min_content_words
        self.title_weight = settings.stories_title_weight
        self.mention_days = settings.stories_mention_days
        self.figure_cost = settings.stories_figure_cost
        self.roots: dict[str, str] = {}  # placed in this chunk → root of its copy group
        self.order: dict[str, tuple[bool, int, int]] = {}  # placed in this chunk → order key
        self.rerooted: dict[str, str] = {}  # old copy-group root → the earlier newcomer
        self.seq = repo.counter(store, "next_seq")
        self.events = EventIndex(
            event_params(settings),
            repo.counter(store, "next_event"),
            lambda i: repo.event(store, i),
            lambda ids: repo.event_outlets(store, ids),
            lambda ids: repo.event_figures(store, ids),
        )
        self.storylines = StorylineIndex(
            storyline_params(settings),
            repo.counter(store, "next_storyline"),
            lambda i: repo.storyline(store, i),
        )
        # Clusters an article of this run can reach: none that ended a window before the
        # earliest pending day, or (for undated articles) before the latest placed day.
        self.latest = repo.latest_day(store)
        days = [p.day for p in todo if p.day is not None]
        if self.latest is not None:
            days.append(self.latest)
        first = min(days) if days else None
        self.events.latest = self.storylines.latest = self.latest
        since = None if first is None else first - self.events.params.window_days
        for event in repo.active_events(store, since, MAX_ACTIVE):
            self.events.load(event)
        since = None if first is None else first - self.storylines.params.window_days
        for line in repo.active_storylines(store, since, MAX_ACTIVE):
            self.storylines.load(line)
        self.event_of: dict[str, str] = {}  # articles placed in this run → event
        self.merged: dict[str, str] = {}  # merged-away event → the event it went into
        self.reroots: list[tuple[str, str, float]] = []
        self.merges: list[Merge] = []
        self.touched_events: set[str] = set()
        self.touched_storylines: set[str] = set()

    # -- one chunk -------------------------------------------------------------------------

    def place_chunk(self, chunk: list[repo.Pending]) -> None:
        ids = [p.id for p in chunk]
        rows = list(repo.article_texts(self.store, ids))
        named_days = repo.mentioned_days(self.store, ids) if self.mention_days else {}
        figures = repo.article_figures(self.store, ids) if self.figure_cost else {}
        vectors = embed([f"{r['title']}\n{r['text']}" for r in rows])
        placements = []
        for pending, row, vector in zip(chunk, rows, vectors, strict=True):
            features = self._features(
                pending, row, vector, named_days.get(row["id"], []), figures.get(row["id"], ())
            )
            placements.append(self._place(features, row))
        self.new_df[""] = len(placements)
        self._number_terms(placements)
        with self.store.transaction():
            repo.save_placements(self.store, placements)
            repo.add_document_frequencies(self.store, self.new_df, self.term_ids)
            for old_root, new_root, similarity in self.reroots:
                repo.reroot_copies(self.store, old_root, new_root, similarity)
            self._record_merges()
            self._save_clusters()
            repo.refresh_events(self.store, self.touched_events)
            repo.refresh_storylines(self.store, self.touched_storylines, STORYLINE_ACTOR_NAMES)
        self._committed()
        self.new_df = Counter()
        self.touched_events.clear()
        self.touched_storylines.clear()
        self.events.evict(self.latest)
        self.storylines.evict(self.latest)

    def _number_terms(self, placements: list[repo.Placement]) -> None:
        """Give the chunk's terms new to the store the next ids, in order of first use, and
        each placement its term set."""
        for term in self.new_df:  # a stored term's id was read with its frequency
            if term not in self.term_ids:
                self.term_ids[term] = self.next_term
                self.next_term += 1
        for p in placements:
            terms = self.term_sets.pop(p.features.id)
            p.term_ids = repo.pack_ids(self.term_ids[t] for t in terms)

    def _committed(self) -> None:
        """Forget the chunk's own copy of what it just committed: the store answers now."""
        self.copies.flush()
        self.roots.clear()
        self.order.clear()
        self.rerooted.clear()

    def _features(
        self,
        pending: repo.Pending,
        row: dict,
        vector,
        named: list[int],
        figures: tuple[FigureKey, ...],
    ) -> ArticleFeatures:
        counts = term_counts(row["title"], row["text"], self.title_weight)
        # Actors are the capitalised words of the title and text, not the linked entities:
        # a name in two forms (full name, then surname) or an entity the linker split
        # still shares a word with its storyline. Storylines on the news stream, half A:
        # pairwise/BCubed 0.941/0.958 with words, 0.900/0.921 with linked entities (0.908/
        # 0.931 with both); entity terms in the TF-IDF also lowered every event score.
        names = name_words(f"{row['title']}\n{row['text']}")
        actors = Counter({f"word:{w}": n for w, n in names.items()})
        # Streamed document frequencies: this article and every one placed before it.
        unread = [t for t in counts if t not in self.df]
        for term, (df, term_id) in repo.stored_terms(self.store, unread).items():
            self.df[term] = df
            self.term_ids[term] = term_id
        self.new_df.update(counts.keys())
        self.term_sets[row["id"]] = list(counts)
        self.documents += 1
        for term in counts:
            self.df[term] = self.df.get(term, 0) + 1
        if pending.day is not None:
            self.latest = pending.day if self.latest is None else max(self.latest, pending.day)
            self.events.latest = self.storylines.latest = self.latest
        # A near-empty page (a stub, a gallery) is an event and storyline of its own: with
        # no terms and no actors it neither joins nor is joined on its boilerplate.
        stub = len(counts) < self.min_words
        features = ArticleFeatures(
            id=row["id"],
            seq=self.seq,
            day=pending.day,
            embedding=vector,
            terms={} if stub else tfidf(counts, self.df, self.documents, ARTICLE_TERMS),
            actors=Counter() if stub else actors,
            title=row["title"],
            mentioned=self._near_days(pending.day, named),
            outlet=outlet_key(row["outlet"]),
            figures=figures,
        )
        self.seq += 1
        return features

    def _near_days(self, day: int | None, named: list[int]) -> tuple[int, ...]:
        """The named days that are time evidence: within ``stories_mention_days`` of the
        publication day (a text recalls the day of its event, or announces it); for an
        undated article, every day it names with its year, the only clue to its time."""
        if not self.mention_days:
            return ()
        found = {d for d in named if day is None or 0 < abs(d - day) <= self.mention_days}
        return tuple(sorted(found)[-MAX_NAMED_DAYS:])

    def _place(self, features: ArticleFeatures, row: dict) -> repo.Placement:
        sig, size = signature(f"{row['title']}\n{row['text']}")
        group, copy_of, similarity = self._copy_source(features, sig, size)
        self.copies.add(features.id, sig, size)
        self.roots[features.id] = copy_of or features.id
        self.order[features.id] = (features.day is None, features.day or 0, features.seq)
        event_id = None
        if group is not None:  # a copy joins its source's event, unless printed much later
            event_id = self._event_of(group)
            source = self.events.get(event_id) if event_id is not None else None
            window = self.events.params.window_days
            if source is not None and source.reachable(features.day, self.latest, window):
                self.events.join(features, source.id)
            else:
                event_id = None
        if event_id is None:
            event_id, merges = self.events.assign(features, self.storylines.place)
            for merge in merges:
                self._merged(merge)
        event = self.events.events[event_id]
        if event.parent:
            self.storylines.add(event.parent, features)
            self.touched_storylines.add(event.parent)
        self.event_of[features.id] = event_id
        self.touched_events.add(event_id)
        return repo.Placement(
            features,
            event_id,
            event.parent,
            copy_of,
            similarity,
            sig,
            size,
            wire_credits(row["text"], row["credits"]),
        )

    # -- copies ------------------------------------------------------------------------------

    def _copy_source(self, features: ArticleFeatures, sig, size: int):
        """(an article of the matched copy group, copy_of, similarity), or Nones.

        ``copy_of`` is the group's earliest article; when the newcomer is earlier than the
        group's root (it arrived late), it becomes the root and the group is re-pointed.
        """
        matches = self.copies.matches(sig, size)
        if not matches:
            return None, None, None
        roots = {self._root(m.article_id) for m in matches}
        root = min(roots, key=lambda r: self._order(r) or (True, 0, 0))
        root_sig, root_size = self.copies.signature(root)
        similarity = round(containment(sig, size, root_sig, root_size), 4)
        mine = (features.day is None, features.day or 0, features.seq)
        if mine < (self._order(root) or mine):
            self.reroots.append((root, features.id, similarity))
            self.rerooted[root] = features.id
            return root, None, None
        return root, root, similarity

    def _root(self, article_id: str) -> str:
        """The root of a placed article's copy group, re-rootings of this chunk applied."""
        root = self.roots.get(article_id) or repo.copy_root(self.store, article_id)
        while root in self.rerooted:
            root = self.rerooted[root]
        return root

    def _order(self, article_id: str) -> tuple[bool, int, int] | None:
        return self.order.get(article_id) or repo.order_key(self.store, article_id)

    def _event_of(self, article_id: str) -> str | None:
        event_id = self.event_of.get(article_id)
        if event_id is None:
            row = self.store.conn.execute(
                "SELECT event_id FROM story_articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            event_id = row[0] if row else None
        return None if event_id is None else self._resolve(event_id)

    # -- merges and saving --------------------------------------------------------------------

    def _merged(self, merge: Merge) -> None:
        absorbed, into = merge.absorbed, merge.kept
        assert absorbed is not None and into is not None
        self.storylines.move(absorbed, absorbed.parent, into.parent)
        if absorbed.parent and absorbed.parent != into.parent:
            self.touched_storylines.add(absorbed.parent)
        self.merged[merge.from_event] = merge.into_event
        self.touched_events.discard(merge.from_event)
        self.merges.append(merge)

    def _record_merges(self) -> None:
        at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for merge in self.merges:
            final = self.events.get(self._resolve(merge.into_event))
            line = final.parent if final is not None else None
            repo.record_merge(
                self.store, merge.from_event, merge.into_event, line, at, merge.score, merge.reason
            )
        self.merges = []
        self.reroots = []

    def _resolve(self, event_id: str) -> str:
        """The event a possibly merged-away event now lives on in."""
        while event_id in self.merged:
            event_id = self.merged[event_id]
        return event_id

    def _save_clusters(self) -> None:
        events = [self.events.events[i] for i in self.events.changed if i in self.events.events]
        repo.save_events(self.store, events)
        self.events.changed.clear()
        lines = self.storylines
        changed = [lines.storylines[i] for i in lines.changed if i in lines.storylines]
        repo.save_storylines(self.store, changed)
        repo.delete_storylines(self.store, lines.emptied)
        self.touched_storylines -= lines.emptied
        lines.changed.clear()
        lines.emptied.clear()
        repo.set_counter(self.store, "next_event", self.events.next_number)
        repo.set_counter(self.store, "next_storyline", lines.next_number)
        repo.set_counter(self.store, "next_seq", self.seq)
        repo.set_counter(self.store, "next_term", self.next_term)

"""Reading and writing the stories tables; the stage's only contact with SQLite."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from rashomon.store.db import Store
from rashomon.stories.clusters import ArticleFeatures, Cluster, outlet_key
from rashomon.stories.copies import band_keys
from rashomon.stories.credits import WireCredit
from rashomon.stories.editions import FigureBook, FigureKey, figure_keys
from rashomon.stories.text import term_counts
from rashomon.views.stories import placeholders

# Values bound per IN list, well under SQLite's limit of 32,766 variables a statement.
SQL_BATCH = 5_000


def in_batches(values: list[str]) -> Iterator[list[str]]:
    """``values`` in runs of at most SQL_BATCH: what one IN list may bind."""
    for start in range(0, len(values), SQL_BATCH):
        yield values[start : start + SQL_BATCH]


@dataclass(frozen=True, slots=True)
class Pending:
    id: str
    day: int | None


def day_of(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def iso_day(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


# -- what to do ----------------------------------------------------------------------


def pending(store: Store) -> list[Pending]:
    """Articles not yet placed, in time order: dated ones by publication day, then undated
    ones in the order they were fetched and stored. A fetch time orders but is no
    publication day, so it gives no time proximity."""
    rows = store.conn.execute(
        "SELECT a.id, a.published FROM articles a "
        "LEFT JOIN story_articles s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL ORDER BY a.fetched_at IS NULL, a.fetched_at, a.rowid"
    ).fetchall()
    found = [Pending(r[0], day_of(r[1])) for r in rows]
    return sorted(found, key=lambda p: (p.day is None, p.day or 0))


def article_texts(store: Store, ids: list[str]) -> Iterator[dict]:
    marks = placeholders(ids)
    rows = {
        r["id"]: r
        for r in store.rows(
            f"SELECT id, title, text, credits, outlet FROM articles WHERE id IN ({marks})", ids
        )
    }
    for article_id in ids:
        row = rows[article_id]
        row["credits"] = json.loads(row["credits"] or "[]")
        yield row


def mentioned_days(store: Store, ids: list[str]) -> dict[str, list[int]]:
    """Days each article's text names (the ``dates`` stage's day-precise single dates), as
    ordinals: time evidence beside the publication day."""
    if not store.has_table("dates"):
        return {}
    marks = placeholders(ids)
    sql = (
        f"SELECT article_id, date FROM dates WHERE article_id IN ({marks}) "
        "AND precision = 'day' AND date IS NOT NULL AND (date_end IS NULL OR date_end = date)"
    )
    found: dict[str, list[int]] = {}
    for article_id, value in store.conn.execute(sql, ids):
        day = day_of(value)
        if day is not None:
            found.setdefault(article_id, []).append(day)
    return found


# -- counters and document frequencies -------------------------------------------------


def counter(store: Store, key: str) -> int:
    row = store.conn.execute("SELECT value FROM story_state WHERE key = ?", (key,)).fetchone()
    return 1 if row is None else int(row[0])


def set_counter(store: Store, key: str, value: int) -> None:
    store.conn.execute(
        "INSERT INTO story_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def stored_terms(store: Store, terms: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The stored (document frequency, id) of each of ``terms`` that is stored, read by
    term: the table holds the whole store's vocabulary. One read gives both, as a term
    first met in a run needs its frequency at once and its id when its chunk is written."""
    wanted = list(terms)
    found: dict[str, tuple[int, int]] = {}
    for batch in in_batches(wanted):
        sql = f"SELECT term, df, id FROM story_terms WHERE term IN ({placeholders(batch)})"
        found.update((term, (df, id_)) for term, df, id_ in store.conn.execute(sql, batch))
    return found


def documents(store: Store) -> int:
    """Articles counted in the document frequencies (the row '')."""
    return stored_terms(store, [""]).get("", (0, DOCUMENTS_ID))[0]


def latest_day(store: Store) -> int | None:
    """The latest publication day placed so far (what undated newcomers are near)."""
    return store.conn.execute("SELECT max(day) FROM story_features").fetchone()[0]


def add_document_frequencies(
    store: Store, increments: Counter[str], ids: dict[str, int]
) -> None:
    """Add ``increments`` to the stored frequencies; a term new to the store is stored with
    its id from ``ids`` (every term of ``increments`` has one there)."""
    store.conn.executemany(
        "INSERT INTO story_terms (term, df, id) VALUES (?, ?, ?) "
        "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(term, n, ids[term]) for term, n in increments.items()],
    )


# The id of the row '' (the document count): fixed, so ids given in order of first use
# are the same whether a stream is placed in one pass or in batches.
DOCUMENTS_ID = 0


# Bytes of the longest varint written: term ids stay below 2^35 (34 billion terms).
VARINT_BYTES = 5


def pack_ids(ids: Iterable[int]) -> bytes:
    """An article's term ids as stored: sorted, each the gap from the one before as a
    LEB128 varint (7 bits a byte, the high bit set on all but a value's last byte). The
    gaps are small, so about one byte a term: 160 bytes for the scale benchmark's 143-term
    texts, against 255 with zlib over uint32 gaps, and faster to write."""
    values = np.array(sorted(set(ids)), dtype=np.uint64)
    if len(values) and int(values[-1]) >= 1 << (7 * VARINT_BYTES):
        raise ValueError(f"term id {int(values[-1])} needs more than {VARINT_BYTES} bytes")
    gaps = np.diff(values, prepend=np.uint64(0))
    sizes = np.ones(len(gaps), dtype=np.int64)
    for k in range(1, VARINT_BYTES):
        sizes += gaps >= 1 << (7 * k)
    owner = np.repeat(np.arange(len(gaps)), sizes)
    place = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    out = ((gaps[owner] >> (7 * place).astype(np.uint64)) & 0x7F).astype(np.uint8)
    out[place < sizes[owner] - 1] |= 0x80
    return out.tobytes()


def unpack_ids(blob: bytes) -> np.ndarray:
    raw = np.frombuffer(blob, dtype=np.uint8)
    if not len(raw):
        return np.zeros(0, dtype=np.int64)
    last = (raw & 0x80) == 0
    starts = np.flatnonzero(np.concatenate(([True], last[:-1])))
    owner = np.cumsum(np.concatenate(([0], last[:-1].astype(np.int64))))
    place = (np.arange(len(raw)) - starts[owner]).astype(np.uint64)
    gaps = np.add.reduceat((raw & 0x7F).astype(np.uint64) << (7 * place), starts)
    return np.cumsum(gaps).astype(np.int64)


def forget_terms(store: Store, article_ids: list[str]) -> None:
    """Take stale articles out of the document frequencies: each stored term of theirs
    loses one document (and the row '' one per article); a term no article has left is
    deleted, as a store that never saw them would not have it.

    An article placed before migration 021 and gone before the next run (its text lost, so
    its term set was never filled) gives back only its stored heaviest terms (up to
    ARTICLE_TERMS: all of a short text's); the rest of its terms stay counted."""
    by_id: Counter[int] = Counter()
    by_term: Counter[str] = Counter()
    for batch in in_batches(article_ids):
        sql = (
            "SELECT term_ids, terms FROM story_features "
            f"WHERE article_id IN ({placeholders(batch)})"
        )
        for blob, terms in store.conn.execute(sql, batch):
            by_id[DOCUMENTS_ID] += 1
            if blob is None:
                by_term.update(json.loads(terms).keys())
            else:
                by_id.update(unpack_ids(blob).tolist())
    for key, counts in (("id", by_id), ("term", by_term)):
        store.conn.executemany(
            f"UPDATE story_terms SET df = df - ? WHERE {key} = ?",
            [(n, k) for k, n in counts.items()],
        )
        store.conn.executemany(
            f"DELETE FROM story_terms WHERE {key} = ? AND df <= 0", [(k,) for k in counts]
        )


def fill_term_sets(store: Store) -> None:
    """Once after migration 021: store the term set of each article placed before it and
    still placed, from its text (what its frequencies counted: a term count's keys do not
    depend on the title weight). Only terms already counted get an id."""
    if not store.conn.execute(
        "SELECT 1 FROM story_state WHERE key = 'term_sets_missing'"
    ).fetchone():
        return
    missing = [
        r[0]
        for r in store.conn.execute(
            "SELECT f.article_id FROM story_features f JOIN story_articles s "
            "ON s.article_id = f.article_id WHERE f.term_ids IS NULL ORDER BY f.rowid"
        )
    ]
    ids: dict[str, int] = {}
    for batch in in_batches(missing):
        sets = {
            row["id"]: list(term_counts(row["title"], row["text"], 1))
            for row in article_texts(store, batch)
        }
        unread = {t for terms in sets.values() for t in terms} - ids.keys()
        ids.update((term, id_) for term, (_, id_) in stored_terms(store, unread).items())
        store.conn.executemany(
            "UPDATE story_features SET term_ids = ? WHERE article_id = ?",
            [
                (pack_ids(ids[t] for t in terms if t in ids), article_id)
                for article_id, terms in sets.items()
            ],
        )
    store.conn.execute("DELETE FROM story_state WHERE key = 'term_sets_missing'")


# -- copies -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signatures:
    """The stored signatures, read by LSH band key (story_bands) or by article: what the
    copy index asks the store (copies.StoredSignatures)."""

    store: Store

    def candidates(
        self, keys: list[bytes], min_shingles: int
    ) -> list[tuple[str, np.ndarray, int]]:
        # One primary-key search per band. A UNION of them ran 0.14 ms a query on a 30k
        # store, an OR of them 0.77 ms (multi-index OR); a row-value IN list scans the table.
        bands = " UNION ".join(
            "SELECT article_id FROM story_bands WHERE band = ? AND hash = ?" for _ in keys
        )
        sql = (
            "SELECT article_id, minhash, shingles FROM story_features WHERE shingles >= ? "
            f"AND article_id IN ({bands})"
        )
        params = [min_shingles, *(v for band, key in enumerate(keys) for v in (band, key))]
        return [
            (article_id, np.frombuffer(blob, dtype=np.uint32), size)
            for article_id, blob, size in self.store.conn.execute(sql, params)
        ]

    def signature(self, article_id: str) -> tuple[np.ndarray, int]:
        blob, size = self.store.conn.execute(
            "SELECT minhash, shingles FROM story_features WHERE article_id = ?", (article_id,)
        ).fetchone()
        return np.frombuffer(blob, dtype=np.uint32), size


def band_rows(article_id: str, minhash: bytes | np.ndarray, size: int) -> list[tuple]:
    """(band, hash, article_id) rows of a signature; a text without shingles has none."""
    if not size:
        return []
    sig = np.frombuffer(minhash, dtype=np.uint32) if isinstance(minhash, bytes) else minhash
    return [(band, key, article_id) for band, key in enumerate(band_keys(sig))]


def forget_bands(store: Store, article_ids: list[str]) -> None:
    """Delete the band keys of the signatures stored for these articles (by key: the
    table has no index on article_id)."""
    for batch in in_batches(article_ids):
        sql = (
            "SELECT article_id, minhash, shingles FROM story_features "
            f"WHERE article_id IN ({placeholders(batch)})"
        )
        rows = [r for found in store.conn.execute(sql, batch) for r in band_rows(*found)]
        store.conn.executemany(
            "DELETE FROM story_bands WHERE band = ? AND hash = ? AND article_id = ?", rows
        )


def copy_root(store: Store, article_id: str) -> str:
    """The root of a placed article's copy group (itself for an original)."""
    row = store.conn.execute(
        "SELECT copy_of FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return (row[0] if row else None) or article_id


def order_key(store: Store, article_id: str) -> tuple[bool, int, int] | None:
    """A placed article's (undated, day, seq): what "earliest" compares."""
    row = store.conn.execute(
        "SELECT day, seq FROM story_features WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else (row[0] is None, row[0] or 0, row[1])


def reroot_copies(store: Store, old_root: str, new_root: str, similarity: float) -> None:
    """An earlier article joined a copy group: it becomes what the group copies."""
    store.conn.execute(
        "UPDATE story_articles SET copy_of = ? WHERE copy_of = ?", (new_root, old_root)
    )
    store.conn.execute(
        "UPDATE story_articles SET copy_of = ?, copy_similarity = ? WHERE article_id = ?",
        (new_root, similarity, old_root),
    )


# -- clusters ------------------------------------------------------------------------------


def _cluster(row: dict, parent_key: str | None) -> Cluster:
    return Cluster(
        id=row["id"],
        size=row["size"],
        first_day=row["first_day"],
        last_day=row["last_day"],
        embedding_sum=np.frombuffer(row["embedding_sum"], dtype=np.float32).copy(),
        terms=json.loads(row["terms"]),
        actors=Counter(json.loads(row["actors" if parent_key else "actor_counts"])),
        parent=row[parent_key] if parent_key else None,
        touched=row["touched"],
    )


def active_events(store: Store, since_day: int | None, limit: int) -> Iterator[Cluster]:
    """Events an article from ``since_day`` on may join (all when None), most recent first."""
    where = "" if since_day is None else "WHERE last_day IS NULL OR last_day >= ?"
    params = () if since_day is None else (since_day,)
    sql = f"SELECT * FROM story_events {where} ORDER BY touched DESC LIMIT {int(limit)}"
    for row in store.rows(sql, params):
        yield _cluster(row, "storyline_id")


def event(store: Store, event_id: str) -> Cluster | None:
    row = next(store.rows("SELECT * FROM story_events WHERE id = ?", (event_id,)), None)
    return None if row is None else _cluster(row, "storyline_id")


def active_storylines(store: Store, since_day: int | None, limit: int) -> Iterator[Cluster]:
    where = "" if since_day is None else "WHERE last_day IS NULL OR last_day >= ?"
    params = () if since_day is None else (since_day,)
    sql = f"SELECT * FROM storylines {where} ORDER BY touched DESC LIMIT {int(limit)}"
    for row in store.rows(sql, params):
        yield _cluster(row, None)


def storyline(store: Store, storyline_id: str) -> Cluster | None:
    row = next(store.rows("SELECT * FROM storylines WHERE id = ?", (storyline_id,)), None)
    return None if row is None else _cluster(row, None)


# Columns every cluster row holds, events and storylines alike, in _cluster_values order.
CLUSTER_COLUMNS = (
    "size", "first_day", "last_day", "first_date", "last_date", "touched", "embedding_sum",
    "terms",
)  # fmt: skip


def _cluster_values(c: Cluster) -> tuple:
    return (
        c.size,
        c.first_day,
        c.last_day,
        iso_day(c.first_day),
        iso_day(c.last_day),
        c.touched,
        c.embedding_sum.astype(np.float32).tobytes(),
        json.dumps(c.terms),
    )


def _upsert(store: Store, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows keyed by ``id`` (the first column), updating every other column."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    store.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT(id) DO UPDATE SET {updates}",
        rows,
    )


def save_events(store: Store, events: Iterable[Cluster]) -> None:
    columns = ("id", "storyline_id", *CLUSTER_COLUMNS, "actors")
    rows = [(e.id, e.parent, *_cluster_values(e), json.dumps(dict(e.actors))) for e in events]
    _upsert(store, "story_events", columns, rows)


def save_storylines(store: Store, storylines: Iterable[Cluster]) -> None:
    columns = ("id", *CLUSTER_COLUMNS, "actor_counts")
    rows = [(s.id, *_cluster_values(s), json.dumps(dict(s.actors))) for s in storylines]
    _upsert(store, "storylines", columns, rows)


def delete_storylines(store: Store, ids: Iterable[str]) -> None:
    store.conn.executemany("DELETE FROM storylines WHERE id = ?", [(i,) for i in ids])


# -- placed articles -------------------------------------------------------------------------


@dataclass(slots=True)
class Placement:
    features: ArticleFeatures
    event_id: str
    storyline_id: str | None
    copy_of: str | None
    copy_similarity: float | None
    minhash: np.ndarray
    shingles: int
    credits: list[WireCredit]
    term_ids: bytes = b""  # every term its document frequencies counted (pack_ids)


def save_placements(store: Store, placements: list[Placement]) -> None:
    store.conn.executemany(
        "INSERT INTO story_articles (article_id, event_id, storyline_id, copy_of, copy_similarity)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (p.features.id, p.event_id, p.storyline_id, p.copy_of, p.copy_similarity)
            for p in placements
        ],
    )
    store.conn.executemany(
        # Plain INSERT: a stale row of the article was forgotten before it was pending (a
        # REPLACE would hide one that was not, with its old features still in the sums).
        "INSERT INTO story_features (article_id, seq, event_id, day, minhash, "
        "shingles, embedding, terms, actors, term_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                p.features.id,
                p.features.seq,
                p.event_id,
                p.features.day,
                p.minhash.tobytes(),
                p.shingles,
                to_blob(p.features.embedding),
                json.dumps({t: round(w, 5) for t, w in p.features.terms.items()}),
                json.dumps(dict(p.features.actors)),
                p.term_ids,
            )
            for p in placements
        ],
    )
    # In key order: neighbouring keys share B-tree pages, which SQLite then finds at hand
    # (the chunk's band rows went in 30% faster at 5k articles).
    store.conn.executemany(
        "INSERT INTO story_bands (band, hash, article_id) VALUES (?, ?, ?)",
        sorted(r for p in placements for r in band_rows(p.features.id, p.minhash, p.shingles)),
    )
    store.conn.executemany(
        "INSERT OR IGNORE INTO wire_credits (article_id, agency, evidence) VALUES (?, ?, ?)",
        [(p.features.id, c.agency, c.evidence) for p in placements for c in p.credits],
    )


def record_merge(
    store: Store,
    from_event: str,
    into_event: str,
    storyline_id: str | None,
    at: str,
    score: float,
    reason: str,
) -> None:
    """Move every article of ``from_event`` into ``into_event`` and say so in event_merges."""
    store.conn.execute(
        "UPDATE story_articles SET event_id = ?, storyline_id = ? WHERE event_id = ?",
        (into_event, storyline_id, from_event),
    )
    store.conn.execute(
        "UPDATE story_features SET event_id = ? WHERE event_id = ?", (into_event, from_event)
    )
    store.conn.execute("DELETE FROM story_events WHERE id = ?", (from_event,))
    store.conn.execute(
        "INSERT INTO event_merges (from_event, into_event, at, reason, score) "
        "VALUES (?, ?, ?, ?, ?)",
        (from_event, into_event, at, reason, score),
    )


# -- deleted articles ---------------------------------------------------------------------------


def orphans(store: Store) -> list[tuple[str, str, ArticleFeatures]]:
    """Features of articles deleted or analysed again since the last run: (article id,
    event id, features).

    Features and placement are written in one transaction, so stored features without a
    placement are an article whose row was removed: deleted, or replaced by a changed
    input (same id, new text; the cascade took its placement). Either way its old
    features must leave its event's and storyline's sums before it is placed again. The
    ids come from the two tables' id indexes alone; only those articles' rows (blobs,
    term weights) are read, not every stored one's."""
    rows = store.conn.execute(
        "SELECT rowid, article_id FROM story_features "
        "WHERE article_id NOT IN (SELECT article_id FROM story_articles)"
    ).fetchall()
    # In storage order, as they were (sqlite3.Row does not compare: sort plain tuples).
    gone = [article_id for _, article_id in sorted((r[0], r[1]) for r in rows)]
    found = []
    for row in features_rows(store, gone):
        features = ArticleFeatures(
            id=row["article_id"],
            seq=row["seq"],
            day=row["day"],
            embedding=from_blob(row["embedding"]),
            terms=json.loads(row["terms"]),
            actors=Counter(json.loads(row["actors"])),
        )
        found.append((row["article_id"], row["event_id"], features))
    return found


def features_rows(store: Store, article_ids: list[str]) -> Iterator[dict]:
    for batch in in_batches(article_ids):
        marks = placeholders(batch)
        yield from store.rows(
            f"SELECT * FROM story_features WHERE article_id IN ({marks}) ORDER BY rowid",
            batch,
        )


def forget(store: Store, article_ids: list[str]) -> None:
    """Drop stale articles' features and band keys (``orphans``: deleted, or analysed
    again and about to be placed anew); their copies become originals."""
    forget_terms(store, article_ids)
    forget_bands(store, article_ids)
    store.conn.executemany(
        "DELETE FROM story_features WHERE article_id = ?", [(i,) for i in article_ids]
    )
    # A copy_of can name only a placed article, so only these can leave one dangling.
    store.conn.executemany(
        "UPDATE story_articles SET copy_of = NULL, copy_similarity = NULL WHERE copy_of = ?",
        [(i,) for i in article_ids],
    )


def member_span(store: Store, event_id: str) -> tuple[int | None, int | None]:
    row = store.conn.execute(
        "SELECT min(day), max(day) FROM story_features WHERE event_id = ?", (event_id,)
    ).fetchone()
    return row[0], row[1]


# -- titles and display columns ------------------------------------------------------------------


def refresh_events(store: Store, event_ids: Iterable[str]) -> None:
    """Set each event's outlet count and its title: the member closest to the centroid."""
    for event_id in event_ids:
        head = store.conn.execute(
            "SELECT embedding_sum FROM story_events WHERE id = ?", (event_id,)
        ).fetchone()
        if head is None:
            continue
        centroid = np.frombuffer(head[0], dtype=np.float32)
        members = store.conn.execute(
            "SELECT f.article_id, f.embedding, a.title, a.outlet, substr(a.text, 1, 300) "
            "FROM story_features f JOIN articles a ON a.id = f.article_id "
            "WHERE f.event_id = ? ORDER BY f.seq",
            (event_id,),
        ).fetchall()
        if not members:
            continue
        titled = [m for m in members if m[2]] or members
        best = max(titled, key=lambda m: float(from_blob(m[1]) @ centroid))
        outlets = len({m[3] for m in members if m[3]})
        store.conn.execute(
            "UPDATE story_events SET title = ?, title_article_id = ?, outlets = ? WHERE id = ?",
            (best[2] or opening(best[4]), best[0], outlets, event_id),
        )


def opening(text: str, limit: int = 90) -> str:
    """An untitled article's stand-in title: its first line, cut at a word."""
    first = text.strip().split("\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + " …"


def refresh_storylines(store: Store, storyline_ids: Iterable[str], actor_names: int) -> None:
    """Each storyline's event count, main actors and title (its largest event's title)."""
    for storyline_id in storyline_ids:
        row = store.conn.execute(
            "SELECT actor_counts FROM storylines WHERE id = ?", (storyline_id,)
        ).fetchone()
        if row is None:
            continue
        events = store.conn.execute(
            "SELECT title FROM story_events WHERE storyline_id = ? ORDER BY size DESC, "
            "CAST(substr(id, 2) AS INTEGER)",
            (storyline_id,),
        ).fetchall()
        actors = [a for a, _ in Counter(json.loads(row[0])).most_common(actor_names)]
        store.conn.execute(
            "UPDATE storylines SET title = ?, events = ?, actors = ? WHERE id = ?",
            (
                events[0][0] if events else "",
                len(events),
                json.dumps([actor_label(store, a) for a in actors]),
                storyline_id,
            ),
        )


def actor_label(store: Store, actor: str) -> str:
    """A readable name for an actor key ("ent:E12" → the entity's name)."""
    kind, _, value = actor.partition(":")
    if kind == "ent" and store.has_table("entities"):
        row = store.conn.execute("SELECT name FROM entities WHERE id = ?", (value,)).fetchone()
        if row is not None:
            return row[0]
    return value.title() if kind in ("name", "word") else (value or actor)


def to_blob(vector: np.ndarray) -> bytes:
    """float16 bytes: 512 bytes an article, precise enough for cosines to about 1e-3."""
    return vector.astype(np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)


def event_outlets(store: Store, event_ids: list[str]) -> dict[str, Counter[str]]:
    """Each event's members per known outlet (its outlet slots), from its placed articles."""
    marks = placeholders(event_ids)
    sql = (
        "SELECT s.event_id, a.outlet FROM story_articles s JOIN articles a "
        f"ON a.id = s.article_id WHERE s.event_id IN ({marks})"
    )
    found: dict[str, Counter[str]] = {}
    for event_id, label in store.conn.execute(sql, event_ids):
        if outlet := outlet_key(label):
            found.setdefault(event_id, Counter())[outlet] += 1
    return found


def article_figures(store: Store, article_ids: list[str]) -> dict[str, tuple[FigureKey, ...]]:
    """Each article's counted figures (the ``figures`` stage's rows), by the figures index."""
    found: dict[str, list[dict]] = {}
    for batch in in_batches(article_ids):
        sql = (
            "SELECT article_id, unit, counts, value, value_max, qualifier, text FROM figures "
            f"WHERE article_id IN ({placeholders(batch)}) AND counts IS NOT NULL "
            "ORDER BY article_id, start"
        )
        for row in store.rows(sql, batch):
            found.setdefault(row["article_id"], []).append(row)
    return {article_id: figure_keys(rows) for article_id, rows in found.items()}


def event_figures(store: Store, event_ids: list[str]) -> dict[str, FigureBook]:
    """Each event's members' counted figures, read as ``article_figures`` reads them (so
    an event read back holds what it held in memory), by the event and figures indexes."""
    marks = placeholders(event_ids)
    sql = (
        "SELECT s.event_id, f.article_id, f.unit, f.counts, f.value, f.value_max, f.qualifier, "
        "f.text FROM story_articles s JOIN figures f ON f.article_id = s.article_id "
        f"WHERE s.event_id IN ({marks}) AND f.counts IS NOT NULL ORDER BY f.article_id, f.start"
    )
    members: dict[tuple[str, str], list[dict]] = {}
    for row in store.rows(sql, event_ids):
        members.setdefault((row["event_id"], row["article_id"]), []).append(row)
    found: dict[str, FigureBook] = {}
    for (event_id, _), rows in members.items():
        found.setdefault(event_id, FigureBook()).add(figure_keys(rows))
    return found

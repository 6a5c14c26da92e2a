"""The cross-article ``entities`` stage: canonical entities from every mention.

Incremental: only articles not yet linked (absent from ``entity_linked``) are read;
their names join existing entities or make new ones, whose ids are assigned once and
never renumbered. Each mention keeps the rule that found it and gains the
rule that linked it (``"ner+title; alias"``). Quote speakers are then set to the
canonical names and ids; a group speaker is ``"A; B"`` in both columns.
"""

from __future__ import annotations

import json
import traceback
from collections import Counter, defaultdict
from dataclasses import fields

from rashomon.entities.lexicon import places
from rashomon.entities.local import GROUP_SEPARATOR, countries_in, resolve_article
from rashomon.entities.merge import EntityIndex, Known
from rashomon.errors import Reason
from rashomon.guard import failure_detail
from rashomon.model import Mention
from rashomon.settings import Settings
from rashomon.store.db import Store

MENTION_FIELDS = tuple(f.name for f in fields(Mention))


def run(store: Store, settings: Settings) -> None:
    index = EntityIndex(list(_load_entities(store)))
    pending = [
        r["article_id"]
        for r in store.rows(
            "SELECT a.id AS article_id FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM entity_linked e WHERE e.article_id = a.id) "
            "ORDER BY a.rowid"
        )
    ]
    with store.transaction():
        linked = [a for a in pending if _link_guarded(store, index, a, settings)]
        store.conn.executemany(
            "INSERT INTO entity_linked (article_id) VALUES (?)", [(a,) for a in linked]
        )
        _save_entities(store, index)
        _refresh_speakers(store, index)


def _link_guarded(store: Store, index: EntityIndex, article_id: str, settings: Settings) -> bool:
    """Link one article inside a savepoint; a failure is undone and recorded (E305).

    The article stays unlinked, so the next run tries it again; what the failed
    attempt added to the in-memory index has no mentions and is not saved.
    """
    store.conn.execute("SAVEPOINT link_article")
    try:
        _link_article(store, index, article_id)
    except Exception as exc:
        store.conn.execute("ROLLBACK TO link_article")
        store.conn.execute("RELEASE link_article")
        if settings.debug:
            traceback.print_exc()
        reason = Reason.CROSS_STAGE_FAILED.with_detail(failure_detail("entities", exc))
        store.record_stage_failure("entities", article_id, reason)
        return False
    store.conn.execute("RELEASE link_article")
    store.clear_stage_failure("entities", article_id)
    return True


def _load_entities(store: Store):
    countries: dict[str, set[str]] = defaultdict(set)
    for row in store.rows(
        "SELECT entity_id, text, name FROM mentions WHERE entity_id IS NOT NULL AND name != ''"
    ):
        prefix = row["text"][: max(0, row["text"].rfind(row["name"]))]
        countries[row["entity_id"]].update(countries_in(prefix))
    for row in store.rows("SELECT * FROM entities"):
        yield Known(
            row["id"],
            row["name"],
            row["type"],
            json.loads(row["roles"]),
            json.loads(row["aliases"]),
            countries[row["id"]],
            row["mention_count"],
        )


def _link_article(store: Store, index: EntityIndex, article_id: str) -> None:
    rows = list(
        store.rows(
            f"SELECT rowid, {', '.join(_quoted(MENTION_FIELDS))} FROM mentions "
            'WHERE article_id = ? ORDER BY start, "end" DESC',
            (article_id,),
        )
    )
    mentions = [Mention(**{k: r[k] for k in MENTION_FIELDS}) for r in rows]
    local = resolve_article(mentions)
    ids: dict[str, str] = {}  # article-level name -> entity id
    for key, person in local.people.items():
        entity, _ = index.link(key, "PERSON")
        index.learn(entity, None, person.countries)
        for role in person.roles:
            index.learn(entity, role, set())
        ids[key] = entity.id
    updates = []
    for row, m, link in zip(rows, mentions, local.links, strict=True):
        entity_ids, how = _entity_ids(index, ids, m, link.key, link.rule)
        found = m.rule.split("; ")[0]
        updates.append((GROUP_SEPARATOR.join(entity_ids) or None, f"{found}; {how}", row["rowid"]))
    store.conn.executemany("UPDATE mentions SET entity_id = ?, rule = ? WHERE rowid = ?", updates)
    for quote in list(
        store.rows(
            "SELECT rowid, speaker FROM quotes WHERE article_id = ? AND speaker IS NOT NULL",
            (article_id,),
        )
    ):
        names = quote["speaker"].split(GROUP_SEPARATOR)
        found_ids = [ids[n] for n in names if n in ids]
        if len(found_ids) == len(names) and all(found_ids):
            store.conn.execute(
                "UPDATE quotes SET speaker_id = ? WHERE rowid = ?",
                (GROUP_SEPARATOR.join(found_ids), quote["rowid"]),
            )


def _entity_ids(
    index: EntityIndex, ids: dict[str, str], m: Mention, key: str | None, rule: str
) -> tuple[list[str], str]:
    """The entity (or entities, for a group) one mention names, and how it was linked."""
    if key is None:
        if m.type == "PERSON" and not m.name and m.role:
            entity = index.by_role(m.role, countries_in(m.text))
            if entity is not None:
                return [entity.id], "role-corpus"
        return [], rule or "unlinked"
    names = key.split(GROUP_SEPARATOR)
    out = []
    how = rule
    for name in names:
        if name not in ids:
            entity, how_linked = index.link(name, m.type)
            ids[name] = entity.id
            if rule == "name":
                how = how_linked
        out.append(ids[name])
    return out, how


def _save_entities(store: Store, index: EntityIndex) -> None:
    """Counts, aliases and canonical names, recomputed from the mentions."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    for row in store.rows(
        "SELECT entity_id, name, article_id FROM mentions WHERE entity_id IS NOT NULL"
    ):
        for entity_id in row["entity_id"].split(GROUP_SEPARATOR):
            if row["name"]:
                names[entity_id][row["name"]] += 1
            articles[entity_id].add(row["article_id"])
    store.conn.execute("DELETE FROM entities")
    for entity in index.entities.values():
        counted = names.get(entity.id)
        if not counted and entity.id not in articles:
            continue  # its articles were removed
        if counted:
            entity.name = _canonical(entity, counted)
            seen = [n for n, _ in counted.most_common()]
            entity.aliases = seen + [a for a in entity.aliases if a not in seen]
        store.conn.execute(
            "INSERT INTO entities (id, name, type, roles, aliases, mention_count, article_count) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                entity.id,
                entity.name,
                entity.type,
                json.dumps(entity.roles, ensure_ascii=False),
                json.dumps(entity.aliases, ensure_ascii=False),
                sum(counted.values()) if counted else 0,
                len(articles[entity.id]),
            ),
        )


def _canonical(entity: Known, counted: Counter[str]) -> str:
    """The gazetteer's spelling of a place; for others the most used full name (people)
    or name, the current one winning ties."""
    if entity.type in {"GPE", "LOC"} and places().lookup(entity.name):
        return places().lookup(entity.name) or entity.name
    pool = (
        Counter({n: c for n, c in counted.items() if len(n.split()) > 1})
        if entity.type == "PERSON"
        else counted
    )
    pool = pool or counted
    best = max(pool.values())
    return (
        entity.name
        if pool.get(entity.name) == best
        else max((n for n, c in pool.items() if c == best), key=lambda n: -list(counted).index(n))
    )


def _refresh_speakers(store: Store, index: EntityIndex) -> None:
    """Give every attributed quote its entity's current canonical name."""
    updates = []
    for row in store.rows(
        "SELECT rowid, speaker, speaker_id FROM quotes WHERE speaker_id IS NOT NULL"
    ):
        ids = row["speaker_id"].split(GROUP_SEPARATOR)
        names = [index.entities[i].name for i in ids if i in index.entities]
        if len(names) == len(ids) and all(names):
            name = GROUP_SEPARATOR.join(names)
            if name != row["speaker"]:
                updates.append((name, row["rowid"]))
    store.conn.executemany("UPDATE quotes SET speaker = ? WHERE rowid = ?", updates)


def _quoted(names: tuple[str, ...]) -> list[str]:
    return [f'"{n}"' for n in names]

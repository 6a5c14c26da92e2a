"""``rashomon export --what framing|sentences``: signals and sentence bias scores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rashomon.store.db import Store
from rashomon.store.export import exporter

FRAMING_COLUMNS = (
    "article_id",
    "start",
    "end",
    "text",
    "signal",
    "label",
    "explanation",
    "weight",
    "voice",
    "speaker",
    "target",
)
SENTENCE_COLUMNS = ("article_id", "start", "end", "text", "bias_score", "biased", "signals")


@exporter(
    "framing",
    FRAMING_COLUMNS,
    "framing signals: span, explanation, whose voice",
)
def framing_rows(store: Store) -> Iterator[dict[str, Any]]:
    sql = (
        'SELECT s.article_id, s.start, s."end", s.text, s.signal, s.label, s.explanation, '
        "s.weight, s.voice, s.speaker, s.target "
        "FROM signals s JOIN articles a ON a.id = s.article_id "
        "ORDER BY a.rowid, s.start, s.signal"
    )
    yield from store.rows(sql)


@exporter("sentences", SENTENCE_COLUMNS, "every sentence with its bias score, yes/no and signals")
def sentence_rows(store: Store) -> Iterator[dict[str, Any]]:
    sql = (
        'SELECT s.article_id, s.start, s."end", s.text, s.bias_score, s.biased, s.signals '
        "FROM sentences s JOIN articles a ON a.id = s.article_id ORDER BY a.rowid, s.start"
    )
    for row in store.rows(sql):
        row["biased"] = bool(row["biased"])
        row["signals"] = json.loads(row["signals"] or "[]")
        yield row

"""The JSON API: every page's data under /api, read-only (GET only), lists paged.

Lists answer ``{"items", "total", "limit", "offset"}``; ``limit`` defaults to the
``api_default_limit`` setting and is capped at ``api_max_limit``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from rashomon.store.articles import search as search_articles
from rashomon.store.db import Store
from rashomon.store.export import available, csv_row
from rashomon.stories.queries import explained_story_articles
from rashomon.views import pages as queries
from rashomon.views.stories import story_article_ids
from rashomon.web.app import open_store
from rashomon.web.schemas import (
    DOWNLOAD_RESPONSES,
    ArticleDetail,
    ArticleItem,
    Briefing,
    EntityDetail,
    EntityItem,
    Page,
    Problem,
    SearchHit,
    StoryArticle,
    StoryPoints,
    StorySummary,
    TableInfo,
)

router = APIRouter(responses={404: {"model": Problem, "description": "No such item."}})
StoreDep = Annotated[Store, Depends(open_store)]
Limit = Annotated[int | None, Query(ge=1, description="Rows per page (capped).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]


# What a paged read takes (store, limit, offset) and gives (one page of rows, rows in all).
PageRead = Callable[[Store, int, int], tuple[list[dict[str, Any]], int]]
T = TypeVar("T")


def page(items: list, total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def paged(
    request: Request, store: Store, read: PageRead, limit: int | None, offset: int
) -> dict[str, Any]:
    """One page of a list, its ``limit`` clamped to the API's."""
    limit = clamp(request, limit)
    rows, total = read(store, limit, offset)
    return page(rows, total, limit, offset)


def or_404(item: T | None, what: str, key: str) -> T:
    """``item``; a 404 naming what was asked for when there is none."""
    if item is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return item


def clamp(request: Request, limit: int | None) -> int:
    settings = request.app.state.settings
    return min(limit or settings.api_default_limit, settings.api_max_limit)


@router.get(
    "/api/stories",
    response_model=Page[StorySummary],
    summary="Stories (storylines and events) with size, outlets, dates",
)
def stories(
    request: Request,
    store: StoreDep,
    limit: Limit = None,
    offset: Offset = 0,
    kind: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_size: Annotated[int | None, Query(ge=1)] = None,
) -> dict[str, Any]:
    limit = clamp(request, limit)
    found = queries.filter_stories(
        store, kind=kind, outlet=outlet, title=title, since=since, until=until, min_size=min_size
    )
    items = [asdict(s) for s in found[offset : offset + limit]]
    return page(items, len(found), limit, offset)


@router.get("/api/stories/{story_id}", response_model=Briefing, summary="A story's briefing")
def story(request: Request, store: StoreDep, story_id: str) -> dict[str, Any]:
    return request.app.state.briefings.get(store, story_id).to_dict()


@router.get(
    "/api/stories/{story_id}/points",
    response_model=StoryPoints,
    summary="A story's points, most salient first",
)
def story_points(request: Request, store: StoreDep, story_id: str) -> dict[str, Any]:
    """Each point with its kind, outlets, salience and members (article spans); the ids
    are those of the briefing JSON and of ``export --what points``."""
    b = request.app.state.briefings.get(store, story_id)
    items = [asdict(p) for p in b.points]
    return {"story_id": story_id, "stored": b.points_stored, "items": items, "total": len(items)}


@router.get(
    "/api/stories/{story_id}/articles",
    response_model=Page[StoryArticle],
    summary="The articles of a story",
)
def story_articles(store: StoreDep, story_id: str) -> dict[str, Any]:
    ids = story_article_ids(store, story_id)
    if not ids:
        raise HTTPException(404, f"no story {story_id!r}")
    items = explained_story_articles(store, ids)
    return page(items, len(items), len(items), 0)


@router.get(
    "/api/articles",
    response_model=Page[ArticleItem],
    summary="Articles (without their text), in publication order",
)
def articles(request: Request, store: StoreDep, limit: Limit = None, offset: Offset = 0):
    return paged(request, store, queries.article_page, limit, offset)


@router.get(
    "/api/articles/{article_id}",
    response_model=ArticleDetail,
    summary="An article with its quotes, figures, signals",
)
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    return or_404(queries.article(store, article_id), "article", article_id)


@router.get(
    "/api/entities",
    response_model=Page[EntityItem],
    summary="Canonical entities, most widely named first",
)
def entities(request: Request, store: StoreDep, limit: Limit = None, offset: Offset = 0):
    return paged(request, store, queries.entity_list, limit, offset)


@router.get(
    "/api/entities/{entity_id}",
    response_model=EntityDetail,
    summary="What an entity said and what was said of it",
)
def entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    return or_404(queries.entity(store, entity_id), "entity", entity_id)


@router.get(
    "/api/search",
    response_model=Page[SearchHit],
    summary="Full-text search (FTS5 syntax); snippets mark hits with \\x02…\\x03",
)
def search(request: Request, store: StoreDep, q: str, limit: Limit = None) -> dict[str, Any]:
    limit = clamp(request, limit)
    hits = search_articles(store, q, limit) if q.strip() else []
    return page(hits, len(hits), limit, 0)


@router.get(
    "/api/tables",
    response_model=list[TableInfo],
    summary="The tables that can be downloaded, with their columns",
)
def tables() -> list[dict[str, Any]]:
    return [
        {
            "name": e.name,
            "help": e.help,
            "columns": list(e.columns),
            "csv": f"/download/{e.name}.csv",
            "json": f"/download/{e.name}.json",
        }
        for e in available().values()
    ]


@router.get(
    "/download/{name}.{fmt}",
    response_class=StreamingResponse,
    responses=DOWNLOAD_RESPONSES,
    summary="A whole table as CSV or JSON, streamed",
)
def download(request: Request, name: str, fmt: str) -> StreamingResponse:
    exports = available()
    if name not in exports or fmt not in ("csv", "json"):
        raise HTTPException(404, f"no table {name!r} as {fmt!r}")
    export = exports[name]
    store = Store(request.app.state.db, readonly=True)  # closed when the stream ends
    rows = ({c: row.get(c) for c in export.columns} for row in export.rows(store))
    body = csv_chunks(export.columns, rows) if fmt == "csv" else json_chunks(rows)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return StreamingResponse(
        closing(body, store),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


def closing(chunks: Iterator[str], store: Store) -> Iterator[str]:
    try:
        yield from chunks
    finally:
        store.close()


def csv_chunks(columns: tuple[str, ...], rows: Iterator[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_row(row))
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(rows: Iterator[dict]) -> Iterator[str]:
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + json.dumps(row, ensure_ascii=False)
    yield "]"

"""The HTML pages: the same data as the API, rendered on the server with no script."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from rashomon.briefing import to_markdown
from rashomon.render.charts import story_charts
from rashomon.render.story import facts_text, story_view, summary_span
from rashomon.render.templating import environment
from rashomon.store.articles import search as search_articles
from rashomon.store.db import Store
from rashomon.store.export import available
from rashomon.stories.queries import explained_story_articles
from rashomon.views import pages as queries
from rashomon.views.articles import article_count
from rashomon.views.stories import list_stories, story_article_ids
from rashomon.web import article_view
from rashomon.web.api import Limit, Offset, PageRead, clamp, or_404, paged
from rashomon.web.app import open_store

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.setdefault("query", "")
    html = environment().get_template(template).render(db_name=request.app.state.db.name, **context)
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    store: StoreDep,
    kind: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_size: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    size = int(min_size) if min_size and min_size.isdigit() else None
    filters = {
        "kind": kind,
        "outlet": outlet,
        "title": title,
        "since": since,
        "until": until,
        "min_size": size,
    }
    found = queries.filter_stories(
        store, kind=kind, outlet=outlet, title=title, since=since, until=until, min_size=size
    )
    every = list_stories(store)
    total = len(every)
    titles = {s.id: s.title for s in every}  # an event links to its storyline by title
    count = article_count(store)
    dates = {s.id: summary_span(s) for s in found}  # as precise as its articles' dates
    return render(
        request,
        "stories.html",
        stories=found,
        total=total,
        filters=filters,
        article_count=count,
        titles=titles,
        dates=dates,
    )


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    b = request.app.state.briefings.get(store, story_id)
    articles = explained_story_articles(store, story_article_ids(store, story_id))
    children = [s for s in list_stories(store) if s.parent == story_id]
    return render(
        request,
        "story.html",
        b=b,
        articles=articles,
        children=children,
        charts=story_charts(b.timeline, articles),
        view=story_view(store, b, articles, request.app.state.settings),
        web=True,
    )


@router.get("/story/{story_id}/briefing.md", response_class=PlainTextResponse)
def story_markdown(request: Request, store: StoreDep, story_id: str) -> PlainTextResponse:
    b = request.app.state.briefings.get(store, story_id)
    return PlainTextResponse(to_markdown(b), media_type="text/markdown; charset=utf-8")


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    a = or_404(queries.article(store, article_id), "article", article_id)
    paras, colours = article_view.layout(a, queries.passages(store, article_id))
    counts = Counter(article_view.speaker(q) for q in a["quotes"])
    plain = article_view.plain_wording(a["signals"])
    return render(
        request,
        "article.html",
        a=a,
        paragraphs=paras,
        speakers=colours,
        counts=counts,
        plain=plain,
        facts=facts_text(a["outlet"], request.app.state.settings.outlet_registry_files),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    store: StoreDep,
    limit: Limit = None,
    offset: Offset = 0,
) -> HTMLResponse:
    return listing(
        request,
        store,
        queries.titled_article_page,
        limit,
        offset,
        heading="Articles",
        link_prefix="/article/",
        columns=["title", "outlet_label", "published"],
        empty="No articles.",
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    store: StoreDep,
    limit: Limit = None,
    offset: Offset = 0,
) -> HTMLResponse:
    return listing(
        request,
        store,
        queries.entity_list,
        limit,
        offset,
        heading="Entities",
        link_prefix="/entity/",
        columns=["name", "type", "article_count", "mention_count"],
        empty="No entities in this store (the entities stage has not run).",
    )


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    e = queries.entity(store, entity_id)
    if e is None and (group := queries.entity_group(store, entity_id)) is not None:
        return render(request, "group.html", g=group)
    return render(request, "entity.html", e=or_404(e, "entity", entity_id))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    hits = search_articles(store, q, clamp(request, None)) if q.strip() else []
    return render(request, "search.html", hits=hits, query=q)


@router.get("/tables", response_class=HTMLResponse)
def tables_page(request: Request) -> HTMLResponse:
    return render(request, "tables.html", exports=list(available().values()))


@router.get("/api", response_class=HTMLResponse)
def api_index(request: Request) -> HTMLResponse:
    """An offline list of the API's endpoints (in place of FastAPI's CDN-based /docs)."""
    routes = api_routes(request.app.openapi())
    settings = request.app.state.settings
    return render(
        request,
        "api.html",
        routes=routes,
        default_limit=settings.api_default_limit,
        max_limit=settings.api_max_limit,
    )


def api_routes(schema: dict[str, Any]) -> list[dict[str, str]]:
    """Every documented endpoint, from the OpenAPI schema: it holds the routes of included
    routers, which ``app.routes`` wraps (and so hides) in recent FastAPI releases."""
    return [
        {"method": method.upper(), "path": path, "summary": op.get("summary", "")}
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]


def listing(
    request: Request, store: Store, read: PageRead, limit: int | None, offset: int, **view: Any
) -> HTMLResponse:
    """One page of a paged table, as the API pages it."""
    shown = paged(request, store, read, limit, offset)
    return render(
        request,
        "listing.html",
        rows=shown["items"],
        total=shown["total"],
        limit=shown["limit"],
        offset=offset,
        **view,
    )

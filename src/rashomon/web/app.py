"""The FastAPI application: server-rendered pages and the JSON API over one store, read-only.

Each request opens the SQLite file read-only (``mode=ro``) and closes it after, so
the server can never change the store and always sees what the last analysis
committed. Briefings are costly to build (sentence embeddings), so they are kept in
a small cache keyed by the store file's size and modification time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from threading import Lock

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from rashomon.briefing import Briefing, build_briefing
from rashomon.errors import RashomonError, error
from rashomon.render.safety import SECURITY_HEADERS
from rashomon.render.templating import environment, folder
from rashomon.settings import Settings
from rashomon.store.db import Store

# Briefings kept per server: enough for the stories a reader moves between.
BRIEFING_CACHE_SIZE = 32


class BriefingCache:
    """Briefings by story, dropped when the store file changes (its size or mtime)."""

    def __init__(self, db: Path, settings: Settings) -> None:
        self.db, self.settings = db, settings
        self.items: OrderedDict[tuple, Briefing] = OrderedDict()
        self.lock = Lock()

    def signature(self) -> tuple:
        stats = [p.stat() for p in (self.db, Path(f"{self.db}-wal")) if p.exists()]
        return tuple((s.st_size, s.st_mtime_ns) for s in stats)

    def get(self, store: Store, story_id: str) -> Briefing:
        key = (story_id, self.signature())
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        briefing = build_briefing(store, story_id, self.settings)
        with self.lock:
            self.items[key] = briefing
            while len(self.items) > BRIEFING_CACHE_SIZE:
                self.items.popitem(last=False)
        return briefing


def create_app(db: Path, settings: Settings | None = None) -> FastAPI:
    """The app serving ``db``; raises E506 when there is no store there."""
    if not db.exists():
        raise error("E506", db=db)
    settings = settings or Settings()
    app = FastAPI(
        title="Rashomon",
        description="Read-only JSON API over a Rashomon store. Every list is paged "
        f"(limit ≤ {settings.api_max_limit}, offset).",
        version="1",
        docs_url=None,  # FastAPI's docs page loads scripts from a CDN; /api lists endpoints
        redoc_url=None,
    )
    app.state.db = db
    app.state.settings = settings
    app.state.briefings = BriefingCache(db, settings)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api") or request.url.path.startswith("/download"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = (
            environment()
            .get_template("error.html")
            .render(status=exc.status_code, message=exc.detail, db_name=db.name, query="")
        )
        return HTMLResponse(html, status_code=exc.status_code)

    @app.exception_handler(RashomonError)
    async def unknown_story(request: Request, exc: RashomonError):
        status = 404 if exc.code == "E601" else 500
        return await http_error(request, HTTPException(status, str(exc)))

    app.mount("/static", StaticFiles(directory=folder("rashomon.web", "static")), name="static")
    from rashomon.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request (a FastAPI dependency)."""
    store = Store(request.app.state.db, readonly=True)
    try:
        yield store
    finally:
        store.close()

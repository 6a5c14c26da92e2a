"""``rashomon serve``: browse a store in the web UI and call its JSON API, read-only."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon.cli.options import DEFAULT_DB, DbOption


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; loopback unless you mean to share.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the web UI and the JSON API (/api, schema at /openapi.json) over the store."""
    import uvicorn

    from rashomon.web.app import create_app

    app = create_app(db)
    typer.echo(f"Rashomon on http://{host}:{port}/ (read-only; Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")

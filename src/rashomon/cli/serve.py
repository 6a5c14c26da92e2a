"""``rashomon serve``: browse a store in the web UI and call its JSON API, read-only.

The socket is bound before the URL is printed, so a busy port fails with E518
(exit 2) and never announces an address that nothing serves.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Annotated

import typer

from rashomon.cli.config import command_settings
from rashomon.cli.options import DEFAULT_DB, ConfigOption, DbOption, SettingOption
from rashomon.cli.output import safe
from rashomon.cli.store import open_store
from rashomon.errors import error

if TYPE_CHECKING:
    from fastapi import FastAPI

# Connections the kernel queues before uvicorn accepts them (uvicorn's own default).
BACKLOG = 2048


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; loopback unless you mean to share.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    config: ConfigOption = None,
    setting: SettingOption = None,
) -> None:
    """Serve the web UI and the JSON API (/api, schema at /openapi.json) over the store."""
    from rashomon.web.app import create_app

    settings = command_settings(config, setting)
    open_store(db).close()  # the same errors as every reading command
    app = create_app(db, settings)
    sock = bind(host, port)
    bound_port = sock.getsockname()[1]
    typer.echo(f"Rashomon on http://{safe(host)}:{bound_port}/ (read-only; Ctrl-C to stop)")
    run(app, sock)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or E518 (port busy, address not ours, no permission)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise error("E518", host=host, port=port, detail=exc.strerror or exc) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError as exc:
        sock.close()
        raise error("E518", host=host, port=port, detail=exc.strerror or exc) from None
    return sock


def run(app: FastAPI, sock: socket.socket) -> None:
    """Serve ``app`` on the bound socket until Ctrl-C."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    with sock:
        server.run(sockets=[sock])

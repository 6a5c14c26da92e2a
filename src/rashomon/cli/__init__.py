"""The ``rashomon`` command: a Typer app, one module per command group.

Exit codes: 0 all inputs ok or skipped; 1 at least one input failed;
2 usage error or a numbered RashomonError (E5xx).
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="rashomon",
    help="Read many outlets' coverage of one story and see what each of them says.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``; listed in the order of ``rashomon --help``.
COMMAND_MODULES = (
    "rashomon.cli.analyze",
    "rashomon.cli.search",
    "rashomon.cli.status",
    "rashomon.cli.export",
    "rashomon.cli.figures",
    "rashomon.cli.timeline",
    "rashomon.cli.report",
    "rashomon.cli.serve",
    "rashomon.cli.framing",
    "rashomon.cli.quotes",
    "rashomon.cli.entities",
    "rashomon.cli.stories",
)

for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(app)


def main() -> None:
    from rashomon.errors import RashomonError

    try:
        app()
    except RashomonError as exc:
        typer.echo(f"Error {exc}", err=True)
        raise SystemExit(2) from exc

"""The ``rashomon`` command: a Typer app, one module per command group.

Exit codes: 0 all inputs ok or skipped; 1 at least one input failed;
2 a usage mistake or a numbered error (one line on stderr, ``E5xx: …``).
"""

from __future__ import annotations

import importlib
import sqlite3
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from rashomon.cli.output import safe
from rashomon.errors import RashomonError, error

USAGE_EXIT = 2


class Rashomon(TyperGroup):
    """The command group, with the one place errors become a numbered line and exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(
                argv,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except RashomonError as exc:
            fail(exc)
        except typer.Abort:
            sys.exit(130)
        except typer.TyperException as exc:  # Click's usage errors, bad values, unknown options
            detail = exc.format_message() if hasattr(exc, "format_message") else str(exc)
            fail(error("E510", detail=detail, command=command_of(argv)))
        except sqlite3.DatabaseError as exc:  # a store that broke after it was opened
            fail(error("E512", db="given by --db", detail=exc))
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def fail(exc: RashomonError) -> None:
    typer.echo(safe(str(exc)), err=True)
    sys.exit(USAGE_EXIT)


def command_of(argv: list[str]) -> str:
    """The command named on the command line, for the "see --help" hint."""
    names = [a for a in argv if not a.startswith("-")]
    return f"rashomon {names[0]}" if names and names[0] in COMMAND_NAMES else "rashomon"


def package_version() -> str:
    try:
        return version("rashomon")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


app = typer.Typer(
    name="rashomon",
    cls=Rashomon,
    help="Read many outlets' coverage of one story and see what each of them says.",
    add_completion=False,
    pretty_exceptions_enable=False,
)


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"rashomon {package_version()}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    show: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Read many outlets' coverage of one story and see what each of them says."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


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

COMMAND_NAMES = {c.name for c in app.registered_commands}


def main() -> None:
    app()

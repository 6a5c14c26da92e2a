"""``rashomon analyze``: read inputs, analyse them, store the results, link across articles."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from rashomon.analyze import RunSummary, analyze_inputs
from rashomon.clean.manifest import Manifest, read_manifest
from rashomon.cli.config import command_settings
from rashomon.cli.options import DEFAULT_DB, ConfigOption, DbOption, SettingOption
from rashomon.cli.output import cell, markup
from rashomon.cli.output import console as make_console
from rashomon.cli.store import writable_store
from rashomon.errors import error
from rashomon.pipeline import run_cross_article
from rashomon.runners import make_runner

# Reasons listed in the summary, and inputs named per reason, before "… and N more".
SUMMARY_REASONS = 20
SUMMARY_INPUTS = 3


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)


def analyze(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive), globs and http(s) URLs.")
    ],
    db: DbOption = DEFAULT_DB,
    raw: Annotated[
        bool, typer.Option("--raw", help="Store text exactly as given (no cleaning).")
    ] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on private or loopback addresses.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes for the per-article stages.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", help="A Dask scheduler (tcp://HOST:PORT) or local:N for a LocalCluster."
        ),
    ] = None,
    cross: Annotated[
        bool, typer.Option("--cross/--no-cross", help="Run the cross-article stages afterwards.")
    ] = True,
    out: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            "--out",
            metavar="parquet DIR",
            help="Write partitioned Parquet to DIR instead of --db (no cross-article stages).",
        ),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", metavar="NAME", help="The outlet of every input of this command."),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest",
            metavar="FILE",
            help="CSV or JSONL: input (path, glob or URL), then outlet, url, published, title, "
            "author, language; given values win.",
        ),
    ] = None,
    config: ConfigOption = None,
    setting: SettingOption = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Print tracebacks of failing stages.")
    ] = False,
) -> None:
    """Analyse articles into the store. Exit code 1 when any input failed."""
    settings = command_settings(
        config, setting, raw=raw or None, allow_private=allow_private or None, debug=debug or None
    )
    console = make_console(stderr=True)
    if out is not None and out[0] != "parquet":
        raise error("E511", kind=out[0])
    given = read_manifest(manifest, outlet) if manifest else Manifest(outlet=outlet)
    destination = db if out is None else out[1]
    if out is not None and cross:
        console.print("cross-article stages need the SQLite store: not run for --out parquet")
        cross = False
    with open_sink(db, out) as store:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"),
            console=console,
            transient=False,
        )
        with progress, make_runner(workers, dask) as runner:
            task = progress.add_task("analysing", total=None, counts="")

            def on_batch(summary: RunSummary, size: int) -> None:
                counts = " ".join(f"{s} {summary.counts[s]}" for s in ("ok", "skipped", "failed"))
                progress.update(task, advance=size, counts=counts)

            summary = analyze_inputs(inputs, store, settings, runner, on_batch, given)
            done = sum(summary.counts[s] for s in ("ok", "skipped", "failed"))
            progress.update(task, total=done, completed=done, description="analysed")
            if cross:
                cross_task = progress.add_task("linking", total=None, counts="")
                run_cross_article(
                    store,
                    settings,
                    on_stage=lambda name: progress.update(cross_task, description=name),
                )
                progress.update(cross_task, total=1, completed=1, description="linked")
    print_summary(console, summary, destination)
    raise typer.Exit(1 if summary.failed else 0)


def open_sink(db: Path, out: tuple[str, Path] | None) -> AbstractContextManager:
    """The store the results go to: the SQLite file, or a Parquet folder for --out."""
    if out is None:
        return writable_store(db)
    from rashomon.store.parquet import ParquetStore

    return ParquetStore(out[1])


def print_summary(console: Console, summary: RunSummary, db: Path) -> None:
    counts = summary.counts
    console.print(
        f"[green]{counts['ok']} ok[/], [yellow]{counts['skipped']} skipped[/], "
        f"[red]{counts['failed']} failed[/], {counts['unchanged']} unchanged → {markup(db)}"
    )
    if not summary.reasons:
        return
    table = Table("reason", "inputs", title="skipped and failed")
    for reason, inputs in list(summary.reasons.items())[:SUMMARY_REASONS]:
        named = ", ".join(inputs[:SUMMARY_INPUTS])
        if len(inputs) > SUMMARY_INPUTS:
            named += f" … and {len(inputs) - SUMMARY_INPUTS} more"
        table.add_row(cell(reason), cell(named))
    console.print(table)

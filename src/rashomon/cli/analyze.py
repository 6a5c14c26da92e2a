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
from rashomon.pipeline import CROSS_ARTICLE_STAGES, PER_ARTICLE_STAGES, run_cross_article
from rashomon.runners import LocalRunner, make_runner
from rashomon.settings import Settings
from rashomon.store.db import Store

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
    rerun: Annotated[
        list[str] | None,
        typer.Option(
            "--rerun",
            metavar="STAGE",
            help="Re-analyse stored articles even when unchanged, as if STAGE had a new "
            "version (repeatable).",
        ),
    ] = None,
    config: ConfigOption = None,
    setting: SettingOption = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Print tracebacks of failing stages.")
    ] = False,
) -> None:
    """Analyse articles into the store. Exit code 1 when any input or cross-article unit failed.

    A stored input is analysed again when its content changed, when a per-article
    stage's version changed since it was stored, or when --rerun names a stage."""
    settings = command_settings(
        config, setting, raw=raw or None, allow_private=allow_private or None, debug=debug or None
    )
    console = make_console(stderr=True)
    if out is not None and out[0] != "parquet":
        raise error("E511", kind=out[0])
    forced = rerun_stages(rerun or [], parquet=out is not None)
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
        # spaCy's load takes seconds: say so, rather than a silent spinner at 0/?.
        console.print(f"loading the language model {markup(settings.spacy_model)} …")
        with make_runner(workers, dask) as runner:
            if isinstance(runner, LocalRunner):  # analysed in this process: load it now
                from rashomon.annotate.nlp import load_nlp  # spaCy only when analysing

                load_nlp(settings.spacy_model)
            with progress:
                task = progress.add_task("analysing articles", total=None, counts="")

                def on_batch(summary: RunSummary, size: int) -> None:
                    counts = " ".join(
                        f"{s} {summary.counts[s]}" for s in ("ok", "skipped", "failed")
                    )
                    progress.update(task, advance=size, counts=counts)

                summary = analyze_inputs(
                    inputs, store, settings, runner, on_batch, given, frozenset(forced)
                )
                done = sum(summary.counts[s] for s in ("ok", "skipped", "failed"))
                progress.update(task, total=done, completed=done)
                cross_failed = run_cross(store, settings, progress) if cross else []
    print_summary(console, summary, destination)
    print_cross_failures(console, cross_failed)
    raise typer.Exit(1 if summary.failed or cross_failed else 0)


def rerun_stages(names: list[str], *, parquet: bool) -> list[str]:
    """The per-article stages --rerun names, checked against the pipeline's stages."""
    known = [name for name, _ in PER_ARTICLE_STAGES]
    unknown = [n for n in names if n not in known]
    if unknown:
        detail = f"--rerun: unknown stage {unknown[0]!r}; choose from {', '.join(known)}"
        raise error("E510", detail=detail, command="rashomon analyze")
    if names and parquet:
        detail = "--rerun needs the SQLite store: Parquet parts are never rewritten"
        raise error("E510", detail=detail, command="rashomon analyze")
    return names


def run_cross(store: Store, settings: Settings, progress: Progress) -> list[tuple[str, str, str]]:
    """The cross-article stages, one bar each named after its stage.

    Returns every failure this run recorded, (stage, unit, reason): units a stage
    guarded itself (an article, a story) and whole stages that raised (unit ``*``).
    """
    tasks = {
        name: progress.add_task(f"linking: {name}", total=1, counts="")
        for name, _ in CROSS_ARTICLE_STAGES
    }
    started: list[str] = []

    def on_stage(name: str) -> None:
        if started:  # the previous stage has returned
            progress.update(tasks[started[-1]], completed=1)
        started.append(name)

    before = len(store.failures_recorded)
    run_cross_article(store, settings, on_stage=on_stage)
    if started:
        progress.update(tasks[started[-1]], completed=1)
    failed = store.failures_recorded[before:]
    for name, _ in CROSS_ARTICLE_STAGES:
        count = sum(1 for stage, _, _ in failed if stage == name)
        if count:
            progress.update(tasks[name], counts=f"failed {count}")
    return failed


def print_cross_failures(console: Console, failed: list[tuple[str, str, str]]) -> None:
    """Each cross-article unit that failed, with its reason (also in ``rashomon status``)."""
    if not failed:
        return
    console.print(f"[red]{len(failed)} cross-article unit(s) failed[/] (see 'rashomon status')")
    table = Table("stage", "unit", "reason", title="cross-article failures")
    for stage, unit, reason in failed[:SUMMARY_REASONS]:
        table.add_row(stage, cell(unit), cell(reason))
    if len(failed) > SUMMARY_REASONS:
        table.add_row("…", f"and {len(failed) - SUMMARY_REASONS} more", "")
    console.print(table)


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

"""The ``parley`` command: thin wrappers that parse, call one library function and render.

Errors from the library arrive as :class:`~parley.errors.ParleyError` and leave as one line on
stderr with a non-zero exit code; nothing below the CLI prints or exits.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from parley import api
from parley.config import Settings, load_settings
from parley.errors import ParleyError
from parley.model import Rejected
from parley.store import Filters

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Parley: diplomatic readouts and news turned into structured, checkable event data.")
err = Console(stderr=True)

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite path or postgresql:// URL (PARLEY_DB).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (default ./parley.toml).")]


def _settings(config: Path | None, **flags: Any) -> Settings:
    return load_settings(config_path=config, **flags)


def _fail(exc: ParleyError) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(exc.exit_code)


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders, URLs or RSS/Atom feeds.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    allow_private: Annotated[bool | None, typer.Option("--allow-private",
                                                       help="Allow fetching private/loopback URLs.")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model")] = None,
) -> None:
    """Read, extract and store documents; already-stored documents are skipped."""
    try:
        settings = _settings(config, db=db, allow_private=allow_private, spacy_model=spacy_model)
        summary = _run_ingest(targets, settings, quiet)
    except ParleyError as exc:
        _fail(exc)
        return
    for rejected in summary.rejected:
        err.print(f"rejected {rejected.line()}", highlight=False, markup=False, soft_wrap=True)
    typer.echo(f"ingest: {summary.new} new, {summary.known} already known, "
               f"{len(summary.rejected)} rejected -> {settings.db}")


def _run_ingest(targets: list[str], settings: Settings, quiet: bool) -> Any:
    if quiet or not sys.stderr.isatty():
        return api.ingest_paths(targets, settings)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  MofNCompleteColumn(), console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        return api.ingest_paths(targets, settings,
                                progress=lambda source: bar.update(task, advance=1, description=source[-40:]))


@app.command()
def extract(
    targets: Annotated[list[str], typer.Argument(help="Files, folders or URLs.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or json.")] = "jsonl",
    explain: Annotated[bool, typer.Option("--explain", help="Show the rule behind each field.")] = False,
    with_text: Annotated[bool, typer.Option("--with-text", help="Include doc.text.")] = False,
    config: ConfigOpt = None,
    processes: Annotated[int | None, typer.Option("--processes", "-p", help="Worker processes.")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model")] = None,
    allow_private: Annotated[bool | None, typer.Option("--allow-private")] = None,
) -> None:
    """Print the extraction contract for each document, without touching a database."""
    if fmt not in {"jsonl", "json"}:
        err.print(f"error: unknown format {fmt!r} (jsonl or json)")
        raise typer.Exit(2)
    rejected: list[Rejected] = []
    try:
        settings = _settings(config, processes=processes, spacy_model=spacy_model,
                             allow_private=allow_private)
        results = api.extract_paths(targets, settings, on_rejected=rejected.append)
        out = sys.stdout
        if fmt == "json":
            items = [r.to_dict(explain=explain, with_text=with_text) for r in results]
            out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        else:
            for r in results:
                out.write(json.dumps(r.to_dict(explain=explain, with_text=with_text),
                                     ensure_ascii=False) + "\n")
    except ParleyError as exc:
        _fail(exc)
    for item in rejected:
        err.print(f"rejected {item.line()}", highlight=False, markup=False, soft_wrap=True)


def _render(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        typer.echo(buf.getvalue(), nl=False)
    else:
        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        Console().print(table)


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")]


@app.command()
def events(
    db: DbOpt = None, config: ConfigOpt = None, fmt: FormatOpt = "table",
    country: Annotated[str | None, typer.Option(help="ISO3 of a participant, e.g. CHN.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="MEET, CALL or VISIT.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY-MM-DD.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name contains.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
) -> None:
    """List stored events."""
    try:
        settings = _settings(config, db=db)
        rows = api.query_events(settings, Filters(country, type, since, until, publisher, limit))
    except ParleyError as exc:
        _fail(exc)
        return
    _render(rows, fmt, ["date", "type", "primary", "participants", "location", "modality", "publisher"],
            "Events")


@app.command()
def documents(
    db: DbOpt = None, config: ConfigOpt = None, fmt: FormatOpt = "table",
    country: Annotated[str | None, typer.Option(help="ISO3 of an event participant.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Has an event of this type.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before, YYYY-MM-DD.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name contains.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
) -> None:
    """List stored documents."""
    try:
        settings = _settings(config, db=db)
        rows = api.query_documents(settings, Filters(country, type, since, until, publisher, limit))
    except ParleyError as exc:
        _fail(exc)
        return
    _render(rows, fmt, ["published", "publisher", "title", "events", "statements", "id"], "Documents")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

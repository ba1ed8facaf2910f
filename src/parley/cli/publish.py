"""``parley export`` and ``parley serve``: the commands that hand stored data to other tools and
to people; thin wrappers, as in ``main``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from parley.cli.main import _fail, _settings, app
from parley.cli.options import ConfigOpt, Country, DbOpt, EventType, Since, Until
from parley.errors import ConfigError, ParleyError


@app.command("export")
def export_cmd(
    tables: Annotated[list[str] | None, typer.Argument(
        help="documents, events, participants, statements, engagements (default: all).")] = None,
    fmt: Annotated[Literal["parquet", "csv", "jsonl", "plover"], typer.Option(
        "--format", "-f", help="parquet, csv or jsonl (one file per table), or plover (PLOVER JSONL of events).")
    ] = "parquet",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder for <table>.<format> files (default .); for plover a file (default stdout).")
    ] = None,
    db: DbOpt = None, config: ConfigOpt = None,
    country: Country = None, type: EventType = None, since: Since = None, until: Until = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name contains (plover).")] = None,
) -> None:
    """Write stored data for other tools: tables as Parquet, CSV or JSON Lines (pandas, polars,
    DuckDB, Spark), or events in PLOVER's fields (beside POLECAT)."""
    from parley import api

    try:
        settings = _settings(config, db=db)
        if fmt == "plover":
            from parley.formats import write_plover
            from parley.store import Filters

            count, text = write_plover(settings, Filters(country, type, since, until, publisher, 10**9), output)
            if output:
                typer.echo(f"{count} PLOVER record(s) written to {output}", err=True)
            else:
                sys.stdout.write(text)
            return
        if any(f is not None for f in (country, type, since, until, publisher)):
            raise typer.BadParameter("--country, --type, --since, --until and --publisher select events for "
                                     "--format plover; the table formats export whole tables")
        from parley.store.export import TABLES

        folder = output or Path(".")
        written = api.export_tables(settings, tables or list(TABLES), fmt, folder)
    except ParleyError as exc:
        _fail(exc)
        return
    for table, n in written.items():
        typer.echo(f"{folder / table}.{fmt}: {n} rows")


@app.command()
def serve(
    db: DbOpt = None, config: ConfigOpt = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port, 1-65535 (default 8000).")] = None,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest",
                                               help="Enable POST /api/ingest (needs a token).")] = False,
    token: Annotated[str | None, typer.Option(help="Token for POST /api/ingest (PARLEY_INGEST_TOKEN).")] = None,
) -> None:
    """Serve the web UI and the JSON API."""
    import uvicorn

    from parley import api
    from parley.web.app import create_app

    try:
        settings = _settings(config, db=db, host=host, port=port, ingest_token=token)
        if allow_ingest and not settings.ingest_token:
            raise ConfigError("--allow-ingest needs a token (--token or PARLEY_INGEST_TOKEN)")
        if not allow_ingest:
            api.check_store(settings)
        application = create_app(settings, allow_ingest=allow_ingest)
    except ParleyError as exc:
        _fail(exc)
        return
    typer.echo(f"Parley on http://{settings.host}:{settings.port}/ (database {settings.db})", err=True)
    try:
        uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning")
    except (OSError, OverflowError) as exc:
        typer.echo(f"error: cannot listen on {settings.host}:{settings.port}: {exc}", err=True)
        raise typer.Exit(2) from None

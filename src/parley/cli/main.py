"""The ``parley`` command: thin wrappers that parse, call one library function and render.

Errors from the library arrive as :class:`~parley.errors.ParleyError` and leave as one line on
stderr with a non-zero exit code; nothing below the CLI prints or exits.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from parley import api
from parley.compare import Comparison
from parley.config import Settings, load_settings
from parley.errors import ConfigError, ParleyError
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
    processes: Annotated[int | None, typer.Option("--processes", "-p", min=1,
                                                  help="Worker processes that read and extract.")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (worker processes) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a LocalCluster).")] = None,
) -> None:
    """Read, extract, store and link documents; already-stored documents are skipped."""
    try:
        settings = _settings(config, db=db, allow_private=allow_private, spacy_model=spacy_model,
                             processes=processes)
        summary = _run_ingest(targets, settings, quiet, engine, scheduler)
    except ParleyError as exc:
        _fail(exc)
        return
    for rejected in summary.rejected:
        err.print(f"rejected {rejected.line()}", highlight=False, markup=False, soft_wrap=True)
    typer.echo(f"ingest: {summary.new} new, {summary.known} already known, "
               f"{len(summary.rejected)} rejected -> {settings.db}")


def _run_ingest(targets: list[str], settings: Settings, quiet: bool, engine: str, scheduler: str | None) -> Any:
    if quiet or not sys.stderr.isatty():
        return api.ingest_paths(targets, settings, engine=engine, scheduler=scheduler)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None, rate="")

        def advance(source: str) -> None:
            speed = bar.tasks[task].speed
            bar.update(task, advance=1, description=source[-40:], rate=f"{speed or 0:.1f} docs/s")

        return api.ingest_paths(targets, settings, progress=advance, engine=engine, scheduler=scheduler,
                                on_total=lambda n: bar.update(task, total=n))


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
        out = Console()
        if not out.is_terminal:
            out = Console(width=160)  # piped or captured: do not squeeze the table into 80 columns
        out.print(table)


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


@app.command("link")
def link_cmd(
    targets: Annotated[list[str] | None, typer.Argument(help="Files or folders; none: what is stored.")] = None,
    db: DbOpt = None, config: ConfigOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    multi: Annotated[bool, typer.Option("--multi", help="Only engagements with several reports.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Link every stored document again first.")] = False,
) -> None:
    """Group reports of the same engagement (from PATHs, or the database when none is given)."""
    rejected: list[Rejected] = []
    try:
        settings = _settings(config, db=db)
        result = (api.link_paths(targets, settings, on_rejected=rejected.append) if targets
                  else api.link_stored(settings, rebuild=rebuild))
    except ParleyError as exc:
        _fail(exc)
        return
    for item in rejected:
        err.print(f"rejected {item.line()}", highlight=False, markup=False, soft_wrap=True)
    if multi:
        result = {"engagements": [e for e in result["engagements"] if len(e["documents"]) > 1]}
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    rows = [{"id": e["id"], "date": e["date"], "type": e["type"],
             "participants": "; ".join(f"{p['name']} ({p['country'] or '?'})" for p in e["participants"]),
             "reports": len(e["documents"]),
             "sides": ", ".join(sorted(e["sides"])), "shared": ", ".join(e["shared_topics"])}
            for e in result["engagements"]]
    _render(rows, "table", ["id", "date", "type", "participants", "reports", "sides", "shared"], "Engagements")


@app.command()
def compare(
    engagement_id: Annotated[str, typer.Argument(help="An engagement id from `parley link`.")],
    db: DbOpt = None, config: ConfigOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, markdown, json or html.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Each side's readout of one engagement, side by side."""
    from parley.compare.render import to_html, to_markdown

    def to_json(c: Comparison) -> str:
        return json.dumps(c.to_dict(), ensure_ascii=False, indent=2) + "\n"

    renderers: dict[str, Callable[[Comparison], str]] = {
        "text": to_markdown, "markdown": to_markdown, "html": to_html, "json": to_json}
    if fmt not in renderers:
        err.print(f"error: unknown format {fmt!r} (text, markdown, json or html)")
        raise typer.Exit(2)
    try:
        comparison = api.compare_engagement(_settings(config, db=db), engagement_id)
    except ParleyError as exc:
        _fail(exc)
        return
    text = renderers[fmt](comparison)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}")
    else:
        typer.echo(text, nl=False)


@app.command()
def timeline(
    country_a: Annotated[str, typer.Argument(help="ISO3, e.g. GBR.")],
    country_b: Annotated[str, typer.Argument(help="ISO3, e.g. CHN.")],
    db: DbOpt = None, config: ConfigOpt = None, fmt: FormatOpt = "table",
    chart: Annotated[Path | None, typer.Option("--chart", help="Also draw the timeline (.png or .svg).")] = None,
) -> None:
    """Engagements between two countries over time, with each side's topic counts."""
    a, b = country_a.upper(), country_b.upper()
    try:
        rows = api.timeline_rows(_settings(config, db=db), a, b)
        if chart:
            from parley.compare.timeline import chart as draw

            draw(rows, a, b, chart)
    except ParleyError as exc:
        _fail(exc)
        return
    data = [r.to_dict(a, b) for r in rows]
    _render(data, fmt, ["date", "type", "participants", "documents", f"{a}_topics", f"{b}_topics", "id"],
            f"{a}–{b} engagements")
    if chart:
        err.print(f"chart written to {chart}", highlight=False)


@app.command("export")
def export_cmd(
    tables: Annotated[list[str] | None, typer.Argument(
        help="documents, events, participants, statements, engagements (default: all).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for <table>.<format> files.")] = Path("."),
    db: DbOpt = None, config: ConfigOpt = None,
) -> None:
    """Write stored tables as Parquet, CSV or JSON Lines (for pandas, polars, DuckDB, Spark)."""
    from parley.store.export import TABLES

    try:
        written = api.export_tables(_settings(config, db=db), tables or list(TABLES), fmt, output)
    except ParleyError as exc:
        _fail(exc)
        return
    for table, n in written.items():
        typer.echo(f"{output / table}.{fmt}: {n} rows")


@app.command()
def serve(
    db: DbOpt = None, config: ConfigOpt = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest",
                                               help="Enable POST /api/ingest (needs a token).")] = False,
    token: Annotated[str | None, typer.Option(help="Token for POST /api/ingest (PARLEY_INGEST_TOKEN).")] = None,
) -> None:
    """Serve the web UI and the JSON API."""
    import uvicorn

    from parley.web.app import create_app

    try:
        settings = _settings(config, db=db, host=host, port=port, ingest_token=token)
        if allow_ingest and not settings.ingest_token:
            raise ConfigError("--allow-ingest needs a token (--token or PARLEY_INGEST_TOKEN)")
        application = create_app(settings, allow_ingest=allow_ingest)
    except ParleyError as exc:
        _fail(exc)
        return
    err.print(f"Parley on http://{settings.host}:{settings.port}/ (database {settings.db})", highlight=False)
    uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

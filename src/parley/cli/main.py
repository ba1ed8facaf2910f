"""The ``parley`` command: thin wrappers that parse, call one library function and render.

Errors from the library arrive as :class:`~parley.errors.ParleyError` and leave as one line on
stderr with a non-zero exit code; nothing below the CLI prints or exits.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer._click import exceptions as cx  # typer vendors click; its usage errors live here

from parley.cli import registry as registry_cli
from parley.cli.options import (
    AllowPrivate,
    CompareFormat,
    ConfigOpt,
    Country,
    DbOpt,
    EventType,
    ExtractFormat,
    Limit,
    LinkFormat,
    Since,
    SpacyModel,
    TableFormat,
    Until,
    country_code,
    event_type,
    iso_date,
)
from parley.cli.output import render_rows
from parley.config import Settings, load_settings
from parley.errors import ParleyError

if TYPE_CHECKING:
    from parley.compare import Comparison
    from parley.model import IngestSummary, Rejected

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Parley: diplomatic readouts and news turned into structured, checkable event data.")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"parley {version('parley')}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Parley: diplomatic readouts and news turned into structured, checkable event data."""


def _settings(config: Path | None, **flags: Any) -> Settings:
    return load_settings(config_path=config, **flags)


def _fail(exc: ParleyError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _report(rejected: Any) -> None:
    for item in rejected:
        typer.echo(f"rejected {item.line()}", err=True)


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders, URLs or RSS/Atom feeds.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    allow_private: AllowPrivate = False,
    spacy_model: SpacyModel = None,
    processes: Annotated[int | None, typer.Option("--processes", "-p", min=1, max=256,
                                                  help="Worker processes that read and extract.")] = None,
    engine: Annotated[Literal["local", "dask"], typer.Option(
        "--engine", help="local (worker processes) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a LocalCluster).")] = None,
) -> None:
    """Read, extract, store and link documents; already-stored documents are skipped.

    Exit status: 0 when something was stored or nothing was rejected; 1 when nothing was stored
    and at least one input was rejected; 2 bad usage; 3 model missing; 4 database error.
    """
    try:
        settings = _settings(config, db=db, allow_private=allow_private or None, spacy_model=spacy_model,
                             processes=processes)
        summary = _run_ingest(targets, settings, quiet, engine, scheduler)
    except ParleyError as exc:
        _fail(exc)
        return
    _report(summary.rejected)
    typer.echo(f"ingest: {summary.new} new, {summary.known} already known, "
               f"{len(summary.rejected)} rejected -> {settings.db}")
    if summary.new == 0 and summary.rejected:
        raise typer.Exit(1)


def _run_ingest(targets: list[str], settings: Settings, quiet: bool, engine: str, scheduler: str | None
                ) -> IngestSummary:
    from parley import api

    if quiet or not sys.stderr.isatty():
        return api.ingest_paths(targets, settings, engine=engine, scheduler=scheduler)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("ingesting", total=None, rate="")

        def advance(source: str) -> None:
            speed = bar.tasks[task].speed
            bar.update(task, advance=1, description=source[-40:], rate=f"{speed or 0:.1f} docs/s")

        return api.ingest_paths(targets, settings, progress=advance, engine=engine, scheduler=scheduler,
                                on_total=lambda n: bar.update(task, total=n))


@app.command()
def extract(
    targets: Annotated[list[str], typer.Argument(help="Files, folders or URLs.")],
    fmt: ExtractFormat = "jsonl",
    explain: Annotated[bool, typer.Option("--explain", help="Show the rule behind each field.")] = False,
    with_text: Annotated[bool, typer.Option("--with-text", help="Include doc.text.")] = False,
    config: ConfigOpt = None,
    processes: Annotated[int | None, typer.Option("--processes", "-p", min=1, max=64,
                                                  help="Worker processes.")] = None,
    spacy_model: SpacyModel = None,
    allow_private: AllowPrivate = False,
) -> None:
    """Print the extraction contract for each document, without touching a database."""
    from parley import api

    rejected: list[Rejected] = []
    try:
        settings = _settings(config, processes=processes, spacy_model=spacy_model,
                             allow_private=allow_private or None)
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
    _report(rejected)


@app.command()
def events(
    db: DbOpt = None, config: ConfigOpt = None, fmt: TableFormat = "table",
    country: Country = None, type: EventType = None, since: Since = None, until: Until = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name contains.")] = None,
    limit: Limit = 100,
) -> None:
    """List stored events."""
    from parley.store import EVENT_COLUMNS, Filters

    try:
        from parley import api

        rows = api.query_events(_settings(config, db=db), Filters(country, type, since, until, publisher, limit))
    except ParleyError as exc:
        _fail(exc)
        return
    render_rows(rows, fmt, list(EVENT_COLUMNS), "Events",
                ["date", "type", "primary", "participants", "location", "modality", "publisher"])


@app.command()
def documents(
    db: DbOpt = None, config: ConfigOpt = None, fmt: TableFormat = "table",
    country: Country = None,
    type: Annotated[str | None, typer.Option("--type", callback=event_type,
                                             help="Has an event of this type: MEET, CALL or VISIT.")] = None,
    since: Annotated[str | None, typer.Option(callback=iso_date,
                                              help="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(callback=iso_date,
                                              help="Published on or before, YYYY-MM-DD.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name contains.")] = None,
    limit: Limit = 100,
) -> None:
    """List stored documents."""
    from parley.store import DOCUMENT_COLUMNS, Filters

    try:
        from parley import api

        rows = api.query_documents(_settings(config, db=db), Filters(country, type, since, until, publisher, limit))
    except ParleyError as exc:
        _fail(exc)
        return
    render_rows(rows, fmt, list(DOCUMENT_COLUMNS), "Documents",
                ["published", "publisher", "title", "events", "statements", "id"])


@app.command("link")
def link_cmd(
    targets: Annotated[list[str] | None, typer.Argument(help="Files or folders; none: what is stored.")] = None,
    db: DbOpt = None, config: ConfigOpt = None,
    fmt: LinkFormat = "json",
    multi: Annotated[bool, typer.Option("--multi", help="Only engagements with several reports.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Link every stored document again first.")] = False,
) -> None:
    """Group reports of the same engagement (from PATHs, or the database when none is given)."""
    from parley import api

    rejected: list[Rejected] = []
    try:
        settings = _settings(config, db=db)
        result = (api.link_paths(targets, settings, on_rejected=rejected.append) if targets
                  else api.link_stored(settings, rebuild=rebuild))
    except ParleyError as exc:
        _fail(exc)
        return
    _report(rejected)
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
    render_rows(rows, "table", ["id", "date", "type", "participants", "reports", "sides", "shared"], "Engagements")


@app.command()
def compare(
    engagement_id: Annotated[str, typer.Argument(help="An engagement id (`parley link --format table`).")],
    db: DbOpt = None, config: ConfigOpt = None,
    fmt: CompareFormat = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Each side's readout of one engagement, side by side."""
    from parley import api
    from parley.cli.output import comparison_text
    from parley.compare.render import to_html, to_markdown

    def to_json(c: Comparison) -> str:
        return json.dumps(c.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_text(c: Comparison) -> str:
        return comparison_text(c, colour=output is None and sys.stdout.isatty())

    renderers: dict[str, Callable[[Comparison], str]] = {
        "text": to_text, "markdown": to_markdown, "html": to_html, "json": to_json}
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
    country_a: Annotated[str, typer.Argument(callback=country_code, help="ISO3 (or a country name), e.g. GBR.")],
    country_b: Annotated[str, typer.Argument(callback=country_code, help="ISO3 (or a country name), e.g. CHN.")],
    db: DbOpt = None, config: ConfigOpt = None, fmt: TableFormat = "table",
    chart: Annotated[Path | None, typer.Option("--chart", help="Also draw the timeline (.png or .svg).")] = None,
) -> None:
    """Engagements between two countries over time, with each side's topic counts."""
    from parley import api

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
    columns = ["date", "type", "participants", "documents", f"{a}_topics", f"{b}_topics", "id"]
    render_rows(data, fmt, [*columns, f"{a}_topic_list", f"{b}_topic_list"], f"{a}–{b} engagements", columns)
    if chart:
        typer.echo(f"chart written to {chart}", err=True)


app.add_typer(registry_cli.app, name="registry")


def main() -> None:
    """Run the command line; usage errors are one line on stderr with exit status 2."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args=sys.argv[1:], prog_name="parley", standalone_mode=False)
    except cx.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "parley --help")
        code = 0
    except cx.UsageError as exc:
        typer.echo(f"error: {exc.format_message().replace('Value error, ', '')}", err=True)
        code = 2
    except cx.ClickException as exc:
        typer.echo(f"error: {exc.format_message()}", err=True)
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        code = 130
    sys.exit(code if isinstance(code, int) else 0)


from parley.cli import publish as _publish  # noqa: E402, F401  (registers export and serve)
from parley.cli import watch as _watch  # noqa: E402, F401  (registers watch and engagements)

if __name__ == "__main__":
    main()

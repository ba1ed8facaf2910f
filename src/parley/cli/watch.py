"""``parley watch``, ``parley engagements`` and ``parley export``: thin wrappers, as in ``main``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from parley.cli.main import ConfigOpt, DbOpt, FormatOpt, _fail, _render, _settings, app, err
from parley.errors import ConfigError, ParleyError
from parley.store import Filters
from parley.watch import PassReport, Watcher, load_sources
from parley.watch.queries import list_engagements
from parley.watch.sources import config_path


def _print_pass(report: PassReport) -> None:
    for s in report.sources:
        typer.echo(f"  {s.line()}")
        for rejected in s.rejected:
            err.print(f"  rejected {rejected.line()}", highlight=False, markup=False, soft_wrap=True)
    for n in report.notifications:
        e = n["engagement"]
        typer.echo(f"  {n['kind']}: {e['type']} {e['date'] or 'undated'} {'/'.join(e['sides'])} -> {e['state']}"
                   f"{' (missing ' + ', '.join(e['missing']) + ')' if e['missing'] else ''} [{e['id']}]")
    delivery = report.delivery
    typer.echo(f"  outbox: {report.outboxed} written; webhook: {delivery.delivered} delivered"
               f"{f', {delivery.failed} pending ({delivery.last_error})' if delivery.failed else ''}"
               f"{'; stopped' if report.stopped else ''}")
    sys.stdout.flush()


@app.command()
def watch(
    db: DbOpt = None, config: ConfigOpt = None,
    once: Annotated[bool, typer.Option("--once", help="One pass over the due sources, then exit (for cron).")] = False,
    allow_private: Annotated[bool | None, typer.Option("--allow-private",
                                                       help="Allow private/loopback URLs.")] = None,
    outbox: Annotated[str | None, typer.Option(help="Append-only events file (default events.jsonl).")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each state change here.")] = None,
) -> None:
    """Poll the sources listed in parley.toml, ingest what is new, and notify state changes."""
    try:
        settings = _settings(config, db=db, allow_private=allow_private, outbox=outbox, webhook_url=webhook)
        sources = load_sources(config_path(config), settings)
        if not sources:
            raise ConfigError(f"{config_path(config)}: no [[sources]] to watch")
        watcher = Watcher(settings, sources)
        passes = 0

        def on_pass(report: PassReport) -> None:
            nonlocal passes
            passes += 1
            typer.echo(f"pass {passes}: {len(sources)} source(s) -> {settings.db}")
            _print_pass(report)

        def on_error(exc: ParleyError) -> None:
            err.print(f"error: {exc} (retrying)", highlight=False, markup=False, soft_wrap=True)

        watcher.run(once=once, on_pass=on_pass, on_error=on_error)
    except ParleyError as exc:
        _fail(exc)


@app.command()
def engagements(
    db: DbOpt = None, config: ConfigOpt = None, fmt: FormatOpt = "table",
    state: Annotated[str | None, typer.Option(help="awaiting, one-sided, both or unofficial.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 of a participant, e.g. CHN.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="MEET, CALL or VISIT.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
) -> None:
    """List stored engagements with their state (has every side published its readout?)."""
    try:
        settings = _settings(config, db=db)
        rows = list_engagements(settings, Filters(country, type, since, until, None, limit), state)
    except ParleyError as exc:
        _fail(exc)
        return
    for row in rows:
        row.pop("participants", None)
    _render(rows, fmt, ["date", "type", "people", "state", "published", "missing", "deadline", "reports", "id"],
            "Engagements")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="plover (PLOVER JSONL).")] = "plover",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default stdout).")
                      ] = None,
    db: DbOpt = None, config: ConfigOpt = None,
    country: Annotated[str | None, typer.Option(help="ISO3 of a participant, e.g. CHN.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="MEET, CALL or VISIT.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY-MM-DD.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name contains.")] = None,
) -> None:
    """Export the stored events in a format of the field (PLOVER, for use beside POLECAT)."""
    from parley.formats import FORMATS, write_plover

    if fmt not in FORMATS:
        err.print(f"error: unknown format {fmt!r} ({', '.join(FORMATS)})")
        raise typer.Exit(2)
    try:
        settings = _settings(config, db=db)
        count, text = write_plover(settings, Filters(country, type, since, until, publisher, 10**9), output)
    except ParleyError as exc:
        _fail(exc)
        return
    if output:
        err.print(f"{count} PLOVER record(s) written to {output}", highlight=False)
    else:
        sys.stdout.write(text)

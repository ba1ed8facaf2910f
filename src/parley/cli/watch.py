"""``parley watch`` and ``parley engagements``: thin wrappers, as in ``main``."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from parley.cli.main import _fail, _settings, app
from parley.cli.options import ConfigOpt, Country, DbOpt, EventType, Limit, Since, TableFormat, Until
from parley.cli.output import render_rows
from parley.errors import ConfigError, ParleyError
from parley.store import Filters
from parley.watch import PassReport, Watcher, load_sources
from parley.watch.queries import list_engagements
from parley.watch.sources import config_path


def _print_pass(report: PassReport) -> None:
    for s in report.sources:
        typer.echo(f"  {s.line()}")
        for rejected in s.rejected:
            typer.echo(f"  rejected {rejected.line()}", err=True)
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
            typer.echo(f"error: {exc} (retrying)", err=True)

        watcher.run(once=once, on_pass=on_pass, on_error=on_error)
    except ParleyError as exc:
        _fail(exc)


@app.command()
def engagements(
    db: DbOpt = None, config: ConfigOpt = None, fmt: TableFormat = "table",
    state: Annotated[Literal["awaiting", "one-sided", "both", "unofficial"] | None,
                     typer.Option(help="awaiting, one-sided, both or unofficial.")] = None,
    country: Country = None, type: EventType = None, since: Since = None, until: Until = None,
    limit: Limit = 100,
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
    render_rows(rows, fmt, ["date", "type", "people", "state", "published", "missing", "deadline", "reports", "id"],
                "Engagements")

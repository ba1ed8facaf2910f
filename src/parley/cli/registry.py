"""``parley registry``: ask who held an office on a day, and refresh the registry from Wikidata.

The packaged registry ships with Parley and is read-only; ``import`` merges a saved Wikidata SPARQL
response into the user's registry file (setting ``registry_path``), which every lookup reads after
the packaged data.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from parley.config import load_settings
from parley.errors import ConfigError, InputError, NotFoundError, ParleyError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Office holders: who held an office on a day; import Wikidata results.")
err = Console(stderr=True)

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (default ./parley.toml).")]
RegistryOpt = Annotated[str | None, typer.Option("--registry", help="User registry file (PARLEY_REGISTRY_PATH).")]


def _fail(exc: ParleyError) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(exc.exit_code)


def _user_path(config: Path | None, registry: str | None) -> Path:
    from parley.extract.registry import user_registry_path

    return user_registry_path(load_settings(config_path=config, registry_path=registry).registry_path)


@app.command("who")
def who(
    title: Annotated[str, typer.Argument(help='The office as texts name it: "Prime Minister", "Secretary-General".')],
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166-1 alpha-3 code (JPN).")] = None,
    org: Annotated[str | None, typer.Option("--org", help="An organisation (UN, NATO, European Council).")] = None,
    on: Annotated[str | None, typer.Option("--on", help="The day, YYYY-MM-DD (default today).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    registry: RegistryOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Who held TITLE in --country or --org on --on."""
    from parley.extract.knowledge import knowledge

    try:
        if not country and not org:
            raise ConfigError("give --country ISO3 or --org NAME")
        day = on or dt.date.today().isoformat()
        try:
            dt.date.fromisoformat(day)
        except ValueError as exc:
            raise ConfigError(f"--on {day!r}: not a YYYY-MM-DD date") from exc
        kb = knowledge(str(_user_path(config, registry)))
        terms = kb.who(title, day, country=country, org=org)
        if not terms:
            where = country or org
            raise NotFoundError(f"no {title} of {where} on {day} in the registry")
    except ParleyError as exc:
        _fail(exc)
        return
    if fmt == "json":
        typer.echo(json.dumps([{"name": t.name, "office": t.office, "country": t.country, "organization": t.org,
                                "role": t.role, "from": t.start, "to": t.end, "source": t.source,
                                "verified_through": t.verified_through} for t in terms],
                              ensure_ascii=False, indent=2))
        return
    for t in terms:
        until = t.end or "present"
        note = f" (known to {t.verified_through})" if t.verified_through and not t.end else ""
        typer.echo(f"{t.name}\t{t.office}\t{t.start} to {until}{note}\tsource: {t.source}")


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Saved Wikidata SPARQL JSON results (see README).")],
    registry: RegistryOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Merge Wikidata position-held results into the user's registry file."""
    from parley.extract.registry import read_user_file, write_user_file
    from parley.extract.wikidata import ImportReport, import_file

    try:
        path = _user_path(config, registry)
        document = read_user_file(path)
        total = ImportReport()
        for file in files:
            try:
                report = import_file(file, document)
            except InputError as exc:
                err.print(f"rejected {exc}", highlight=False, markup=False, soft_wrap=True)
                total.skipped.append(str(exc))
                continue
            total.rows += report.rows
            total.added += report.added
            total.updated += report.updated
            for line in report.skipped:
                err.print(f"skipped {line}", highlight=False, markup=False, soft_wrap=True)
            total.skipped.extend(report.skipped)
        write_user_file(path, document)
    except ParleyError as exc:
        _fail(exc)
        return
    typer.echo(f"registry import: {total.rows} rows, {total.added} terms added, {total.updated} updated, "
               f"{len(total.skipped)} skipped -> {path}")

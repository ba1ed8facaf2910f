"""Validated command-line options shared by every ``parley`` command.

The CLI checks what it is given the way the JSON API does: a date that is not ISO, a type that is
not MEET/CALL/VISIT, a country that is neither an ISO3 code nor an unambiguous name, or a format
the command cannot write is refused with one line naming the option and the accepted forms (exit
2), instead of silently printing an empty or unfiltered table.  Kept free of heavy imports so that
``parley --help`` starts fast.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import typer

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD (a real calendar day) or YYYY-MM; anything else is refused."""
    if value is None:
        return None
    text = value.strip()
    month = _ISO_MONTH.match(text)
    if month and 1 <= int(month.group(2)) <= 12:
        return text
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD (or YYYY-MM), e.g. 2024-03-01")


EVENT_TYPES = ("MEET", "CALL", "VISIT")


def event_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.strip().upper() in EVENT_TYPES:
        return value.strip().upper()
    raise typer.BadParameter(f"{value!r} is not an event type; use MEET, CALL or VISIT")


@cache
def _countries() -> tuple[frozenset[str], dict[str, set[str]]]:
    raw = resources.files("parley.data").joinpath("countries.json").read_text(encoding="utf-8")
    codes: set[str] = set()
    names: dict[str, set[str]] = {}
    for c in json.loads(raw)["countries"]:
        codes.add(c["iso3"])
        for name in (c["name"], *c.get("names", ())):
            names.setdefault(name.casefold(), set()).add(c["iso3"])
    return frozenset(codes), names


def country_code(value: str | None) -> str | None:
    """An ISO3 code, or a country name that maps to exactly one (the mapping is announced)."""
    if value is None:
        return None
    codes, names = _countries()
    text = value.strip()
    if text.upper() in codes:
        return text.upper()
    found = names.get(text.casefold(), set())
    if len(found) == 1:
        code = next(iter(found))
        typer.echo(f"note: country {value!r} read as {code}", err=True)
        return code
    if len(found) > 1:
        raise typer.BadParameter(f"{value!r} names several countries ({', '.join(sorted(found))}); "
                                 "give the ISO3 code")
    raise typer.BadParameter(f"{value!r} is not an ISO3 country code (e.g. CHN, GBR, USA) or a country name")


DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite path or postgresql:// URL (PARLEY_DB).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (default ./parley.toml).")]
TableFormat = Annotated[Literal["table", "csv", "json"],
                        typer.Option("--format", "-f", help="Output format: table, csv or json.")]
LinkFormat = Annotated[Literal["json", "table"], typer.Option("--format", "-f", help="Output format: json or table.")]
ExtractFormat = Annotated[Literal["jsonl", "json"],
                          typer.Option("--format", "-f", help="Output format: jsonl (one document a line) or json.")]
CompareFormat = Annotated[Literal["text", "markdown", "json", "html"],
                          typer.Option("--format", "-f", help="text (for the terminal), markdown, json or html.")]
Country = Annotated[str | None, typer.Option(callback=country_code,
                                             help="ISO3 of a participant, e.g. CHN (or an unambiguous name).")]
EventType = Annotated[str | None, typer.Option("--type", callback=event_type, help="MEET, CALL or VISIT.")]
Limit = Annotated[int, typer.Option(min=1, max=1_000_000, help="At most this many rows.")]
SpacyModel = Annotated[str | None, typer.Option("--spacy-model",
                                                help="Installed spaCy pipeline to use (default en_core_web_sm).")]
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Allow fetching private/loopback URLs.")]

Since = Annotated[str | None, typer.Option(callback=iso_date, help="Earliest date, YYYY-MM-DD (or YYYY-MM).")]
Until = Annotated[str | None, typer.Option(callback=iso_date, help="Latest date, YYYY-MM-DD (or YYYY-MM).")]

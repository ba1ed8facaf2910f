"""Refreshing the registry from Wikidata: read SPARQL JSON results and merge them into a user file.

Wikidata models "X held office Y from A to B" as a *position held* (P39) statement with *start
time* (P580) and *end time* (P582) qualifiers; the query in the README returns one row per such
statement, already mapped to Parley's roles.  The packaged registry is never written: imports go
to the user-level file named by the ``registry_path`` setting, which the registry reads after the
packaged data.  Importing the same response twice changes nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.errors import InputError

ROLES = frozenset({
    "head_of_state", "head_of_government", "prime_minister", "foreign_minister",
    "secretary_general", "director_general", "managing_director", "president_world_bank",
    "chairperson_au_commission", "president_european_council", "president_european_commission",
    "high_representative", "national_security_advisor",
})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)")
SOURCE = "Wikidata: position held (P39) with start time (P580) and end time (P582), via SPARQL"


@dataclass(frozen=True, slots=True)
class Row:
    """One position-held statement, validated."""

    name: str
    role: str
    country: str | None
    org: str | None
    start: str
    end: str | None
    aliases: tuple[str, ...]
    title: str | None
    qid: str | None


@dataclass(slots=True)
class ImportReport:
    """What an import did: rows read, terms added or updated, rows skipped with reasons."""

    rows: int = 0
    added: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)


def _value(binding: dict[str, Any], var: str) -> str | None:
    cell = binding.get(var)
    if not isinstance(cell, dict) or not isinstance(cell.get("value"), str):
        return None
    return cell["value"].strip() or None


def _day(value: str | None) -> str | None:
    m = _DAY.match(value or "")
    return m.group(1) if m else None


def parse_results(data: Any, source: str = "response") -> tuple[list[Row], list[str]]:
    """The rows of a SPARQL JSON result (``head.vars``, ``results.bindings``), and one reason per
    row that could not be used."""
    if not isinstance(data, dict) or not isinstance(data.get("head", {}).get("vars"), list) \
            or not isinstance(data.get("results", {}).get("bindings"), list):
        raise InputError(f"{source}: not SPARQL JSON results (no head.vars / results.bindings)")
    wanted = set(data["head"]["vars"])
    missing = {"personLabel", "role", "start"} - wanted
    if missing or not wanted & {"iso3", "orgLabel"}:
        need = sorted(missing) or ["iso3 or orgLabel"]
        raise InputError(f"{source}: the query must select {', '.join(need)}")
    rows: list[Row] = []
    skipped: list[str] = []
    for n, b in enumerate(data["results"]["bindings"], 1):
        name, role = _value(b, "personLabel"), _value(b, "role")
        start, end_raw = _day(_value(b, "start")), _value(b, "end")
        iso3, org = _value(b, "iso3"), _value(b, "orgLabel")
        qid = (_value(b, "person") or "").rsplit("/", 1)[-1] or None
        reason = None
        if not name or (qid and name == qid):
            reason = "no English label"
        elif role not in ROLES:
            reason = f"unknown role {role!r}"
        elif start is None:
            reason = "no start date"
        elif end_raw is not None and _day(end_raw) is None:
            reason = f"unreadable end date {end_raw!r}"
        elif iso3 is not None and not _ISO3.match(iso3):
            reason = f"not an ISO3 code {iso3!r}"
        elif iso3 is None and org is None:
            reason = "neither a country nor an organisation"
        elif end_raw is not None and (_day(end_raw) or "") < start:
            reason = "ends before it starts"
        if reason:
            skipped.append(f"{source}: row {n} ({name or '?'}): {reason}")
            continue
        assert name and role and start
        aliases = tuple(a.strip() for a in (_value(b, "personAltLabel") or "").split(",")
                        if a.strip() and a.strip() != name)
        rows.append(Row(name, role, iso3, None if iso3 else org, start, _day(end_raw), aliases,
                        _value(b, "positionLabel"), qid))
    return rows, skipped


def merge(document: dict[str, Any], rows: list[Row], report: ImportReport) -> dict[str, Any]:
    """Merge rows into a registry document (in place, and returned)."""
    offices = {o["id"]: o for o in document.setdefault("offices", [])}
    for row in rows:
        scope = row.country or row.org or ""
        oid = f"{scope}.{row.role}"
        office = offices.get(oid)
        if office is None:
            office = {"id": oid, "country": row.country, "org": row.org, "role": row.role,
                      "titles": [row.title] if row.title else [], "source": SOURCE, "holders": []}
            offices[oid] = office
            document["offices"].append(office)
        elif row.title and row.title not in office["titles"]:
            office["titles"].append(row.title)
        holder = next((h for h in office["holders"] if h["from"] == row.start and (
            (row.qid and h.get("wikidata") == row.qid) or h["name"] == row.name)), None)
        if holder is None:
            holder = {"name": row.name, "from": row.start, "to": row.end}
            if row.qid:
                holder["wikidata"] = row.qid
            if row.aliases:
                holder["aliases"] = list(row.aliases)
            office["holders"].append(holder)
            report.added += 1
        else:
            before = json.dumps(holder, sort_keys=True)
            if row.end and holder.get("to") != row.end:
                holder["to"] = row.end
            new_aliases = [a for a in row.aliases if a not in holder.get("aliases", [])]
            if new_aliases:
                holder["aliases"] = [*holder.get("aliases", []), *new_aliases]
            if row.qid and not holder.get("wikidata"):
                holder["wikidata"] = row.qid
            if json.dumps(holder, sort_keys=True) != before:
                report.updated += 1
        office["holders"].sort(key=lambda h: (h["from"], h["name"]))
    return document


def import_file(path: Path, document: dict[str, Any]) -> ImportReport:
    """Read a saved SPARQL response and merge it into ``document``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not readable JSON ({exc})") from exc
    rows, skipped = parse_results(data, str(path))
    report = ImportReport(rows=len(rows) + len(skipped), skipped=skipped)
    merge(document, rows, report)
    return report

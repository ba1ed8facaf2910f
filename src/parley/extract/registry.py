"""The registry of office holders: who held which office on which day.

The packaged data (``parley/data/offices.json`` and ``parley/data/registry/*.json``) is read-only
and versioned with the code; a user-level file (setting ``registry_path``) adds or corrects terms,
usually from a Wikidata query imported with ``parley registry import``.  All files share one shape:
``{"offices": [{"id", "country" | "org", "role", "titles", "source", "holders": [{"name", "from",
"to", "aliases", "verified_through"}]}]}``.

Lookups are by office (a state's ISO3 code or an organisation's name, plus a role) and a day; each
office keeps its terms sorted by start so that a lookup is a bisection, not a scan of every term.
"""

from __future__ import annotations

import bisect
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from parley.errors import InputError


@dataclass(frozen=True, slots=True)
class Term:
    """One person's term in one office."""

    office: str
    country: str | None
    org: str | None
    role: str
    name: str
    start: str
    end: str | None
    title: str = ""  # how English texts usually name the office ("Prime Minister")
    source: str = ""  # the list page or government page the term comes from
    verified_through: str | None = None  # "YYYY-MM": the end (or continuation) is known to then


@dataclass(frozen=True, slots=True)
class Office:
    """One office: a state's or an organisation's role, with the titles texts give it."""

    id: str
    country: str | None
    org: str | None
    role: str
    titles: tuple[str, ...]
    publishers: tuple[str, ...]  # organisations whose own readouts mean this office by a bare title
    source: str


def day_key(value: str, end: bool = False) -> str:
    """A comparable ISO day for a date of day, month or year precision.

    A query month ("2024-05") stands for its middle; a term bound of month or year precision for
    its first day, so a term "from 2005-03" covers the whole of March and one "to 2005-03" none of it.
    """
    if len(value) >= 10:
        return value[:10]
    if len(value) == 7:
        return f"{value}-01"
    if len(value) == 4:
        return f"{value}-01-01"
    raise ValueError(f"not an ISO date: {value!r}")


def query_day(on: str) -> str:
    """The day a lookup "on" a date of some precision asks about (a month's middle, a year's)."""
    if len(on) == 7:
        return f"{on}-15"
    if len(on) == 4:
        return f"{on}-07-01"
    return on[:10]


class Registry:
    """Terms indexed by office and start date."""

    def __init__(self, documents: Iterable[dict[str, Any]]) -> None:
        self.offices: dict[str, Office] = {}
        self.aliases: dict[str, list[str]] = {}  # canonical name -> other spellings
        # (scope, role, name, start) -> term: a later file (the user's) replaces a packaged term
        # of the same person and start, e.g. to close it with an end date.
        found: dict[tuple[str, str, str, str], Term] = {}
        for document in documents:
            default_source = "; ".join(s.get("name", "") for s in document.get("sources", [])[:1])
            for raw in document.get("offices", []):
                self._add_office(raw, default_source, found)
        self.terms: list[Term] = list(found.values())
        self._by_office: dict[tuple[str, str], list[Term]] = {}
        self._by_name: dict[str, list[Term]] = {}
        for term in self.terms:
            self._by_office.setdefault((term.country or term.org or "", term.role), []).append(term)
            self._by_name.setdefault(term.name, []).append(term)
        # the registry's own present: the latest day a term begins or ends (open terms run to it), so
        # that reading by it gives the same answer on any day the software runs
        self.present = max((date.fromisoformat(day_key(d)) for t in self.terms for d in (t.start, t.end) if d),
                           default=date(2000, 1, 1))
        self._starts: dict[tuple[str, str], list[str]] = {}
        for key, terms in self._by_office.items():
            terms.sort(key=lambda t: (day_key(t.start), t.name))
            self._starts[key] = [day_key(t.start) for t in terms]

    def _add_office(self, raw: dict[str, Any], default_source: str,
                    found: dict[tuple[str, str, str, str], Term]) -> None:
        office = Office(raw["id"], raw.get("country"), raw.get("org"), raw["role"],
                        tuple(raw.get("titles", [])), tuple(raw.get("publishers", [])),
                        _source_text(raw.get("source")) or default_source)
        known = self.offices.get(office.id)
        if known is not None and office.titles:
            extra = tuple(t for t in office.titles if t not in known.titles)
            office = Office(known.id, known.country, known.org, known.role, known.titles + extra,
                            known.publishers, known.source)
        self.offices[office.id] = known if known is not None and not office.titles else office
        scope = office.country or office.org or ""
        for h in raw.get("holders", []):
            term = Term(office.id, office.country, office.org, office.role, h["name"], h["from"],
                        h.get("to"), office.titles[0] if office.titles else "",
                        _source_text(h.get("source")) or office.source, h.get("verified_through"))
            found[(scope, office.role, term.name, term.start)] = term
            spellings = self.aliases.setdefault(term.name, [])
            spellings.extend(a for a in h.get("aliases", []) if a not in spellings)

    def holder(self, scope: str, role: str, on: str) -> Term | None:
        """The term of ``role`` in ``scope`` (ISO3 or organisation name) covering the date ``on``.

        Where terms overlap (an acting holder, a disputed handover), the one begun latest wins.
        """
        key = (scope, role)
        terms = self._by_office.get(key)
        if not terms:
            return None
        day = query_day(on)
        i = bisect.bisect_right(self._starts[key], day)
        for term in reversed(terms[:i]):
            if term.end is None or day < day_key(term.end, end=True):
                return term
        return None

    def holders_of_role(self, role: str, on: str, orgs_only: bool = False) -> list[Term]:
        """Every office's holder of ``role`` on ``on`` (an organisation's, with ``orgs_only``)."""
        found = []
        for (scope, r) in self._by_office:
            if r != role:
                continue
            term = self.holder(scope, r, on)
            if term and (not orgs_only or term.org):
                found.append(term)
        return found

    def terms_of(self, name: str) -> list[Term]:
        return list(self._by_name.get(name, []))

    def names(self) -> Iterable[str]:
        return self._by_name.keys()

    def scopes(self) -> set[str]:
        return {scope for scope, _ in self._by_office}


def day_in_office(names: Iterable[str], registry: Registry) -> str | None:
    """The day by which to read the offices of a page that carries no date at all: the middle of
    the latest span in which every registry person it names held one of their offices ("the
    President of the Republic met ... François Hollande" in an undated presidency page: within
    Hollande's term).  None when the page names no one the registry knows or when their terms
    never meet (a leader recalled from years before), so that nothing is read by a wrong day."""
    spans: list[tuple[date, date]] | None = None
    for name in dict.fromkeys(names):
        own = [(date.fromisoformat(day_key(t.start)), date.fromisoformat(day_key(t.end)) if t.end else registry.present)
               for t in registry.terms_of(name)]
        if not own:
            continue
        spans = own if spans is None else [(max(a, c), min(b, d)) for a, b in spans for c, d in own
                                           if max(a, c) < min(b, d)]
        if not spans:
            return None
    if not spans:
        return None
    start, end = max(spans)
    return (start + (end - start) / 2).isoformat()


def _source_text(source: Any) -> str:
    if isinstance(source, dict):
        return str(source.get("name") or source.get("url") or "")
    return str(source or "")


def packaged_documents() -> list[dict[str, Any]]:
    """The bundled registry files: ``offices.json`` first, then ``registry/*.json`` by name."""
    data = resources.files("parley.data")
    docs = [json.loads(data.joinpath("offices.json").read_text(encoding="utf-8"))]
    folder = data.joinpath("registry")
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json"):
                docs.append(json.loads(entry.read_text(encoding="utf-8")))
    return docs


def read_user_file(path: Path) -> dict[str, Any]:
    """The user's registry file, or an empty one when it does not exist yet."""
    if not path.exists():
        return {"about": "User-level office holders merged by `parley registry import`.", "offices": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable registry file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("offices"), list):
        raise InputError(f"{path}: not a registry file (no 'offices' list)")
    return data


def write_user_file(path: Path, data: dict[str, Any]) -> None:
    """Write the user's registry atomically: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def user_registry_path(setting: str = "") -> Path:
    """Where the user's registry lives: the ``registry_path`` setting, else the user data dir."""
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "parley" / "registry.json"

"""The bundled knowledge files, loaded once and indexed for the extractor.

Office holders, countries, organisations, titles and topic cues are data, not code: they live in
``parley/data/*.json`` with their sources named, and this module only builds lookup structures over
them.  Everything here is immutable after loading and shared by all documents (and, with
``--processes``, copied once per worker).
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token


def _load(name: str) -> Any:
    return json.loads(resources.files("parley.data").joinpath(name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower-case ASCII form used to compare names ("Fernández" == "fernandez")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


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


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    country: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    role: str | None
    country: str | None
    bare_only: bool


class Knowledge:
    """Indexes over the data files; build with :func:`knowledge`."""

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self.office_titles: dict[tuple[str | None, str], set[str]] = {}
        self.person_aliases: dict[str, str] = {}  # folded alias -> canonical name
        surfaces: set[str] = set()  # names and aliases as written, for the gazetteer regex
        for office in _load("offices.json")["offices"]:
            self.office_titles.setdefault((office.get("country"), office["role"]), set()).update(
                t.lower() for t in office.get("titles", []))
            for h in office["holders"]:
                term = Term(office["id"], office.get("country"), office.get("org"), office["role"],
                            h["name"], h["from"], h.get("to"), (office.get("titles") or [""])[0])
                self.terms.append(term)
                for alias in [h["name"], *h.get("aliases", [])]:
                    self.person_aliases.setdefault(fold(alias), h["name"])
                    surfaces.add(alias)
        self.person_country: dict[str, str | None] = {}
        for t in self.terms:
            self.person_country.setdefault(t.name, t.country)
        # Surname (or Chinese family name) -> canonical names carrying it.
        self.by_token: dict[str, set[str]] = {}
        for alias, name in self.person_aliases.items():
            for token in alias.replace("-", " ").split():
                if len(token) > 1:
                    self.by_token.setdefault(token, set()).add(name)

        self.countries: dict[str, str] = {}  # name/adjective/short form -> iso3 (case-sensitive)
        self.country_names: dict[str, str] = {}  # iso3 -> preferred English name
        self.places: dict[str, str] = {}  # city or venue -> iso3
        self.country_nouns: dict[str, str] = {}  # names only (no adjectives): places
        for c in _load("countries.json")["countries"]:
            iso = c["iso3"]
            self.country_names[iso] = c["name"]
            for form in [c["name"], *c.get("names", []), *c.get("adjectives", [])]:
                self.countries.setdefault(form, iso)
            for form in [c["name"], *c.get("names", [])]:
                self.country_nouns.setdefault(form, iso)
            for city in [c.get("capital"), *c.get("cities", [])]:
                if city:
                    self.places.setdefault(city, iso)

        self.orgs: dict[str, Organization] = {}  # alias -> organisation
        self.domains: dict[str, Organization] = {}
        for o in _load("organizations.json")["organizations"]:
            org = Organization(o["name"], o.get("country"), o.get("kind", "government"))
            for alias in [o["name"], *o.get("aliases", [])]:
                self.orgs.setdefault(alias, org)
            for domain in o.get("domains", []):
                self.domains.setdefault(domain.lower(), org)

        titles = _load("titles.json")
        self.titles = sorted(
            (Title(t["title"], t.get("role"), t.get("country"), bool(t.get("bare_only")))
             for t in titles["titles"]),
            key=lambda t: -len(t.title),
        )
        self.title_index = {t.title.lower(): t for t in self.titles}
        self.title_words = {w for t in self.titles for w in t.title.split() if w[:1].isupper()} | {
            "Meets", "Meeting", "Meet", "Call", "Calls", "Talks", "Talk", "Holds", "Visit", "Visits",
            "Readout", "Summit", "Telephone", "Conversation", "Speaks", "Hails", "Discusses"}
        self.honorifics = sorted(titles["honorifics"], key=len, reverse=True)
        self.presidential = frozenset(titles.get("leader_roles", {}).get("head_of_state", []))
        self.name_suffixes = titles["name_suffixes"]

        cues = _load("topic_cues.json")["topics"]
        self.topic_cues: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
        for slug, spec in cues.items():
            cue = re.compile(r"(?<![\w-])(?:" + "|".join(spec["cues"]) + r")(?!\w)", re.IGNORECASE)
            exc = (re.compile("|".join(spec["exclude"]), re.IGNORECASE) if spec.get("exclude") else None)
            self.topic_cues[slug] = (cue, exc)
        self.topic_slugs = tuple(_load("topics.json")["topics"])

        self.country_re = _alternation(self.countries)
        self.place_re = _alternation(set(self.places) | set(self.country_nouns))
        self.org_re = _alternation(self.orgs)
        self.person_re = _alternation(surfaces)

    def holder(self, country: str | None, role: str, on: str | None) -> str | None:
        """Who held ``role`` for ``country`` on the ISO date ``on`` (None if unknown)."""
        if not on:
            return None
        day = on if len(on) == 10 else f"{on}-15"
        for t in self.terms:
            if t.role == role and (t.country == country or (country is None and t.org)) \
                    and t.start <= day and (t.end is None or day < t.end):
                return t.name
        return None

    def leader(self, country: str, on: str | None, presidents: bool = False) -> str | None:
        """The person a text means by a country's "leader" (or "President") on a date."""
        role = "head_of_state" if presidents or country in self.presidential else "head_of_government"
        return self.holder(country, role, on)

    def office_has_title(self, country: str, role: str, title: str) -> bool:
        """Whether ``country``'s office ``role`` is called ``title`` ("President" is not the
        British head of state's title; "Prime Minister" is the head of government's)."""
        titles = self.office_titles.get((country, role), set())
        wanted = title.lower()
        return wanted in titles or any(t.endswith(" " + wanted) or t.startswith(wanted + " ") for t in titles)

    def terms_of(self, name: str) -> list[Term]:
        return [t for t in self.terms if t.name == name]

    def person(self, surface: str, on: str | None = None, country: str | None = None) -> str | None:
        """The registry person a name or surname refers to, preferring who was in office ``on``."""
        folded = fold(surface)
        if folded in self.person_aliases:
            return self.person_aliases[folded]
        tokens = folded.replace("-", " ").split()
        if len(tokens) != 1:
            return None
        names = self.by_token.get(tokens[0], set())
        if country:
            names = {n for n in names if self.person_country.get(n) == country}
        if len(names) == 1:
            return next(iter(names))
        if on and names:
            day = on if len(on) == 10 else f"{on}-15"
            current = {t.name for t in self.terms if t.name in names and t.start <= day
                       and (t.end is None or day < t.end)}
            if len(current) == 1:
                return next(iter(current))
        return None

    def org_of_publisher(self, publisher: str | None, url: str | None) -> Organization | None:
        """The organisation behind a publisher name (or, failing that, the URL's domain)."""
        if publisher:
            for m in self.org_re.finditer(publisher):
                return self.orgs[m.group(0)]
        if url:
            host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
            parts = host.split(".")
            for i in range(len(parts) - 1):
                org = self.domains.get(".".join(parts[i:]))
                if org:
                    return org
        return None


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a parsed text, computed once per Doc (spaCy recomputes ``doc.sents``
    on every access, which dominated the extractor's own time)."""
    cached = doc.user_data.get("parley_sents")
    if cached is None:
        cached = list(doc.sents) if len(doc) else []
        doc.user_data["parley_sents"] = cached
    return cached


def sentence_of(tok: Token) -> Span:
    """The sentence holding ``tok``, from the cached list."""
    sents = sentences(tok.doc)
    starts = tok.doc.user_data.get("parley_starts")
    if starts is None:
        starts = tok.doc.user_data["parley_starts"] = [s.start for s in sents]
    return sents[bisect.bisect_right(starts, tok.i) - 1]


def _alternation(words: Any) -> re.Pattern[str]:
    """One regex matching any of ``words`` as whole words, longest first."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])")


@cache
def knowledge() -> Knowledge:
    """The process-wide knowledge base (loaded on first use)."""
    return Knowledge()

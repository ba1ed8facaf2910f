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
from datetime import date, timedelta
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from parley.extract.registry import Registry, Term, packaged_documents, read_user_file

__all__ = ["Knowledge", "Organization", "Term", "Title", "fold", "knowledge"]


def _load(name: str) -> Any:
    return json.loads(resources.files("parley.data").joinpath(name).read_text(encoding="utf-8"))


_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM"})


def fold(text: str) -> str:
    """Lower-case ASCII form used to compare names ("Fernández" == "fernandez")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    country: str | None
    kind: str
    parent: str | None = None  # the body an institution belongs to ("European Commission": EU)


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    role: str | None
    country: str | None
    bare_only: bool
    org: str | None = None  # "UN Secretary-General" names the United Nations' office


class Knowledge:
    """Indexes over the data files; build with :func:`knowledge`."""

    def __init__(self, extra: list[dict[str, Any]] | None = None) -> None:
        self.registry = Registry([*packaged_documents(), *(extra or [])])
        self.terms: list[Term] = self.registry.terms
        self.office_titles: dict[tuple[str | None, str], set[str]] = {}
        for office in self.registry.offices.values():
            self.office_titles.setdefault((office.country or office.org, office.role), set()).update(
                t.lower() for t in office.titles)
        self.person_aliases: dict[str, str] = {}  # folded alias -> canonical name
        surfaces: set[str] = set()  # names and aliases as written, for the gazetteer regex
        for name in self.registry.names():
            for alias in [name, *self.registry.aliases.get(name, [])]:
                self.person_aliases.setdefault(fold(alias), name)
                surfaces.add(alias)
        # The state a registry person acts for: that of their latest term, so a national leader
        # who went on to head an organisation ("Guterres", "Rutte") is the organisation's (None).
        self.person_country: dict[str, str | None] = {}
        for name in self.registry.names():
            terms = self.registry.terms_of(name)
            start = max(t.start for t in terms)
            countries = {t.country for t in terms if t.start == start}
            # A monarch of several realms acts for whichever state the text says: no default.
            self.person_country[name] = countries.pop() if len(countries) == 1 else None
        # Short names: a person's family name stands for them whenever it is unique; their other
        # outer name (a given name: "Sheikh Mohamed") only for someone in office on the day.  The
        # family name is the last word, or the first in East Asian order ("Moon Jae-in", "Xi
        # Jinping"; "Ban Ki-moon" is never "Moon").  Middle words are nobody's short name.
        self.by_token: dict[str, set[str]] = {}
        self.by_first: dict[str, set[str]] = {}
        for alias, name in self.person_aliases.items():
            words = alias.split()
            if len(words) < 2:
                continue
            family, other = (words[0], words[-1]) if self._family_first(name) else (words[-1], words[0])
            if len(family) > 1:
                self.by_token.setdefault(family, set()).add(name)
            if len(other) > 1:
                self.by_first.setdefault(other, set()).add(name)

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
            org = Organization(o["name"], o.get("country"), o.get("kind", "government"), o.get("parent"))
            for alias in [o["name"], *o.get("aliases", [])]:
                self.orgs.setdefault(alias, org)
            for domain in o.get("domains", []):
                self.domains.setdefault(domain.lower(), org)

        titles = _load("titles.json")
        self.titles = sorted(
            (Title(t["title"], t.get("role"), t.get("country"), bool(t.get("bare_only")), t.get("org"))
             for t in titles["titles"]),
            key=lambda t: -len(t.title),
        )
        self.title_index = {t.title.lower(): t for t in self.titles}
        self.held_titles = frozenset(k for k, t in self.title_index.items() if t.role)  # registry offices
        self.title_words = {w for t in self.titles for w in t.title.split() if w[:1].isupper()} | {
            "Meets", "Meeting", "Meet", "Call", "Calls", "Talks", "Talk", "Holds", "Visit", "Visits",
            "Readout", "Summit", "Telephone", "Conversation", "Speaks", "Hails", "Discusses"}
        self.honorifics = sorted(titles["honorifics"], key=len, reverse=True)
        self.honorific_words = frozenset(w for h in self.honorifics for w in h.split())
        self.portfolio_words = frozenset(titles["portfolio_words"])
        # the words of long styles ("Akka Moha Sena Padei Techo"), never a name on their own
        self.style_words = frozenset(w for h in self.honorifics if len(h.split()) >= 3 for w in h.split())
        self.presidential = frozenset(titles.get("leader_roles", {}).get("head_of_state", []))
        self.name_suffixes = titles["name_suffixes"]
        self.surname_titles = frozenset(titles["surname_titles"])  # "Amy Pope", "Angus King": a family name

        cues = _load("topic_cues.json")["topics"]
        self.topic_cues: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
        for slug, spec in cues.items():
            cue = re.compile(r"(?<![\w-])(?:" + "|".join(spec["cues"]) + r")(?!\w)", re.IGNORECASE)
            exc = (re.compile("|".join(spec["exclude"]), re.IGNORECASE) if spec.get("exclude") else None)
            self.topic_cues[slug] = (cue, exc)
        self.topic_slugs = tuple(_load("topics.json")["topics"])

        self._surfaces = surfaces

    def _family_first(self, name: str) -> bool:
        """Whether ``name`` is written family name first: a registry person of an East Asian
        state, or a Korean-style hyphenated given name at the end ("Ban Ki-moon")."""
        if any(t.country in _FAMILY_FIRST for t in self.registry.terms_of(name)):
            return True
        last = name.split()[-1]
        return "-" in last and last.split("-")[-1][:1].islower()

    # The gazetteer regexes are compiled on first use: a lookup in the registry alone (``parley
    # registry who``) does not pay for them, and the extractor pays once per process.
    @cached_property
    def country_re(self) -> re.Pattern[str]:
        return _alternation(self.countries, r"(?<!\bNew )")  # (not "New Jersey", "New Mexico": no state)

    @cached_property
    def place_re(self) -> re.Pattern[str]:
        return _alternation(set(self.places) | set(self.country_nouns))

    @cached_property
    def org_re(self) -> re.Pattern[str]:
        return _alternation(self.orgs)

    @cached_property
    def person_re(self) -> re.Pattern[str]:
        return _alternation(self._surfaces)

    def holder(self, country: str | None, role: str, on: str | None, org: str | None = None,
               title: str | None = None) -> str | None:
        """Who held ``role`` for ``country`` (or the organisation ``org``) on the ISO date ``on``.

        Without either, only an organisation's office of that role can answer (the EU's High
        Representative); never a state's, so no office falls back to a default country.
        """
        if not on:
            return None
        if country and title:
            role = self.role_titled(country, role, title)
        if country or org:
            term = self.registry.holder(country or org or "", role, on)
            return term.name if term else None
        found = {t.name for t in self.registry.holders_of_role(role, on, orgs_only=True)}
        return next(iter(found)) if len(found) == 1 else None

    def role_titled(self, country: str, role: str, title: str) -> str:
        """The role of ``country``'s office that ``title`` names: Iran's "President" heads its
        government (the Supreme Leader is head of state), Korea's "Prime Minister" is not its
        head of government.  ``role`` (from titles.json) when no office or several claim it."""
        wanted = title.lower()
        roles = {r for (scope, r), titles in self.office_titles.items() if scope == country and wanted in titles}
        if role in roles or len(roles) != 1:
            return role
        return next(iter(roles))

    def org_office(self, title: str, org: str | None, on: str | None, role: str | None = None) -> Term | None:
        """The holder on ``on`` of the office an organisation's own text means by a bare ``title``.

        "The Secretary-General" in a UN readout is the UN Secretary-General of that day, in a NATO
        readout NATO's; "the President" in a European Council readout is that Council's President.
        An office belongs to the organisation that names it (or lists it in ``publishers``); when
        more than one of its offices fits the title the text is ambiguous and nothing is returned.
        """
        if not org or not on:
            return None
        names = {org}
        parent = self.orgs.get(org)
        if parent is not None and parent.parent:
            names.add(parent.parent)
        wanted = title.lower()
        fits = []
        for office in self.registry.offices.values():
            if office.country or not (office.org in names or names & set(office.publishers)):
                continue
            titles = [t.lower() for t in office.titles]
            if wanted in titles or any(t.startswith(wanted + " ") or t.endswith(" " + wanted) for t in titles) \
                    or (role is not None and office.role == role):  # "the EU foreign policy chief"
                fits.append(office)
        own = [o for o in fits if org in o.publishers] or [o for o in fits if o.org == org] or fits
        if len(own) != 1:
            return None
        return self.registry.holder(own[0].org or "", own[0].role, on)

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

    def who(self, title: str, on: str, country: str | None = None, org: str | None = None) -> list[Term]:
        """Who held the office called ``title`` in ``country`` or the organisation ``org`` on ``on``.

        The office is found by its own titles first ("Prime Minister" in Korea is the Prime
        Minister, not the head of government), then by the role the title names in titles.json.
        """
        scopes: set[str] = set()
        if country:
            scopes.add(country.upper())
        if org:
            found = self.orgs.get(org) or next((o for a, o in self.orgs.items() if a.lower() == org.lower()), None)
            own = self.org_office(title, found.name if found else org, on)
            if own is not None:
                return [own]
            scopes.update(n for n in ([found.name, found.parent] if found else [org]) if n)
        wanted = title.strip().lower()
        offices = [o for o in self.registry.offices.values() if (o.country or o.org) in scopes]
        exact = [o for o in offices if wanted in (t.lower() for t in o.titles)]
        if not exact:
            spec = self.title_index.get(wanted)
            exact = [o for o in offices if spec is not None and o.role == spec.role]
        terms = [self.registry.holder(o.country or o.org or "", o.role, on) for o in exact]
        found_terms = [t for t in terms if t is not None]
        return list({(t.name, t.office): t for t in found_terms}.values())

    def terms_of(self, name: str) -> list[Term]:
        return self.registry.terms_of(name)

    def person(self, surface: str, on: str | None = None, country: str | None = None, given: bool = False
               ) -> str | None:
        """The registry person a name or surname refers to, preferring who was in office ``on``
        (``given``: a given name first, after "Sheikh" or "Prince")."""
        folded = fold(surface)
        if folded in self.person_aliases:
            return self.person_aliases[folded]
        tokens = folded.replace("-", " ").split()
        if len(tokens) != 1:
            return None
        day = (on if len(on) == 10 else f"{on}-15") if on else None

        def in_office(name: str) -> bool:
            return day is not None and any(t.start <= day and (t.end is None or day < t.end)
                                           for t in self.registry.terms_of(name))

        since = f"{int(day[:4]) - 3}{day[4:]}" if day else ""  # (or about to take office: "President-elect
        soon = (date.fromisoformat(day[:10]) + timedelta(days=100)).isoformat() if day else ""  # Obama" in November)
        def recent(name: str) -> bool:
            return any(t.start <= soon and (t.end is None or t.end >= since) for t in self.registry.terms_of(name))

        surnames = self.by_token.get(tokens[0], set())
        firsts = self.by_first.get(tokens[0], set())
        # Tiers of evidence, strongest first; the first tier with any candidate decides, and an
        # ambiguous tier decides "unknown" (the document's own people then resolve the name).
        # With a world registry a surname alone is weak: on a known day it names only someone in
        # office then, or in the three years before ("Song" in 2019 is not the Song who left
        # office in 2008); a first word ("Sheikh Mohamed", "Xi") only someone in office.
        if day is None:
            tiers = [surnames, firsts]
        else:
            now = [{n for n in surnames if in_office(n)}, {n for n in firsts if in_office(n)}]
            tiers = [*(now[::-1] if given else now), {n for n in surnames if recent(n)}]
        for tier in tiers:
            found = {n for n in tier if self.person_country.get(n) == country} if country else tier
            if found:
                return next(iter(found)) if len(found) == 1 else None
        return None

    def org_of_publisher(self, publisher: str | None, url: str | None) -> Organization | None:
        """The organisation behind a publisher name (or, failing that, the URL's domain)."""
        if publisher:
            # "Ministry of Foreign Affairs, European Union and Cooperation of Spain": "X (Spain)" first
            tail = _STATE_TAIL.search(publisher)
            named = self.orgs.get(f"{publisher[:tail.start()].strip()} ({tail['state']})") if tail else None
            if tail and named is not None and named.country == self.countries.get(tail["state"]):
                return named
            for m in self.org_re.finditer(publisher):
                named = self.orgs[m.group(0)]
                before = publisher[:m.start()].split()
                if before and self.countries.get(before[-1]) not in {None, named.country}:
                    continue  # "Cambodia New Vision": another country's outlet of the same name
                return named
        parts = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0].split(":")[0].split(".")
        return next((org for i in range(len(parts) - 1) if (org := self.domains.get(".".join(parts[i:])))), None)


_STATE_TAIL = re.compile(r"(?:,|\s+of(?:\s+the)?)\s+(?P<state>[A-Z]\w*(?:\s[A-Z]\w*)*)\s*$")


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a parsed text, computed once per Doc (spaCy recomputes ``doc.sents``
    on every access, which dominated the extractor's own time)."""
    cached = doc.user_data.get("parley_sents")
    if cached is None:
        cached = list(doc.sents) if len(doc) else []
        doc.user_data["parley_sents"] = cached
    return cached


def doc_text(doc: Doc) -> str:
    """The text of a parsed document, built once (spaCy's ``Doc.text`` joins every token again on
    each access, which the rules asking per trigger made a tenth of the extractor's time)."""
    cached = doc.user_data.get("parley_text")
    if cached is None:
        cached = doc.user_data["parley_text"] = doc.text
    return str(cached)


def sentence_of(tok: Token) -> Span:
    """The sentence holding ``tok``, from the cached list."""
    sents = sentences(tok.doc)
    starts = tok.doc.user_data.get("parley_starts")
    if starts is None:
        starts = tok.doc.user_data["parley_starts"] = [s.start for s in sents]
    return sents[bisect.bisect_right(starts, tok.i) - 1]


def _alternation(words: Any, guard: str = "") -> re.Pattern[str]:
    """One regex matching any of ``words`` as whole words, the longest where several fit.

    The words are compiled as a trie (``Ab(?:e|bas)``...), not a flat alternation: with thousands
    of registry names a flat list is tried name by name at every position of every text, a trie
    one character at a time (about ten times faster on the registry's 3,000 surfaces)."""
    trie: dict[str, Any] = {}
    for word in {w for w in words if w}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(rf"(?<![\w'’-]){guard}(?:{_trie_pattern(trie)})(?![\w-])")


def _trie_pattern(node: dict[str, Any]) -> str:
    """Longer continuations first, so that the regex prefers the longest word (then backtracks)."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def knowledge(user_registry: str | None = None) -> Knowledge:
    """The process-wide knowledge base (loaded on first use), with the user's registry file
    (setting ``registry_path``) read after the packaged data when it exists."""
    if user_registry and Path(user_registry).is_file():
        return _with_user(str(Path(user_registry).resolve()))
    return _packaged()


@cache
def _packaged() -> Knowledge:
    return Knowledge()


@cache
def _with_user(path: str) -> Knowledge:
    return Knowledge([read_user_file(Path(path))])

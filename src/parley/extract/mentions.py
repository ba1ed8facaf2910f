"""Resolving every person mention of a text: names, short forms, offices and pronouns.

The result is a :class:`Cast`: the document's people and, for each mention, its span and person.
Events and statements read people only through the cast, so a rule such as "participants are the
people in the trigger's clause" works the same for "Wang Yi", "Wang", "China's Foreign Minister" or "he".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from parley.extract.candidates import name_candidates
from parley.extract.counterparts import listed_counterparts, plural_offices, resolver, unnamed_counterpart
from parley.extract.journeys import state_of
from parley.extract.knowledge import Knowledge, fold, sentences
from parley.extract.people import Mention, PeopleFinder, Person
from parley.extract.references import (
    back_references,
    bare_titles,
    described,
    first_person,
    pronouns,
    short_forms,
    the_two,
)
from parley.names import name_tokens, registry_variant

_DETERMINER = r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Bb]oth)"


@dataclass(frozen=True, slots=True)
class Cast:
    """The people of one text and where each is mentioned."""

    people: dict[str, Person]
    mentions: tuple[Mention, ...]
    # "the foreign ministers of Iran and Saudi Arabia": two holders at one span.  They take part
    # in events; statement attribution reads only ``mentions``.
    groups: tuple[Mention, ...] = ()

    def with_groups(self) -> Cast:
        """The cast with the plural-office mentions in place, for finding events."""
        if not self.groups:
            return self
        return Cast(self.people, tuple(sorted(self.mentions + self.groups, key=lambda m: m.start)))

    def in_span(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def overlaps(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def people_in(self, start: int, end: int) -> list[str]:
        seen: list[str] = []
        for m in self.in_span(start, end):
            if m.person not in seen:
                seen.append(m.person)
        return seen


# titles no office of the registry (heads of state and government, foreign ministers) carries: a
# surname after one of them is that legislator's or local leader's, not a registry namesake's
_LEGISLATORS = {"Senator", "Sen.", "Congressman", "Congresswoman", "Representative", "Rep.", "Assemblyman",
                "Governor", "Gov.", "Mayor", "Chief Minister", "Lieutenant Governor"}


def _office_regex(kb: Knowledge) -> re.Pattern[str]:
    titles = "|".join(re.escape(t.title) for t in kb.titles if t.role)
    adjectives = "|".join(re.escape(c) for c in sorted(kb.countries, key=len, reverse=True))
    # organisations by their short names: "the OAS Secretary-General", "the NATO Secretary General"
    short = "|".join(re.escape(o) for o in sorted(kb.orgs, key=len, reverse=True) if re.fullmatch(r"[A-Z]{2,6}", o))
    return re.compile(
        rf"(?:(?P<orgdet>\b{_DETERMINER}\s+(?P<org>{short})\s+(?=(?i:{titles})\b))"
        rf"|(?P<det>\b{_DETERMINER}\s+(?:(?:Rt\.?\s+)?Hon\.?\s+|H\.?E\.?\s+)?)"  # "the Hon. Prime Minister"
        rf"|(?P<poss>\b(?:{adjectives}))['’]s\s+|(?P<start>^)|(?=\b(?:{adjectives})\s)"
        rf"|(?P<bare>(?:(?<=\bwhile )|(?<=\band )|(?<=\bbut )|(?<=\bwhereas ))"  # "while External Affairs
        rf"(?=[A-Z]\w+ [A-Z]\w+(?: [A-Z]\w+)? (?:will|would|is|was|has|had)\b)))"  # Minister will call on X"
        rf"(?:(?P<adj>{adjectives})\s+)?(?P<title>(?i:{titles}))\b"
        rf"(?:\s+of\s+(?:the\s+)?(?P<of>{adjectives})\b)?",
        re.MULTILINE,
    )


_OFFICE_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _offices_in(text: str, kb: Knowledge) -> list[re.Match[str]]:
    """The office pattern's matches, looked for only around the titles the text holds: the full pattern
    (every state's adjective before every title) costs ~10 µs a character, the bare titles a tenth."""
    cached = _OFFICE_CACHE.get(id(kb))
    if cached is None:  # built once per registry
        titles = "|".join(re.escape(t.title) for t in kb.titles if t.role)
        cached = _OFFICE_CACHE[id(kb)] = (_office_regex(kb), re.compile(rf"(?i:{titles})\b"))
    office_re, title_re = cached
    found: list[re.Match[str]] = []
    for t in title_re.finditer(text):
        if found and t.start() < found[-1].end():
            continue
        for m in office_re.finditer(text, max(0, t.start() - 50), min(len(text), t.end() + 60)):
            if t.start() in (m.start("title"), m.start("org")) and (not found or m.start() >= found[-1].end()):
                found.append(m)
                break
    return found


_MONARCHS = {"King", "Queen", "Emperor", "Empress", "Sultan", "Emir", "Amir", "Pope"}
_SHORT_TITLES = {"pm": "prime minister", "fm": "foreign minister"}
_TITLED = re.compile(r"\b[A-Z][a-z]+\s+$")  # "Deputy Prime Minister Marles": a title word just before
# words that name the state itself after an office ("the President of the Republic", "of the
# Kingdom of Thailand"): the office is still the state's
_STATE_FORMS = {"republic", "kingdom", "federation", "state", "states", "union", "sultanate", "emirates",
                "commonwealth", "principality", "grand", "nation", "country", "government", "people's",
                "islamic", "democratic", "federal", "united", "socialist", "plurinational", "bolivarian"}
_STATE_ROLES = {"head_of_state", "head_of_government"}
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s*)+)")
# "the Secretary of State for Northern Ireland": a portfolio after a title is another office (a
# longer title, "Minister for Foreign Affairs", would have matched whole)
_PORTFOLIO = re.compile(r"\s+for\s+(?:the\s+)?[A-Z]")


# "the Minister for Foreign Affairs, European Union and Cooperation": the title goes on, no name
_PORTFOLIO_LIST = re.compile(r",[ \t]*(?:[A-Z][\w'-]*[ \t]+){1,4}(?:and|&)[ \t]+([A-Z][\w-]*)")
_APPOSED = re.compile(r"[ \t]+(?:the[ \t]+)?", re.IGNORECASE)  # (not after a comma: "according to X, the President")


def _other_body(after: str, kb: Knowledge) -> bool:
    """An office of a named body that is neither a state nor a known organisation follows the
    title ("the President of the Riigikogu", "the Speaker of the National Assembly"): it is that
    body's office, whose holder the registry of state offices does not know."""
    body = m.group(1).strip() if (m := _OF_BODY.match(after)) else ""
    org = kb.orgs.get(body)  # (a state's own house or ministry is such a body: "the Riigikogu")
    return bool(body) and body.split()[0].lower() not in _STATE_FORMS and not kb.countries.get(body) \
        and (org is None or org.kind == "government") and not any(kb.countries.get(w) for w in body.split())


def read_cast(doc: Doc, kb: Knowledge, publisher_country: str | None, on: str | None,
              known: dict[str, Person] | None = None,
              headline: bool = False, publisher_org: str | None = None, text: str | None = None,
              locale: str | None = None) -> Cast:
    """Find and resolve the people of ``doc`` (a body, or a headline with ``headline=True``).

    ``known`` passes the body's people when reading the headline, so "Lu Kang" in the headline
    is the body's Lu Kang.
    """
    finder = PeopleFinder(kb, publisher_country, on, locale)
    if known:
        finder.people = dict(known)
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access
    sent_bounds = [(s.start_char, s.end_char) for s in sentences(doc)] or [(0, len(text))]

    @cache
    def states() -> set[str | None]:
        """The states the text names (and the publisher's): read only when a surname needs them."""
        return {kb.countries.get(m.group(0)) for m in kb.country_re.finditer(text)} | {publisher_country, locale}

    def bounds_of(pos: int) -> tuple[int, int]:
        for s, e in sent_bounds:
            if s <= pos < e:
                return s, e
        return 0, len(text)

    mentions: list[Mention] = []
    short: list[tuple[int, int, str, str, str | None, str | None]] = []

    def own_person(start: int, end: int, name: str) -> bool:
        """A one-word name ("Lee", "Blinken") that is exactly one of the document's people so far."""
        token = fold(name)
        named = [p for p in finder.people.values() if token in p.tokens]
        if len(named) != 1 or finder.namesake(named[0], name, text[max(0, start - 7):start]):
            return False
        named[0].spans.append((start, end))
        mentions.append(Mention(start, end, named[0].name))
        return True

    for start, end, rule in name_candidates(doc, kb, text):
        if "\n" in text[start:end]:
            start = text.rindex("\n", start, end) + 1  # a name never runs across lines
        surface = text[start:end]
        name = finder.clean_name(surface)
        if text[max(0, start - 1):start] == "[" or name.split()[-1:] == ["Credit"]:
            continue  # "[Photo Credit: MFA]": a caption's credit line
        if not name or not name[:1].isupper() or name in kb.countries or name in kb.orgs \
                or name.lower() in kb.title_index or name in kb.places \
                or name[:-1] in kb.countries or name[:-3] + "s" in kb.countries:
            continue  # a state, an office, a place, a people ("Australians", "Solomon Islanders")
        if (start == 0 or text[start - 1] == "\n") and (comma := re.match(r",[ \t]+", text[end:end + 3])) and (
                there := kb.country_re.match(text, end + comma.end())) and re.match(r"\s*[-–—(]", text[there.end():]):
            continue  # "Metro Manila, Philippines - National Security Adviser ...": a dateline's place
        if (where := kb.place_re.match(text, start)) and where.end() > end:
            continue  # "St Vincent" of "St Vincent and the Grenadines": the start of a place's name
        if len(name.split()) == 1 and own_person(start, end, name):
            continue  # "PM Lee" after "Prime Minister Lee Hsien Loong": the document's own Lee,
            # before any registry Lee holding a similar office elsewhere on that day
        if headline:
            # "Singapore PM Lawrence Wong Hold Bilateral Talks": a Title Case headline runs the
            # name into the words after it; the body's person whose name begins it is meant
            lead = next((p for p in finder.people.values() if name.startswith(p.name + " ")), None)
            if lead is not None:
                mentions.append(Mention(start, start + len(lead.name), lead.name))
                continue
        ss, se = bounds_of(start)
        country, title, org, _role = finder.context(text, start, end, ss, se)
        if surface.split()[0] in _MONARCHS and len(name.split()) == 1 and \
                (royal := registry_variant(kb, surface, country)) is not None:
            canonical, registered = royal, True  # "Queen Elizabeth": the monarch, not a minister called Elizabeth
        elif surface.split()[0] in {"Prince", "Princess"} and len(name.split()) == 1:
            canonical, registered = surface, False  # "Prince William", not President William Ruto
        elif title in _LEGISLATORS and len(name.split()) == 1:
            canonical, registered = name, False  # "Senator Mitchell", "Gov. Abbott": not the registry's
            # "Keith Mitchell" of Grenada or "Tony Abbott" of Australia
        else:
            canonical, registered = finder.canonical(name, country)
            named = [p for p in finder.people.values() if p.name.split()[-1] == name] \
                if registered and len(name.split()) == 1 and canonical not in finder.people else []
            if len(named) == 1 and (named[0].title or kb.person_country.get(canonical) not in states()):
                # "Gov. Greg Abbott ... Abbott said": the document's Abbott, not the registry's Tony
                # Abbott, whose state the text never names; "Senator Dan Sullivan ... Sullivan": the
                # titled senator, not Jake Sullivan ("Mary Bainimarama", untitled, beside Fiji's prime
                # minister in a text about Fiji stays apart from him)
                canonical, registered = named[0].name, named[0].in_registry
        if headline and not registered:
            tokens = set(fold(canonical).split())
            match = [p for p in finder.people.values() if tokens and (tokens <= p.tokens)]
            if len(match) != 1:
                continue
            canonical = match[0].name
        if len(canonical.split()) == 1 and not registered and rule != "initial+name":
            short.append((start, end, canonical, rule, title, org))
            continue
        person = finder.add(canonical, country, title, org, registered, rule, (start, end))
        mentions.append(Mention(start, end, person.name))
    for start, end, name, rule, title, org in short:
        if own_person(start, end, name):
            continue
        token, before = fold(name), text[max(0, start - 25):start]
        styled = text[start:end].split()[0] in kb.title_words and text[start:end].split()[0] != name  # "King Salman"
        titled = rule in {"title+name", "honorific+name"} or (
            _TITLED.search(before) is not None and before.split()[-1] in kb.title_words) or styled
        if titled and not headline and not any(token in p.tokens for p in finder.people.values()):
            person = finder.add(name, finder.adjacent_country(text, start), title, org, False, rule, (start, end))
            mentions.append(Mention(start, end, person.name))

    mentions.extend(short_forms(text, finder.people, mentions, kb))
    if not headline:
        mentions.extend([*back_references(doc, mentions, text),
                         *bare_titles(mentions, finder.people, text, kb.held_titles)])
    for m in _offices_in(text, kb):
        if m.group("start") is not None and not headline and not m.group("adj"):
            continue  # (a line opening "Iranian foreign minister earlier talked to" names its state)
        after = text[m.end():m.end() + 40]
        if re.match(r"\s*,?\s*(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?[A-Z][a-z]+(?:\s|$|[,.'’])", after) \
                and not re.match(r"\s*,?\s*(?:The|He|She|They|It|In|On|At|And|But)\b", after) \
                and not ((tail := _PORTFOLIO_LIST.match(after)) and tail.group(1) in kb.portfolio_words):
            continue  # "the Prime Minister of India, Narendra Modi": the name carries it
        if any(mm.start <= m.start("title") < mm.end or (not mm.office and _APPOSED.fullmatch(text, mm.end, m.start()))
               for mm in mentions):
            continue  # "Syed Ebrahim Raisi the Supreme Leader of Iran": the name's apposition, whatever it claims
        if not m.group("of") and (other := re.match(r"\s+of\s+(?:the\s+)?([A-Z]\w*)", after)) and (
                m.group("adj") or m.group("poss") or other.group(1) in kb.portfolio_words):
            continue  # "US Secretary of Defense", "Secretary of Social Welfare": another office
        if re.search(r"\b(?:an?|any|no|every|each|another)\s+$", text[max(0, m.start() - 9):m.start()], re.I):
            continue  # "the first time an Australian Prime Minister has ...": no one in particular
        if re.match(r"[-\s]?elect\b|[-\s]designate\b", text[m.end("title"):m.end("title") + 11], re.I) or \
                re.search(r"\b(?:former|ex-|late|outgoing)\s*$", text[max(0, m.start() - 10):m.start()], re.I):
            continue  # "Indonesia president-elect X", "the former Prime Minister": not the holder
        title_text = m.group("title")
        spec = kb.title_index.get(f"{m.group('org') or ''} {title_text}".strip().lower()) or \
            kb.title_index.get(title_text.lower())  # "the EU foreign policy chief": the organisation's title
        if spec is None or not spec.role:
            continue
        if title_text.islower() and spec.title in {"PM", "FM"}:
            continue
        if ((spec.role in _STATE_ROLES or spec.bare_only) and m.group("of") is None
                and _other_body(text[m.end():m.end() + 60], kb)) \
                or _PORTFOLIO.match(text, m.end()):
            continue  # "the President of the Riigikogu", "the Secretary of the Supreme National Security
            # Council": a body's office, not the state's
        explicit = m.group("of") or m.group("adj") or m.group("poss")
        if m.group("bare") is not None and (explicit or not spec.role or " " not in title_text.strip()):
            continue  # "while External Affairs Minister will call on X": only a bare office of two words or more
        country = kb.countries.get(explicit) if explicit else None
        own_org = kb.orgs[m.group("org")].name if m.group("org") else None
        holder = _resolve_office(finder, kb, spec.role, spec.title, country, spec.country, on,
                                 None if own_org else publisher_country, own_org or spec.org or publisher_org)
        if country is None and spec.country is None and not headline and own_org is None:
            # (an office its organisation names, "the ASEAN Secretary General", is no other state's)
            ss, se = bounds_of(m.start())
            if holder is None or any(
                    mm.person == holder.name and not mm.office and ss <= mm.start < m.start()
                    and _ENGAGING.search(text, mm.end, m.start()) and "\n" not in text[mm.end:m.start()]
                    for mm in mentions):
                # "President Solih will meet the President": not Solih, whom the sentence names; the
                # holder of the office in the country the document's visit goes to
                # ("the President of the General Authority for Investment" is another body's office)
                host = None if re.match(r"\s+of\s", text[m.end():m.end() + 5]) else _visited_country(text, kb)
                held = kb.holder(host, spec.role, on, title=spec.title) if host and (
                    holder is None or host != holder.country) and kb.office_has_title(host, spec.role, spec.title) \
                    else None
                holder = finder.add(held, host, spec.title, None, True, "office-registry", (0, 0)) if held else None
        if holder:
            mentions.append(Mention(m.start("title") if m.group("start") is None else m.start(),
                                    m.end(), holder.name, office=True))

    resolve = resolver(finder, kb, on, publisher_country, _resolve_office)
    if not headline:
        taken = [(m.start, m.end) for m in mentions]
        mentions.extend(m for m in unnamed_counterpart(text, finder.people, kb, on, mentions, resolve)
                        if not any(s < m.end and m.start < e for s, e in taken))
        mentions.extend(described(mentions, finder.people, text, kb))
    groups = plural_offices(text, finder, kb, on, mentions, resolve)
    groups += listed_counterparts(text, finder.people, kb, on, mentions, resolve)
    mentions.extend([*pronouns(doc, mentions), *the_two(doc, mentions)])
    mentions.extend(first_person(doc, mentions, text))
    mentions = [Mention(m.start, m.end, finder.current(m.person), m.office, m.described) for m in mentions]
    mentions.sort(key=lambda mm: mm.start)
    return Cast(finder.people, tuple(mentions), tuple(groups))


_ENGAGING = re.compile(r"\b(?:meet|meets|met|meeting|call|calls|called|talks|receive|received|receives|host|hosts"
                       r"|hosted|visit|visits|visited)\b")
_VISITED = re.compile(r"\b(?:visit|visits|visiting|trip|tour|arrived|arrives|travel\w*)\s+(?:to|in)\s+(?:the\s+)?"
                      r"(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})")


def _visited_country(text: str, kb: Knowledge) -> str | None:
    """The country of the first visit the text tells ("will pay an Official visit to India")."""
    for m in _VISITED.finditer(text):
        words = m.group("place").split()
        for n in range(len(words), 0, -1):
            place = " ".join(words[:n])
            iso = state_of(place, kb)
            if iso:
                return iso
    return None


def _resolve_office(finder: PeopleFinder, kb: Knowledge, role: str, title: str,
                    country: str | None, title_country: str | None, on: str | None,
                    publisher_country: str | None, org: str | None = None) -> Person | None:
    """"The Prime Minister": whom an office named without a name refers to.

    With a country ("the Chinese President", "the Prime Minister of India"): the document's person
    holding that office, else the registry's holder on the date.  Without one: the publishing
    government's own office holder when the title fits its office ("The Prime Minister" in a
    No 10 readout), else the document's person with that title ("The President" in the same
    readout is the counterpart, not the King).
    """
    wanted = country or title_country
    day = on if on and len(on) == 10 else None

    def holds(person: Person, where: str | None) -> bool:
        spec = kb.title_index.get(person.title.lower()) if person.title else None
        titled = person.title is not None and (person.title.lower() == title.lower()
                                               or (spec is not None and spec.role == role))
        in_office = day is not None and any(
            t.role == role and t.start <= day and (t.end is None or day < t.end)
            and (where is None or t.country == where) for t in kb.terms_of(person.name))
        return (titled and (where is None or person.country in (where, None))) or in_office

    def registry(where: str) -> Person | None:  # the document's own spelling of the holder first
        if (holder := kb.holder(where, role, on, title=title)) is None:  # ("Jawad Zarif": "Mohammad Javad Zarif")
            return None
        surname = name_tokens(holder)[-1:]
        same = [p for p in finder.people.values() if p.country == where and name_tokens(p.name)[-1:] == surname]
        return same[0] if len(same) == 1 else finder.add(holder, where, title, None, True, "office-registry", (0, 0))

    term = None if wanted else kb.org_office(title, org, on, role)  # an organisation's own office
    if term is not None:
        found = next((p for p in finder.people.values() if p.name == term.name), None) or next(
            (p for p in finder.people.values() if p.country is None and p.organization in {None, term.org}
             and holds(p, None)), None)
        return found or finder.add(term.name, None, title, term.org, True, "office-org", (0, 0))  # (the text's
        # own holder first: "Secretary General of ASEAN X ... the ASEAN Secretary General" is X)
    if wanted:
        found = next((p for p in finder.people.values() if p.country == wanted and holds(p, wanted)), None)
        return found or registry(wanted)
    if publisher_country:
        found = next((p for p in finder.people.values()
                      if p.country == publisher_country and holds(p, publisher_country)), None)
        if found:
            return found
        if kb.office_has_title(publisher_country, role, title):
            return registry(publisher_country)
    holders = [p for p in finder.people.values() if holds(p, None)]

    def fit(person: Person) -> int:
        """"The Prime Minister" is first the person titled so, then the one whose office the
        registry calls so on the day, before a president who also heads a government."""
        wanted = _SHORT_TITLES.get(title.lower(), title.lower())
        if person.title and _SHORT_TITLES.get(person.title.lower(), person.title.lower()) == wanted:
            return 2
        return int(day is not None and any(t.title.lower() == wanted and t.start <= day
                                           and (t.end is None or day < t.end) for t in kb.terms_of(person.name)))
    return max(holders, key=fit) if holders else None

"""The extractor: one Document in, one Extraction (events and statements with evidence) out.

The headline is read as well as the body: readout headlines are formulaic and strong evidence of
the primary engagement's type, participants and date ("PM call with President Xi Jinping of China:
25 March 2022").  Relative dates resolve against the publication date, never the clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from parley.config import Settings
from parley.dates import find_dates, is_stamp, latest_day, parse_iso
from parley.extract.announcers import aide_country
from parley.extract.candidates import CALENDAR_WORDS
from parley.extract.events import Found, find_events
from parley.extract.headline import _headline_visits, aside_in_headline, dateline, headline_type
from parley.extract.implied import (
    discussed_together,
    during_trip,
    guest_visits,
    implied_meeting,
    lead_subject_joins,
    listed_envoys,
    one_side_joins,
    talks_of_the_call,
)
from parley.extract.journeys import concluded_visit, first_day
from parley.extract.knowledge import Knowledge, Organization, doc_text, fold, knowledge, sentences
from parley.extract.lines import rejoin_calls
from parley.extract.mentions import Cast, read_cast
from parley.extract.nlp import load_pipeline, parser_text
from parley.extract.people import Person
from parley.extract.primary import _choose_primary, _complete_primary, _settle_partial
from parley.extract.recalled import (
    complete_visits,
    leaders_meetings,
    merge,
    pair_meetings,
    their_meetings,
    visits_here,
)
from parley.extract.references import release_author, speakers_i, speech_speaker, transcript_speakers
from parley.extract.registry import day_in_office, user_registry_path
from parley.extract.separate import absorb_receptions, separate
from parley.extract.statements import attribute
from parley.extract.topics import topics_of
from parley.model import Actor, Document, Event, Evidence, Extraction, Rejected, Statement


class Extractor:
    """Extracts events and statements; build once, reuse for many documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings.spacy_model)
        self.kb = knowledge(str(user_registry_path(self.settings.registry_path)))

    def extract(self, document: Document) -> Extraction:
        return next(iter(self.extract_many([document])))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extract a stream of documents, batching spaCy over bodies and headlines.

        Parallelism lives one level up (``parley.api.extract_paths``), where each worker reads its
        inputs as well as extracting them.
        """
        for batch in _batched(documents, self.settings.batch_size):
            yield from self._run(batch)

    def extract_isolated(self, batch: list[Document], on_rejected: Callable[[Rejected], None]) -> list[Extraction]:
        """Extract a batch; if the batch fails, each document again on its own, so that one document
        the pipeline cannot process is reported (``extract-failed``) and the others are kept."""
        if not batch:
            return []
        try:
            return list(self.extract_many(batch))
        except Exception:
            pass
        out: list[Extraction] = []
        for document in batch:
            try:
                out.extend(self.extract_many([document]))
            except Exception as exc:
                on_rejected(Rejected(document.source, "extract-failed", f"{type(exc).__name__}: {str(exc)[:160]}"))
        return out

    def _run(self, batch: list[Document]) -> Iterator[Extraction]:
        texts = [t for d in batch for t in (parser_text(d.text), d.title or "")]
        parsed = list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        for i, document in enumerate(batch):
            parsed[2 * i].user_data["parley_text"] = document.text  # (the rules read the document's own case)
            yield analyse(document, parsed[2 * i], parsed[2 * i + 1], self.kb)


def _batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_STATE_BODY = re.compile(r"(?:The\s+)?(?:Senate|Parliament|National Assembly|Congress|Ministry|Government|Office|"
                         r"Presidency|Cabinet|Department)\b.*?\bof\s+(?:the\s+)?(?P<state>[A-Z][\w ]+?)\s*"
                         r"|(?:The\s+)?(?P<own>[A-Z][\w ]+?)\s+(?:Government|Parliament|Senate|Presidency)\s*")


def _state_body(publisher: str | None, kb: Knowledge) -> Organization | None:
    """A publisher the data does not list that names itself a state's body ("Senate of the
    Philippines", "Government of Jersey", "Isle of Man Government"): that state's own government."""
    m = _STATE_BODY.fullmatch(publisher or "")
    iso = kb.countries.get(m["state"] or m["own"]) if m else None  # ("Isle of Man Government")
    return Organization(publisher or "", iso, "government") if iso else None


def _state_of_place(place: str | None, kb: Knowledge) -> str | None:
    """The state of a dateline's place ("PORT MORESBY", "Port Moresby"), where a visit with no
    destination told in the document went."""
    for form in (place, place.title()) if place else ():
        if iso := kb.places.get(form) or kb.country_nouns.get(form):
            return iso
    return None


def analyse(document: Document, body: Doc, head: Doc, kb: Knowledge) -> Extraction:
    """Everything one document says about engagements and who said what."""
    org = kb.org_of_publisher(document.publisher, document.url) or _state_body(document.publisher, kb)
    home_country = org.country if org and org.kind in {"government", "state_media"} else None
    published = parse_iso(document.published)
    text = doc_text(body)  # spaCy rebuilds Doc.text from its tokens on every access: read it once
    place_line, day_line = dateline(text, kb, published)
    title_dates = [d for d in find_dates(document.title or "") if d.value and len(d.value) == 10]
    title_day = title_dates[0].value if title_dates else None
    on = title_day or (published.isoformat() if published else None) or latest_day(text) or day_in_office(
        (name for m in kb.person_re.finditer(text) if " " in m.group(0)
         and (name := kb.person_aliases.get(fold(m.group(0))))), kb.registry)

    org_name = org.name if org else None
    locale = org.country if org else None
    cast = read_cast(body, kb, home_country, on, publisher_org=org_name, text=text, locale=locale)
    head_cast = read_cast(head, kb, home_country, on, known=cast.people, headline=True, publisher_org=org_name,
                          locale=locale)
    title = document.title or ""
    # "Dobrovolschi: President has talked over the phone with ...": who tells it, not who took part
    told_by = {m.person for m in head_cast.mentions if m.start <= 3 and title[m.end:m.end + 2].lstrip().startswith(":")}
    told_by |= aside_in_headline(head, head_cast)  # (and "the initiative announced by X": not a side either)
    head_people = list(dict.fromkeys(m.person for m in head_cast.mentions if m.person not in told_by))
    people = {**cast.people, **head_cast.people}
    speaker = speech_speaker(title, list(head_cast.mentions))
    # the "I" of a speech ("Remarks by X"), else of each labelled turn of a transcript
    extra = speakers_i(body, list(cast.mentions), speaker) if speaker else \
        transcript_speakers(body, list(cast.mentions), lambda label: _registry_person(label, people, kb))
    if not speaker and not extra and (author := release_author(document.publisher, home_country, on, kb)) \
            and (extra := speakers_i(body, list(cast.mentions), author)):
        _known(people, author, kb, "release-author")  # a person of the document only when it says "I"
    cast = Cast(people, tuple(sorted((*cast.mentions, *extra), key=lambda m: m.start)), cast.groups)

    # A relay's own dateline ("MOSCOW, May 31. /TASS/.") says when the story was written; its
    # "on Tuesday" counts from there, not from the relay's publication a day later.
    anchor = parse_iso(day_line) if day_line else (published or (parse_iso(title_day) if title_day else None))
    dates = [d for d in find_dates(text, anchor) if not is_stamp(d, text)]
    told = find_events(body, cast.with_groups(), kb, dates, anchor, text, locale, place_line)
    kind = headline_type(document.title)
    told = _calls_of_a_round(_own_pairs(told), kind, text)
    story_day = anchor.isoformat() if anchor else None
    found = absorb_receptions(merge(rejoin_calls(separate(told, body, cast, kb), title), kb, story_day, text))
    lead_subject_joins(found, body, cast)
    pair = set(head_people[:2])
    if kind == "MEET" and len(pair) == 2 and any(e.type == "CALL" and pair <= set(e.people) for e in found) \
            and not any(e.type == "MEET" and pair <= set(e.people) for e in found):
        kind = "CALL"  # "King and Trump address concerns in key talks" over the body's phone call
    listed_envoys(found, cast, text)
    found = one_side_joins(found, cast)
    if (meeting := implied_meeting(found, cast, text, document.title)) is not None:
        found.insert(0, meeting)  # "visited Paris at the invitation of Macron ... the two discussed"
    elif (talked := discussed_together(found, body, cast, dates)) is not None:
        found.insert(0, talked)  # "Vella and Metsola discussed several challenges"
        if kind in {"MEET", "CALL"} and (not head_people or set(head_people) & set(talked.people)):
            talked.type = kind  # under "Readout of the Secretary-General's phone call with X": that call
    primary = _settle_partial(_choose_primary(found, kind, head_people, cast, text), found, head_people, cast,
                              body, kb)
    pending = [e for e in found if e.partial and (e.type == "VISIT" or len(e.people) <= 1)]
    found = [e for e in found if not e.partial]
    if re.search(r"\blook(?:s|ing|ed)? forward\b", title, re.IGNORECASE) and any(
            e.type == "CALL" and e.modality == "occurred" and not e.people for e in pending):
        kind = "CALL"  # "Varadkar and Trump both looking forward to meeting": said in the call told
    telling = next((e for e in pending if e.type == kind and not e.people and "anaphor" not in e.rules), None)
    if primary is None and telling is not None and len(head_people) >= 2:
        # "Trudeau congratulates Trump in phone call" / "the two men spoke by phone Saturday": the
        # pair the headline names, on the day and with the evidence of the body's own telling
        pending.remove(telling)
        primary, telling.people, telling.partial = telling, head_people[:2], False
        telling.rules["participants"] = "headline"
        found.insert(0, primary)
    if primary is None and kind in {"MEET", "CALL"} and len(head_people) >= 2:
        first = next(iter(sentences(body)), None)
        end = first.end_char if first is not None else 0
        primary = Found(kind, head_people[:2], 0, end, 0, rules={"type": "headline",
                                                                 "participants": "headline"})
        primary.spans.append((0, end, "headline"))
        found.insert(0, primary)
    country_of = {name: person.country for name, person in cast.people.items()}
    here = _state_of_place(place_line, kb) or (org.country if org else None)  # (an outlet's too: its readers')
    if primary is None:
        found.extend(visits_here(pending, found, country_of, here, kb))
        primary = next((e for e in found if e.type == "VISIT"), None)
    summary = concluded_visit(found, text)
    if summary is not None:
        primary = summary.visit
        primary.rules["primary"] = "concluded-visit"
    found.extend(_headline_visits(document.title, head_people, head_cast, kb, found, body, anchor))
    if primary is not None and primary.type in {"MEET", "CALL"}:
        countries = list(dict.fromkeys(c for p in primary.people if (c := cast.people[p].country)))
        if primary.type == "CALL" and len(primary.people) == 2:
            found.extend(their_meetings(text, primary.people, kb, dates, anchor))
        for meeting in leaders_meetings(text, countries, kb, on):
            if all(p not in primary.people for p in meeting.people) or primary.type != "MEET":
                for name in meeting.people:
                    _known(cast.people, name, kb, "office-registry")
                found.append(meeting)
        found[:] = merge(found, kb, story_day, text)
    if primary is not None:
        _complete_primary(primary, head_people, cast, body, text, dates, title_day, published,
                          place_line, day_line, found, document.title, kb, home_country)
        if summary is not None and primary.date:
            primary.date = first_day(primary.date, summary.days)
        if primary.rules.get("type") == "headline" and primary.date is None and primary.modality == "occurred" \
                and published and re.search(r"\b(?:[Tt]oday|this (?:morning|afternoon))\b", text[:1500]):
            # "The President's News Conference With President Park": remarks that speak of today
            primary.date, primary.rules["date"] = published.isoformat(), "today-in-remarks"
        found.extend(complete_visits(pending, found, primary, country_of, kb))
        found.extend(visits_here(pending, found, country_of, here, kb))
        found.extend(pair_meetings(pending, primary, cast, text, tuple(found)))
        found.sort(key=lambda e: e is not primary)  # what merges into the primary keeps its identity
        found[:] = merge(found, kb, story_day, text)
        during_trip(found, primary)
        found[:] = talks_of_the_call(found, primary)
    found.extend(guest_visits(found, cast, text, kb, here))

    for ev in found:
        if ev.modality == "occurred" and ev.date and len(ev.date) == 10 and published \
                and ev.date > published.isoformat():
            ev.modality = "planned"  # a report cannot tell as done what falls after its own day
    aliases: dict[str, set[str]] = {}
    for m in cast.mentions:
        surface = text[m.start:m.end]
        if not m.office and surface.lower() not in {"he", "she"}:
            aliases.setdefault(m.person, set()).add(surface)
    events: list[Event] = []
    ids: dict[int, str] = {}
    for n, ev in enumerate(found, 1):
        ids[id(ev)] = f"e{n}"
        events.append(Event(
            id=f"e{n}", type=ev.type, primary=ev is primary,
            participants=tuple(_actor(person, aliases, home_country or locale) for person in  # (one person: once)
                               {id(cast.people[p]): cast.people[p] for p in ev.people}.values()),
            date=ev.date, location=ev.location if ev.type != "CALL" else None,
            modality=ev.modality,
            evidence=tuple(Evidence(s, e, text[s:e], rule) for s, e, rule in ev.spans[:3]),
            explain=tuple(sorted(ev.rules.items())),
        ))
    statements = _statements(body, text, cast, kb, primary, ids, home_country, found, aliases,
                             own_release=bool(org and org.kind == "government"), locale=locale)
    return Extraction(document, tuple(events), tuple(statements))


def _own_pairs(told: list[Found]) -> list[Found]:
    """"Met Nyusi in Maputo, where the two leaders held talks": "the two" of a sentence that tells a
    meeting of its own are that meeting's pair, not the document's (nor its earlier meeting)."""
    return [e for e in told if not (e.partial and not e.people and "when" not in e.rules and any(
        not o.partial and o.type == e.type and o.start == e.start and o.trigger < e.trigger for o in told))]


def _calls_of_a_round(told: list[Found], kind: str | None, text: str) -> list[Found]:
    """"Held introductory phone calls with the Cook Islands, Niue and Tokelau: ... an introductory
    call with the Premier": in a document about telephone calls, a courtesy or introductory call
    "with" someone is one of them, not a call paid in person."""
    if kind == "CALL" or re.search(r"\b(?:tele)?phone\b", text, re.IGNORECASE):
        for ev in told:
            if ev.type == "MEET" and ev.rules.get("type") == "trigger:call" \
                    and "with" in text[ev.trigger:ev.trigger + 30]:
                ev.type = "CALL"
    return told


def _registry_person(name: str, people: dict[str, Person], kb: Knowledge) -> str | None:
    """The person a label's name stands for: one the document already has, else the registry's,
    else a new person of that full name (added to ``people``)."""
    if name in people:
        return name
    canonical = kb.person_aliases.get(fold(name))
    if canonical is not None:
        return _known(people, canonical, kb, "transcript-label")
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w in kb.title_words or w.lower() in CALENDAR_WORDS for w in words):
        return None  # "Journalist", "Prime Minister": a role, not a name
    people.setdefault(name, Person(name, None, rule="transcript-label"))
    return name


def _known(people: dict[str, Person], name: str, kb: Knowledge, rule: str) -> str:
    """A registry person the document did not name in its own words, added to ``people`` once."""
    people.setdefault(name, Person(name, kb.person_country.get(name), in_registry=True, rule=rule))
    return name


_NICKNAME = re.compile(r"\s+[“\"‘][^”\"’\s]{2,20}[”\"’](?=\s)")  # "Joko “Jokowi” Widodo": a nickname, not a name


_POSTED = re.compile(r"\b(?:Ambassador|Envoy|Charg|Consul|High Commissioner|Representative|Nuncio)")


def _actor(person: Person, aliases: dict[str, set[str]] | None = None, home: str | None = None) -> Actor:
    """The output actor; an official with a title, no state and no organisation named anywhere in a
    government's own release ("The Honourable Mary Ng, Minister of International Trade" from Global
    Affairs Canada) acts for that government, and in a national outlet's report ("Industry Minister
    Moon Sung-wook" in The Korea Herald) for the outlet's state.  Given here, after the events are
    told, so that a state guessed from the publisher never decides who met whom."""
    shown = _NICKNAME.sub("", person.display or person.name)
    names = sorted(((aliases or {}).get(person.name, set()) | {person.name}) - {shown})
    country = person.country or (home if home and person.title and not person.organization
                                 and not _POSTED.search(person.title) else None)
    return Actor(shown, country, person.title, person.organization, tuple(names))


def _statements(body: Doc, text: str, cast: Cast, kb: Knowledge, primary: Found | None, ids: dict[int, str],
                home_country: str | None, found: list[Found],
                aliases: dict[str, set[str]], own_release: bool = True,
                locale: str | None = None) -> list[Statement]:
    group = tuple(primary.people) if primary else ()
    home = next((p for p in group if cast.people[p].country == home_country), None) \
        if home_country else None
    trigger_span = None
    if primary and primary.spans:
        # The sentence that names the engagement's people (not one that names only their offices,
        # "the leaders of Britain and Japan are meeting"): what is said there is theirs.
        named = [(s, e) for s, e, _r in primary.spans if set(cast.people_in(s, e)) & set(group)]
        trigger_span = named[0] if named else None
    others = tuple((s, e, tuple(ev.people)) for ev in found if ev is not primary and ev.type in {"MEET", "CALL"}
                   and len(ev.people) >= 2 and ev.rules.get("participants") != "one-per-counterpart"
                   for s, e, _r in ev.spans)
    attributed = attribute(body, cast, group, home, trigger_span, text=text, round_of=_round_of(primary, found),
                           own_release=own_release, others=others)
    participants = {p for ev in found for p in ev.people}
    # "presidential spokesperson X" in a report from a country whose people take part: its own aide
    aides_of = locale if locale in {cast.people[p].country for p in group} else None
    for speaker in {p for a in attributed for p in a.speakers}:
        if cast.people[speaker].country is None and speaker not in participants:
            cast.people[speaker].country = aide_country(speaker, cast, text, aides_of, kb)
    runs: list[list[Any]] = []
    for a in attributed:
        if runs and runs[-1][2] == a.speakers and runs[-1][3] == a.rule.split(":")[0] \
                and not text[runs[-1][1]:a.start].strip():  # adjacent only: no one else's words
            runs[-1][1] = a.end
        else:
            runs.append([a.start, a.end, a.speakers, a.rule.split(":")[0]])
    out: list[Statement] = []
    primary_id = ids.get(id(primary)) if primary else None
    for start, end, speakers, rule in runs:
        said = text[start:end]
        topics = topics_of(said, kb, {c for p in (*group, *speakers) if (c := cast.people[p].country)})
        for speaker in speakers:
            if not topics and speaker not in participants:
                continue
            out.append(Statement(
                speaker=_actor(cast.people[speaker], aliases, home_country or locale), text=said, topics=topics,
                event_id=primary_id if speaker in group else None,
                evidence=(Evidence(start, end, said, rule),),
                explain=(("speaker", rule), ("topics", "topic-cues")),
            ))
    return out


def _round_of(primary: Found | None, found: list[Found]) -> tuple[str, ...]:
    """The hub and counterparts of a round of calls or meetings the primary is one of (the
    engagements split from one sentence, one per counterpart), hub first; else nothing."""
    if primary is None or primary.rules.get("participants") != "one-per-counterpart":
        return ()
    pieces = [e for e in found if e.rules.get("participants") == "one-per-counterpart"
              and e.trigger == primary.trigger and len(e.people) == 2]
    hubs = set.intersection(*(set(e.people) for e in pieces)) if pieces else set()
    if len(pieces) < 2 or len(hubs) != 1:
        return ()
    hub = next(iter(hubs))
    return (hub, *dict.fromkeys(p for e in pieces for p in e.people if p != hub))


def extract_documents(documents: Iterable[Document], settings: Settings) -> Iterator[Extraction]:
    """Extract many documents with one pipeline (see :class:`Extractor`)."""
    yield from Extractor(settings).extract_many(documents)

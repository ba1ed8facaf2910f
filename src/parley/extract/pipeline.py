"""The extractor: one Document in, one Extraction (events and statements with evidence) out.

The headline is read as well as the body: readout headlines are formulaic and strong evidence of
the primary engagement's type, participants and date ("PM call with President Xi Jinping of China:
25 March 2022").  Relative dates resolve against the publication date, never the clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from spacy.tokens import Doc

from parley.config import Settings
from parley.dates import TimeExpr, find_dates, is_stamp, parse_iso
from parley.extract.events import Found, find_events, paragraph_chars
from parley.extract.knowledge import Knowledge, knowledge, sentences
from parley.extract.mentions import Cast, read_cast
from parley.extract.nlp import load_pipeline
from parley.extract.people import Person
from parley.extract.recalled import complete_visits, leaders_meetings, merge, pair_meetings, their_meetings
from parley.extract.registry import user_registry_path
from parley.extract.separate import absorb_receptions, concluded_visit, first_day, separate, tellers
from parley.extract.statements import attribute, topics_of
from parley.extract.when_where import forward, other_clause, reported_on
from parley.model import Actor, Document, Event, Evidence, Extraction, Rejected, Statement

_HEAD_CALL = re.compile(r"\b(?:call|calls|called|phone|telephone|telephonic|spoke|speaks|speak|"
                        r"conversation)\b", re.IGNORECASE)
_HEAD_MEET = re.compile(r"\b(?:meets?|meeting|met|talks|summit|hosts?|hosted|receives?|received)\b",
                        re.IGNORECASE)
_HEAD_VISIT = re.compile(r"\bvisit", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*(?:\((?:MENAFN|[A-Z][A-Za-z]{1,15}|[A-Z][A-Za-z ]{1,30}(?:\s*/\s*[A-Z][A-Za-z ]{1,30})+)"  # "(MENAFN) --",
    r"(?:\s*-\s*[A-Za-z0-9 .,]{1,30})?\)\s*(?:--|—|–|-)?\s*)?"  # "(Site / Relay / WAM - 14th Aug, 2020)"
    r"(?P<place>[A-Z][A-Za-z.'\- ]{1,30}?)(?:/[A-Z][A-Za-z.'\- ]{1,30}?)?"  # "TOKYO/SEOUL"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?))?"
    r"(?:\s*\.?\s*(?:\([A-Za-z .]{1,30}\)|/[A-Za-z-]{2,12}/)\s*\.?\s*(?:--|—|–|-)?"  # "(Xinhua) --", "/TASS/."
    r"|\s*(?:--|—|–)|\s*[-:]\s"
    r"|(?<=\d)\.?\s+(?=[A-Z][a-z]))"  # "Islamabad, Sep 12 Pakistan will ..." (no separator)
)


def headline_type(title: str | None) -> str | None:
    """The engagement type a readout headline announces."""
    if not title:
        return None
    if re.search(r"\bcourtesy call|\b(?:calls|called|calling) on\b", title, re.IGNORECASE):
        return "MEET"
    if _HEAD_CALL.search(title):
        return "CALL"
    if re.search(r"\binvit(?:es|ed|ing|ation)\b", title, re.IGNORECASE):
        return None  # "X Invites Y to Austria for Peace Talks": an offer, not the engagement told
    if _HEAD_MEET.search(title):
        return "MEET"
    if _HEAD_VISIT.search(title):
        return "VISIT"
    return None


def dateline_end(text: str) -> tuple[int, re.Match[str]] | None:
    """Where the dateline is and where it ends: at the start, or after a short standfirst
    ("He will hold talks with ...\n\nULAANBAATAR, July 5. /TASS/. Russian Foreign Minister ...")."""
    m = _DATELINE.match(text[:120])
    if m:
        return 0, m
    cut = text.find("\n\n")
    if 0 < cut < 400:
        start = cut + 2
        m = _DATELINE.match(text[start:start + 120])
        if m and m.group("date"):
            return start, m
    return None


def dateline(text: str, kb: Knowledge, anchor: date | None) -> tuple[str | None, str | None]:
    """Place and date of a dateline such as ``BEIJING, Oct. 18 (Xinhua) --``."""
    at = dateline_end(text)
    if at is None:
        return None, None
    m = at[1]
    raw = m.group("place").strip()
    place = next((p for p in (raw, raw.title()) if p in kb.places), None)
    if place is None:
        return None, None
    day = None
    if m.group("date"):
        found = [d for d in find_dates(m.group("date"), anchor) if d.value and len(d.value) == 10]
        day = found[0].value if found else None
    return place, day


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
        texts = [t for d in batch for t in (d.text, d.title or "")]
        parsed = list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        for i, document in enumerate(batch):
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


def analyse(document: Document, body: Doc, head: Doc, kb: Knowledge) -> Extraction:
    """Everything one document says about engagements and who said what."""
    org = kb.org_of_publisher(document.publisher, document.url)
    home_country = org.country if org and org.kind in {"government", "state_media"} else None
    published = parse_iso(document.published)
    text = body.text  # spaCy rebuilds Doc.text from its tokens on every access: read it once
    place_line, day_line = dateline(text, kb, published)
    title_dates = [d for d in find_dates(document.title or "") if d.value and len(d.value) == 10]
    title_day = title_dates[0].value if title_dates else None
    on = title_day or (published.isoformat() if published else None)

    org_name = org.name if org else None
    locale = org.country if org else None
    cast = read_cast(body, kb, home_country, on, publisher_org=org_name, text=text, locale=locale)
    head_cast = read_cast(head, kb, home_country, on, known=cast.people, headline=True, publisher_org=org_name,
                          locale=locale)
    head_people = [m.person for m in head_cast.mentions]
    head_people = list(dict.fromkeys(head_people))
    people = {**cast.people, **head_cast.people}
    cast = Cast(people, cast.mentions, cast.groups)

    # A relay's own dateline ("MOSCOW, May 31. /TASS/.") says when the story was written; its
    # "on Tuesday" counts from there, not from the relay's publication a day later.
    anchor = parse_iso(day_line) if day_line else (published or (parse_iso(title_day) if title_day else None))
    dates = [d for d in find_dates(text, anchor) if not is_stamp(d, text)]
    found = absorb_receptions(merge(separate(find_events(body, cast.with_groups(), kb, dates, anchor, text),
                                             body, cast), kb))
    kind = headline_type(document.title)
    primary = _settle_partial(_choose_primary(found, kind, head_people, cast), found, head_people, cast, body, kb)
    pending = [e for e in found if e.partial and (e.type == "VISIT" or not e.people)]
    found = [e for e in found if not e.partial]
    if primary is None and kind in {"MEET", "CALL"} and len(head_people) >= 2:
        first = next(iter(sentences(body)), None)
        end = first.end_char if first is not None else 0
        primary = Found(kind, head_people[:2], 0, end, 0, rules={"type": "headline",
                                                                 "participants": "headline"})
        primary.spans.append((0, end, "headline"))
        found.insert(0, primary)
    if primary is None:
        primary = next((e for e in found if e.type == "VISIT"), None)
    summary = concluded_visit(found, text)
    if summary is not None:
        primary = summary.visit
        primary.rules["primary"] = "concluded-visit"
    found.extend(_headline_visits(document.title, head_people, head_cast, kb, found, body))
    if primary is not None and primary.type in {"MEET", "CALL"}:
        countries = list(dict.fromkeys(c for p in primary.people if (c := cast.people[p].country)))
        if primary.type == "CALL" and len(primary.people) == 2:
            found.extend(their_meetings(text, primary.people, kb, dates, anchor))
        for meeting in leaders_meetings(text, countries, kb, on):
            if all(p not in primary.people for p in meeting.people) or primary.type != "MEET":
                for name in meeting.people:
                    if name not in cast.people:
                        cast.people[name] = Person(name, kb.person_country.get(name), in_registry=True,
                                                   rule="office-registry")
                found.append(meeting)
        found[:] = merge(found, kb)
    if primary is not None:
        _complete_primary(primary, head_people, cast, body, text, dates, title_day, published,
                          place_line, day_line, found, document.title, kb, home_country)
        if summary is not None and primary.date:
            primary.date = first_day(primary.date, summary.days)
        country_of = {name: person.country for name, person in cast.people.items()}
        found.extend(complete_visits(pending, found, primary, country_of, kb))
        found.extend(pair_meetings(pending, primary))
        found.sort(key=lambda e: e is not primary)  # what merges into the primary keeps its identity
        found[:] = merge(found, kb)

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
            participants=tuple(_actor(cast.people[p], aliases) for p in ev.people),
            date=ev.date, location=ev.location if ev.type != "CALL" else None,
            modality=ev.modality,
            evidence=tuple(Evidence(s, e, text[s:e], rule) for s, e, rule in ev.spans[:3]),
            explain=tuple(sorted(ev.rules.items())),
        ))
    statements = _statements(body, text, cast, kb, primary, ids, home_country, found, aliases)
    return Extraction(document, tuple(events), tuple(statements))


def _home_side(primary: Found, cast: Cast, home: str | None) -> None:
    """A government's readout has its own side at the table: when no participant is known to be
    of the publishing country and exactly one has no country, that one is the home side's
    ("Mr. YAMADA Taro, Parliamentary Vice-Minister for Foreign Affairs" in a MOFA readout)."""
    if home is None or primary.type == "VISIT":
        return
    people = [cast.people[p] for p in primary.people]
    unknown = [p for p in people if p.country is None]
    if len(unknown) == 1 and not any(p.country == home for p in people) and len(people) >= 2:
        unknown[0].country = home
        primary.rules["participants"] = primary.rules.get("participants", "") + "+home-side"


def _settle_partial(primary: Found | None, found: list[Found], head_people: list[str], cast: Cast,
                    body: Doc, kb: Knowledge) -> Found | None:
    """A primary meeting or call with one named side gets its other side from the headline or the
    lead sentence (or is dropped); one-sided reports of the same meeting lend it place and date."""
    if primary is not None and primary.partial:
        extra = [p for p in head_people if p not in primary.people]
        if not extra:
            lead = next(iter(sentences(body)), None)
            end = lead.end_char if lead is not None else 0
            told_by = tellers(body, cast, 0, end)
            extra = [p for p in cast.people_in(0, end) if p not in primary.people and p not in told_by]
        if len(primary.people) + len(extra) < 2:
            return None
        primary.rules["participants"] = "pair+lead" if not primary.people else "clause-people+lead"
        primary.people.extend(extra[:2 - len(primary.people)])  # "a call between both sides"
        primary.partial = False
    if primary is not None:
        for part in found:
            if part.partial and part is not primary and (part.type == primary.type or "anaphor" in part.rules) \
                    and set(part.people) <= set(primary.people):
                # "Lammy met with his counterpart in Beijing": the same meeting, with its place.
                within = part.location and primary.location in kb.country_nouns and \
                    kb.places.get(part.location) == kb.country_nouns[primary.location]
                primary.location = part.location if within else primary.location or part.location
                primary.date = primary.date or part.date
                primary.spans.extend(part.spans)
    return primary


def _actor(person: Person, aliases: dict[str, set[str]] | None = None) -> Actor:
    shown = person.display or person.name
    names = sorted(((aliases or {}).get(person.name, set()) | {person.name}) - {shown})
    return Actor(shown, person.country, person.title, person.organization, tuple(names))


def _choose_primary(found: list[Found], kind: str | None, head_people: list[str],
                    cast: Cast) -> Found | None:
    talks = [e for e in found if e.type in {"MEET", "CALL"} and e.people]
    full = [e for e in talks if not e.partial]
    if kind in {"MEET", "CALL"}:
        same = [e for e in full if e.type == kind] or [e for e in talks if e.type == kind]
        if same:
            return max(same, key=lambda e: (len(set(e.people) & set(head_people)), -e.trigger))
        if len(head_people) >= 2:
            return None  # the headline names the engagement: build it from there
    pool = full or talks or [e for e in found if e.type in {"MEET", "CALL"} and e.partial and e.start < 600]
    if pool:
        if head_people:
            return max(pool, key=lambda e: (len(set(e.people) & set(head_people)), -e.trigger))
        return pool[0]
    return None


_HEAD_VISIT_PLACE = re.compile(r"\bvisit(?:s|ing|ed)?\s+(?:to\s+)?(?:the\s+)?", re.IGNORECASE)


def _headline_visits(title: str | None, head_people: list[str], head_cast: Cast, kb: Knowledge,
                     found: list[Found], body: Doc) -> list[Found]:
    """"... on visit to China": a visit by the headline's person, when the body has none."""
    if not title or len(head_people) != 1:
        return []
    m = _HEAD_VISIT_PLACE.search(title)
    if not m:
        return []
    place = kb.place_re.match(title, m.end())
    if place is None:
        return []
    person = head_people[0]
    if any(e.type == "VISIT" and person in e.people for e in found):
        return []
    visit = Found("VISIT", [person], 0, 0, 0, location=place.group(0),
                  rules={"type": "headline", "participants": "headline", "location": "headline"})
    first = next(iter(sentences(body)), None)
    if first is not None:
        visit.spans.append((first.start_char, first.end_char, "headline"))
    return [visit]


def _complete_primary(primary: Found, head_people: list[str], cast: Cast, body: Doc, text: str,
                      dates: list[TimeExpr],
                      title_day: str | None, published: date | None, place_line: str | None,
                      day_line: str | None, found: list[Found], title: str | None, kb: Knowledge,
                      home: str | None) -> None:
    """Headline participants, the date and the place of the primary engagement."""
    _home_side(primary, cast, home)
    if primary.type in {"MEET", "CALL"}:
        for person in head_people:
            countries = {cast.people[p].country for p in primary.people}
            if person not in primary.people and (len(primary.people) < 2 or
                                                 cast.people[person].country not in countries):
                primary.people.append(person)
                primary.rules["participants"] = "clause-people+headline"
    if primary.modality == "speculative" and not _HEAD_HEDGE.search(title or ""):
        # a hedge in the body alone is mostly about something else than the engagement itself;
        # the headline hedging it too ("X and Y may meet in ...") is the story
        primary.modality = "occurred"
    ahead = primary.modality in {"planned", "speculative"}
    if title_day:
        primary.date, primary.rules["date"] = title_day, "headline-date"
    else:
        day = None
        # "..., Peskov told reporters on Tuesday": the day of the telling, not of the engagement.
        telling = [d for d in dates if d.value and any(s <= d.start < e for s, e, _r in primary.spans)
                   and reported_on(body, d)]
        # A dateline and a relay's stamp before it ("(Relay - 14th Aug, 2020) ABU DHABI, 13th
        # August 2020 (WAM) -") say when the story was written, dated below as the dateline
        at_line = dateline_end(text)
        line_end = at_line[0] + at_line[1].end() if at_line is not None else None
        head_end = line_end if line_end is not None and day_line else 0
        at = body.char_span(primary.trigger, primary.trigger + 1, alignment_mode="expand")
        trigger = at[0] if at is not None and len(at) and primary.type != "VISIT" else None
        spans = primary.spans
        first = next(iter(sentences(body)), None)
        if primary.rules.get("participants") == "pair+lead" and first is not None:
            # "X and Y discussed Sunday ... This came during a call between both sides": the
            # people come from the lead sentence, and so does the day
            spans = [(first.start_char, first.end_char, "lead"), *spans]
        for s, e, _rule in spans:
            if at is not None and len(at) and s <= primary.trigger < e:
                # only the trigger's own paragraph: a standfirst line the parser joined on is not it
                lo, hi = paragraph_chars(at[0])
                s, e = max(s, lo), min(e, hi)
            inside = [d for d in dates if s <= d.start < e and d.value and len(d.value) == 10
                      and d.start >= head_end
                      and (not reported_on(body, d) and not (trigger is not None and s <= trigger.idx < e
                                                             and other_clause(trigger, d))
                           and not (primary.type != "VISIT" and _DEADLINE.search(text[max(0, d.start - 12):d.start]))
                           if ahead
                           else (not reported_on(body, d) and not _DEADLINE.search(text[max(0, d.start - 12):d.start])
                                 and not _FUTURE_ON.search(text[max(0, d.start - 40):d.start])
                               and not (published and d.value > published.isoformat())))]
            if inside:
                day = inside[0]
                break
        if day is None and first is not None:
            # The dateline's own day is when the story was written: it dates what happened that
            # day (below), never an engagement still ahead.
            lead = [d for d in dates if d.start < first.end_char and d.value and len(d.value) == 10
                    and not _DEADLINE.search(text[max(0, d.start - 12):d.start])
                    and not (line_end is not None and d.start < line_end)
                    and not reported_on(body, d)
                    and not (ahead and trigger is not None and first.start_char <= trigger.idx < first.end_char
                             and other_clause(trigger, d))
                    and not (ahead and _told_in_past(body, d))
                    and not (not ahead and _FUTURE_ON.search(text[max(0, d.start - 40):d.start]))]
            day = lead[0] if lead else None
        if day is None and ahead:
            # "to make an official visit early next month, during which he will meet ...": a
            # plan dated only by its month
            months = [d for d in dates if d.value and len(d.value) == 7 and d.kind in {"relative", "month"}
                      and any(s <= d.start < e for s, e, _r in primary.spans)
                      and (published is None or d.value >= published.isoformat()[:7])]
            day = months[0] if months else None
        if day is not None:
            value = forward(day, published) if ahead else day.value
            primary.date, primary.rules["date"] = value, f"{day.kind}:{day.text}"
        elif day_line and not ahead and not telling:
            primary.date, primary.rules["date"] = day_line, "dateline"
        elif published and re.search(r"\b(?:(?:has|have)\s+(?:\w+\s+)?|just\s+(?:\w+\s+){1,4}"
                                     r"|(?:has|have)\s+(?:arrived|landed|travelled|traveled|flown|come)\b[^.;]{0,60})$",
                                     text[max(0, primary.trigger - 80):primary.trigger]):
            # "has arrived for talks", "I just finished a very good meeting": the day of writing
            primary.date, primary.rules["date"] = published.isoformat(), "present-perfect"
        elif (told := _day_of_pair(primary, cast, body, dates, published)) is not None:
            primary.date, primary.rules["date"] = told.value, f"pair-sentence:{told.text}"
        elif (trip := next((v for v in found if v.type == "VISIT" and v.modality == primary.modality == "occurred"
                            and v.date and len(v.date) == 10 and set(v.people) & set(primary.people)
                            and v.rules.get("date", "").startswith("absolute")), None)) is not None:
            # "On May 6, Prime Minister Abe visited Sochi. Prime Minister Abe held talks with ...":
            # the talks of a trip dated only by the trip's own day
            primary.date, primary.rules["date"] = trip.date, "visit-day"
        else:
            primary.date = None
    if primary.type == "MEET" and primary.location is None:
        visits = [v for v in found if v.type == "VISIT" and set(v.people) & set(primary.people)]
        visit = next((v for v in visits if v.start == primary.start or (v.date and v.date == primary.date)
                      or (len(visits) == 1 and v.date is None and v.modality == primary.modality)), None)
        in_title = _place_in(title or "", kb)
        if visit is not None and place_line and visit.location in kb.country_nouns and \
                kb.places.get(place_line) == kb.country_nouns[visit.location]:
            primary.location, primary.rules["location"] = place_line, "dateline-in-visited-country"
        elif visit is not None:
            primary.location, primary.rules["location"] = visit.location, "visit-destination"
        elif in_title:
            primary.location, primary.rules["location"] = in_title, "headline-place"
        elif place_line:
            primary.location, primary.rules["location"] = place_line, "dateline"
        elif (opening := next(iter(sentences(body)), None)) is not None and primary.date and any(
                d.value == primary.date and d.start < opening.end_char for d in dates) \
                and (in_lead := _place_in(text[opening.start_char:opening.end_char], kb)):
            # "Trump joined Takaichi for a welcome ceremony at Tokyo's Akasaka Palace on Tuesday":
            # the lead that dates the meeting places it too
            primary.location, primary.rules["location"] = in_lead, "lead-place"


def _told_in_past(body: Doc, expr: TimeExpr) -> bool:
    """A date of a clause told in the past tense ("Lavrov on Tuesday arrived in ..."): it does not
    date talks still ahead."""
    span = body.char_span(expr.start, expr.end, alignment_mode="expand")
    verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None) if span is not None else None
    return verb is not None and verb.tag_ == "VBD"


def _day_of_pair(primary: Found, cast: Cast, body: Doc, dates: list[TimeExpr],
                published: date | None) -> TimeExpr | None:
    """A news report that dates the engagement only where it describes the two together ("as he
    was greeted by Merkel on Tuesday evening", "footage broadcast on Thursday showing X and Y
    greet each other"): the first day named in a sentence that mentions both sides."""
    if primary.modality != "occurred" or len(primary.people) < 2:
        return None
    for sent in sentences(body):
        if len(set(cast.people_in(sent.start_char, sent.end_char)) & set(primary.people)) < 2:
            continue
        for d in dates:
            if sent.start_char <= d.start < sent.end_char and d.value and len(d.value) == 10 \
                    and d.kind in {"weekday", "relative"} \
                    and not (published and d.value > published.isoformat()):
                return d
    return None


_HEAD_HEDGE = re.compile(r"\b(?:may|might|could)\s+(?:\w+\s+)?(?:meet|visit|talk|hold|speak|call)\b",
                         re.IGNORECASE)
# "Ahead of the summit that will take place on November 15-16, X held ...": the day of something
# still ahead when the story was written, never of an engagement that has happened
_FUTURE_ON = re.compile(r"\bwill\s+(?:take place|be held|begin|start|open|run|convene)\s+(?:on|from)\s+$",
                        re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:for|until|by|before|after|since|from|through)\s+$", re.IGNORECASE)


def _place_in(text: str, kb: Knowledge) -> str | None:
    """A place named after "in" or "at" ("... meeting between Blinken and China FM in Laos")."""
    for m in kb.place_re.finditer(text):
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, m.start() - 12):m.start()]):
            return m.group(0)
    return None


def _statements(body: Doc, text: str, cast: Cast, kb: Knowledge, primary: Found | None, ids: dict[int, str],
                home_country: str | None, found: list[Found],
                aliases: dict[str, set[str]]) -> list[Statement]:
    group = tuple(primary.people) if primary else ()
    home = next((p for p in group if cast.people[p].country == home_country), None) \
        if home_country else None
    trigger_span = None
    if primary and primary.spans:
        # The sentence that names the engagement's people (not one that names only their offices,
        # "the leaders of Britain and Japan are meeting"): what is said there is theirs.
        named = [(s, e) for s, e, _r in primary.spans if set(cast.people_in(s, e)) & set(group)]
        trigger_span = named[0] if named else None
    attributed = attribute(body, cast, group, home, trigger_span, text=text)
    participants = {p for ev in found for p in ev.people}
    runs: list[list[Any]] = []
    for a in attributed:
        if runs and runs[-1][2] == a.speakers and runs[-1][3] == a.rule.split(":")[0] \
                and not body.text[runs[-1][1]:a.start].strip():  # adjacent only: no one else's words
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
                speaker=_actor(cast.people[speaker], aliases), text=said, topics=topics,
                event_id=primary_id if speaker in group else None,
                evidence=(Evidence(start, end, said, rule),),
                explain=(("speaker", rule), ("topics", "topic-cues")),
            ))
    return out


def extract_documents(documents: Iterable[Document], settings: Settings) -> Iterator[Extraction]:
    """Extract many documents with one pipeline (see :class:`Extractor`)."""
    yield from Extractor(settings).extract_many(documents)

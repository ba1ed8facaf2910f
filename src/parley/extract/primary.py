"""The primary engagement of a document: which event it is about, and its people, day and place.

A readout or a news report is about one engagement; its headline, lead sentence, dateline and the
visit it belongs to complete what the trigger's own clause leaves out.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from parley.dates import TimeExpr
from parley.extract.events import Found, paragraph_chars
from parley.extract.headline import dateline_end
from parley.extract.knowledge import Knowledge, sentences
from parley.extract.mentions import Cast
from parley.extract.triggers import CONFERENCE_WORDS, received
from parley.extract.when_where import (
    after_another,
    day_of_reference,
    forward,
    in_other_relative_clause,
    other_clause,
    reported_on,
    sharper_place,
)


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
            extra = [p for p in cast.people_in(0, end) if p not in primary.people and p not in told_by
                     and not _entourage(p, cast, body, end)]
        if not extra and primary.people and received(primary):
            # "Albanese has welcomed his Vanuatu counterpart to Parliament House. Alatoi Ishmael
            # Kalsakau's arrival was greeted with ...": the guest is the one person the next
            # sentence names
            second = sentences(body)[1] if len(sentences(body)) > 1 else None
            named = [p for p in cast.people_in(second.start_char, second.end_char)
                     if p not in primary.people] if second is not None else []
            extra = named if len(set(named)) == 1 else []
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


def _quoted(text: str, at: int) -> bool:
    """Whether position ``at`` lies inside a quotation of its paragraph."""
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    return before.count("“") > before.count("”") or (before.count('"') % 2 == 1)


def _choose_primary(found: list[Found], kind: str | None, head_people: list[str],
                    cast: Cast, text: str = "") -> Found | None:
    talks = [e for e in found if e.type in {"MEET", "CALL"} and e.people]
    if kind == "VISIT" and text and any(e.type == "VISIT" and e.people and not e.partial for e in found):
        # "I look forward to welcoming Prime Minister X," the host said: what a quotation looks
        # forward to is not the engagement a "to visit" headline announces
        talks = [e for e in talks if not _quoted(text, e.trigger)]
    full = [e for e in talks if not e.partial]
    if kind == "VISIT" and any(e.type == "VISIT" and e.people and not e.partial and e.start < 400 for e in found) \
            and not any(t.start < 400 for t in talks):
        return None  # "X arrives in Sri Lanka": the arrival the lead tells, not talks told further down
    if kind in {"MEET", "CALL"}:
        same = [e for e in full if e.type == kind] or [e for e in talks if e.type == kind]
        if same:
            # of two meetings of the headline's pair, the later told as done is the news ("hosted
            # Talon on Friday ... hosted Talon in Paris on June 23"); undated ones tie with both
            days: dict[frozenset[str], list[str]] = {}
            for e in same:
                if e.date and len(e.date) == 10 and e.modality == "occurred":
                    days.setdefault(frozenset(e.people), []).append(e.date)
            last = {pair: max(d) for pair, d in days.items()
                    if (date.fromisoformat(max(d)) - date.fromisoformat(min(d))).days > 3}
            return max(same, key=lambda e: (len(set(e.people) & set(head_people)),
                                            last.get(frozenset(e.people), e.date) == e.date, -e.trigger))
        other = [e for e in full if len(set(e.people) & set(head_people)) >= 2]
        if other:
            return other[0]  # "Niinistö in talks with Putin" over a body that tells a telephone call
        if len(head_people) >= 2:
            return None  # the headline names the engagement: build it from there
    pool = full or talks or [e for e in found if e.type in {"MEET", "CALL"} and e.partial and e.start < 600]
    if pool:
        if head_people:
            return max(pool, key=lambda e: (len(set(e.people) & set(head_people)), _counterparts(e, cast),
                                            -e.trigger))
        return pool[0]
    return None


def _office_word(title: str | None) -> str:
    """The kind of office a title names, without its state or rank ("Prime Minister", "Defence
    Minister" and "Minister of Defence" alike)."""
    words = re.sub(r"\b(?:of|for|the|and|deputy|acting|senior|first|vice)\b", " ", (title or "").lower()).split()
    return " ".join(sorted(words))


def _counterparts(event: Found, cast: Cast) -> bool:
    """A meeting of two holders of the same office ("Prime Minister Andersson will meet Prime Minister
    Marin"): a visit's meeting with the counterpart is its main one, before the host's other calls."""
    if len(event.people) != 2:
        return False
    a, b = (_office_word(cast.people[p].title) for p in event.people)
    return bool(a) and a == b


def _entourage(person: str, cast: Cast, body: Doc, end: int | None = None) -> bool:
    """Named in the body (up to ``end``) only as someone's company ("President X was accompanied
    by Secretary Y", "laid a wreath alongside Y"): a headline or lead listing Y does not make Y a
    side of the meeting."""
    mentions = [m for m in cast.mentions if m.person == person and (end is None or m.start < end)]
    for m in mentions:
        span = body.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not any(a.lemma_.lower() == "accompany" or a.lower_ == "alongside"
                                   for a in span.root.ancestors):
            return False
    return bool(mentions)


def _complete_primary(primary: Found, head_people: list[str], cast: Cast, body: Doc, text: str,
                      dates: list[TimeExpr],
                      title_day: str | None, published: date | None, place_line: str | None,
                      day_line: str | None, found: list[Found], title: str | None, kb: Knowledge,
                      home: str | None) -> None:
    """Headline participants, the date and the place of the primary engagement."""
    _home_side(primary, cast, home)
    if primary.type in {"MEET", "CALL"} and primary.rules.get("participants") != "one-per-counterpart":
        for person in head_people:  # (a round of calls names everyone in its headline: one each)
            countries = {cast.people[p].country for p in primary.people}
            if person not in primary.people and (len(primary.people) < 2 or (
                    primary.type != "CALL" and cast.people[person].country not in countries)) \
                    and not _entourage(person, cast, body):  # (a call has its two sides already)
                primary.people.append(person)
                primary.rules["participants"] = "clause-people+headline"
    if primary.modality == "speculative" and not _HEAD_HEDGE.search(title or ""):
        # a hedge in the body alone is mostly about something else than the engagement itself;
        # the headline hedging it too ("X and Y may meet in ...") is the story
        primary.modality = "occurred"
    ahead = primary.modality in {"planned", "speculative"}
    if title_day and ahead and primary.rules.get("date") == "visit-day" and (primary.date or "") > title_day:
        pass  # "No: 6, 6 January 2021, Press Release Regarding the Visit ... on 8 January": the release's day
    elif title_day:
        primary.date, primary.rules["date"] = title_day, "headline-date"
    elif primary.rules.get("date") not in {"weekday-in-story", "visit-day"}:  # set by recalled.merge, implied
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
                      and d.start >= head_end and not after_another(text, d, primary.trigger)
                      and (not reported_on(body, d) and not (trigger is not None and s <= trigger.idx < e
                                                             and other_clause(trigger, d))
                           and not (primary.type != "VISIT" and _DEADLINE.search(text[max(0, d.start - 12):d.start]))
                           if ahead
                           else (not reported_on(body, d) and not _DEADLINE.search(text[max(0, d.start - 12):d.start])
                                 and not in_other_relative_clause(
                                     trigger if trigger is not None and s <= trigger.idx < e else None, d, body)
                                 and not _FUTURE_ON.search(text[max(0, d.start - 40):d.start])
                               and not (published and d.value > published.isoformat())))]
            announced = [d for d in dates if s <= d.start < e and d.value and len(d.value) == 10 and not ahead
                    and reported_on(body, d) and not (published and d.value > published.isoformat())]
            if not inside and len({d.value for d in announced}) > 1 and any(d.kind == "relative" for d in announced):
                # "this morning issued a press release on the conversation ... on Jan. 20": one
                # telling has one day; the written date beside "this morning" is the engagement's
                inside = [d for d in announced if d.kind == "absolute"]
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
        if day is None:
            # "to make an official visit early next month, during which he will meet ...": a
            # plan dated only by its month; "met his counterpart in Port Moresby last week": a
            # meeting held, dated only by its month
            kinds = {"relative", "month"} if ahead else {"relative"}  # (a bare "in March" held: which March)
            now = published.isoformat()[:7] if published else None
            months = [d for d in dates if d.value and len(d.value) == 7 and d.kind in kinds
                      and any(s <= d.start < e for s, e, _r in primary.spans) and not reported_on(body, d)
                      and not in_other_relative_clause(None, d, body)  # ("who took office in March 2018")
                      and (now is None or (d.value >= now if ahead else d.value <= now))]
            day = months[0] if months else None
        if day is not None:
            value = forward(day, published) if ahead else day.value
            primary.date, primary.rules["date"] = value, f"{day.kind}:{day.text}"
        elif day_line and not ahead and not telling:
            primary.date, primary.rules["date"] = day_line, "dateline"
        elif published and _AS_IT_HAPPENS.search(text[max(0, primary.trigger - 80):primary.trigger]):
            # "has arrived for talks", "I just finished a very good meeting", "X is meeting with Y"
            # (told as it happens): the day of writing
            primary.date, primary.rules["date"] = published.isoformat(), "present-perfect"
        elif (told := _day_of_pair(primary, cast, body, dates, published)) is not None:
            primary.date, primary.rules["date"] = told.value, f"pair-sentence:{told.text}"
        elif primary.modality == "occurred" and \
                (told := day_of_reference(primary.type, text, dates, published)) is not None:
            primary.date, primary.rules["date"] = told.value, f"reference:{told.text}"
        elif (trip := next((v for v in found if v.type == "VISIT" and v.modality == primary.modality == "occurred"
                            and v.date and len(v.date) == 10 and set(v.people) & set(primary.people)
                            and v.rules.get("date", "").startswith(("absolute", "weekday"))
                            and (v is primary or not _SPAN_OF_DAYS.search(v.rules["date"]))), None)) is not None:
            # (a visit "from 07-11 August" does not date the talks held on one of its days)
            # "On May 6, Prime Minister Abe visited Sochi. Prime Minister Abe held talks with ...":
            # the talks of a trip dated only by the trip's own day
            primary.date, primary.rules["date"] = trip.date, "visit-day"
        else:
            primary.date = None
    if primary.type == "MEET" and primary.location is None:
        visits = [v for v in found if v.type == "VISIT" and set(v.people) & set(primary.people)
                  and not (v.modality == "planned" and primary.modality == "occurred")]  # ("en route to")
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
    if primary.type == "MEET":
        # "talks in Cairo" on a visit to Egypt, "received ... at the Amiri Diwan": the city or venue
        head = next(iter(sentences(body)), None)
        named = [text[s:e] for s, e, _r in primary.spans]
        if head is not None and set(cast.people_in(head.start_char, head.end_char)) & set(primary.people):
            named.append(head.text)  # a lead naming its people: "received X today, at the Presidential Palace"
        sharper = sharper_place(primary.location, [title or "", *named], kb)
        if sharper != primary.location:
            primary.location, primary.rules["location"] = sharper, "city-or-venue"
    if primary.type == "CALL" and primary.rules.get("participants") == "clause-people+headline" \
            and len(primary.people) >= 3 and not _CONFERENCE.search(text[primary.start:primary.end]):
        _split_statement_call(primary, cast, body, found)


def _split_statement_call(primary: Found, cast: Cast, body: Doc, found: list[Found]) -> None:
    """"Statement by Prime Minister Rutte after speaking with Netanyahu and Abbas" over "I just
    spoke with ...": the speaker had one call with each (only a statement in the first person)."""
    spoken = body.char_span(primary.trigger, primary.trigger + 1, alignment_mode="expand")
    me = [c for c in spoken[0].children if c.dep_ == "nsubj" and c.lower_ in {"i", "we"}] if spoken else []
    if not me:
        return
    speaker = next((m.person for m in cast.mentions for c in me if m.start == c.idx), None)
    hub = speaker if speaker in primary.people else primary.people[-1]
    others = [p for p in primary.people if p != hub]
    primary.people[:] = [hub, others[0]]
    found.extend(Found("CALL", [hub, other], primary.start, primary.end, primary.trigger, primary.modality,
                       primary.location, primary.date, {**primary.rules, "participants": "one-per-counterpart"},
                       list(primary.spans)) for other in others[1:])


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


_CONFERENCE = re.compile(rf"\b(?:{'|'.join(sorted(CONFERENCE_WORDS))})\b", re.IGNORECASE)
_HEAD_HEDGE = re.compile(r"\b(?:may|might|could)\s+(?:\w+\s+)?(?:meet|visit|talk|hold|speak|call)\b",
                         re.IGNORECASE)
# "Ahead of the summit that will take place on November 15-16, X held ...": the day of something
# still ahead when the story was written, never of an engagement that has happened
_FUTURE_ON = re.compile(r"\bwill\s+(?:take place|be held|begin|start|open|run|convene)\s+(?:on|from)\s+$",
                        re.IGNORECASE)
# "has arrived for talks", "I just finished a very good meeting", "X is meeting with Y", "is on a
# visit to", "are currently engaged in talks": told as it happens
_AS_IT_HAPPENS = re.compile(r"\b(?:(?:has|have)\s+(?:\w+\s+)?|just\s+(?:\w+\s+){0,4}"
                            r"|(?:has|have)\s+(?:arrived|landed|travelled|traveled|flown|come)\b[^.;]{0,60}"
                            r"|(?:is|are)\s+(?:currently\s+|now\s+)?(?:on\s+an?\s+(?:[\w-]+\s+){0,2}"
                            r"|engaged\s+in\s+(?:[\w-]+\s+)?)?)$")
_SPAN_OF_DAYS = re.compile(r"\d\s*[-–]\s*\d|\b(?:to|through|until|till)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:for|until|by|before|after|since|from|through)\s+$", re.IGNORECASE)


def _place_in(text: str, kb: Knowledge) -> str | None:
    """A place named after "in" or "at" ("... meeting between Blinken and China FM in Laos")."""
    for m in kb.place_re.finditer(text):
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, m.start() - 12):m.start()]):
            return m.group(0)
    return None


_TELLERS_VERBS = {"say", "tell", "announce", "confirm", "report", "state", "add", "disclose", "reveal", "note", "brief"}


def tellers(doc: Doc, cast: Cast, start: int, end: int) -> set[str]:
    """People who only tell of an engagement in ``start:end``: the subjects of its reporting
    verbs ("..., foreign ministry spokesman Lin said on Monday"), who are not at the table."""
    out: set[str] = set()
    for m in cast.in_span(start, end):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in _TELLERS_VERBS:
            out.add(m.person)
    return out

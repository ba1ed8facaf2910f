"""Engagements assembled after the trigger pass: reports of one engagement merged, and the ones
a document only mentions in passing (the leaders' earlier meetings, "they last met in ...", the
visit that goes with a meeting abroad).

Split from :mod:`parley.extract.events`, which finds the engagements from their triggers.
"""

from __future__ import annotations

import re
from datetime import date

from parley.dates import MONTHS, TimeExpr, parse_iso
from parley.extract.events import Found
from parley.extract.journeys import state_of
from parley.extract.knowledge import Knowledge
from parley.extract.mentions import Cast
from parley.extract.triggers import received


def _same_time(a: str | None, b: str | None) -> bool:
    """Two dates that may denote the same engagement: equal, unknown, or a month and a day in it."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two full dates (a large number when either is not a full date): a visit of
    four days is told on several of them."""
    da, db = parse_iso(a) if a and len(a) == 10 else None, parse_iso(b) if b and len(b) == 10 else None
    return abs((da - db).days) if da and db else 10_000


_MODALITY_RANK = {"occurred": 0, "planned": 1, "speculative": 2}


def _story_and_weekday(a: Found, b: Found, story_day: str | None) -> str | None:
    """"Addis Ababa December 17/2019 - X held talks with Y. ... X met Y on Monday": the first
    date is only the day of the story (its dateline), the second says when the one meeting took
    place; the weekday's date, when it falls within the week before the story's day."""
    if not story_day or a.modality != "occurred" or b.modality != "occurred":
        return None
    for told, day in ((a, b), (b, a)):
        if told.date == story_day and day.date and str(day.rules.get("date", "")).startswith("weekday:") \
                and 1 <= _days_apart(story_day, day.date) <= 6 and day.date < story_day:
            return day.date
    return None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # "met with U.S. President George W. Bush in 2003": dated, if only by year


def _long_before(a: str | None, b: str | None, story_day: str | None) -> bool:
    """One of two reports of a pair dated two months or more before the story, the other not
    dated at all: the story's own engagement and an earlier one it recalls."""
    dated = a or b
    if (a and b) or not dated or not story_day or len(story_day) < 7:
        return False
    year, month = int(story_day[:4]), int(story_day[5:7])
    earlier = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"  # the month before the story's
    return dated[:7] < earlier


def _one_party(ev: Found, other: Found, kb: Knowledge | None) -> bool:
    """"X accompanied President Y during his trip to Washington ... assessing the US visit": one
    visit to one country on one day, told once with the whole party and once with one of it."""
    if ev.type == "CALL" and ev.date == other.date and min(len(set(ev.people)), len(set(other.people))) >= 3 and (
            set(ev.people) < set(other.people) or set(other.people) < set(ev.people)):
        return True  # "The telephone conversation with A, B and C resulted in": X's call with them, told again
    if ev.type != "VISIT" or not ev.date or ev.date != other.date or not (
            set(ev.people) < set(other.people) or set(other.people) < set(ev.people)):
        return False
    here, there = (state_of(x, kb) if kb else x for x in (ev.location, other.location))
    return bool(here) and here == there


def merge(events: list[Found], kb: Knowledge | None = None, story_day: str | None = None,
          text: str = "") -> list[Found]:
    """One event per engagement: same type and same people (a visit: same visitor and place;
    with ``kb``, visits to places of two different countries stay two visits; ``story_day`` is
    the day of the dateline or publication, which a weekday in the text may sharpen)."""
    merged: list[Found] = []
    for ev in events:
        if ev.partial:
            merged.append(ev)
            continue
        for other in merged:
            if other.partial:
                continue
            if other.type != ev.type or (set(other.people) != set(ev.people) and not _one_party(ev, other, kb)):
                continue
            one_trip = False
            if ev.type == "VISIT" and kb is not None and other.location and ev.location:
                here, there = (state_of(x, kb) for x in (ev.location, other.location))
                if here and there and here != there:
                    continue  # "visited the United States in May" and the trip to China now
                one_trip = (ev.location == other.location or (here is not None and here == there)) and \
                    _days_apart(ev.date, other.date) <= 6  # ("landed in Gujarat on Friday ... visited ... on Saturday")
            if ev.type == "VISIT" and other.location and ev.location and other.location != ev.location \
                    and ev.date != other.date and ev.date and other.date and not one_trip:
                continue
            possessed = not (ev.date and other.date) and "his-meeting" in {
                ev.rules.get("possessed"), other.rules.get("possessed")}  # "his meeting with X": the one told
            if ev.type != "VISIT" and {ev.modality, other.modality} == {"occurred", "planned"} and not possessed \
                    and (ev.date or other.date) and not (ev.date == other.date and len(ev.date or "") == 10):
                continue  # "met briefly yesterday" is not the meeting "will meet at noon"
            if "earlier" in {ev.rules.get("when"), other.rules.get("when")} and not (ev.date and ev.date == other.date):
                continue  # "They last met in Hangzhou": another meeting of the same pair
            undated = other if other.date is None else ev  # the story's own, told first and with no year
            if ev.type != "VISIT" and ev.start != other.start and undated.start == min(ev.start, other.start) \
                    and not _YEAR.search(text[undated.start:undated.end]) \
                    and _long_before(ev.date, other.date, story_day):
                continue  # "In October last year, X spoke with Y" in July's report of their call
            sharper = _story_and_weekday(ev, other, story_day) if ev.type != "VISIT" else None
            if not _same_time(ev.date, other.date) and not one_trip and sharper is None:
                continue  # "they last met in October": an earlier meeting of the same pair
            other.spans.extend(ev.spans)
            if sharper is not None:
                other.date, other.rules["date"] = sharper, "weekday-in-story"
            if other.rules.get("restated"):  # "This is the first visit ...": the visit told elsewhere
                other.modality = ev.modality
                del other.rules["restated"]
            elif possessed:  # the restatement's tense says nothing of the report's
                other.modality = ev.modality if other.rules.get("possessed") else other.modality
            elif _MODALITY_RANK[ev.modality] < _MODALITY_RANK[other.modality] and not ev.rules.get("restated"):
                other.modality = ev.modality
            within = kb is not None and ev.location and other.location in kb.country_nouns and \
                kb.places.get(ev.location) == kb.country_nouns[other.location]
            other.location = ev.location if within else other.location or ev.location  # the city over the country
            other.date = other.date or ev.date
            other.people += [p for p in ev.people if p not in other.people]
            break
        else:
            merged.append(ev)
    return merged


_LEADERS_MEETING = re.compile(
    r"\b(?:(?P<a>their|the two|both) (?P<who>Presidents|presidents|leaders|heads of state)\b[^.;]{0,60}?"
    r"|(?:the|their) (?P<who2>leaders|presidents)['’] )"
    r"(?:the )?(?P<place>(?:[A-Z][\w-]+ ){0,2})(?P<kind>meeting|summit|Summit|talks)\b"
)


_STATES_SUMMIT = re.compile(
    r"\bsummit(?: talks| meeting)? between (?:the )?(?P<a>U\.S\.|[A-Z]\w*(?: (?:of )?[A-Z]\w*){0,3}) and "
    r"(?:the )?(?P<b>U\.S\.|[A-Z]\w*(?: (?:of )?[A-Z]\w*){0,3})")


def leaders_meetings(text: str, countries: list[str], kb: Knowledge, on: str | None) -> list[Found]:
    """Meetings of "their Presidents at the San Francisco meeting", "the leaders' Woodside Summit",
    "the recent summit talks between the Republic of Korea and the United States": the leaders of
    the two countries of the document's engagement, resolved on its date."""
    if len(countries) != 2 or not on:
        return []
    found = []
    for m in _STATES_SUMMIT.finditer(text):
        states = {kb.countries.get(m.group("a")), kb.countries.get(m.group("b"))}
        people = [kb.leader(c, on) for c in countries]
        if states != set(countries) or not all(people):
            continue
        start = text.rfind(".", 0, m.start()) + 1
        end = text.find(".", m.end())
        end = len(text) if end < 0 else end + 1
        event = Found("MEET", [p for p in people if p], start, end, m.start(),
                      rules={"type": "states-summit", "participants": "leaders-of-both-sides"})
        event.spans.append((start, end, "states-summit"))
        found.append(event)
    for m in _LEADERS_MEETING.finditer(text):
        presidents = "resident" in (m.group("who") or m.group("who2") or "")
        people = [kb.leader(c, on, presidents) for c in countries]
        if not all(people):
            continue
        place = (m.group("place") or "").strip()
        start = text.rfind(".", 0, m.start()) + 1
        end = text.find(".", m.end())
        end = len(text) if end < 0 else end + 1
        event = Found("MEET", [p for p in people if p], start, end, m.start(),
                      location=place if place in kb.places or place in kb.country_nouns else None,
                      rules={"type": "leaders-meeting", "participants": "leaders-of-both-sides"})
        event.spans.append((start, end, "leaders-meeting"))
        found.append(event)
    return found


_THEIR_MEETING = re.compile(
    r"\btheir (?:(?:first|last|previous|recent|earlier|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d{4}) ){0,2}(?:in-person )?(?P<kind>summit|meeting)\b"
    r"(?! (?:schedule|room|agenda|format|venue|plans?|arrangements|mechanism|calendar)\b)"
    r"(?: (?:in|at) (?:the )?(?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?"
)


def their_meetings(text: str, people: list[str], kb: Knowledge, dates: list[TimeExpr],
                   anchor: date | None) -> list[Found]:
    """"... their first conversation since their November summit in California": an earlier
    meeting of the same two people the document is about."""
    found = []
    for m in _THEIR_MEETING.finditer(text):
        start = text.rfind(".", 0, m.start()) + 1
        end = text.find(".", m.end())
        end = len(text) if end < 0 else end + 1
        place = m.group("place")
        event = Found("MEET", list(people), start, end, m.start(),
                      location=place if place and (place in kb.places or place in kb.country_nouns) else None,
                      rules={"type": "their-meeting", "participants": "the-document's-pair"})
        inside = [d for d in dates if m.start() <= d.start < m.end() and d.value]
        month = next((MONTHS[w.lower()] for w in m.group(0).split() if w.lower() in MONTHS and w[0].isupper()
                      and len(w) > 3), None)
        if inside:
            event.date = inside[0].value
        elif month and anchor:  # "their November summit", told in April: last November
            year = anchor.year if month < anchor.month else anchor.year - 1
            event.date = f"{year}-{month:02d}"
        event.spans.append((start, end, "their-meeting"))
        found.append(event)
    return found


def complete_visits(pending: list[Found], found: list[Found], primary: Found | None,
                    country_of: dict[str, str | None], kb: Knowledge) -> list[Found]:
    """Visits the text names without a destination or without a visitor ("Widodo's visit was
    emblematic", "This visit marked the first dialogue"), placed by the document's primary
    meeting: the visitor is the participant from another country than the meeting's place, the
    destination that place.  Visits to the meeting's country also take its date when they have
    none."""
    if primary is None or primary.type != "MEET":
        return []
    host = state_of(primary.location, kb)
    if host is None and primary.location:
        # a venue the gazetteer does not know ("Kamuzu Palace"): in the country of the one
        # participant whose country a visit of the document goes to
        bound = {state_of(v.location, kb) for v in (*pending, *found) if v.type == "VISIT"}
        homes = (bound & {country_of.get(p) for p in primary.people}) - {None}
        host = homes.pop() if len(homes) == 1 else None
    if host is None and received(primary) and primary.people:
        host = country_of.get(primary.people[0])  # "X received Y": the receiver is at home
    out: list[Found] = []
    told = {p for v in found if v.type == "VISIT" and not v.partial for p in v.people}
    for visit in (v for v in pending if v.type == "VISIT"):
        if not visit.people and told & set(primary.people):
            continue  # "the date of the visit": the visit already told of one of the pair, not another
        own = state_of(visit.location, kb)
        if host is None and own is not None and not visit.people:
            # "arrived on a three-day official visit to Nepal": the meeting's guest, placed by the visit
            guests = [p for p in primary.people if country_of.get(p) != own]
            if len(guests) == 1 and any(country_of.get(p) == own for p in primary.people):
                visit.people, visit.partial = guests, False
                out.append(visit)
            continue
        if host is None or (own is not None and own != host):
            continue
        abroad = [p for p in primary.people if country_of.get(p) and country_of.get(p) != host]
        people = [p for p in visit.people if p in abroad] if visit.people else abroad
        if len(visit.people) >= 2 and set(visit.people) == set(primary.people) and len(people) == 1:
            visit.people = people  # "The Presidents of A and B ... during an official working visit": the guest's
        if len(people) != 1 or (visit.people and visit.people != people):
            continue
        if not visit.people:
            # "This visit provides an opportunity" (announced), "his hope that the visit will achieve
            # the desired results" (under way): the trip of the meeting, as real as the meeting
            visit.modality = primary.modality
        visit.people, visit.partial = people, False
        placed = primary.location if primary.location in kb.places or primary.location in kb.country_nouns else None
        visit.location = visit.location or placed or kb.country_names.get(host)  # a city, not a palace
        if primary.date:  # the trip of the meeting: its own sentence's date is another matter's
            visit.date, visit.rules["date"] = primary.date, "meeting-abroad"
        out.append(visit)
    abroad = [p for p in primary.people if country_of.get(p) and country_of.get(p) != host] if host else []
    for visit in [*found, *out]:
        if visit.type == "VISIT" and visit.date is None and set(visit.people) <= set(abroad) and visit.people:
            there = state_of(visit.location, kb)
            if there == host and primary.date:
                visit.date = primary.date
                visit.rules["date"] = "meeting-abroad"
    return out


# "This follows a meeting with X", "It came after talks with X": the sentence opens on what it follows
_FOLLOWS = re.compile(r"\s*(?:This|It|That)\s+(?:follows|followed|comes|came|took place|was held)\b[^.;]*$")


def pair_meetings(pending: list[Found], primary: Found | None, cast: Cast | None = None,
                  text: str = "", found: tuple[Found, ...] = ()) -> list[Found]:
    """Meetings and calls of "they" or "the two" on another date than the document's primary
    meeting or call ("They last met in January in Bangkok"): an earlier or later engagement of
    the same pair.  Undated ones are taken to be the primary engagement itself and add nothing.

    In a readout of a round of calls, each paragraph tells one of them: "Chancellor Merkel
    discussed ... They also agreed to meet in Brussels next week" is the pair of that call."""
    if primary is None or primary.type not in {"MEET", "CALL"} or len(primary.people) != 2:
        return []
    out = []
    for event in pending:
        if event.type in {"MEET", "CALL"} and len(event.people) == 1 and cast is not None:
            # "This follows a meeting with Chinese Foreign Minister Wang Yi": one side named, the
            # other the document's own person of the other country
            other = event.people[0]
            if other in primary.people and event.date and primary.date and not _same_time(event.date, primary.date) \
                    and len(event.date) == 10 and event.date < primary.date \
                    and event.modality == primary.modality == "occurred" and not any(
                        set(e.people) == set(primary.people) and e.date == event.date and e.type == event.type
                        for e in found):
                # "saying that his meeting with Xi last night was terrific": the pair's other meeting
                event.people, event.partial = list(primary.people), False
                event.rules["participants"] = "pair-another-day"
                out.append(event)
                continue
            theirs = cast.people[other].country
            hubs = [p for p in primary.people if theirs and cast.people[p].country not in {None, theirs}]
            said = [m.start for m in cast.mentions if m.person == other and event.start <= m.start < event.end]
            if other not in primary.people and len(hubs) == 1 and said and min(said) > event.trigger \
                    and _FOLLOWS.match(text, event.start, event.trigger) and not any(
                    set(e.people) == {hubs[0], other} for e in found):  # the one met, not the one meeting
                event.people, event.partial = [hubs[0], other], False
                event.rules["participants"] = "principal-and-named"
                out.append(event)
            continue
        if event.type in {"MEET", "CALL"} and not event.people and "anaphor" not in event.rules:
            pair = _paragraph_pair(event, primary, cast, text, found) or list(primary.people)
            earlier = event.rules.get("when") == "earlier"
            if event.type == primary.type and not earlier and (not event.date or _same_time(event.date, primary.date)) \
                    and set(pair) == set(primary.people):
                continue  # the document's own engagement again ("the two held talks for four hours")
            event.people, event.partial = pair, False
            event.rules["participants"] = "the-document's-pair"
            out.append(event)
    return out


def _paragraph_pair(event: Found, primary: Found, cast: Cast | None, text: str,
                    found: tuple[Found, ...]) -> list[str] | None:
    """The pair of another engagement of the document's principal whose other side is the one
    person the trigger's paragraph names ("Chancellor Merkel discussed ... They agreed to meet")."""
    if cast is None or not text:
        return None
    start = text.rfind("\n", 0, event.trigger) + 1
    named = cast.people_in(start, event.trigger)
    if len(named) == 2:
        return named  # "President Macron and the Taoiseach spoke ... They looked forward to seeing each other"
    if len(named) != 1 or named[0] in primary.people:
        return None
    other = named[0]
    hubs = [p for p in primary.people if any(set(e.people) == {p, other} for e in found)]
    return [hubs[0], other] if len(hubs) == 1 else None


def visits_here(pending: list[Found], found: list[Found], country_of: dict[str, str | None], here: str | None,
                kb: Knowledge) -> list[Found]:
    """Visits with a named visitor and no destination that no meeting of the document places
    ("Marape said this when commenting on the recent visit by Australian Prime Minister Anthony
    Albanese", in a Port Moresby paper): a visitor from another state came to the country the
    document is written in, its dateline's or its publisher's, unless the text tells a visit of
    theirs to somewhere else (which "their visit" then means)."""
    if here is None:
        return []
    out = []
    for visit in pending:
        if visit.type != "VISIT" or not visit.partial or len(visit.people) != 1 or visit.location \
                or visit.rules.get("visitor") != "owner":
            continue
        if country_of.get(visit.people[0]) in {None, here}:
            continue  # the publisher's own leader abroad, or a visitor of no known state
        if any(v.type == "VISIT" and not v.partial and visit.people[0] in v.people and state_of(v.location, kb) != here
               for v in found):
            continue  # "Abe's visit would be likely in mid-June": the visit to Iran told already
        visit.location, visit.partial = kb.country_names.get(here), False
        visit.rules["location"] = "visit-to-publisher"
        out.append(visit)
    return out

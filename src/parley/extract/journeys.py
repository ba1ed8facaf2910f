"""Journeys: the words by which English tells that someone travels, and where to.

An arrival or departure makes a VISIT ("arrived in Kyiv", "left Juba for Pretoria", "departed the
country for Abuja"), a trip or an arrival told by a noun does when its goal is named ("the trip by
Minister X to Colombia", "PM X's arrival in Port Moresby"), and the meeting a journey is "for"
("arrived in Tokyo for talks with ...") is still ahead when told. A move to a room or to the
meeting itself ("went to the conference room", "arriving at the meeting") is no journey. Where a
visit went when the text says only "the country", "the Sultanate", "this capital" or "the island"
is the publisher's or the dateline's place. A report that a trip "concluded" is about the trip as
a whole. Split from :mod:`parley.extract.triggers` and
:mod:`parley.extract.when_where`, whose rules use these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley.extract.knowledge import Knowledge, _load

if TYPE_CHECKING:
    from parley.extract.triggers import Found

_ARRIVAL_LEMMAS = {"arrive", "land"}
_DEPARTURE_LEMMAS = {"leave", "depart", "head", "set"}
_TRAVEL_LEMMAS = _ARRIVAL_LEMMAS | _DEPARTURE_LEMMAS | {"travel", "fly", "go", "come", "proceed"}
_MEETING_NOUNS = {"summit", "talks", "meeting", "meetings"}  # what one travels "for": still ahead when told
# what one is in a place "for" ("in France for the ... Summit"): a visit there
_OCCASIONS = _MEETING_NOUNS | {"conference", "forum", "session", "assembly", "inauguration", "funeral", "ceremony",
                               "visit", "consultations", "dialogue", "negotiations"}
_ENDING = {"wrap", "conclude", "end", "complete", "return"}  # a departure that ends a trip is no visit
_ATTENDING = {"attend", "meet", "hold", "participate", "join", "sign", "witness", "lead", "represent", "discuss"}
# what a place unknown to the gazetteer is called in apposition ("visited Sanliurfa, a Turkish province")
_PLACE_KINDS = {"province", "city", "town", "region", "state", "district", "village", "capital", "island",
                "port", "county", "prefecture", "municipality", "governorate", "oblast", "emirate"}


def trip_to(tok: Token, nxt: str) -> bool:
    """"a trip to X", "a tour in X", "a three-nation tour of Africa", "the trip by Minister X to
    Colombia" (wherever the parser hangs "to Colombia"): a trip noun with its goal."""
    if stop_is(tok):
        return True
    if nxt in {"to", "in"} or (tok.lemma_.lower() == "tour" and nxt == "of") or _goes_to(tok):
        return True
    if (taking := takes_to(tok)) is not None and _goes_to(taking):
        return True  # "his four-nation tour that will also take him to South Korea, Malaysia and ..."
    return any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children) and any(
        t.lower_ == "to" and t.nbor(1).ent_type_ == "GPE" for t in tok.doc[tok.i + 2:min(tok.i + 9, len(tok.doc) - 1)])


def _goes_to(head: Token) -> bool:
    """Whether ``head`` has a "to" phrase naming a state or city."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.ent_type_ == "GPE" for g in c.children)
               for c in head.children)


def takes_to(trip: Token) -> Token | None:
    """The "take" of "a tour that will also take him to A, B and C": the clause that names the
    trip's places (its "to") and, by its "will", that they are still ahead."""
    return next((c for c in trip.children if c.dep_ == "relcl" and c.lemma_.lower() == "take"), None)


def stop_is(tok: Token) -> str | None:
    """"The next and the last stop of his South Asia trip is India": a stop whose place the copula
    names."""
    subject = tok.head if tok.dep_ == "conj" else tok  # ("The next and the last stop")
    if tok.lemma_.lower() != "stop" or subject.dep_ != "nsubj" or subject.head.lemma_ != "be":
        return None
    return next((c.text for c in subject.head.children if c.dep_ == "attr" and c.ent_type_ == "GPE"), None)


def place_in_apposition(verb: Token) -> str | None:
    """"visited Sanliurfa, a Turkish province bordering Syria", "toured Kasese, a district in western
    Uganda": a destination the gazetteer does not know, which the text itself calls a place."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ != "PROPN":
            continue
        if any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_KINDS for c in obj.children):
            words = [t for t in obj.subtree if t.i <= obj.i and (t.dep_ == "compound" or t is obj)]
            return " ".join(t.text for t in words)
    return None


def in_place_to(verb: Token) -> bool:
    """"In London to attend the coronation, the two Prime Ministers discussed ...": a purpose
    clause put first, whose "in" names the place the subject of the sentence has come to."""
    return verb.dep_ == "advcl" and verb.lemma_.lower() in _ATTENDING and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i and any(g.ent_type_ == "GPE" for g in c.children)
        for c in verb.children) and verb.i < verb.head.i


_SEATS = {"villa", "palace", "house", "residence", "office", "secretariat", "mansion"}


def at_seat(verb: Token) -> bool:
    """An arrival at a seat of government ("arrived the fore court of the presidential villa")."""
    return verb.lemma_.lower() in _ARRIVAL_LEMMAS and any(
        g.lower_ in _SEATS for c in verb.children if c.dep_ in {"dobj", "prep"} for g in c.subtree)


def seat_arrived_at(verb: Token, text: str, kb: Knowledge, here: str | None) -> str | None:
    """"The French leader arrived the presidential villa", "arrived at State House": a guest's
    arrival at the host's seat of government, the visit to the city of the dateline or of the
    last place the text named before (the seat's city, "the presidential villa in Abuja")."""
    if not at_seat(verb):
        return None
    if here:
        return here
    named = [m.group(0) for m in kb.place_re.finditer(text, 0, verb.idx) if m.group(0) in kb.places]
    return named[-1] if named else None


def present_for(be: Token) -> bool:
    """"X and delegation are in Brazzaville to attend the inauguration", "will be in San Francisco to
    meet X": being in a place for a purpose, which annotators count as a visit there (three of four
    in the corpus; annotation.md's "presence without travel wording" is presence for an act told
    there, "I did so in Istanbul")."""
    places = [g for c in be.children if c.dep_ == "prep" and c.lower_ == "in"
              for g in c.children if g.ent_type_ == "GPE"]
    return bool(places) and (any(
        c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in _ATTENDING and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in be.children) or any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in _OCCASIONS for g in c.subtree)
        for h in (be, *places) for c in h.children))  # "who is currently in France for the ... Summit"


def arrival_in(tok: Token) -> bool:
    """"PM X's arrival in Port Moresby", "the arrival of X in Y": an arrival with its owner and a
    place (not "Upon arrival in Canberra, ...", whose arriving one the clause may not name)."""
    if not any(c.dep_ == "poss" or c.lower_ == "of" for c in tok.children):
        return False
    preps = (*tok.children, *(x for c in tok.children if c.lower_ == "of" for g in c.children for x in g.children))
    return any(c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(
        g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"} for g in c.children) for c in preps)


def leaves_for(tok: Token, nxt: str) -> bool:
    """"left for Beijing", "left Juba for Pretoria" (not "..., wrapping up"), "departed the country for X"."""
    doc = tok.doc
    if nxt == "for" or (nxt in {"here", "today", "tonight"} and tok.i + 2 < len(doc) and tok.nbor(2).lower_ == "for"):
        return True
    if any(c.dep_ == "dobj" and c.lower_ in {"country", "capital"} for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.ent_type_ == "GPE" for g in c.children)
            for c in (*tok.children, *(g for c in tok.children if c.dep_ == "dobj" for g in c.children))):
        return True
    return any(t.lower_ == "for" and t.nbor(1).ent_type_ == "GPE" and doc[tok.i + 1].ent_type_ == "GPE"
               for t in doc[tok.i + 2:min(tok.i + 6, len(doc) - 1)]) \
        and not any(t.lemma_.lower() in _ENDING for t in tok.sent)


_VENUES = {"palace", "veranda", "verandah", "hall", "room", "building", "house", "residence", "office",
           "guesthouse", "ballroom", "garden", "gardens", "terrace", "chamber", "lounge", "table"}


def _to_venue(verb: Token) -> bool:
    """A move within the place of the talks ("departed for the Palace veranda", "went to the
    conference room"): a room or building as the goal, which is no journey; nor is "arriving at
    the meeting" (an occasion, wherever it is)."""
    return any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for", "into"} and any(
        t.lower_ in _VENUES for t in c.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj")
        for c in verb.children) or any(c.dep_ == "prep" and c.lower_ == "at" and any(
            g.dep_ == "pobj" and g.lower_ in {"meeting", "summit", "session", "talks", "conference"}
            for g in c.children) for c in verb.children)


def _travel_purpose(tok: Token) -> bool:
    """A meeting noun that is what someone travels for: "arrived ... for talks with", "left for
    Beijing ahead of a summit with"."""
    head = tok.head
    if head.dep_ == "prep" or head.lower_ in {"for", "of"}:
        prep = head
        if prep.lower_ == "of" and prep.head.lower_ == "ahead":
            prep = prep.head
        return prep.lower_ in {"for", "ahead"} and prep.head.lemma_.lower() in _TRAVEL_LEMMAS \
            and not _to_venue(prep.head)
    return False


_REALMS = {"country", "sultanate", "kingdom", "emirate", "principality"}


def state_of(place: str | None, kb: Knowledge) -> str | None:
    """The state a destination names or lies in ("Papua New Guinea", "Port Moresby": PNG)."""
    return kb.country_nouns.get(place or "") or kb.places.get(place or "")


def country_meant(tok: Token, kb: Knowledge, home: str | None, own: set[str | None]) -> str | None:
    """"arrived in the country on Tuesday", "who is in our country on an official visit", "currently
    visiting the Sultanate": the publisher's country, when it is not the visitor's own ("that
    country" points elsewhere)."""
    clause = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), tok)
    word = next((t for t in (*tok.subtree, *clause.subtree) if t.lower_ in _REALMS and (
                 (t.head.dep_ == "prep" and t.head.lower_ in {"to", "in", "into"})
                 or (t.dep_ == "dobj" and t.head.lemma_.lower() == "visit")) and any(
                     c.dep_ in {"det", "poss"} and c.lower_ in {"the", "our"} for c in t.children)), None)
    if word is None or home is None or home in own:
        return None
    return kb.country_names.get(home)


@cache
def _capitals() -> dict[str, str]:
    """Each state's capital (ISO3 -> city), from the packaged gazetteer."""
    return {c["iso3"]: c["capital"] for c in _load("countries.json")["countries"] if c.get("capital")}


def capital_meant(tok: Token, kb: Knowledge, here: str | None = None) -> str | None:
    """"arrived in the Mongolian capital, Ulaanbaatar", "arrived in the Australian capital on
    Monday": the city named beside "capital", else that state's capital; "this capital", "the
    island" with nothing more: the place of the dateline (``here``)."""
    clause = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), tok)
    word = next((t for t in (*tok.subtree, *clause.subtree) if t.lower_ in {"capital", "island"}
                 and t.head.dep_ == "prep" and t.head.lower_ in {"to", "in", "into", "at", "on"}), None)
    if word is None:
        return None
    if here and any(c.dep_ == "det" and c.lower_ in {"this", "the"} for c in word.children) and not any(
            c.dep_ in {"amod", "compound", "appos", "prep"} for c in word.children):
        return here  # "a state visit to this capital", "arrived last night on the island": the dateline's
    named = next((t.text for t in word.subtree if t.pos_ == "PROPN" and t.i > word.i and t.text in kb.places), None)
    if named:
        return named
    state = next((kb.countries[c.text] for c in word.children if c.dep_ in {"amod", "compound"}
                  and c.text in kb.countries), None)
    return _capitals().get(state) if state else None


_CONCLUDED = re.compile(
    r"\b(?:concluded|concludes|concluding|wrapped up|wraps up|wrapping up|ended|ends|ending|completed|completes"
    r"|completing|rounded off|rounds off|rounding off)\s+"
    r"(?:a|an|his|her|their|the)\s+(?:(?P<n>two|three|four|five|six|seven|\d)[- ]day\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b", re.IGNORECASE)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True, slots=True)
class Summary:
    """A report that sums up a finished trip: its VISIT and how many days it lasted."""

    visit: Found
    days: int


def concluded_visit(found: list[Found], text: str) -> Summary | None:
    """"X concluded a two-day working visit to South Africa today": the document is about the trip as
    a whole (its meetings are parts of it): the VISIT is primary, begun ``days - 1`` days before."""
    lead = text[:600]
    for m in _CONCLUDED.finditer(lead):
        visit = next((e for e in found if e.type == "VISIT" and m.start() <= e.trigger < m.end() + 1), None)
        if visit is not None and any(e.type == "MEET" and e.start <= e.trigger < m.start() < e.end and not e.partial
                                     and len(e.people) >= 2 and set(visit.people) <= set(e.people) for e in found):
            return None  # "With a meeting with President X, Y ended his visit": the meeting it was for (not
            # "ended her visit, during which she met X, Y and Z": the visit, of many meetings)
        if visit is not None:
            n = m.group("n")
            days = int(n) if n and n.isdigit() else _NUMBERS.get((n or "").lower(), 1)
            return Summary(visit, days)
    return None


def first_day(last: str | None, days: int) -> str | None:
    """The first day of a trip of ``days`` days that ended on ``last``."""
    if not last or len(last) != 10 or days <= 1:
        return last
    return (date.fromisoformat(last) - timedelta(days=days - 1)).isoformat()


def own_journey(found: list[Found], kb: Knowledge, home: str | None) -> None:
    """"Minister X met with President Y of Laos during his visit to the country" in a Belarusian
    relay: "the country" is the one the text elsewhere says X visited ("X's visit to Laos"), and
    the visit is X's; only when the text tells no such journey is it the publisher's country,
    visited by the guest."""
    for event in found:
        owner = event.rules.get("visitor", "")
        if event.type != "VISIT" or not owner.startswith("guest-of-the-country:"):
            continue
        owner = owner.split(":", 1)[1]
        abroad = next((e.location for e in found if e.type == "VISIT" and e is not event and e.people[:1] == [owner]
                       and e.location and state_of(e.location, kb) not in {home, None}), None)
        if abroad:
            event.people, event.location = [owner], abroad
            event.rules["visitor"] = "own-journey"


def visits_elsewhere(person: str, meeting: Found, found: list[Found], kb: Knowledge | None, home: str | None) -> bool:
    """Whether none of the visits the text gives ``person`` is to the meeting's state (its place's,
    else ``home``, the dateline's): "visiting Prime Minister May" in Nairobi, whose tour the text
    tells by its other stops ("has seen her visit South Africa and Nigeria")."""
    where = [(state_of(e.location, kb) if kb and e.location else None) for e in [meeting, *found]
             if e is meeting or (e.type == "VISIT" and person in e.people)]  # (the meeting's first)
    here = where[0] or home
    return here is not None and here not in where[1:]

"""Engagements: MEET, CALL and VISIT events found from trigger words and the parse around them.

A trigger ("met", "phone call", "visit") is an event only when named people take part in it.
Participants are the people in the smallest syntactic unit around the trigger that holds enough of
them (two for a meeting or call, one visitor for a visit): "Lu said, recently, President Xi and UK
Prime Minister Keir Starmer had a phone call" gives Xi and Starmer, not Lu, because "had" is the
smallest clause holding two people.  A trigger whose own "between"/"of"/"with" phrase names only
unnamed officials ("the meeting between our defence and foreign ministers") is not an event.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from parley.dates import TimeExpr
from parley.extract.excluded import (
    _anaphor,
    _definite_visit,
    _is_excluded,
    _pair_subject,
    _unnamed_group,
    accompanied,
)
from parley.extract.journeys import (
    _ARRIVAL_LEMMAS,
    _DEPARTURE_LEMMAS,
    _TRAVEL_LEMMAS,
    _to_venue,
    _travel_purpose,
    capital_meant,
    country_meant,
    in_place_to,
    own_journey,
    place_in_apposition,
    seat_arrived_at,
    state_of,
    stop_is,
    takes_to,
)
from parley.extract.knowledge import Knowledge, doc_text, sentence_of
from parley.extract.lines import by_phone, during_virtual, held_over_line_after, virtual
from parley.extract.mentions import Cast
from parley.extract.modality import modality
from parley.extract.owners import joint_visit, restated, thanked_for, their_pair
from parley.extract.participants import (
    _dated_elsewhere,
    delegation_head,
    paragraph_chars,
    participants,
    programme_item,
    with_partner,
)
from parley.extract.triggers import _EARLIER, NEEDED, Found, trigger_type
from parley.extract.when_where import (
    _UNTIL,
    _clause_verb,
    _first_day,
    counted_places,
    forward,
    more_places,
    nearest_date,
    other_clause,
    place_near,
)

_CONTINENTS = {"Europe", "Asia", "Africa", "the Americas", "Latin America", "the Middle East", "the Pacific", "Oceania"}
__all__ = ["NEEDED", "Found", "find_events", "modality", "paragraph_chars", "participants", "trigger_type"]


def _group_gathering(tok: Token) -> bool:
    """"a European meeting", "an Arab summit": a meeting named by the one region or people it
    gathers, with no one said to meet anyone ("with", "between", a possessor)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in {"meeting", "summit"}:
        return False
    kinds = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP"]
    return len(kinds) == 1 and not any(c.lower_ in {"-", "–", "bilateral"} for c in tok.children) and not any(
        (c.dep_ == "prep" and c.lower_ in {"with", "between"}) or c.dep_ == "poss" for c in tok.children)


# The attribution that closes a sentence: "..., the spokesman X said (in a statement) (on Sunday)."
_TELLS = re.compile(r"\s+(?:said|says|added|stated|noted|announced|reported)(?:\s+(?:in\s+a\s+statement|"
                    r"on\s+\w+|today|yesterday|\w+day))*\s*[.;]")


def _trailing_tellers(tok: Token, cast: Cast, text: str) -> set[str]:
    """People named after the trigger who tell of it ("... with Secretary Blinken, Spokesman for
    the Foreign Ministry Ahmed Abu Zeid said in a statement"), whatever the parser hung them on:
    the attribution of a readout, not someone at the table."""
    sent = sentence_of(tok)
    speaking = {m.person for m in cast.mentions if sent.start_char <= m.start < sent.end_char
                and text[m.start:m.end] in {"I", "me", "my", "My"}}  # '"I look forward to ...," X said': X is in it
    return {m.person for m in cast.mentions if tok.idx < m.start < sent.end_char and _TELLS.match(text, m.end)
            and m.person not in speaking}


def find_events(doc: Doc, cast: Cast, kb: Knowledge, dates: list[TimeExpr],
                anchor: date | None = None, text: str | None = None, home: str | None = None,
                here: str | None = None) -> list[Found]:
    """Every engagement the body mentions, one per trigger, before merging (``text`` is
    ``doc.text`` read once by the caller; ``home`` is the publisher's country, which "our country"
    means; ``here`` the dateline's place)."""
    text = doc.text if text is None else text
    found: list[Found] = []
    phone_story = re.search(r"\b(?:tele)?phon", text[:600], re.IGNORECASE) is not None
    for tok in doc:
        kind = trigger_type(tok)
        if kind is None and phone_story and tok.lower_ in {"conversation", "conversations"} and tok.pos_ == "NOUN" \
                and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "with":
            kind = "CALL"  # "-in phone conversation ... Rowley had a conversation with Trump": that call
        if kind is None or _is_excluded(tok):
            continue
        led = delegation_head(tok, cast) if _unnamed_group(tok, cast) else None
        if led == []:
            continue  # a group of no one named, not a delegation whose head is named
        if kind == "MEET" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and trigger_type(c) == "CALL"
                                                         for c in tok.children):
            continue  # "received a phone call from X": the call, told by its noun, not a reception
        if tok.pos_ in {"NOUN", "PROPN"} and tok.text[:1].isupper() and tok.i > tok.sent.start and any(
                c.dep_ == "compound" and c.text[:1].isupper() for c in tok.children):
            continue  # "the 53rd Pacific Islands Leaders Forum Meetings": the name of a conference
        if kind == "MEET" and _group_gathering(tok):
            continue  # "just before a European meeting on Ukraine": a gathering of a region, not these people's
        if kind == "VISIT" and virtual(tok):
            continue  # "during his virtual visit to Kenya": no one travelled
        if kind == "MEET" and (by_phone(tok) or during_virtual(tok) or held_over_line_after(tok)):
            kind = "CALL"  # "held talks via telephone with", "a meeting by video link"
        if tok.dep_ == "compound" and (trigger_type(tok.head) is not None or (
                tok.head.lower_ == "conversation" and doc[tok.head.i + 1:tok.head.i + 2].text == "with")):
            continue  # "a telephone call", "a telephone conversation with": one engagement, told by its head
        if kind == "CALL" and tok.pos_ in {"VERB", "AUX"} and any(
                g.lower_ in {"phone", "telephone", "video"}
                for c in tok.children if c.dep_ == "prep" for g in c.children):
            continue  # "has spoken by phone with A, B and C": told by "phone", whose phrase names them
        if tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} and trigger_type(tok.head) is None:
            continue  # "a new Security Arrangement and the meeting between ministers"
        if kind != "CALL" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.lower_ in {
                "meeting", "meetings", "summit", "talks", "visit"}:
            continue  # "their meeting schedule", "a meeting room": a modifier, not an engagement
        sent = sentence_of(tok)
        noun = tok.head if tok.dep_ == "compound" else tok
        if kind != "VISIT" and _anaphor(noun) and noun.text.islower() and noun.dep_ == "pobj" and noun.head.lower_ in {
                "at", "during", "in", "after", "following", "for", "before"}:  # ("drove X there for the meeting")
            # "At the bilateral meeting, the president congratulated Malaysia on ... under Prime
            # Minister Ibrahim": the meeting told, whoever else the clause names
            event = Found(kind, [], sent.start_char, sent.end_char, tok.idx,
                          rules={"type": f"trigger:{tok.lower_}", "participants": "the-engagement",
                                 "anaphor": "the-engagement"}, partial=True)
            event.modality = modality(tok, sent)
            event.location = place_near(tok, sent, kind, kb, doc, text)
            event.spans.append((sent.start_char, sent.end_char, f"trigger:{tok.lower_}"))
            found.append(event)
            continue
        others: list[str] = []  # the other visitors of "visits by X and Y"
        stops: list[str] = []  # the other places of "visited A, B and C"
        anaphor = False
        told = _trailing_tellers(tok, cast, text)
        people = [p for p in participants(tok, kind, cast) if p not in told]
        partial = programme = False
        if len(people) < NEEDED[kind]:
            if kind == "VISIT" and (_definite_visit(tok) or thanked_for(tok) is not None):
                people, partial = [], True  # "This visit marked ...": whose, the meeting will tell
            elif kind != "VISIT" and (pair := their_pair(tok, cast)):
                people = pair  # "told his counterpart Y ... on their January 20 meeting"
            elif kind != "VISIT" and not people and _pair_subject(tok):
                people, partial = [], True  # "They last met in Bangkok": the document's pair
                if _anaphor(tok.head if tok.dep_ == "compound" else tok):
                    anaphor = True
            elif kind != "VISIT" and (item := programme_item(tok, cast, text)):
                people, programme = item, True
            elif kind != "VISIT" and (pair := with_partner(tok, cast) or (
                    delegation_head(tok, cast) if led is None else led)):
                people = pair  # "met with Secretary-General of the body, Ambassador Y": a parse astray
            elif kind == "VISIT" or sent.start_char > 400:
                continue
            else:
                people = participants(tok, "VISIT", cast)[:1]
                if not people:
                    continue
                partial = True
        event = Found(kind, people, sent.start_char, sent.end_char, tok.idx,
                      rules={"type": f"trigger:{tok.lower_}", "participants": "clause-people"})
        event.partial = partial
        if kind == "VISIT" and tok.dep_ == "attr" and _definite_visit(tok):
            event.rules["restated"] = "copular"  # "This is the first visit to Finland by ...": the one told
        if anaphor:
            event.rules["anaphor"] = "the-engagement"
        if kind != "VISIT" and restated(tok):
            event.rules["possessed"] = "his-meeting"  # "his meeting with Rubio is ...": told elsewhere too
        if any(c.dep_ in {"advmod", "amod"} and (c.lower_ in _EARLIER or (c.lower_ == "before" and not any(
                c.children))) for c in tok.children):
            event.rules["when"] = "earlier"  # "they last met", "have met before": not this one
        event.modality = modality(tok, sent)
        event.rules["modality"] = "tense-and-hedges"
        if programme:
            event.rules["participants"] = "programme-item"
            if re.search(r"\b(?:will|shall|to be held|scheduled)\b", text[max(0, tok.idx - 600):tok.idx]):
                event.modality = "planned"  # the programme of days still ahead
        if kind == "VISIT" and tok.pos_ == "VERB" and tok.lemma_.lower() in _TRAVEL_LEMMAS and _to_venue(tok):
            continue
        if kind == "VISIT" and tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in {"country", "city", "capital"}
                                                              for g in c.children) for c in tok.children):
            event.location = None  # "on the occasion of his visit to the country": where he was received
            capital = capital_meant(tok, kb)  # "his visit to the French capital": Paris, France's
            there = state_of(capital, kb) if capital else home if any(
                g.lower_ == "country" for c in tok.children if c.lower_ == "to" for g in c.children) else None
            if there and all(cast.people[p].country == there for p in people):
                # ("his" is not the host's: the latest guest named before, unless the text tells the
                # publisher's own official's journey: see own_journey)
                event.people = [m.person for m in reversed(cast.mentions) if sent.start_char <= m.start < tok.idx
                                and cast.people[m.person].country not in {there, None}][:1] or people
                if event.people != people and not capital:
                    event.rules["visitor"] = "guest-of-the-country:" + people[0]
            if there and cast.people[event.people[0]].country not in {there, None}:
                event.location = capital or kb.country_names.get(there)  # the guest's destination
        elif kind == "VISIT" and tok.dep_ == "amod":
            event.location = None  # "the visiting U.S. Vice President": the guest, not a destination
        elif kind == "VISIT":
            visited = next((e.text.removeprefix("the ") for c in tok.children if c.dep_ == "dobj"
                            and tok.lemma_.lower() == "visit" and tok.pos_ == "VERB"
                            for e in doc.ents if e.label_ == "GPE" and e.start <= c.i < e.end),
                           None)  # "then visit neighboring Poland": the state it names, not a place nearer
            if visited is None and tok.pos_ == "VERB" and tok.lemma_.lower() == "visit":
                visited = place_in_apposition(tok) or (c.text if (c := counted_places(tok)) is not None else None)
            visited = visited or stop_is(tok)
            event.location = visited or place_near(tok, sent, kind, kb, doc, text) or next(
                (c.text for c in tok.children if (c.dep_ == "compound" and tok.pos_ == "NOUN"
                 and (c.text in kb.country_nouns or c.text in kb.places)) or (c.dep_ == "dobj" and c.ent_type_ == "GPE"
                 and tok.lemma_.lower() in _ARRIVAL_LEMMAS)), None) or country_meant(  # ("arrived Nigeria")
                tok, kb, home, {cast.people[p].country for p in people}) or capital_meant(
                tok, kb, here) or (here if tok.pos_ == "VERB" and any(c.lower_ == "here" for c in tok.children)
                             else None)  # "the Russia visit by X", "arrived here" under a dateline
            if event.location in _CONTINENTS and here:
                event.location = here  # "continued his tour to Europe" under a "Vaduz, 21 June" dateline
            if event.location is None and people and (seat := seat_arrived_at(tok, text, kb, here)) and \
                    cast.people[people[0]].country not in {state_of(seat, kb), None}:
                event.location = seat  # "the French leader arrived the presidential villa": Abuja's
            if event.location and tok.pos_ == "VERB" and tok.lemma_.lower() in _TRAVEL_LEMMAS - _ARRIVAL_LEMMAS:
                goal = [c for c in (*tok.children, *(g for a in tok.children if a.dep_ == "advmod" for g in a.children))
                        if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for"}]  # (and "headed back to")
                inside = [text[c.idx:c.right_edge.idx + len(c.right_edge.text)] for c in goal] + [
                    t.nbor(1).text for t in doc[tok.i + 2:min(tok.i + 6, len(doc) - 1)] if t.lower_ == "for"]
                # ("left Juba for Pretoria to hold talks": "for" is the parser's mark of "to hold")
                if not any(event.location in part for part in inside):
                    event.location = None  # "before heading to their meeting": no destination named
            if event.location is None and people and (host := _visited_person(tok, cast)) and tok.pos_ == "VERB":
                there = cast.people[host[0]].country
                if there and there != cast.people[people[0]].country and host[0] != people[0]:
                    event.location = kb.country_names.get(there)  # "Bullrich visited Bukele": in his country
            if event.location is None or not people:
                if not _definite_visit(tok):
                    continue
                event.partial = True  # "Widodo's visit", "the three-day trip": placed by the meeting
                event.rules["location"] = "meeting-abroad"
                owners = [t for c in tok.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"by", "of"})
                          for t in c.subtree] if tok.pos_ == "NOUN" else []
                named = [m.person for m in cast.in_span(min((t.idx for t in owners), default=0),
                                                        max((t.idx + len(t) for t in owners), default=0))
                         if not m.office]  # (not "the visit of the Foreign Secretary": whose office?)
                if people and named[:1] == people[:1]:
                    event.rules["visitor"] = "owner"  # "the recent visit by X", "X's visit": whose it is
                if not people:
                    event.spans.append((sent.start_char, sent.end_char, f"trigger:{tok.lower_}"))
                    found.append(event)
                    continue
            goes_along = {t.idx for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}
            if tok.pos_ == "VERB" and any(m.person == people[0] and m.start in goes_along for m in cast.mentions):
                continue  # "will later visit Greenland with Foreign Minister X": X goes along, the visitor is unsaid
            where = event.location or ""
            host_country = state_of(where, kb)
            people = [p for p in people if cast.people[p].country != host_country
                      or cast.people[p].country is None]
            if not people and host_country and any(c.dep_ == "poss" and c.lower_ in {"his", "her"}
                                                   for c in tok.children):
                # "thanked Minister Locsin for the hospitality accorded to him during his visit to
                # Manila": "his" is not the host's; the latest person named before who is a guest there
                before = [m.person for m in reversed(cast.mentions) if sent.start_char <= m.start < tok.idx
                          and cast.people[m.person].country != host_country]
                people = [p for p in before if cast.people[p].country is not None][:1] or [
                    p for p in before if cast.people[p].organization][:1]  # (or an organisation's: "UNICEF's X")
            if not people:
                continue
            if tok.tag_ == "NNS" or in_place_to(tok):
                others = people[1:]  # "visits by X and Y", "In London to attend X, the two ...": one each
            event.people = people if event.partial and joint_visit(tok, people, cast) else people[:1]
            if tok.tag_ != "NNS":
                fellows, along = _fellow_travellers(tok, cast), accompanied(tok)
                if along and not fellows:
                    continue  # the visit of someone accompanied whom the text does not name as a person
                event.people += [p for p in fellows if (p in people or along) and p not in event.people]
                hosts = [p for p in _visited_person(tok, cast) if p not in event.people]
                event.people += hosts
                if hosts:
                    event.rules["host"] = hosts[0]  # "visited the Prime Minister, X": whom the visit is to
            stops = more_places(tok, event.location or "", kb) if event.location else []
        elif kind == "MEET":
            event.location = place_near(tok, sent, kind, kb, doc, text) or next(
                (c.text for c in tok.children if c.dep_ == "compound" and tok.pos_ == "NOUN"
                 and c.text in kb.places), None)  # "their Seoul summit", "the upcoming Moscow talks"
        if event.location:
            event.rules["location"] = "place-after-preposition"
        near = nearest_date(tok, sent, dates, event.modality == "planned")
        if near is not None and anaphor and _own_clause_differs(tok, near):
            near = None  # "The meeting comes days after the senator held talks with X last Sunday"
        if near is not None and _dated_elsewhere(tok, near):
            near = None  # "the meeting ... will build on the leaders' phone call in February 2021"
        if near is not None:
            travelled = tok.pos_ == "NOUN" and _travel_purpose(tok) and any(
                a.tag_ == "VBD" and a.lemma_.lower() in _TRAVEL_LEMMAS for a in list(tok.ancestors)[:3])
            # "arrived in Ankara on Thursday for talks": the talks follow an arrival already told
            event.date = forward(near, anchor) if event.modality == "planned" and not travelled else near.value
            event.rules["date"] = f"{near.kind}:{near.text}"
            if _UNTIL.search(text[max(0, near.start - 9):near.start]):
                event.date = _first_day(forward(near, anchor), tok)  # "a four-day visit through Friday"
                event.rules["date"] += "+duration"
        if event.modality == "occurred" and event.date and anchor and len(event.date) == 10 \
                and event.date > anchor.isoformat() and near is not None and not other_clause(tok, near) \
                and tok.tag_ in {"VBZ", "VBP"}:
            event.modality = "planned"  # "on Thursday, October 14, when he hosts X": a day still ahead
        if event.rules.get("restated"):
            event.date = None  # "This is the first visit by X, who took office in January"
        event.spans.append((sent.start_char, sent.end_char, f"trigger:{tok.lower_}"))
        found.append(event)
        found.extend(Found(kind, [visitor], event.start, event.end, event.trigger, event.modality, event.location,
                           event.date, dict(event.rules), list(event.spans)) for visitor in others)
        if event.modality == "occurred" and (taking := takes_to(tok)) is not None and any(
                a.lower_ in {"will", "would"} for a in taking.children):
            event.modality, event.date = "planned", None  # "his tour that will also take him to A, B and C"
        ahead = "planned" if tok.lemma_.lower() in _DEPARTURE_LEMMAS and event.modality == "occurred" else None
        found.extend(Found(kind, list(event.people), event.start, event.end, event.trigger, ahead or event.modality,
                           stop, None if ahead else event.date, dict(event.rules), list(event.spans)) for stop in stops)
        # ("has departed the country for Senegal, Morocco and France": the later legs are still ahead)
    own_journey(found, kb, home)
    return found


def _own_clause_differs(tok: Token, near: TimeExpr) -> bool:
    """Whether a date stands in another clause than ``tok`` (told of another verb)."""
    at = tok.doc.char_span(near.start, near.end, alignment_mode="expand")
    mine, theirs = _clause_verb(tok), _clause_verb(at.root) if at is not None else None
    return mine is not None and theirs is not None and mine.i != theirs.i


def _fellow_travellers(tok: Token, cast: Cast) -> list[str]:
    """Who travel together: the people of a visit verb's subject joined by "and" or "alongside"
    ("OSCE Chairperson Bujar Osmani alongside Helga Schmid will be paying a visit to Turkiye")."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in {"dobj", "pobj"} and tok.head.pos_ == "VERB" else None
    if accompanied(tok):
        # "X accompanied President Y during his trip to Washington": Y's trip, and X's with him
        verb = tok.head.head
        # ("X is part of the delegation accompanying Y on a working visit": X, the clause's subject)
        subject = next((c for a in (verb, *list(verb.ancestors)[:3]) for c in a.children if c.dep_ == "nsubj"), None)
        went = [m.person for m in cast.mentions if verb.idx < m.start < tok.head.idx] + [
            m.person for t in (subject.subtree if subject is not None else ()) for m in cast.mentions
            if m.start <= t.idx < m.end]  # whom the verb names before "on his visit", then the subject
        return list(dict.fromkeys(went)) if len(set(went)) > 1 else []
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
    if subject is None:
        return []
    aside = {x.i for t in subject.subtree if t.dep_ in {"relcl", "acl"} for x in t.subtree}  # "X, accompanied by Y,"
    if not any(t.i not in aside and (t.dep_ == "conj" or (t.dep_ == "prep" and (t.lower_ == "alongside" or (
            t.lower_ == "with" and any(g.lower_ in {"together", "along"} for g in t.children)))))
            for t in subject.subtree):
        return []
    found = [m.person for t in subject.subtree if t.i not in aside
             for m in cast.mentions if m.start <= t.idx < m.end]
    return list(dict.fromkeys(found)) if len(set(found)) > 1 else []


def _visited_person(tok: Token, cast: Cast) -> list[str]:
    """The host of a visit told as one to a person ("Bullrich visited Bukele", "President A will host
    President B for a working visit"): the annotation counts the host among the visit's people."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "visit":
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        # "visited the Prime Minister of Jamaica, Portia Simpson": the office, or its holder in apposition
        ends = [max([c, *(a for a in c.children if a.dep_ == "appos")], key=lambda t: t.i) for c in objects]
        return [p for c, e in zip(objects, ends, strict=True)
                for p in cast.people_in(c.left_edge.idx, e.idx + len(e.text))][:1]
    calls = [g for c in tok.children if c.dep_ in {"advcl", "xcomp"} for g in c.children
             if g.dep_ == "dobj" and g.lemma_.lower() in {"visit", "call"}] if tok.pos_ == "VERB" else [tok]
    for noun in calls:  # "flew to Putrajaya to pay a courtesy visit to Malaysia's new prime minister Anwar"
        for obj in (g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "on"}
                    for g in c.children if g.dep_ == "pobj"):  # (not "to Japan, where he met X")
            end = max([obj, *(a for a in obj.children if a.dep_ == "appos")], key=lambda t: t.i)
            if obj.ent_type_ in {"GPE", "LOC", "FAC"} or "\n" in doc_text(obj.doc)[obj.left_edge.idx:end.idx]:
                continue  # "visit to Sri Lanka", not its host; (nor past a line break)
            named = cast.people_in(obj.left_edge.idx, end.idx + len(end.text))
            if named:
                return named[:1]
    if tok.pos_ == "NOUN" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in {"host", "receive"} \
            and tok.head.head.pos_ == "VERB":
        subject = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
        return [p for c in subject for p in cast.people_in(c.left_edge.idx, c.idx + len(c.text))][:1]
    return []

"""A meeting the text implies without a meeting word: a visit to a host, and the two discussing.

Readouts of small governments and their agencies often tell a working visit and then what "the
two leaders discussed" or what "X and his French counterpart sought", and never write "met":
"Prime Minister Golob visited Paris today at the invitation of President Macron. ... Dr. Golob
and his French counterpart sought common solutions"; "Kallas will visit Helsinki on Friday at the
invitation of Prime Minister Sanna Marin. ... The prime ministers will discuss ...". An analyst
codes the meeting of visitor and host (the primary event: the leader travelled for it), on the
visit's day and at its place. Without both a named host and a sentence of the two discussing,
nothing is implied.

Also here, what a meeting's people are when the text tells them apart from its trigger: the
guest of a visit ("the visiting leader", "the warm welcome to South Africa"), the envoys listed
after a ceremony, and the other side a one-sided meeting ("A and B will travel for talks") joins.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from parley.dates import TimeExpr
from parley.extract.events import Found
from parley.extract.journeys import state_of, visits_elsewhere
from parley.extract.knowledge import Knowledge
from parley.extract.mentions import Cast
from parley.extract.triggers import talk_kind
from parley.extract.when_where import nearest_date

# "at the invitation of French President Emmanuel Macron", "a working visit to his Ivorian
# counterpart, President Alassane Ouattara": who receives the visitor
_HOST = re.compile(r"\b(?:[Aa]t|[Oo]n|[Uu]pon) the invitation of\b"
                   r"|\bvisit to (?:his|her|their) (?:[A-Z]\w+ )?counterparts?\b")
# "the two leaders discuss", "The prime ministers will discuss", "X and his French counterpart sought"
_PAIR = (r"(?:[Tt]he two|[Bb]oth|[Tt]he) (?:leaders|presidents|prime ministers|premiers|ministers|foreign ministers|"
         r"heads of state|heads of government|counterparts|sides)")
_TOGETHER = re.compile(
    r"\b(?:talks|meeting|discussions|consultations) between the two (?:leaders|presidents|prime ministers|"
    r"foreign ministers|ministers|heads of state)\b|"
    rf"\b{_PAIR}\b[^.;]{{0,60}}?\b(?:will |would |are to |to )?(?:discuss\w*|exchang\w*|review\w*|agree\w*|"
    r"reaffirm\w*|stress\w*|sought|seek|underlin\w*|emphasi[sz]\w*|held|hold|address\w*)\b"
    r"|\band (?:his|her) (?:[A-Z]\w+ )?counterpart\b[^.;]{0,40}?\b(?:discuss\w*|exchang\w*|sought|agree\w*|"
    r"review\w*|held)\b", re.IGNORECASE)


# "Prime Minister John Key and I will discuss ...": the author of a first-person release and a host
_AND_I = re.compile(r"\s+and I (?:will |would |are to |shall )?(?:discuss\w*|meet|hold talks|review)\b")


# A resident envoy named ("Australian High Commissioner-designate X"): welcomed to a capital to take up a post
_RESIDENT_ENVOY = re.compile(r"(?<!Special )\b(?:Ambassador|High Commissioner|Charg[eé] d.Affaires)(?:-designate)?"
                             r"(?: of [A-Z][\w ]{2,30})?,? (?:(?:Mr|Ms|Dr|H\.?E)\.? )?$")


def _resident_envoy(person: str, cast: Cast, text: str) -> bool:
    return any(m.person == person and _RESIDENT_ENVOY.search(text, max(0, m.start - 60), m.start)
               for m in cast.mentions)


def _we_discuss(cast: Cast, text: str, guest: str) -> tuple[str, re.Match[str]] | None:
    """The person named right before "and I will discuss", when the "I" is the visit's guest."""
    for m in cast.mentions:
        said = _AND_I.match(text, m.end)
        if said and m.person != guest and any(i.person == guest and i.start == said.start() + len(" and ")
                                                for i in cast.mentions):
            return m.person, said
    return None


_SUMS_UP = re.compile(r"\b(?:conclude[sd]?|concluding|wraps? up|ends|ended|completes|completed)\b", re.IGNORECASE)


def implied_meeting(found: list[Found], cast: Cast, text: str, title: str | None = None) -> Found | None:
    """The visitor's meeting with the named host of their visit, when the text has the two
    discussing and tells no meeting or call of theirs (see the module docstring).  A headline
    summing up a trip ("PM concludes visit to ...") keeps the trip as the story."""
    if _SUMS_UP.search(title or ""):
        return None
    told_meetings = [e for e in found if e.type in {"MEET", "CALL"} and not e.partial and len(e.people) >= 2]
    visits = [e for e in found if e.type == "VISIT" and e.people]
    told = _TOGETHER.search(text)
    for visit in visits:
        guest = visit.people[0]
        visited = visit.rules.get("host") if visit.rules.get("host") in visit.people else None  # "visited X"
        host = visited or _host_named(visit, cast, text)
        if host is None and (we := _we_discuss(cast, text, guest)) is not None:
            host, told = we  # "John Key and I will discuss": the guest writes of the two of them
        # a meeting with the host told in words is this visit's, unless it was elsewhere ("In May
        # President X was on a visit to Ethiopia ... held discussion with Y": an earlier trip)
        here = [e for e in told_meetings
                if e.location is None or visit.location is None or e.location == visit.location]
        if host is None or host == guest or any(host in e.people for e in here):
            continue
        country = cast.people[host].country
        if country is not None and country == cast.people[guest].country:
            continue
        if visited is None and (told is None or (here and not _both_hold(
                told.group(0), cast.people[guest].title, cast.people[host].title))):
            continue  # a meeting told in words: "the two leaders" are its pair, not the visit's
        start, end = visit.start, visit.end
        if told is not None and visited is None:
            start = text.rfind("\n", 0, told.start()) + 1
            end = text.find("\n", told.end())
            end = len(text) if end < 0 else end
        ahead = told is not None and not visited and re.search(r"\b(?:will|are to|is to)\s+\w+$", told.group(0))
        meeting = Found("MEET", [guest, host], start, end, told.start() if told and not visited else visit.trigger,
                        modality="planned" if ahead else visit.modality, location=visit.location, date=visit.date,
                        rules={"type": "visit-to-host" if visited else "visit-to-host+discussion",
                               "participants": "guest-and-host", **({"date": "visit-day"} if visit.date else {})})
        meeting.spans = [*visit.spans, (start, end, "discussion")]
        return meeting
    return None


# "President X accorded warm welcome to the Prime Minister on arrival", "X welcomed him at the
# airport": the host greets the guest
_WELCOMER = re.compile(r"\s+(?:(?:accorded|extended|gave)\s+(?:a\s+)?(?:warm|cordial|rousing|red[- ]carpet)\s+"
                       r"welcome|(?:warmly\s+)?(?:welcomed|greeted))\b")


def _host_named(visit: Found, cast: Cast, text: str) -> str | None:
    """The person named right after "at the invitation of" or "a visit to his counterpart" in
    the visit's own sentence, else in the lead; else the one the lead has welcoming the guest."""
    for lo, hi in ((visit.start, visit.end), (0, min(len(text), 600))):
        for m in _HOST.finditer(text, lo, hi):
            after = [mm for mm in cast.mentions if m.end() <= mm.start <= m.end() + 80 and not mm.office]
            if after:
                return after[0].person
    for mm in cast.mentions:
        if mm.start < 600 and not mm.office and _WELCOMER.match(text, mm.end) and mm.person not in visit.people:
            return mm.person
    return None


def _both_hold(cue: str, *titles: str | None) -> bool:
    """"The prime ministers will discuss": an office the guest and the host both hold."""
    office = re.search(r"(prime minister|president|foreign minister|premier)s\b", cue, re.IGNORECASE)
    return office is not None and all(t and office.group(1).lower() in t.lower() for t in titles)


# "talks with visiting Russian Foreign Minister Sergei Lavrov", "Visiting Maldives President X":
# capitalised title and nationality words between "visiting" and the name, nothing else
_VISITING_BEFORE = re.compile(r"\b[Vv]isiting\s+(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,6}$")
_THE_VISITING = re.compile(r"\b[Tt]he visiting (?:leader|premier|prime minister|president|chancellor|head of "
                           r"(?:state|government)|foreign minister|minister|king|queen|emir|guest)\b")


# "the President welcomed the Vice President and the accompanying delegation to the Maldives"
# (not "welcomed the expected visit to Fiji of X", "welcomed the decision to ...": a trip ahead, a choice)
_NOT_WELCOMED = (r"(?!\b(?:(?:expected|upcoming|planned|forthcoming|future|proposed) (?:visits?|trips?)"
                 r"|decision|plans?)\b)")
_WELCOMED_TO = re.compile(r"\b(?:welcomed|welcomes|(?:the|a|his|her|their) (?:warm |kind |generous )?welcome(?= to))"
                          rf"\b(?:{_NOT_WELCOMED}[^.;]){{0,120}}?\bto\s+(?:the\s+)?"
                          r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}|our (?:shores|country))")
# A seat of government or a residence: a welcome there is presence, no trip told ("to Downing Street")
_VENUE = re.compile(r"\b(?:House|Street|Palace|Castle|Court|Hall|Residence|Office|Building|Kremlin|Élysée|"
                    r"Elysee|Chequers|Zhongnanhai|Lodge|Villa|Centre|Center)\b")


def _welcomed_to(meeting: Found, cast: Cast, text: str, kb: Knowledge, welcomes: list[re.Match[str]]
                 ) -> tuple[str, str] | None:
    """The guest of a two-person meeting whom the host welcomes to the host's own country or one
    of its cities ("to Canberra", "to our shores"), and that place: the guest's visit, though no
    travel word tells it (a welcome to a palace or an office is presence, no trip told)."""
    if len(meeting.people) != 2:
        return None
    for match in welcomes:
        host = next((m.person for m in reversed(cast.mentions) if m.end <= match.start()
                     and text.rfind(".", m.end, match.start()) < 0 and m.person in meeting.people), None)
        country = cast.people[host].country if host else None
        place = match.group(1)
        if country and place.startswith("our "):
            place = kb.country_names.get(country, place)  # "to our shores": the host's country
        where = kb.country_nouns.get(place) or (None if _VENUE.search(place) else kb.places.get(place))
        if country is None or where != country:  # the host's country or one of its cities
            continue
        guest = next(p for p in meeting.people if p != host)
        if cast.people[guest].country != country:
            return guest, place
    return None


def guest_visits(found: list[Found], cast: Cast, text: str, kb: Knowledge | None = None,
                 home: str | None = None) -> list[Found]:
    """The visit of a meeting's guest whom the text calls "visiting" ("held talks with visiting
    Saudi Crown Prince X", "the visiting prime minister"): an analyst codes the guest's VISIT on
    the meeting's day and at its place, as for "who is visiting the United Kingdom".  A guest
    whose visit the text tells in words of its own already has it, unless every such visit is to
    another state than the meeting's (a tour told by its other stops)."""
    visitors = {p for e in found if e.type == "VISIT" for p in e.people}
    meetings = [e for e in found if e.type == "MEET" and not e.partial and len(e.people) >= 2]
    out: list[Found] = []
    for m in cast.mentions:
        if not (_VISITING_BEFORE.search(text, max(0, m.start - 90), m.start)
                or text[m.start:m.end].lower().startswith("the visiting ")):
            continue
        meeting = next((e for e in meetings if m.person in e.people), None)
        if meeting is None or (m.person in visitors and not visits_elsewhere(m.person, meeting, found, kb, home)):
            continue  # (a tour's other stops are no visit here: "visiting Prime Minister May" in Nairobi)
        visit = Found("VISIT", [m.person], meeting.start, meeting.end, m.start, modality=meeting.modality,
                      location=meeting.location, date=meeting.date,
                      rules={"type": "visiting-guest", "participants": "visiting-guest",
                             **({"date": "meeting-day"} if meeting.date else {})})
        visit.spans = [(m.start, m.end, "visiting-guest"), *meeting.spans[:2]]
        visitors.add(m.person)
        out.append(visit)
    for told in _THE_VISITING.finditer(text) if kb is not None else ():
        # "Li and Gillard held talks in Beijing, where the visiting leader was greeted": the one of
        # the meeting in that sentence who is not of the meeting's country
        meeting = next((e for e in meetings if e.start <= told.start() < e.end and e.location), None)
        host = state_of(meeting.location, kb) \
            if meeting and kb else None
        guests = [p for p in meeting.people if cast.people[p].country not in {host, None}] if meeting else []
        if host is None or meeting is None or len(guests) != 1 or guests[0] in visitors:
            continue
        visit = Found("VISIT", guests, meeting.start, meeting.end, told.start(), modality=meeting.modality,
                      location=meeting.location, date=meeting.date,
                      rules={"type": "visiting-guest", "participants": "the-visiting-office"})
        visit.spans = [(told.start(), told.end(), "visiting-guest"), *meeting.spans[:2]]
        visitors.add(guests[0])
        out.append(visit)
    welcomes = list(_WELCOMED_TO.finditer(text)) if kb is not None and meetings else []
    for meeting in meetings if welcomes else []:
        if kb is None or (welcomed := _welcomed_to(meeting, cast, text, kb, welcomes)) is None \
                or welcomed[0] in visitors or _resident_envoy(welcomed[0], cast, text):
            continue  # (an ambassador welcomed to the capital takes up a post there: no visit)
        visit = Found("VISIT", [welcomed[0]], meeting.start, meeting.end, meeting.trigger,
                      modality=meeting.modality, location=welcomed[1], date=meeting.date,
                      rules={"type": "welcomed-to", "participants": "welcomed-guest",
                             **({"date": "meeting-day"} if meeting.date else {})})
        visit.spans = list(meeting.spans[:2])
        visitors.add(welcomed[0])
        out.append(visit)
    return out


def during_trip(found: list[Found], primary: Found) -> None:
    """"The visiting prime minister will also meet President Niinistö": a further meeting still
    ahead, undated, of the guest of a planned visit that is dated, takes the visit's day and
    place (the primary meeting of the trip has them too)."""
    if primary.modality != "planned" or not primary.date:
        return
    visits = [e for e in found if e.type == "VISIT" and e.modality == "planned" and e.date == primary.date]
    guests = {v.people[0] for v in visits if v.people}
    for event in found:
        if event is not primary and event.type == "MEET" and event.modality == "planned" and event.date is None \
                and guests & set(event.people):
            event.date = primary.date
            event.location = event.location or primary.location
            event.rules["date"] = "during-the-trip"


_TALK_NOUNS = {"trigger:talks", "trigger:discussions", "trigger:discussion"}


def talks_of_the_call(found: list[Found], primary: Found) -> list[Found]:
    """"Trump and Carney had discussions about trade" in the report of their call: the call's
    talks told again, not a meeting; undated and unplaced talks of the call's own pair go."""
    if primary.type == "MEET" and primary.rules.get("type") in _TALK_NOUNS and not primary.location:
        # "X held discussions on Monday with Y ... during a phone call, X congratulated Y": the
        # talks were that call
        call = next((e for e in found if e.type == "CALL" and set(e.people) == set(primary.people)
                     and e.date in {None, primary.date}), None)
        if call is None:
            return found
        primary.type = "CALL"
        primary.spans.extend(call.spans)
        return [e for e in found if e is not call]
    if primary.type != "CALL":
        return found
    return [e for e in found if e is primary or not (
        e.type == "MEET" and set(e.people) == set(primary.people) and e.rules.get("type") in _TALK_NOUNS
        and e.date in {None, primary.date} and not e.location and e.rules.get("when") != "earlier")]


def discussed_together(found: list[Found], body: Doc, cast: Cast, dates: list[TimeExpr]) -> Found | None:
    """"Vella and Metsola discussed several challenges", "A and B spoke privately at the National
    Palace": two people of different sides, named together as the subject of a verb of talking,
    met or spoke, when the text tells no meeting or call with both sides named. Where it does, the
    sentence tells what that engagement was about, not a second one ("The Prime Minister and
    President Trump discussed trade" in the readout of their call)."""
    if any(e.type in {"MEET", "CALL"} and len(e.people) >= 2 and not e.partial for e in found):
        return None
    for tok in body:
        ahead = tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in {"will", "shall"} for c in tok.children)
        if tok.lemma_.lower() not in {"discuss", "confer", "speak", "talk"} or (tok.tag_ != "VBD" and not ahead):
            continue
        people: list[str] = []
        for subject in (c for c in tok.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or (
                ahead and c.lower_ in {"leaders", "presidents", "ministers", "sides"}))):
            words = list(subject.subtree)  # (the parser may hang the first name on the second)
            if not any(w.lower_ in {"and", "two", "both"} for w in words):
                continue  # ("The two leaders will discuss bilateral relations": a meeting still ahead)
            lo, hi = words[0].idx, words[-1].idx + len(words[-1])
            if subject.pos_ != "PROPN" and tok.sent.start > 0:  # "The two leaders": the two named just before
                lo, hi = tok.doc[tok.sent.start - 1].sent.start_char, tok.sent.start_char
            people += [m.person for m in cast.mentions if lo <= m.start < hi and m.person not in people]
        countries = {cast.people[p].country for p in people}
        if len(people) < 2 or (len(countries) < 2 and None not in countries) or (ahead and len(people) != 2):
            continue  # one side's people talking among themselves
        sent = tok.sent
        if sent.start == 0 and any(e.partial and e.type in {"MEET", "CALL"} for e in found):
            return None  # "This came during a telephone call between both sides": the lead's pair completes it
        event = Found(talk_kind(tok), people, sent.start_char, sent.end_char, tok.idx,
                      "planned" if ahead else "occurred",
                      rules={"type": "joint-subject:discussed", "participants": "joint-subject"})
        event.spans = [(sent.start_char, sent.end_char, "discussion")]
        if (near := nearest_date(tok, sent, dates)) is not None:
            event.date = near.value  # "X and Y discussed Sunday ...": that day
            event.rules["date"] = "nearest"
        return event
    return None


def lead_subject_joins(found: list[Found], body: Doc, cast: Cast) -> None:
    """"President X requested Chinese leader Y to persuade Z ... during a phone call Wednesday":
    a meeting or call of the lead sentence that found one side deep in the clause has the lead's
    own subject as the other, when that subject is one named person who does not just report it."""
    lead = next(iter(body.sents), None)
    if lead is None:
        return
    root = lead.root
    if root.lemma_.lower() in _TELLING:  # ("X revealed that ... talks with Y": X was at them)
        return
    subject = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree]
    if not subject:
        return
    named = {m.person for m in cast.mentions if subject[0].idx <= m.start < subject[-1].idx + len(subject[-1])}
    if len(named) != 1:
        return
    (person,) = named
    for event in found:
        if event.partial and event.type in {"MEET", "CALL"} and len(event.people) == 1 and \
                event.modality == "occurred" and lead.start_char <= event.trigger < lead.end_char and \
                person not in event.people and \
                cast.people[person].country != cast.people[event.people[0]].country:
            event.people.insert(0, person)
            event.partial = False
            event.rules["participants"] = "clause-people+lead-subject"


# verbs of passing a story on, whose subject need not have been at what it tells
_TELLING = {"say", "tell", "report", "announce", "state", "add", "note", "confirm", "write", "tweet"}


# "They are the Ambassador of South Korea, Mr X; the Canadian High Commissioner, Ms Y; ...", "Also
# presenting credentials on Tuesday were: X of Nigeria, Y of New Zealand, ...": the envoys of a
# ceremony, listed in a paragraph of their own
_LISTED = re.compile(r"(?:^|(?<=\n))\s*(?:They|These|The (?:new )?(?:envoys|ambassadors|diplomats))"
                     r" (?:are|were|include|included)(?=:|\s+(?:the|[A-Z]))"
                     r"|(?:^|(?<=\n)|(?<=\.))\s*Among the (?:participants|delegates|leaders) (?:are|were|included?)\b"
                     r"|(?:^|(?<=\n))\s*Also (?:presenting|presented)\b[^.:\n]{0,80}?\b(?:were|are)\b")
_CREDENTIALS = ("trigger:credentials", "trigger:credence", "trigger:accreditation")
_CEREMONIES = (*_CREDENTIALS, "trigger:received", "trigger:receives", "trigger:presented", "trigger:call")


def listed_envoys(found: list[Found], cast: Cast, text: str) -> None:
    """The envoys a credentials ceremony lists after telling it, and the participants of a joint
    call ("Among the participants are ..."): they join its meeting (one ceremony, one meeting),
    and the meetings of single people of that list told later go."""
    for m in _LISTED.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        listed = cast.people_in(m.end(), end)
        told = [e for e in found if e.type == "MEET" and e.start < m.start() and m.start() - e.end < 1500
                and e.rules.get("type", "").startswith(_CEREMONIES)]
        if len(listed) < 2 or not told:
            continue
        ceremony = max(told, key=lambda e: (e.rules["type"].startswith(_CREDENTIALS), not e.partial, -e.start))
        ceremony.people += [p for p in listed if p not in ceremony.people]
        ceremony.partial = False
        ceremony.spans.append((m.start(), end, "listed-envoys"))
        found[:] = [e for e in found if e is ceremony or e.type != "MEET" or not (
            set(e.people) <= set(ceremony.people) and set(e.people) & set(listed))]


def one_side_joins(found: list[Found], cast: Cast) -> list[Found]:
    """"Wong and Birmingham will travel to Tuvalu for talks ... will both meet with Prime Minister
    Teo": a meeting whose people are all of one side is the travellers' half of a meeting the text
    also tells with the other side at the same time; that one joins it (the first told keeps its
    place, as the story's)."""
    absorbed: set[int] = set()
    for event in found:
        states = {cast.people[p].country for p in event.people} - {None}
        if id(event) in absorbed or event.type != "MEET" or event.partial or len(states) > 1:
            continue
        whole = next((m for m in found if m is not event and id(m) not in absorbed and m.type == "MEET"
                      and not m.partial and set(event.people) < set(m.people) and m.modality == event.modality
                      and (not m.date or not event.date or m.date == event.date)
                      and {cast.people[p].country for p in m.people} - states - {None}), None)
        if whole is None:
            continue
        event.people += [p for p in whole.people if p not in event.people]
        event.spans.extend(whole.spans)
        event.date, event.location = event.date or whole.date, event.location or whole.location
        absorbed.add(id(whole))
    return [e for e in found if id(e) not in absorbed]

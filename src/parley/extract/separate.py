"""Several engagements told in one clause: one event per counterpart.

Readouts and news summarise a round of calls or meetings in one sentence: "held telephone
conversations with three of his counterparts, A, B and C", "met with the leaders of X and Y",
"bilateral meetings with A and B", "spoke separately with A and B".  Each is a bilateral engagement
of the person at the centre (the clause's subject) with one counterpart, not one engagement of
everyone named.  English marks this with a plural engagement noun ("conversations", "calls",
"meetings"), a plural office of several states ("the leaders of X and Y"), or an adverb of
distribution ("separately", "respectively", "in turn"); one meeting of all, with "jointly",
"together", "trilateral", "a joint meeting"."""

from __future__ import annotations

import re
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from parley.extract.events import Found, trigger_type
from parley.extract.knowledge import Knowledge, doc_text, sentence_of
from parley.extract.mentions import Cast
from parley.extract.participants import principal
from parley.extract.people import Mention
from parley.extract.triggers import CONFERENCE_WORDS, holding_verb

_PLURAL_ENGAGEMENTS = {"conversations", "calls", "meetings", "phone calls", "discussions", "conferences"}
_DISTRIBUTIVE = {"separately", "separate", "respectively", "individually", "bilaterally"}
_ONE_BY_ONE = re.compile(r"\b(?:at different times|one after (?:another|the other)|in separate meetings)\b")
# A list given as examples of the many a visitor saw: "met with the officials of the Government such
# as A, B and C", "met with A and B, among other dignitaries and senior officials", "met with
# President A, Minister B, Governor C, Secretary D, and other senior officials"
_SAMPLED = re.compile(r"\b(?:officials|leaders|dignitaries|authorities|ministers)\b[^.;]{0,60}?\bsuch as\b|"
                      r"\bamong(?:st)? other (?:dignitaries|officials|leaders|ministers|senior)\b|"
                      r", and (?:several |many )?other (?:senior |top |high-ranking |government )?"
                      r"(?:officials|dignitaries|leaders)\b")
# the group at one table: "told Central American leaders at a gathering Sunday ... Obama met with the
# presidents of A, B, C, D, E, F and G" is one meeting of them all, not seven
_GATHERING = re.compile(r"\b(?:gathering|round[- ]?table|group meeting|collective meeting)\b", re.IGNORECASE)
_COLLECTIVE = {"jointly", "together", "trilateral", "joint", "quadrilateral", "multilateral", "group",
               "collectively", "all"}


def _trigger(doc: Doc, at: int) -> Token | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    return tok.head if tok.dep_ == "compound" else tok  # "telephone conversations": the noun


def _distributed(tok: Token, cast: Cast) -> bool:
    """Whether the trigger's clause tells several engagements (see the module docstring)."""
    sent = sentence_of(tok)
    words = {t.lower_ for t in sent}
    clause = tok if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i else tok.head
    aside = {t.i for r in clause.subtree if r.dep_ in {"relcl", "acl"} and r.i != tok.i for t in r.subtree}
    if _ONE_BY_ONE.search(sent.text):
        return True  # "welcomed X, together with Y, and Z, at different times": each on their own
    if tok.pos_ == "NOUN" and tok.tag_ == "NN" and any(c.dep_ == "prep" and c.lower_ == "between"
                                                      for c in tok.children):
        return False  # "building on a phone call between Minister A and Minister B": one, of those two
    if {t.text for t in clause.subtree if t.text.islower() and t.i not in aside} & _COLLECTIVE:
        return False  # the trigger's own clause says "jointly", "trilateral", "all" (not "the EPP Group's
        # chair", nor "Senator X, who wants the two countries working together")
    if tok.tag_ == "NNS" and tok.lower_ in _PLURAL_ENGAGEMENTS:
        return True
    if words & _DISTRIBUTIVE or {"respective", "bilateral"} <= words:
        return True  # ("to take stock of the bilateral relations with their respective countries")
    if tok.pos_ == "VERB" and any(c.dep_ in {"dobj", "pobj"} and c.conjuncts and any(
            g.lower_ == "both" and g.dep_ in {"preconj", "det"} for g in c.children)
            for c in (*tok.children, *(g for p in tok.children if p.dep_ == "prep" for g in p.children))):
        return True  # "to have met both Putin and Zelensky": each on his own occasion
    named = [m for m in cast.mentions if tok.idx < m.start < sent.end_char]
    if len(named) >= 3 and ";" in doc_text(tok.doc)[named[0].start:named[-1].start] \
            and not _one_of_states(tok, named, cast):
        return True  # "to meet with X, the party chief; Y, the president; and Z": one by one
    partners = {m.person for m in named}
    if len(partners) >= (2 if tok.pos_ == "VERB" else 3) \
            and len({cast.people[p].country for p in partners} - {None}) >= len(partners) \
            and (_two_of_two_states(tok, sent, partners, cast) or
                 re.search(r"sideline|margins", doc_text(tok.doc)[max(0, sent.start_char - 300):sent.end_char])):
        return True  # "conferred with the Presidents of A, B, C and D" on a summit's sidelines: one by one
        # ("began his engagements on the sidelines of the Conference by meeting A of X and B of Y")
    withs = [t for t in tok.subtree if t.lower_ == "with" and t.dep_ in {"prep", "conj"}
             and (t.head.i == tok.i or t.head.lower_ in {"with", "as", "well"})]
    if tok.pos_ in {"VERB", "NOUN"} and len(withs) >= 2:
        return True  # "will meet with President X one-to-one, and with Prime Minister Y at a lunch"
    if _a_single_call(tok):
        return False  # "had a telephone conversation with A and B": one call, of the three
    if trigger_type(tok) == "CALL" and len(set(here := cast.people_in(sent.start_char, sent.end_char))) >= 3 \
            and not words & {"conference", "video", "virtual", "trilateral"} and not _one_team(tok, here, cast):
        return True  # "also spoke with A and B": a telephone call is had with one leader at a time
    before = tok.doc[sent.start - 1].sent if sent.start > 0 else sent
    if any(t.lower_ == "bilateral" and t.head.tag_ == "NNS" and t.head.lower_ in _PLURAL_ENGAGEMENTS | {"talks"}
           and (t.sent == sent or not any(c.lower_ == "with" for c in t.head.children)) for t in (*before, *sent)):
        return True  # "bilateral meetings with ..."; "held several bilateral meetings. X met with A and B"
    if any(t.lower_ == "counterparts" and sum(1 for m in cast.mentions if t.left_edge.idx <= m.start < t.idx) >= 2
           for t in tok.subtree):
        return True  # "has met his Tonga and Samoa counterparts": one at a time, each of his office
    if trigger_type(tok) == "MEET" and len(partners) >= 2 and _SAMPLED.search(doc_text(tok.doc), tok.idx,
                                                                              sent.end_char):
        return True  # "also met with A, B and C, among other dignitaries": a visitor's calls, one by one
    if trigger_type(tok) == "MEET" and tok.lemma_.lower() != "welcome" and _heads_of_offices(tok, cast):
        return True  # "will meet President Karis, Speaker Hussar and Prime Minister Kallas"
    gathered = _GATHERING.search(doc_text(tok.doc), max(0, sent.start_char - 400), sent.end_char)
    return gathered is None and any(g.start >= tok.idx and g.start < sent.end_char for g in cast.groups)


_JOURNEYS = {"travel", "visit", "fly", "go", "head", "arrive", "trip", "journey", "tour"}


def _two_of_two_states(tok: Token, sent: Span, partners: set[str], cast: Cast) -> bool:
    """"met Secretary of State A and Australian Foreign Minister B": a meeting verb with two
    people of two other states after it is two meetings (not when one of them is of the subject's
    own state, at its side: "Ambassador A, with Deputy B, met Minister C")."""
    before = {cast.people[m.person].country for m in cast.mentions if sent.start_char <= m.start < tok.idx}
    states = {cast.people[p].country for p in partners}
    travels = any(t.i < tok.i and t.lemma_.lower() in _JOURNEYS for t in sent)  # ("will travel to Washington
    # to meet with US President A and Finland's President B": one host, two guests at one table)
    return trigger_type(tok) == "MEET" and len(partners) == 2 and not states & before and not travels


def _one_of_states(tok: Token, named: list[Mention], cast: Cast) -> bool:
    """"held a meeting with the Presidents of ...: A of X; B of Y; and C of Z": one meeting (a
    singular noun) of the leaders of three or more states."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children) and len(
        {cast.people[m.person].country for m in named} - {None}) >= 3


_SPEAKER = re.compile(r"\b(?:Speaker|Chair(?:man|woman|person)?|President)\b.*\b(?:Assembly|Parliament|Senate|"
                      r"Congress|Riigikogu|Seimas|Saeima|Sejm|Duma|Majlis|Knesset|Bundestag|Diet|House|Chamber|"
                      r"Council of States|Federation Council|Bundesrat)\b|\bSpeaker\b")
# The upper chamber's presiding officer is an office of its own beside the lower one's ("Laura
# Boldrini, President of the Chamber of Deputies, and Pietro Grasso, President of the Senate").
_UPPER = re.compile(r"\b(?:Senate|House of Lords|Council of States|Federation Council|Bundesrat|upper house)\b")


_LOWER_OFFICE = re.compile(r"\b(president|prime minister|premier|chancellor|speaker|king|leader of the opposition)"
                           r"(?:,?\s+(?:His|Her)\s+Excellency|,?\s+(?:the\s+)?Honou?rable)?,?\s+$", re.IGNORECASE)


_TRAILING_OFFICE = re.compile(r",\s+(?:the\s+)?((?:President|Speaker|Chair(?:man|woman|person)?) of the "
                              r"[A-Z][\w-]*(?: (?:of )?[A-Z][\w-]*){0,3})")


def _office_class(title: str | None) -> str | None:
    """Which of a state's separate top offices a title names: the head of state, the head of
    government, or the presiding officer of its parliament (None for ministers, deputies, aides)."""
    if not title or re.search(r"\b(?:Vice|Deputy|Former|former|Acting)\b", title):
        return None
    if _SPEAKER.search(title):
        return "speaker:upper" if _UPPER.search(title) else "speaker"
    if re.search(r"\b(?:Leader of the Opposition|Opposition Leader)\b", title, re.IGNORECASE):
        return "opposition"  # received apart from the government: "the Prime Minister ... the Leader of the Opposition"
    if re.search(r"\b(?:Prime Minister|Premier|Chancellor)\b", title):
        return "head_of_government"
    if re.search(r"\b(?:President|King|Queen|Emir|Amir|Sultan)\b", title):
        return "head_of_state"
    return None


_COUNTERPART = re.compile(r"\bcounterpart,?\s+(?:[A-Z][\w.'’-]*\s+)*$")


def _heads_of_offices(tok: Token, cast: Cast) -> bool:
    """A visitor meeting the holders of two or more of one state's separate top offices ("met
    President Xi Jinping and Premier Li Qiang", "called on the President, the Prime Minister and
    the Chairperson of the National Assembly"): each receives the guest on their own; a minister
    beside their president ("President Peña and Foreign Minister Ramirez") does not make two, and
    nor does one engagement named in the singular ("had an audience with His Majesty A, the King,
    and His Majesty B, the Fourth King")."""
    if tok.tag_ == "NN":
        return False
    sent = sentence_of(tok)
    after: dict[str, tuple[int, int]] = {}  # each person named after the trigger, at their first mention
    for m in cast.mentions:
        if tok.idx < m.start < sent.end_char:
            after.setdefault(m.person, (m.start, m.end))
    known = {cast.people[name].country for name in after} - {None}
    offices: dict[str | None, set[str]] = {}
    text = doc_text(tok.doc)
    for name, (at, end) in after.items():
        person = cast.people[name]
        title = person.title
        if title and (office := _TRAILING_OFFICE.match(text, end)) is not None and \
                office.group(1).split()[0] == title:
            title = office.group(1)  # "Pietro Grasso, President of the Senate": the body says which office
        if not title:
            # "to meet Armenian president Serzh Sargsyan and prime minister Karen Karapetyan": the
            # office written in lower case before the name, when the person has no title of their own
            before = _LOWER_OFFICE.search(text, max(sent.start_char, at - 50), at)
            title = before.group(1).title() if before else None
        kind = _office_class(title)
        if _COUNTERPART.search(text, max(sent.start_char, at - 30), at):
            kind = "counterpart"  # "talks with his Tajik counterpart A and President B": two meetings
        if kind:  # one state named among them: the offices whose state is not said are its own
            offices.setdefault(person.country if len(known) > 1 else None, set()).add(kind)
    return any(len(kinds) >= 2 for kinds in offices.values())


def _one_by_one_calls(event: Found, tok: Token, cast: Cast) -> bool:
    """"I just spoke with Prime Minister Netanyahu and President Abbas": three or more on one
    telephone call only on a conference or video call.  Who joins "alongside" the caller is at
    the caller's end of the line ("Alongside Minister A, Minister B held a call with C")."""
    sent = sentence_of(tok)
    words = {t.lower_ for t in sent}
    aside = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in sent
             if t.lower_ == "alongside" and t.dep_ == "prep"]
    beside = {m.person for m in cast.mentions for s, e in aside if s <= m.start < e}
    return event.type == "CALL" and len(set(event.people) - beside) >= 3 and not words & CONFERENCE_WORDS \
        and not _one_team(tok, event.people, cast) and not _a_single_call(tok)


def _a_single_call(tok: Token) -> bool:
    """"had a telephone conversation with A and B", "held a phone call with": a call counted as
    one, of everyone it names (not "spoke with A and B", "calls with A and B")."""
    return tok.tag_ == "NN" and tok.lemma_.lower() in {"call", "conversation"} and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in tok.children) and not any(
        c.lower_ == "courtesy" for c in tok.children)  # (a courtesy call is a meeting)


def _one_team(tok: Token, people: list[str], cast: Cast) -> bool:
    """"Spoke to the Chief Minister, the Deputy Chief Minister and the Minister of External Affairs
    of Jersey": one caller, and after the verb one government's team, all on one line."""
    sent = sentence_of(tok)
    after = {m.person for m in cast.mentions if tok.idx < m.start < sent.end_char and m.person in people}
    caller = [p for p in dict.fromkeys(people) if p not in after]
    states = {cast.people[p].country for p in after}
    return len(after) >= 2 and len(states) == 1 and None not in states and len(caller) == 1 \
        and cast.people[caller[0]].country not in states | {None}


def _subject_people(verb: Token, cast: Cast) -> set[str]:
    """Everyone named in the verb's subject ("Foreign Ministers A and B called C": A and B)."""
    inside = {t.idx for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    return {m.person for m in cast.mentions if m.start in inside}


def _hub(tok: Token, people: list[str], cast: Cast) -> str | None:
    """The person at the centre: the one named before the trigger in its sentence (the subject of
    "X held calls with ..."), when exactly one is."""
    sent = sentence_of(tok)
    owners = [m.person for c in tok.children if c.dep_ == "poss" for m in cast.mentions
              if m.start <= c.idx < m.end and m.person in people]
    if len(owners) == 1:
        return owners[0]  # "President Trump's meetings with A and B": each his
    speaking = {m.person for m in cast.mentions if sent.start_char <= m.start < sent.end_char
                and doc_text(tok.doc)[m.start:m.end] in {"I", "We", "we"} and any(
                    t.dep_ == "nsubj" for t in tok.doc.char_span(m.start, m.end, alignment_mode="expand") or [])}
    if len(speaking) == 1 and speaking <= set(people):
        return next(iter(speaking))  # "In both these conversations I stressed ...": the speaker had each
    before = list(dict.fromkeys(m.person for m in cast.mentions
                                if sent.start_char <= m.start < tok.idx))
    subjects = [m.person for m in cast.mentions if sent.start_char <= m.start < tok.idx and any(
        t.dep_ in {"nsubj", "nsubjpass"} for t in tok.doc.char_span(m.start, m.end, alignment_mode="expand")
        or [])]
    after = list(dict.fromkeys(p for p in people if p not in before))
    if len(before) >= 2 and len(after) == 1 and (tok.tag_ == "NNS" or (
            tok.pos_ == "VERB" and trigger_type(tok) == "CALL" and set(before) <= _subject_people(tok, cast))):
        return after[0]  # "Ambassadors A and B paid introductory calls on Minister C", "A and B called C"
    if len(set(subjects)) == 1:
        return subjects[0]
    own = {t.idx for c in holding_verb(tok).children if c.dep_ == "nsubj" for t in c.subtree}  # (Trump's calls)
    named = list(dict.fromkeys(m.person for m in cast.mentions if m.start in own and m.person in people))
    if len(named) == 1:
        return named[0]  # the trigger's own subject, when the sentence runs on from a caption above it
    if len(before) == 1:
        return before[0]
    return None


_REFERRING_HEADS = {"official", "leader", "executive", "minister", "president", "premier",
                    "chancellor", "secretary", "chairperson", "chairman", "chair", "head", "envoy", "diplomat",
                    "director", "general", "commissioner", "king", "emir", "sultan", "prince", "monarch"}


_PROGRAMMES = {"programme", "program", "agenda", "schedule", "itinerary"}


def _programme(tok: Token) -> bool:
    """"The agenda included meetings with ...": a visit's programme, whose guest meets them."""
    return tok.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.lower_ in _PROGRAMMES for c in tok.head.children)


def _unnamed_subject(tok: Token, cast: Cast, main: str | None = None, among: bool = False) -> bool:
    """The trigger's clause has for subject a reference that names no one ("the Japanese leader
    is slated to meet with A and B", "The WHO high official has held meetings with A, B and C",
    "the chief executive may meet with ..."), or has no subject at all ("the agenda for meetings
    with A on Wednesday and B on Thursday", "Meetings included A; B; and C"): the document's own
    person is meant (``main``, the document's principal; ``among``: already one of the event's people,
    when only a description of ``main`` will do)."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head if tok.dep_ == "dobj" else None
    for node in [verb, *(list(verb.ancestors)[:2] if verb is not None else [])]:
        if node is None:
            break
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = subjects[0]
            span = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
            overlapping = [m for m in cast.mentions if m.start < span[1] and span[0] < m.end]
            described = bool(overlapping) and all(m.described and m.person == main for m in overlapping)
            if (overlapping or among) and not described:
                return False  # (a description, "the Japanese leader", still names no one by name)
            if subject.lower_ in _PROGRAMMES:
                return False  # a visit's programme: its guest meets them (see separate), not whoever
            return subject.lower_ in _REFERRING_HEADS and any(
                (c.dep_ == "det" and c.lower_ in {"the", "this"}) or (c.dep_ == "poss" and c.pos_ != "PRON")
                for c in subject.children)  # ("The country's 100th prime minister has held calls with")
        if node.dep_ not in {"xcomp", "conj", "advcl"}:
            break
    return not among and tok.pos_ == "NOUN" and tok.lower_ in _PLURAL_ENGAGEMENTS and not any(
        c.dep_ == "poss" for c in tok.children) and (any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
                                                     or (tok.dep_ == "nsubj" and tok.head.lemma_ == "include"))


def _distinct_states(people: list[str], cast: Cast) -> bool:
    """Counterparts of as many states as there are counterparts (all known)."""
    states = [cast.people[p].country for p in people]
    return None not in states and len(set(states)) == len(states)


def _successive_holders(event: Found, kb: Knowledge | None) -> bool:
    """Earlier meetings ("having previously met A and B") with two people who held one office one
    after the other and were never in the registry's offices at the same time: one meeting each,
    with the holder of the day (a prime minister and her foreign secretary, later prime minister,
    can still sit at one table)."""
    if kb is None or event.rules.get("when") != "earlier":
        return False
    held = [[(t.office, t.start, t.end or "9999") for t in kb.terms_of(p)] for p in event.people]
    for mine, other in combinations(held, 2):
        terms = [(a, b) for a in mine for b in other]
        if any(a[0] == b[0] for a, b in terms) and not any(a[1] < b[2] and b[1] < a[2] for a, b in terms):
            return True  # one office between them, and never in office at the same time
    return False


def separate(found: list[Found], doc: Doc, cast: Cast, kb: Knowledge | None = None) -> list[Found]:
    """Split each meeting or call that is several bilateral ones into one per counterpart."""
    out: list[Found] = []
    main = principal(cast)
    guest = next((e.people[0] for e in found if e.type == "VISIT" and e.people and not e.partial), None)
    for event in found:
        tok = _trigger(doc, event.trigger) if event.type in {"MEET", "CALL"} else None
        if tok is None or event.partial:
            out.append(event)
            continue
        hub = None
        if _programme(tok) and guest is not None and guest not in event.people and _distributed(tok, cast):
            hub = guest  # "In addition to bilateral talks, the agenda included meetings with A and B"
            event.people.insert(0, guest)
            event.rules["participants"] = "the-visit's-guest"
        elif main is not None and _unnamed_subject(tok, cast, main, main in event.people) and (
                _distributed(tok, cast) or (len(others := [p for p in event.people if p != main]) >= 2
                                            and _distinct_states(others, cast))):
            # "the chief executive may meet with Korean President A, Cambodian Prime Minister B,
            # ...": the document's person meets each of them
            hub = main
            event.people = [main, *(p for p in event.people if p != main)]
            event.rules["participants"] = "principal-by-reference"
        elif not _distributed(tok, cast) and not _one_by_one_calls(event, tok, cast) \
                and not _successive_holders(event, kb):
            out.append(event)
            continue
        hub = hub or _hub(tok, event.people, cast) or (
            main if main in event.people and any(c.lower_ in {"i", "we"} and c.dep_ == "nsubj"
                                                 for c in tok.children) else None)
        partners = [p for p in event.people if p != hub]
        if hub is None or len(partners) < 2:
            out.append(event)
            continue
        for partner in partners:
            piece = Found(event.type, [hub, partner], event.start, event.end, event.trigger,
                          modality=event.modality, location=event.location, date=event.date,
                          rules={**event.rules, "participants": "one-per-counterpart"},
                          spans=list(event.spans))
            out.append(piece)
    return out


def absorb_receptions(found: list[Found]) -> list[Found]:
    """"He was received by Prime Minister X, Chief Minister Y and other officials" where the
    document also tells a meeting with X: the welcome is that meeting's start, not a meeting of
    its own (a welcome by someone else, "received by the foreign minister on arrival", stays one)."""
    out = []
    for event in found:
        if event.type == "MEET" and event.rules.get("type") == "trigger:received" and not event.partial:
            host = next((m for m in found if m is not event and m.type == "MEET" and not m.partial
                         and m.rules.get("type") != "trigger:received"
                         and len(m.people) >= 2 and set(m.people) < set(event.people)
                         and m.modality == event.modality
                         and (not m.date or not event.date or m.date == event.date)), None)
            if host is not None:
                host.spans.extend(event.spans)
                host.date = host.date or event.date
                host.location = host.location or event.location
                continue
        out.append(event)
    return out

"""Trigger words: which tokens signal a MEET, CALL or VISIT, and the event being assembled.

The lexicon lives here because it is grammar, not knowledge: "phone call", "met", "held talks
with", "arrived in", "paid a courtesy call on" are how English reports an engagement, whoever the
publisher.  :mod:`parley.extract.events` decides which triggers are events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from parley.extract.journeys import (
    _ARRIVAL_LEMMAS,
    _DEPARTURE_LEMMAS,
    _MEETING_NOUNS,
    _travel_purpose,
    arrival_in,
    at_seat,
    in_place_to,
    leaves_for,
    present_for,
    trip_to,
)

NEEDED = {"MEET": 2, "CALL": 2, "VISIT": 1}
_SIDE_CLAUSES = {"conj", "ccomp", "advcl", "parataxis", "relcl"}
_HABITUAL = {"regular", "frequent", "reciprocal", "mutual", "future", "further", "more", "annual", "routine"}
_PERSON_NOUNS = {"counterpart", "counterparts", "president", "minister", "chancellor", "premier",
                 "leader", "king", "queen", "emir", "prince", "envoy", "delegation", "delegations", "secretary",
                 "members"}  # ("received the members of the Committee headed by X")
_PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP"}  # "the round hosted by Cairo": a place hosts no meeting
# talks held face to face ("held talks", "host discussions with"), when a participant or the verb says so
_TALK_NOUNS = {"talks", "consultations", "discussions", "encounter", "negotiations"}
_EARLIER = {"last", "previously", "previous", "prior"}
_GROUP_WORDS = {"minister", "ministers", "leaders", "leader", "officials", "official", "delegation",
                "delegations", "counterparts", "teams", "diplomats"}


@dataclass(slots=True)
class Found:
    """An event while it is being assembled (merged, completed, chosen as primary)."""

    type: str
    people: list[str]
    start: int  # the trigger's sentence
    end: int
    trigger: int  # character offset of the trigger
    modality: str = "occurred"
    location: str | None = None
    date: str | None = None
    rules: dict[str, str] = field(default_factory=dict)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    partial: bool = False  # a meeting or call with one named side only, kept to be completed


def received(event: Found) -> bool:
    """Whether the event was told by a verb of receiving ("X received / hosted / welcomed Y"): its
    first person is the host, at home."""
    return event.rules.get("type", "").startswith(("trigger:receiv", "trigger:host", "trigger:welcom"))


_INTERRUPTED = {"host", "meet", "receive", "welcome"}
_DATE_WORDS = {"on", "this", "next", "today", "tomorrow", "tonight", "later", "in", "the", "of", "at", "early",
               "morning", "afternoon", "evening"}


def interrupted_modal(tok: Token) -> Token | None:
    """The modal of a verb the parser took for a noun because a date stands between them ("X will
    this afternoon, 28 June 2023, host President Y", "will on Thursday, 29 June, host Y"): the
    base form of an engagement verb after "will"/"to" and nothing but date words and commas."""
    if tok.lower_ not in _INTERRUPTED or tok.pos_ in {"VERB", "AUX"} or tok.i < 2:
        return None
    for between, prev in enumerate(reversed(tok.doc[max(0, tok.i - 12):tok.i])):
        if prev.lower_ in {"will", "shall", "would", "to"} and prev.tag_ in {"MD", "TO"}:
            return prev if between else None
        if not (prev.ent_type_ in {"DATE", "TIME"} or prev.is_punct or prev.lower_ in _DATE_WORDS or prev.like_num):
            return None
    return None


# words that make one call of several people: "a conference call", "a trilateral video call"
CONFERENCE_WORDS = frozenset({"conference", "video", "virtual", "trilateral", "joint", "videoconference"})
_MEALS = {"dinner", "lunch", "luncheon", "banquet", "breakfast"}
_PHONE = {"phone", "telephone", "telephonic", "call", "videoconference", "video"}
_CREDENTIALS = {"receive", "accept", "present", "hand", "submit", "presentation"}  # of an envoy's credentials
# things sent from one to another, whose sender is not where they arrive ("a letter from X")
SENT_THINGS = {"message", "letter", "greeting", "greetings", "invitation", "regards", "wishes", "congratulations",
               "congratulation", "note", "copy", "request"}
_CALL_PURPOSES = {"congratulate", "discuss", "thank", "express", "offer", "convey", "extend", "wish", "inform",
                  "brief", "update", "condole", "exchange", "greet", "ask", "inquire", "enquire", "check"}


def _agents(verb: Token) -> list[Token]:
    """The "by" phrases of a passive verb: its agent, or the one a meal hangs on ("was hosted for a
    working lunch by X")."""
    return [c for c in verb.children if c.dep_ == "agent"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for m in c.children if m.lemma_ in _MEALS
        for g in m.children if g.dep_ == "prep" and g.lower_ == "by"]


def _called(tok: Token) -> bool:
    """Whether "called" has a person as its object ("called President X", "called her counterpart
    Wang Yi"). The parser reads "called Prime Minister X of Norway" as a naming ("called him X"),
    with X as the predicate: with no object beside it, and not in the passive, that X is the object."""
    kids = list(tok.children)
    if tok.dep_ in {"acl", "amod"} or any(c.dep_ in {"acomp", "nsubjpass", "auxpass"} or (
            c.dep_ == "xcomp" and c.lemma_.lower() not in _CALL_PURPOSES) for c in kids):
        return False  # ("called on the parties to resume talks"; but "called X to congratulate her")
    objects = [c for c in kids if c.dep_ == "dobj"]
    if len(objects) >= 2 and any(c.pos_ == "NOUN" for c in objects):
        return False  # "Calling Putin his “dear friend,” Erdogan said": a naming, parsed with two objects
    if any(c.dep_ == "oprd" for c in kids):  # ("called Lula a long-time friend": a naming, its noun says)
        objects = [] if objects or not any(c.dep_ == "nsubj" for c in kids) or any(
            c.dep_ == "oprd" and c.pos_ == "NOUN" for c in kids) else [
            c for c in kids if c.dep_ == "oprd" and c.pos_ == "PROPN"]  # (", called Te Aratini": a naming)
    return any(c.pos_ == "PROPN" or (c.lower_ in {"counterpart", "counterparts"} and any(
        g.dep_ in {"appos", "compound"} and g.pos_ == "PROPN" for g in c.children)) or any(
        g.dep_ == "appos" and g.pos_ == "PROPN" for g in c.children) for c in objects)  # ("Iran's top diplomat X")


def _joint_subjects(verb: Token) -> list[Token]:
    """The names that are the verb's subject together ("A and B discussed", "Prime Minister of
    X A and Prime Minister of Y B held a conversation", where the parser makes each a subject)."""
    return [g for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
            for g in (c, *c.children) if g.pos_ == "PROPN" and (g is c or g.dep_ == "conj")]


def talk_kind(tok: Token, held: bool = False) -> str:
    """Whether "talked to X" or "exchanged views with X" was on the phone: the sentence says so, or
    the document tells of a call and of no meeting; "held a conversation with X" (``held``) is a
    call unless its sentence or one beside it tells of a meeting, a visit or presence."""
    if any(t.lemma_.lower() in _PHONE for t in tok.sent):
        return "CALL"
    if held:  # unless it or a sentence beside it puts them together ("during the visit", "on the sidelines")
        after = tok.doc[tok.sent.end].sent if tok.sent.end < len(tok.doc) else ()
        before = tok.doc[tok.sent.start - 1].sent if tok.sent.start > 0 else ()
        near = {t.lemma_.lower() for t in (*before, *tok.sent, *after)}
        return "MEET" if near & {"meet", "meeting", "visit", "arrive", "person", "sideline", "sidelines", "summit"} \
            else "CALL"
    lemmas = {t.lemma_.lower() for t in tok.doc if t.lemma_.lower() not in {"host", "receive"} or (
        t.pos_ == "VERB" and trigger_type(t) == "MEET")}  # ("received messages of congratulations": no guest)
    return "CALL" if lemmas & {"phone", "telephone", "telephonic"} and not lemmas & {
        "meet", "meeting", "visit", "arrive", "host", "receive"} else "MEET"


def holding_verb(tok: Token) -> Token:
    """The verb an engagement noun is the object of ("X held a meeting with", "Trump made calls to"),
    whose subject is the noun's own; the trigger itself otherwise."""
    return tok.head if tok.dep_ == "dobj" and tok.pos_ == "NOUN" else tok


def _in_conj_of(t: Token, verb: Token) -> bool:
    """Whether ``t`` belongs to a verb coordinated with ``verb`` ("called on X and discussed ways to
    enhance ...": the "to" is the second verb's)."""
    return any(a.dep_ == "conj" and a.head.i == verb.i for a in (t, *t.ancestors) if a.i != verb.i)


def trigger_type(tok: Token) -> str | None:
    """The event type a token signals, or None (the lexicon lives here: it is grammar, not data)."""
    lemma, lower, pos = tok.lemma_.lower(), tok.lower_, tok.pos_
    if lower in _INTERRUPTED and pos not in {"VERB", "AUX"} and interrupted_modal(tok) is not None:
        return "MEET"  # "will this afternoon, 28 June 2023, host President X"
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    if lemma in {"phone", "telephone", "telephonic"} or lower in {"phoned", "telephoned"}:
        return "CALL"
    if lemma == "call" and pos == "NOUN" and prev not in {"phone", "telephone", "video"} and (
            prev in {"courtesy", "introductory", "farewell"} or any(
                c.dep_ == "prep" and c.lower_ in {"on", "upon"} and any(
                    g.dep_ == "pobj" and ((g.pos_ == "PROPN" and g.ent_type_ not in _PLACE_ENTS | {"DATE", "TIME"})
                                          or g.lower_ in _PERSON_NOUNS) for g in c.children)
                for c in tok.children)
            or (tok.head.lemma_.lower() == "pay" and tok.dep_ == "dobj")):
        return "MEET"  # a courtesy or introductory call is paid in person, "on" someone
    if lemma == "call" and pos == "NOUN" and prev not in {"port"} and nxt not in {"to", "for", "on"}:
        return "CALL"
    if lemma == "call" and pos == "VERB" and nxt in {"on", "upon"} and tok.i + 2 < len(tok.doc) and any(
            t.pos_ == "PROPN" for t in tok.doc[tok.i + 2: tok.i + 6]) and not any(
            t.lower_ == "to" and t.dep_ == "aux" for t in tok.subtree if not _in_conj_of(t, tok)):
        return "MEET"  # "called on Prime Minister Turnbull at Parliament" (not "called on X to ...")
    if lemma == "welcome" and pos == "NOUN" and any(c.dep_ == "prep" and c.lower_ in {"from", "by"} for c in (
            *tok.children, *(tok.head.children if tok.dep_ == "dobj" and tok.head.lemma_ == "receive" else ()))):
        return "MEET"  # "received a warm welcome from Defence Minister X", "was accorded a welcome by X"
    if lemma == "call" and pos == "VERB" and tok.dep_ == "acl" and tok.head.pos_ == "PROPN" and any(
            c.dep_ == "oprd" and c.pos_ == "PROPN" for c in tok.children):
        return "CALL"  # "the newly-inaugurated Trump called el-Sissi" (parsed as "a man called John")
    if lemma == "call" and pos == "VERB" and nxt not in {"for", "on", "upon", "it", "out"} and _called(tok):
        return "CALL"  # "called President X", "called her counterpart Wang Yi"
    if lemma == "speak" and tok.tag_ in {"VBD", "VBZ", "VBN"} and (nxt in {"to", "with", "by"} or any(
            t.lower_ == "with" and any(a.i == tok.i for a in t.ancestors)
            for t in tok.doc[tok.i + 1: tok.i + 7])) and not (
            tok.dep_ == "conj" and tok.head.lemma_.lower() in {"meet", "receive", "host", "welcome"}):
        # "spoke with", "spoke for the first time with" (not "I met with and spoke with X"; "spoke in person")
        return "MEET" if tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "in" and tok.nbor(2).lower_ == "person" \
            else "CALL"
    if lower in {"videoconference", "teleconference", "video-conference"} or (
            lemma in {"conference", "link", "meeting", "talk"} and pos == "NOUN" and prev in {"video", "tele"}):
        return "CALL"  # "held a video conference with Prime Minister X"
    if ((lemma == "talk" and (nxt in {"to", "with"} or (nxt in {"about", "over"} and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children))) and (tok.tag_ in {"VBD", "VBZ", "VBN"} or (
            tok.tag_ == "VB" and tok.dep_ in {"advcl", "xcomp"}
            and tok.head.lemma_.lower() in {"be", "arrive", "travel", "go", "fly", "head", "come"})))
            or (lemma in {"confer", "converse"} and nxt == "with")
            or (lemma == "sit" and nxt == "down" and tok.i + 2 < len(tok.doc) and tok.nbor(2).lower_ == "with")
            or (lemma == "exchange" and nxt in {"views", "opinions", "ideas"} and tok.i + 2 < len(tok.doc)
                and tok.nbor(2).lower_ == "with")) and pos == "VERB" and any(
            t.pos_ == "PROPN" and t.ent_type_ not in _PLACE_ENTS for t in tok.doc[tok.i + 2: tok.i + 9]):
        # "Foreign Minister Kang talked to Secretary Tillerson", "is in Moscow to talk to X", "is headed
        # back to the U.S. capital to talk about Ukraine with X", "conferred
        # with", "conversed with", "sat down with",
        # "exchanged views with": the sentence or the document says whether on the phone
        return talk_kind(tok)
    if lemma == "discuss" and pos == "VERB" and tok.tag_ in {"VBD", "VBZ"} and any(
            c.dep_ == "prep" and c.lower_ == "with" and (c.head.i == tok.i or c.head.dep_ in {"dobj", "conj"})
            and any(g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or any(
                a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in g.children)) for g in c.children)
            for c in tok.subtree):
        return talk_kind(tok)  # "X discussed Afghanistan ... with President Y at the White House", "discussed
        # on Tuesday with the President of the United Arab Emirates, Sheikh Y, the relations"
    if lemma == "present" and pos == "VERB" and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON"
                                                    for c in tok.children) and any(
            c.lower_ == "with" and any(g.lemma_.lower() in {"order", "medal", "award", "decoration", "insignia"}
                                       for g in c.children) for c in tok.children):
        return "MEET"  # "presented Ambassador X with the Order of Brilliant Star": in person
    if lemma in _MEALS and pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {
            "host", "give", "offer", "hold", "throw"} and any(
            c.dep_ == "prep" and c.lower_ in {"in", "for"} for c in tok.children):
        return "MEET"  # "hosted a dinner in honour of President X", "gave a luncheon for X"
    if lemma in {"discuss", "confer"} and pos == "VERB" and any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "shall"} for c in tok.children) and len(
            _joint_subjects(tok)) >= 2:
        return "MEET"  # "Prime Minister Marin and Prime Minister Andersson will discuss ...": a meeting ahead
    if lower == "conversation" and prev in {"telephone", "phone", "telephonic", "video"}:
        return None  # the modifier already triggered
    if lemma == "see" and pos == "VERB" and any(c.dep_ == "dobj" and c.lower_ in {"other", "another"} and (
            any(g.lower_ in {"each", "one"} for g in c.children) or c.lower_ == "another") for c in tok.children):
        return "MEET"  # "looked forward to seeing each other at the European Council"
    if lemma in {"speak", "talk"} and pos == "VERB" and tok.tag_ == "VBG" and any(
            c.lower_ == "again" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "at" for c in tok.children):
        return "MEET"  # "looked forward to speaking again at the summit tomorrow": face to face there
    if lemma == "meet" or lower in {"meeting", "meetings", "met"}:
        return "MEET"
    if lemma == "conference" and pos == "NOUN" and prev in {"press", "news"} and nxt == "with":
        return "MEET"  # "during press conferences with Chancellor A and Foreign Minister B": side by side
    if lemma == "call" and pos == "NOUN" and tok.head.lemma_.lower() in {"make", "place"} and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.pos_ == "PROPN" for g in c.subtree) for c in tok.children):
        return "CALL"  # "after Trump made calls to Nigeria's A and South Africa's B"
    if (lower in {"credentials", "credence"} or (lower == "accreditation" and prev == "of")) and pos in {
            "NOUN", "PROPN"} and any(
            a.lemma_.lower() in _CREDENTIALS for a in list(tok.ancestors)[:4]):
        return "MEET"  # "received the credentials of Ambassador X", "presented his letters of credence to Y"
    if lower == "audience" and pos == "NOUN" and tok.head.lemma_.lower() not in {"seek", "request", "ask"} and (
            nxt == "with"
            or any(c.dep_ == "acl" and c.lemma_ == "grant" for c in tok.children)
            or (tok.dep_ == "dobj" and tok.head.lemma_ in {"grant", "give"})
            or (tok.head.lower_ == "in" and tok.head.head.lemma_ == "receive")):
        return "MEET"  # "had an audience with the Pope", "the audience granted by X to Y", "received in audience"
    if lower == "discussion" and prev == "bilateral" and pos == "NOUN":
        return "MEET"  # "A bilateral discussion will be held between A and B"
    if lower == "discussion" and pos == "NOUN" and tok.head.lemma_.lower() in {"hold", "have"} and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *tok.head.children)):
        return "MEET"  # "held extensive discussion with Prime Minister X"
    if lower == "conversation" and pos == "NOUN" and tok.head.lemma_.lower() in {"hold", "have"} and (any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
            or (tok.dep_ == "dobj" and (len(_joint_subjects(tok.head)) >= 2 or any(  # "A and B held a conversation",
                c.dep_ == "nsubj" and c.tag_ == "NNS" for c in tok.head.children)))):  # "the presidents ... had one"
        return talk_kind(tok, held=True)  # "held a conversation with Secretary of State X"
    if lower == "talk" and pos == "NOUN" and prev not in _PHONE and tok.head.lemma_.lower() in {"hold", "have"} and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *tok.head.children)):
        return talk_kind(tok, held=True)  # "held an informal talk with President X" (MOFA Japan's phrase)
    if lower == "negotiations" and nxt != "with":
        return None  # "negotiations between the ruling alliance and the opposition": a process, not talks held
    if lower in _TALK_NOUNS and prev not in {"telephone", "phone"} and pos == "NOUN" and (
            nxt in {"with", "between"} or prev in {"bilateral", "summit"} or (nxt == "and" and any(
                t.lower_ == "with" and t.dep_ == "prep" for c in tok.children if c.dep_ == "conj" for t in c.subtree))
            or tok.head.lemma_.lower() in {"hold", "have", "begin", "open", "convene", "conduct", "host"}
            or (tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in {"sit", "gather", "meet"})
            or any(c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in {"hold", "have", "conduct"}
                   for c in tok.children)  # "talks held in Maputo between A and B"
            or any(c.dep_ == "amod" and c.lower_ in {"upcoming", "forthcoming"} for c in tok.children)):
        # ("the upcoming Moscow talks"); "conducted discussions with X" in a report of a round of calls
        return talk_kind(tok) if lower in {"discussion", "discussions"} and nxt == "with" else "MEET"
    if lemma in {"receive", "host", "welcome", "greet"} and tok.tag_ == "VBN" and any(
            any(g.dep_ == "pobj" and ((g.pos_ == "PROPN" and g.ent_type_ not in _PLACE_ENTS)
                                      or g.lower_ in _PERSON_NOUNS)
                and not any(d.lower_ in {"our", "my"} for d in g.children)
                for g in c.children) for c in _agents(tok)):
        return "MEET"  # "was received by President X", "received by the foreign minister on arrival"
    if lower in {"session", "sessions"} and pos == "NOUN" and nxt == "with" and prev in {
            "working", "bilateral", "talks", "official"}:
        return "MEET"  # "held a working session with Minister X, Minister Y and other officials"
    if lemma == "summit" and pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"hold", "have"}:
        return "MEET"  # "they held a summit in Tokyo" (a summit as such is not an engagement)
    if lemma == "summit" and pos == "NOUN" and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
        return "MEET"  # "agreements that Yoon and Biden reached during their Seoul summit last month"
    if lemma == "summit" and pos == "NOUN" and nxt in {"with", "between"}:
        return "MEET"  # "her first summit with President Xi", "a summit between A and B": two named leaders
    if lower in _MEETING_NOUNS and pos == "NOUN" and _travel_purpose(tok):
        return "MEET"  # "arrived in Beijing for a summit with ...", "headed to Oslo for talks"
    if lower == "due" and nxt in {"in", "to", "at"} and tok.i + 2 < len(tok.doc) and \
            tok.nbor(2).ent_type_ in {"GPE", "LOC"}:
        return "VISIT"  # "Chancellor Scholz is due in Beijing on Friday": an arrival ahead
    if lemma in _ARRIVAL_LEMMAS and pos == "VERB" and (nxt in {"in", "at", "on", "here"} or any(
            c.dep_ == "prep" and c.lower_ in {"in", "on"} and c.i > tok.i and any(
                g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"} for g in c.children)
            for c in tok.children) or (  # "arrived last night on the island"
            tok.i + 1 < len(tok.doc) and tok.nbor(1).ent_type_ == "GPE" and tok.nbor(1).dep_ in {"dobj", "npadvmod"})
            or at_seat(tok)):  # ("arrived the presidential villa": placed by the text, see events)
        return "VISIT"  # "arrived in Kyiv", "landed in Beijing", "Blinken arrived Nigeria on Tuesday"
    if lemma in _DEPARTURE_LEMMAS and pos == "VERB" and (
            (lemma in {"leave", "depart"} and leaves_for(tok, nxt))
            or (lemma == "head" and nxt in {"to", "for"}) or (lemma == "set" and nxt == "off")):
        return "VISIT"  # "left for Beijing", "heads to China"
    if lemma == "welcome" and pos == "VERB" and not any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children) \
            and any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or (
            c.lower_ in {"colleague", "counterpart", "guest"} and any(
                g.dep_ == "appos" or (g.dep_ == "poss" and c.lower_ == "counterpart") for g in c.children)))
            for c in tok.children) \
            and (tok.tag_ in {"VBD", "VBN"} or any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"}
                                                   for c in tok.children)
                 or (tok.tag_ in {"VBZ", "VBP"} and any(e.label_ == "DATE" for e in tok.sent.ents))  # a caption
                 or (tok.tag_ == "VBG" and tok.head.lower_ == "of" and tok.head.head.lower_ == "pleasure")
                 or (tok.tag_ == "VBG" and any(a.lemma_.lower() == "look" and any(
                     c.lower_ == "forward" for c in a.children) for a in list(tok.ancestors)[:3]))):
        # ("I look forward to welcoming Prime Minister X": a visit announced, not an invitation)
        return "MEET"  # "welcomed Prime Minister X to Canberra", "welcomed his Tanzania counterpart"
    if lemma in {"host", "receive"} and pos == "VERB" and any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in _PERSON_NOUNS) for c in tok.subtree) and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in SENT_THINGS and not any(
                g.lower_.startswith("credential") for g in c.children) for c in tok.children):
        return "MEET"  # "hosted Chancellor Merz", "hosted his Turkish counterpart, ..." (not "received a letter
        # from his counterpart": the sender is not there)
    if lemma in {"host", "receive"} and pos == "VERB" and not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"} for c in tok.children) and any(
            c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ not in {"DATE", "TIME"} for c in tok.children):
        return "MEET"  # "hosted today Prime Minister of Romania X": the day between verb and guest
    if lemma in {"host", "receive"} and pos == "VERB" and not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in {"at", "in"} and any(g.dep_ == "pobj" and g.ent_type_ == "PERSON"
                                                               for g in c.children) for c in tok.children):
        return "MEET"  # "received on Tuesday at the People's Palace Foreign Minister X": the guest after the place
    if lemma in {"host", "receive"} and pos == "VERB" and not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ in {"npadvmod", "dep"} and c.ent_type_ == "PERSON" and c.i > tok.i for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in {"on", "in", "at"} for c in tok.children):
        return "MEET"  # "received on Monday in Rabat the Under Secretary of State ..., Ambassador X"
    if lemma == "welcome" and tok.tag_ == "VBD" and not any(
            c.dep_ in {"dobj", "ccomp", "xcomp"} for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and any(
            t.ent_type_ == "PERSON" for t in tok.subtree if t.i > tok.i):
        return "MEET"  # "welcomed today to Parliament the President of the Congress of X, Mrs Y": the guest last
    if lemma == "visit" and pos == "NOUN" and prev in {"courtesy", "farewell", "introductory"}:
        return "MEET"  # "received the courtesy visit of Foreign Minister X", "hosted a farewell visit by
        # Ambassador X": a call paid in person
    if lemma == "visit" and tok.dep_ == "amod":
        return None  # "the visiting WHO Director General": a guest, whose journey is told elsewhere
    if lemma == "visit" and pos == "NOUN" and tok.tag_ == "NNS":
        if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
            return "VISIT"  # "recent visits to Honiara by X and Y": one visit each
        listed = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                  if g.dep_ == "pobj" and any(x.dep_ in {"conj", "appos"} for x in g.subtree)]
        if any(x.ent_type_ == "GPE" for g in listed for x in g.subtree) and \
                not any(c.dep_ == "amod" and c.lower_ in _HABITUAL for c in tok.children):
            return "VISIT"  # "begins his trip this week, with visits to Cabo Verde, Nigeria and Angola"
        return None  # "resume regular visits", "an exchange of visits": no particular visit
    if lemma == "visit" or (lemma in {"trip", "tour", "stop"} and pos == "NOUN" and trip_to(tok, nxt)) or (
            lower == "route" and prev == "en" and nxt == "to"):
        return "VISIT"  # ("held talks in Colombo en route to Samoa": the journey's goal is ahead)
    if lower == "arrival" and pos == "NOUN" and arrival_in(tok):
        return "VISIT"  # "PM Rabuka's arrival in Port Moresby", "the arrival of X in Y"
    if (lemma == "be" and present_for(tok)) or (pos == "VERB" and in_place_to(tok)):
        return "VISIT"  # "President X and delegation are in Brazzaville to attend the inauguration"
    if lower == "been" and nxt == "to" and tok.i + 2 < len(tok.doc) and tok.nbor(2).ent_type_ == "GPE" \
            and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children):
        return "VISIT"  # "had already been to Senegal", "has been to Beijing twice this year"
    if lemma == "head" and pos == "VERB" and nxt == "back" and tok.i + 2 < len(tok.doc) and tok.nbor(2).lower_ == "to":
        return "VISIT"  # "is headed back to the U.S. capital"
    if lemma in {"go", "travel", "fly", "proceed"} and (nxt == "to" or (nxt in {"on", "onward", "onwards"} and
                                                           tok.i + 2 < len(tok.doc) and tok.nbor(2).lower_ == "to")):
        return "VISIT"
    if lemma in {"leave", "depart"} and pos == "VERB" and nxt == "for" and tok.i + 2 < len(tok.doc) and \
            tok.nbor(2).ent_type_ == "GPE":
        return "VISIT"  # "At night he leaves for Brazil to attend the summit"
    return None

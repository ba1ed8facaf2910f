"""Engagements: MEET, CALL and VISIT events found from trigger words and the parse around them.

A trigger ("met", "phone call", "visit") is an event only when named people take part in it.
Participants are the people in the smallest syntactic unit around the trigger that holds enough of
them (two for a meeting or call, one visitor for a visit): "Lu said, recently, President Xi and UK
Prime Minister Keir Starmer had a phone call" gives Xi and Starmer, not Lu, because "had" is the
smallest clause holding two people.  A trigger whose own "between"/"of"/"with" phrase names only
unnamed officials ("the meeting between our defence and foreign ministers") is not an event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from parley.dates import TimeExpr
from parley.extract.knowledge import Knowledge, sentence_of
from parley.extract.mentions import Cast
from parley.extract.when_where import (
    _ARRIVAL_LEMMAS,
    _DEPARTURE_LEMMAS,
    _REPORTING,
    _TRAVEL_LEMMAS,
    _UNTIL,
    _first_day,
    _paragraph,
    forward,
    more_places,
    nearest_date,
    other_clause,
    place_near,
)

NEEDED = {"MEET": 2, "CALL": 2, "VISIT": 1}
_SIDE_CLAUSES = {"conj", "ccomp", "advcl", "parataxis", "relcl"}
_PLANNED_LEMMAS = {"plan", "schedule", "consider", "expect", "intend", "prepare", "propose", "announce",
                   "arrange", "arrangement", "set", "commit", "commitment", "pledge", "promise", "vow"}
_SPECULATIVE_AUX = {"could", "might", "may", "would"}
_SUBORDINATORS = {"since", "when", "after", "before", "as", "while", "until"}
# Verbs of the moment of travel: an arrival or departure makes a VISIT, and the meeting it is
# "for" ("arrived in Tokyo for talks with ...") is still ahead when told.
_MEETING_NOUNS = {"summit", "talks", "meeting", "meetings"}
_PERSON_NOUNS = {"counterpart", "counterparts", "president", "minister", "chancellor", "premier",
                 "leader", "king", "queen", "emir", "prince", "envoy", "delegation", "secretary"}
# Plural nouns of talks held face to face ("held talks", "will convene consultations",
# "host discussions with"): a meeting when a participant or the holding verb says so.
_PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP"}  # "the round hosted by Cairo": a place hosts no meeting
_TALK_NOUNS = {"talks", "consultations", "discussions", "encounter"}
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


def trigger_type(tok: Token) -> str | None:
    """The event type a token signals, or None (the lexicon lives here: it is grammar, not data)."""
    lemma, lower, pos = tok.lemma_.lower(), tok.lower_, tok.pos_
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    if lemma in {"phone", "telephone", "telephonic"} or lower in {"phoned", "telephoned"}:
        return "CALL"
    if lemma == "call" and pos == "NOUN" and prev == "courtesy":
        return "MEET"  # a courtesy call is paid in person
    if lemma == "call" and pos == "NOUN" and prev not in {"port"} and nxt not in {"to", "for", "on"}:
        return "CALL"
    if lemma == "call" and pos == "VERB" and nxt in {"on", "upon"} and tok.i + 2 < len(tok.doc) and any(
            t.pos_ == "PROPN" for t in tok.doc[tok.i + 2: tok.i + 6]) and not any(
            t.lower_ == "to" and t.dep_ == "aux" for t in tok.subtree):
        return "MEET"  # "called on Prime Minister Turnbull at Parliament" (not "called on X to ...")
    if lemma == "welcome" and pos == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "from" for c in (
            *tok.children, *(tok.head.children if tok.dep_ == "dobj" and tok.head.lemma_ == "receive" else ()))):
        return "MEET"  # "received a warm welcome from Defence Minister X"
    if lemma == "call" and pos == "VERB" and nxt not in {"for", "on", "upon", "it", "out"} and \
            any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children):
        return "CALL"
    if lemma == "speak" and nxt in {"to", "with", "by"} and tok.tag_ in {"VBD", "VBZ", "VBN"}:
        return "CALL"
    if lower == "conversation" and prev in {"telephone", "phone", "telephonic", "video"}:
        return None  # the modifier already triggered
    if lemma == "meet" or lower in {"meeting", "meetings", "met"}:
        return "MEET"
    if lower in _TALK_NOUNS and prev not in {"telephone", "phone", "video"} and pos == "NOUN" and (
            nxt in {"with", "between"} or prev in {"bilateral", "summit"}
            or tok.head.lemma_.lower() in {"hold", "have", "begin", "open", "convene", "conduct", "host"}
            or (tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in {"sit", "gather", "meet"})
            or any(c.dep_ == "relcl" and c.lemma_.lower() in {"hold", "have"} for c in tok.children)):
        return "MEET"
    if lemma in {"receive", "host", "welcome", "greet"} and tok.tag_ == "VBN" and any(
            c.dep_ == "agent" and any(g.dep_ == "pobj" and ((g.pos_ == "PROPN" and g.ent_type_ not in _PLACE_ENTS)
                                                            or g.lower_ in _PERSON_NOUNS)
                                      and not any(d.lower_ in {"our", "my"} for d in g.children)
                                      for g in c.children) for c in tok.children):
        return "MEET"  # "was received by President X", "received by the foreign minister on arrival"
    if lower in {"session", "sessions"} and pos == "NOUN" and nxt == "with" and prev in {"working", "bilateral"}:
        return "MEET"  # "held a working session with Minister X, Minister Y and other officials"
    if lemma == "summit" and pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"hold", "have"}:
        return "MEET"  # "they held a summit in Tokyo" (a summit as such is not an engagement)
    if lemma == "summit" and pos == "NOUN" and nxt == "with":
        return "MEET"  # "her first summit with President Xi": a summit of two named leaders
    if lower in _MEETING_NOUNS and pos == "NOUN" and _travel_purpose(tok):
        return "MEET"  # "arrived in Beijing for a summit with ...", "headed to Oslo for talks"
    if lemma in _ARRIVAL_LEMMAS and pos == "VERB" and nxt in {"in", "at", "on"}:
        return "VISIT"  # "arrived in Kyiv", "landed in Beijing"
    if lemma in _DEPARTURE_LEMMAS and pos == "VERB" and (
            (lemma in {"leave", "depart"} and nxt == "for")
            or (lemma == "head" and nxt in {"to", "for"}) or (lemma == "set" and nxt == "off")):
        return "VISIT"  # "left for Beijing", "heads to China"
    if lemma == "welcome" and pos == "VERB" and any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children) \
            and (tok.tag_ in {"VBD", "VBN"} or any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"}
                                                   for c in tok.children)):
        return "MEET"  # "welcomed Prime Minister X to Canberra": a reception of a guest
    if lemma in {"host", "receive"} and pos == "VERB" and any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in _PERSON_NOUNS) for c in tok.subtree):
        return "MEET"  # "hosted Chancellor Merz", "hosted his Turkish counterpart, ..."
    if lemma == "visit" and pos == "NOUN" and prev == "courtesy":
        return "MEET"  # "received the courtesy visit of Foreign Minister X": a call paid in person
    if lemma == "visit" and tok.dep_ == "amod":
        return None  # "the visiting WHO Director General": a guest, whose journey is told elsewhere
    if lemma == "visit" and pos == "NOUN" and tok.tag_ == "NNS":
        if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
            return "VISIT"  # "recent visits to Honiara by X and Y": one visit each
        return None  # "resume regular visits", "an exchange of visits": no particular visit
    if lemma == "visit" or (lemma in {"trip", "tour", "stop"} and pos == "NOUN" and nxt in {"to", "in"}):
        return "VISIT"
    if lemma in {"go", "travel", "fly", "proceed"} and (nxt == "to" or (nxt in {"on", "onward", "onwards"} and
                                                           tok.i + 2 < len(tok.doc) and tok.nbor(2).lower_ == "to")):
        return "VISIT"
    return None


_VENUES = {"palace", "veranda", "verandah", "hall", "room", "building", "house", "residence", "office",
           "guesthouse", "ballroom", "garden", "gardens", "terrace", "chamber", "lounge", "table"}


def _to_venue(verb: Token) -> bool:
    """A move within the place of the talks ("departed for the Palace veranda", "went to the
    conference room"): a room or building as the goal, which is no journey."""
    return any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for", "into"} and any(
        t.lower_ in _VENUES for t in c.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj")
        for c in verb.children)


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


_UNREALISED = {"hope", "seek", "want", "wish", "try", "refuse", "decline", "cancel", "postpone",
               "scrap", "reject", "rule", "fail", "avoid"}
_UNREALISED_FORMS = {"hoped", "hopes", "hoping", "sought", "wanted", "wished", "tried", "refused",
                     "declined", "cancelled", "canceled", "postponed", "rejected"}  # lemmas the tagger misses
# Nouns of people whose possessor is not at the table: "Trump's special envoy Steve Witkoff".
_ROLE_NOUNS = {"envoy", "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
               "representative", "counterpart", "emissary", "minister", "secretary", "ambassador",
               "deputy", "wife", "husband", "son", "daughter", "predecessor", "successor"}
_PAIR_WORDS = {"they", "two", "both", "pair"}


def _pair_subject(tok: Token) -> bool:
    """A meeting or call whose subject is the pair the document is about ("They last met in
    January", "the two have met twice since", "both held talks in Rome") and that names no one
    else ("they met with students" names someone else)."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if tok.pos_ == "NOUN" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head  # "as the two leaders sat down for talks"
    noun = tok.head if tok.dep_ == "compound" else tok  # "a telephone call between ..."
    if _anaphor(noun):
        return True
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        objects = {t.lower_ for t in prep.subtree}
        if objects & {"both", "two"} and not objects & {"countries", "nations", "states", "governments"}:
            return True  # "a telephone call between both sides", "talks between the two leaders"
    if tok.pos_ == "NOUN" and not (tok.dep_ == "dobj" and verb.lemma_.lower() in {"hold", "have"}) \
            and not (tok.head.lower_ == "for" and verb.lemma_.lower() in {"sit", "gather", "meet"}):
        return False
    if any(c.dep_ in {"dobj", "prep"} and c.lower_ in {"with", "between"} for c in tok.children) or \
            any(c.dep_ == "dobj" for c in verb.children if c is not tok):
        return False
    if any(t.dep_ in {"nsubj", "nsubjpass"} and (t.tag_ in {"NNS", "NNPS"} or (
            t.tag_ == "NNP" and t.lower_.endswith("s") and t.lower_ in _GROUP_WORDS)) and t.i < tok.i
           and not any(c.lower_ in {"two", "both"} for c in t.children) for t in tok.sent):
        return False  # "the defence ministers will discuss it when they meet": other people's "they"
    for head in [verb, *list(verb.ancestors)[:5]]:
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:  # "the two leaders expressed their commitment to meet at the G20"
            return any(c.lower_ in _PAIR_WORDS or any(t.lower_ in {"two", "both"} for t in c.children)
                       for c in subjects)
    return False


_ANAPHORIC_NOUNS = {"meeting", "talks", "call", "conversation", "summit"}


def _anaphor(noun: Token) -> bool:
    """"In the meeting held in Lima on Thursday": "the meeting" without a with/between/of
    phrase of its own is the one the document is about, told again with its place or day."""
    return noun.pos_ == "NOUN" and noun.lower_ in _ANAPHORIC_NOUNS and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children) and not any(
        c.dep_ in {"prep", "poss", "amod", "compound"} and c.lower_ not in {"in", "at", "on", "held", "bilateral"}
        for c in noun.children)


def _definite_visit(tok: Token) -> bool:
    """A visit or trip noun that points at one particular journey ("his visit", "Sullivan's
    three-day trip", "this visit"), which the document's meeting abroad can place."""
    if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.head.lower_ == "on" and tok.head.head.lemma_ in {"be", "arrive"}:
        return True  # "Tillerson is on a two-day working visit": the trip under way
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"this", "the"}) for c in tok.children)


def _invited(tok: Token) -> bool:
    """"invited him to visit", "an invitation to visit": the engagement is only offered. A visit
    made "at the invitation of" the host is a real one."""
    window = tok.doc[max(0, tok.i - 6): tok.i + 8]
    if any(t.lemma_.lower() == "accept" for t in tok.sent):
        return False  # "invited him to visit Washington in February, and he accepted": a plan
    for t in window:
        if not t.lower_.startswith("invit"):
            continue
        if t.head.lower_ == "at" or (t.i > 0 and tok.doc[t.i - 1].lower_ in {"at", "the"}
                                     and t.i > tok.i):
            continue  # "is visiting Singapore at the invitation of ..."
        return True
    return False


def _is_excluded(tok: Token) -> bool:
    """Invitations, "stay in touch", "meet in person at the earliest opportunity" are not events."""
    window = " ".join(t.lower_ for t in tok.doc[max(0, tok.i - 6): tok.i + 8])
    if "earliest opportunity" in window or "stay in touch" in window or _invited(tok):
        return True
    accepted = any(t.lemma_.lower() == "accept" for t in tok.sent)
    below = tok
    for anc in list(tok.ancestors)[:3]:
        lemma = anc.lemma_.lower()
        if lemma in {"invite", "invitation"} and not accepted:
            return True
        if lemma == "welcome" and below.dep_ in {"dobj", "xcomp", "ccomp", "pobj", "prep"} and \
                below.lower_ != "on" and not accepted:
            return True  # "welcomed the visit", "welcome him to visit" (not "welcomed X on his visit")
        below = anc
    chain = [tok, *list(tok.ancestors)[:2]]
    for child, anc in pairwise(chain):
        if (anc.lemma_.lower() in _UNREALISED or anc.lower_ in _UNREALISED_FORMS) and \
                child.dep_ in {"xcomp", "dobj", "ccomp", "nsubjpass"}:
            return True  # "had hoped to meet ...", "refused to meet", "cancelled the meeting"
        if child.dep_ == "advcl" and any(g.lower_ == "too" for c in (anc, *anc.children)
                                         if c is anc or c.dep_ == "acomp" for g in c.children):
            return True  # "it was too complicated for him to meet Obama"
    if _denied(tok):
        return True
    if any(a.dep_ == "prep" and a.lower_ == "since" for a in list(tok.ancestors)[:3]) and any(
            t.lower_ == "first" and t.i < tok.i for t in tok.sent):
        return True  # "the first by an Indian Prime Minister since Singh's state visit in 2007": a comparison
    if any(a.lemma_.lower() == "accompany" and (a.tag_ == "VBN" or trigger_type(tok) == "VISIT")
           for a in list(tok.ancestors)[:3]):
        return True  # "was accompanied on the courtesy call by X and Y": the entourage of one told
    # "X attended the meeting": the meeting told already; X was present at it.
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"attend", "join"} and any(
        (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss" for c in tok.children)


def _denied(tok: Token) -> bool:
    """A meeting said not to happen or not to be in preparation: "did not meet", "does not mean
    that preparations for a meeting between X and Y are ongoing" (an agreement denied still
    leaves the engagement considered; that is modality, not this)."""
    if tok.pos_ in {"VERB", "AUX"} and any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    chain = list(tok.ancestors)[:5]
    prepared = any(a.lemma_.lower() in {"preparation", "prepare", "plan"} for a in chain[:3])
    return prepared and any(any(c.dep_ == "neg" for c in a.children) for a in chain if a.pos_ in {"VERB", "AUX"})


def _unnamed_group(tok: Token, cast: Cast) -> bool:
    """The trigger's own between/of/with phrase names no one ("the visit of the Carrier Strike
    Group", "the meeting between our defence and foreign ministers")."""
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_sent_start and any(
            c.dep_ in {"nmod", "compound", "amod"} and c.text[:1].isupper() and c.i < tok.i for c in tok.children):
        return True  # "the Annual Leaders' Meeting", "the Special Summit": an occasion by its name
    if tok.pos_ != "NOUN":
        return False
    partner = any(c.dep_ == "prep" and c.lower_ == "with" and cast.overlaps(
        c.idx, c.right_edge.idx + len(c.right_edge.text)) for c in tok.children)
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ in _GROUP_WORDS and not partner and not cast.overlaps(
                child.idx, child.idx + len(child.text)) and not all(
                g.dep_ in {"det", "case", "nummod"} and g.lower_ in {"the", "two", "both", "'", "’", "'s", "’s"}
                for g in child.children):
            return True  # "the G7 leaders' meeting" (not "a Foreign Ministers' meeting with Dr Kang")
        if child.dep_ == "prep" and child.lower_ in {"between", "of", "among", "with"}:
            objects = [t for t in child.subtree if t.i != child.i]
            if not objects:
                continue
            start, end = objects[0].idx, objects[-1].idx + len(objects[-1].text)
            if child.lower_ == "between" and {t.lower_ for t in objects} & {"both", "two"}:
                continue  # "between both sides": the document's pair, not an unnamed group
            if not cast.overlaps(start, end) and (child.lower_ != "with" or
                                                 any(t.lower_ in _GROUP_WORDS for t in objects)):
                return True
    return False


def _people_in(tokens: list[Token], cast: Cast) -> list[str]:
    """People mentioned by these tokens (which need not be contiguous), in text order."""
    if not tokens:
        return []
    starts = {t.idx for t in tokens}
    start = min(starts)
    end = max(t.idx + len(t.text) for t in tokens)
    seen: list[str] = []
    for m in cast.in_span(start, end):
        if any(m.start <= s < m.end for s in starts) and m.person not in seen:
            seen.append(m.person)
    return seen




def _dated_elsewhere(tok: Token, near: TimeExpr) -> bool:
    """A date that belongs to another engagement noun of the sentence ("build on the leaders'
    phone call in February 2021"): it dates that one, not ``tok``."""
    span = tok.doc.char_span(near.start, near.end, alignment_mode="expand")
    if span is None:
        return False
    kind = trigger_type(tok)
    between = tok.doc[min(tok.i, span.start) + 1: max(tok.i, span.start)]
    if kind in {"MEET", "CALL"} and any(trigger_type(t) in {"MEET", "CALL"} - {kind} for t in between):
        return True  # "the meeting ... builds on their phone call in February": the call's date
    for anc in list(span.root.ancestors)[:4]:
        if anc.i == tok.i or (tok.dep_ == "compound" and anc.i == tok.head.i):
            return False
        if anc.pos_ == "NOUN" and trigger_type(anc) is not None:
            return True
    return False


def _own_agent(noun: Token) -> bool:
    """An engagement noun that names whose it is: "a visit by President X", "X's trip"."""
    return any((c.dep_ == "poss" and c.pos_ == "PROPN") or (c.dep_ == "prep" and c.lower_ == "by")
               for c in noun.children)


def _controller(verb: Token, cast: Cast, people: list[str]) -> list[str]:
    """The unspoken subject of "(in order) to meet X and Y" or "agreed to meet X": the subject of
    the verb the infinitive hangs on, when it is one named person not among ``people``."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        # "The Chairperson held a working session with A, B and C": the holder sits at it too
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        named = _people_in([t for c in subjects for t in c.subtree], cast)
        return named[:1] if named and named[0] not in people else []
    if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    for head in list(verb.ancestors)[:4]:
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            named = _people_in([t for c in subjects for t in c.subtree], cast)
            return named if len(named) == 1 and named[0] not in people else []
    return []


def paragraph_chars(tok: Token) -> tuple[int, int]:
    """Character bounds of the paragraph holding ``tok``."""
    start, end = _paragraph(tok)
    last = tok.doc[end - 1]
    return tok.doc[start].idx, last.idx + len(last.text)


def participants(tok: Token, kind: str, cast: Cast) -> list[str]:
    """The people of the smallest unit around the trigger that holds enough of them."""
    needed = NEEDED[kind]
    if kind == "VISIT" and any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in tok.children):
        # "X held talks with Y as part of his visit to Russia": the subject of the clause that
        # holds the visit, else the nearest person before "his" ("commended Modi for his visit").
        verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        subject = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}] if verb is not None else []
        hosting = verb is not None and verb.lemma_.lower() in {
            "welcome", "receive", "host", "greet", "commend", "thank", "congratulate", "praise", "hail"}
        held = {t.i for c in subject for t in c.subtree}
        # "welcomed X ... on his visit", "received on Wednesday HE the Lord Mayor ... X": the guest,
        # the first person named after the verb outside its subject
        guest = _people_in([t for t in tok.sent if verb is not None and verb.i < t.i < tok.i and t.i not in held],
                           cast) if hosting else []
        named = guest[:1] or _people_in([t for c in subject for t in c.subtree], cast)
        if len(named) == 1:
            return named
        before = [m for m in cast.mentions if m.end <= tok.idx and m.start >= tok.sent.start_char]
        if before:
            return [before[-1].person]
    if kind != "VISIT" and tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in {"his", "her"}
                                                      for c in tok.children):
        # "gave Trump an explanation of his meeting with Rouhani": whose meeting, and with whom
        partners = _people_in([t for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                               for t in c.subtree], cast)
        verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        subject = [t for c in (verb.children if verb is not None else []) if c.dep_ in {"nsubj", "nsubjpass"}
                   for t in c.subtree]
        owner = [p for p in _people_in(subject, cast) if p not in partners][:1]
        if partners and owner:
            return owner + partners
    node: Token | None = tok
    verbs_passed = 0
    path = {tok.i}
    para = _paragraph(tok)
    while node is not None:
        path.add(node.i)
        skip: set[int] = set()
        for child in node.children:
            if child.i not in path and child.dep_ in _SIDE_CLAUSES and child.pos_ in {"VERB", "AUX"} \
                    and not any(t.i in path for t in child.subtree):
                skip.update(t.i for t in child.subtree)
            if node is not tok and node.lemma_.lower() in _REPORTING and child.i not in path \
                    and child.dep_ in {"nsubj", "nsubjpass"}:
                skip.update(t.i for t in child.subtree)  # "X met Y, spokesman Z said": Z tells it
        for t in node.subtree:
            if t.i not in path and t.dep_ == "relcl" and t.pos_ == "VERB" and trigger_type(t) is not None \
                    and not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "met X at Y, where he also met Z": Z's own meeting
            if t.i not in path and t.pos_ == "NOUN" and not any(x.i in path for x in t.subtree) and \
                    t.dep_ not in {"nsubj", "nsubjpass"} and trigger_type(t) is not None and _own_agent(t):
                skip.update(x.i for x in t.subtree)  # "followed visits to Honiara by X and Y": theirs
            if t.dep_ == "prep" and t.lower_ == "according" and not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "according to the former's spokesman X"
            if t.dep_ == "prep" and t.lower_ == "since" and \
                    not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "the first such meeting since Turnbull in 2016"
            if t.i not in path and t.lemma_.lower() == "accompany" and kind != "VISIT":
                skip.update(x.i for x in t.subtree)  # "accompanied by first lady X": entourage
            if t.dep_ == "poss" and t.head.lemma_.lower() in _ROLE_NOUNS and t.i not in path and kind != "VISIT" \
                    and any(c.dep_ in {"appos", "compound"} or c.pos_ == "PROPN" for c in t.head.subtree if c is not t
                            and c not in t.subtree):
                skip.update(x.i for x in t.subtree)  # "Trump's special envoy Steve Witkoff": the envoy
        people = _people_in([t for t in node.subtree if t.i not in skip and para[0] <= t.i < para[1]], cast)
        if len(people) >= needed:
            if node is tok and kind != "VISIT":
                people = [*_controller(tok, cast, people), *people]
            return people
        if node.pos_ in {"VERB", "AUX"} and node is not tok:
            verbs_passed += 1
        if verbs_passed >= 2 or node.head.i == node.i:
            break
        node = node.head
    return []


def modality(tok: Token, sent: Span) -> str:
    """Planned (will, agreed to, considering, looking forward to), speculative (could, if) or occurred."""
    chain = [tok, *list(tok.ancestors)[:4]]
    planned = speculative = False
    if tok.lemma_.lower() in _TRAVEL_LEMMAS and tok.tag_ in {"VBZ", "VBP"} and not any(
            c.dep_ in {"aux", "auxpass"} for c in tok.children):
        planned = True  # in the body of a report, "Lee arrives in Nara on Tuesday" is ahead
    if tok.lemma_.lower() in {"leave", "depart"} and tok.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
        planned = True  # "I am leaving for Britain this afternoon": a departure ahead
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
            a.lower_ == "order" or a.lemma_.lower() in _TRAVEL_LEMMAS for a in list(tok.ancestors)[:3]):
        planned = True  # "leaving for Britain in order to meet X": what the journey is for
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"include", "feature"} and any(
            c.dep_ == "nsubj" and c.lower_ in {"agenda", "programme", "program", "schedule", "itinerary"}
            for c in tok.head.children):
        planned = True  # "Lavrov's agenda includes talks with ..."
    for node in chain[:3]:
        if node.pos_ == "VERB" and node.dep_ == "xcomp" and node.head.lemma_ == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            planned = True  # "where he is to meet President X", "the two are to hold talks"
        if node.pos_ == "NOUN" and node.lower_ in _MEETING_NOUNS and _travel_purpose(node):
            planned = True  # "arrived in Nara for a summit with ...": the summit is still ahead
        if node.pos_ == "VERB" and node.dep_ in {"advcl", "xcomp"} and \
                node.head.lemma_.lower() in _ARRIVAL_LEMMAS | _DEPARTURE_LEMMAS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            planned = True  # "arrived on Tuesday to hold a summit with ..."
    for n, node in enumerate(chain):
        lemma = node.lemma_.lower()
        if lemma in _PLANNED_LEMMAS or (lemma == "invite" and node is not tok) or (lemma == "agree" and node is not tok
                                        and chain[n - 1].dep_ not in {"prep", "pobj", "npadvmod"}
                                        and not (chain[n - 1].dep_ == "advcl" and any(
                                            c.dep_ == "mark" for c in chain[n - 1].children))):
            planned = True  # "agreed to meet", but not "agreed at their summit"
        if lemma == "look" and any(c.lower_ == "forward" for c in node.children):
            planned = True
        for child in node.children:
            cl = child.lower_
            if child.dep_ in {"aux", "auxpass"} and cl in {"will", "shall", "'ll"}:
                planned = True
            if child.dep_ in {"aux", "auxpass"} and cl in _SPECULATIVE_AUX:
                if cl == "would" and node.dep_ == "ccomp" and node.head.lemma_.lower() in {
                        "say", "announce", "tell", "confirm", "state"}:
                    planned = True  # "Kishida said he would visit Seoul": a reported plan
                else:
                    speculative = True
            if child.dep_ == "mark" and cl == "if":
                speculative = True
            if child.dep_ in {"amod", "compound", "acl"} and cl in {"upcoming", "forthcoming", "planned",
                                                               "proposed", "future", "possible",
                                                               "potential"}:
                if cl in {"possible", "potential"}:
                    speculative = True
                else:
                    planned = True
        if node.pos_ == "VERB" and node is not tok and node.dep_ not in {"xcomp", "advcl", "prep",
                                                                         "pcomp", "acl"}:
            break
        if any(c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for c in node.children):
            break  # "... since James Cleverly went to China": its own clause, its own tense
    own_clause = any(c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for node in chain
                     for c in node.children)
    if not own_clause and any(t.lower_ == "if" for t in sent if t.i < tok.i):
        speculative = True
    if planned:
        return "planned"
    return "speculative" if speculative else "occurred"


def find_events(doc: Doc, cast: Cast, kb: Knowledge, dates: list[TimeExpr],
                anchor: date | None = None, text: str | None = None) -> list[Found]:
    """Every engagement the body mentions, one per trigger, before merging (``text`` is
    ``doc.text`` read once by the caller)."""
    text = doc.text if text is None else text
    found: list[Found] = []
    for tok in doc:
        kind = trigger_type(tok)
        if kind is None or _is_excluded(tok) or _unnamed_group(tok, cast):
            continue
        if tok.dep_ == "compound" and trigger_type(tok.head) == kind:
            continue  # "a telephone call": one engagement, told by its head noun
        if tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} and trigger_type(tok.head) is None:
            continue  # "a new Security Arrangement and the meeting between ministers"
        if kind != "CALL" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.lower_ in {
                "meeting", "meetings", "summit", "talks", "visit"}:
            continue  # "their meeting schedule", "a meeting room": a modifier, not an engagement
        sent = sentence_of(tok)
        noun = tok.head if tok.dep_ == "compound" else tok
        if kind != "VISIT" and _anaphor(noun) and noun.text.islower() and noun.dep_ == "pobj" and noun.head.lower_ in {
                "at", "during", "in", "after", "following"}:
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
        people = participants(tok, kind, cast)
        partial = False
        if len(people) < NEEDED[kind]:
            if kind == "VISIT" and _definite_visit(tok):
                people, partial = [], True  # "This visit marked ...": whose, the meeting will tell
            elif kind != "VISIT" and not people and _pair_subject(tok):
                people, partial = [], True  # "They last met in Bangkok": the document's pair
                if _anaphor(tok.head if tok.dep_ == "compound" else tok):
                    anaphor = True
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
        if anaphor:
            event.rules["anaphor"] = "the-engagement"
        if any(c.dep_ in {"advmod", "amod"} and c.lower_ in _EARLIER for c in tok.children):
            event.rules["when"] = "earlier"  # "they last met", "their previous meeting": not this one
        event.modality = modality(tok, sent)
        event.rules["modality"] = "tense-and-hedges"
        if kind == "VISIT" and tok.pos_ == "VERB" and tok.lemma_.lower() in _TRAVEL_LEMMAS and _to_venue(tok):
            continue
        if kind == "VISIT" and tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in {"country", "city", "capital"}
                                                              for g in c.children) for c in tok.children):
            event.location = None  # "on the occasion of his visit to the country": where he was received
        elif kind == "VISIT" and tok.dep_ == "amod":
            event.location = None  # "the visiting U.S. Vice President": the guest, not a destination
        elif kind == "VISIT":
            event.location = place_near(tok, sent, kind, kb, doc, text) or next(
                (c.text for c in tok.children if c.dep_ == "compound" and tok.pos_ == "NOUN"
                 and (c.text in kb.country_nouns or c.text in kb.places)), None)  # "the Russia visit by X"
            if event.location and tok.pos_ == "VERB" and tok.lemma_.lower() in _TRAVEL_LEMMAS - _ARRIVAL_LEMMAS:
                goal = [c for c in tok.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for"}]
                inside = [text[c.idx:c.right_edge.idx + len(c.right_edge.text)] for c in goal]
                if not any(event.location in part for part in inside):
                    event.location = None  # "before heading to their meeting": no destination named
            if event.location is None or not people:
                if not _definite_visit(tok):
                    continue
                event.partial = True  # "Widodo's visit", "the three-day trip": placed by the meeting
                event.rules["location"] = "meeting-abroad"
                if not people:
                    event.spans.append((sent.start_char, sent.end_char, f"trigger:{tok.lower_}"))
                    found.append(event)
                    continue
            where = event.location or ""
            host_country = kb.country_nouns.get(where) or kb.places.get(where)
            people = [p for p in people if cast.people[p].country != host_country
                      or cast.people[p].country is None]
            if not people:
                continue
            if tok.tag_ == "NNS":
                others = people[1:]
            event.people = people[:1] if len(people) > 1 else people
            stops = more_places(tok, event.location or "", kb) if event.location else []
        elif kind == "MEET":
            event.location = place_near(tok, sent, kind, kb, doc, text)
        if event.location:
            event.rules["location"] = "place-after-preposition"
        near = nearest_date(tok, sent, dates, event.modality == "planned")
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
        event.spans.append((sent.start_char, sent.end_char, f"trigger:{tok.lower_}"))
        found.append(event)
        found.extend(Found(kind, [visitor], event.start, event.end, event.trigger, event.modality, event.location,
                           event.date, dict(event.rules), list(event.spans)) for visitor in others)
        found.extend(Found(kind, list(event.people), event.start, event.end, event.trigger, event.modality, stop,
                           event.date, dict(event.rules), list(event.spans)) for stop in stops)
    return found

"""Who takes part in an engagement: the people of the smallest unit around its trigger.

Participants are the people in the smallest syntactic unit around the trigger that holds enough of
them (two for a meeting or call, one visitor for a visit): "Lu said, recently, President Xi and UK
Prime Minister Keir Starmer had a phone call" gives Xi and Starmer, not Lu, because "had" is the
smallest clause holding two people.  Side clauses, reporters, envoys, entourages and the people of
another engagement noun are left out; an infinitive's unspoken subject is let in.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Token

from parley.dates import TimeExpr
from parley.extract.excluded import _ROLE_NOUNS
from parley.extract.journeys import _TRAVEL_LEMMAS, in_place_to
from parley.extract.knowledge import doc_text
from parley.extract.mentions import Cast
from parley.extract.owners import _people_in, _subject, owned_by_pronoun, thanked_for
from parley.extract.triggers import _SIDE_CLAUSES, NEEDED, SENT_THINGS, holding_verb, trigger_type
from parley.extract.when_where import _REPORTING, _paragraph


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
        if anc.pos_ == "NOUN" and anc.dep_ == "pobj" and anc.head.lower_ in {"after", "since", "following", "before"}:
            return True  # "to meet Anwar after his appointment as Prime Minister on Nov 24": the appointment's day
    return False


def _own_agent(noun: Token) -> bool:
    """An engagement noun that names whose it is: "a visit by President X", "X's trip"."""
    return any((c.dep_ == "poss" and c.pos_ == "PROPN") or (c.dep_ == "prep" and c.lower_ == "by")
               for c in noun.children)


def _controller(verb: Token, cast: Cast, people: list[str]) -> list[str]:
    """The unspoken subject of "(in order) to meet X and Y", "agreed to meet X", "is no stranger
    to the White House, having met A and B" or "had an audience with Y and called on A and B": the
    subject of the verb the infinitive, participle or second verb hangs on, when it is one named
    person not among ``people``."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        # "The Chairperson held a working session with A, B and C": the holder sits at it too
        named = _people_in(_subject(verb.head), cast)
        if not named:  # "Hun Manet is expected to hold talks with A and B": the holder of "to hold"
            return _controller(verb.head, cast, people)
        return named[:1] if named and named[0] not in people else []
    if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and (  # "X would be leaving for Rome for a meeting with A
            (verb.head.lower_ == "for" and verb.head.head.lemma_.lower() in _WENT)  # and B", "said X during a
            or (verb.head.lower_ in {"during", "at"} and verb.head.head.lemma_ in _REPORTING)):  # meeting": X is at it
        named = _people_in(_subject(verb.head.head), cast)
        return named[:1] if len(named) == 1 and named[0] not in people else []
    participle = (verb.dep_ in {"advcl", "pcomp"} and verb.tag_ in {"VBG", "VBN"}) or (  # "X, having met A
        verb.dep_ == "conj" and verb.head.pos_ == "VERB")  # and B", "began his day by meeting A"; "X had an
    # audience with Y and called on A and B"
    if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or \
            not (participle or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return []
    for head in list(verb.ancestors)[:4]:
        subject = _subject(head)
        if subject:
            named = _people_in(subject, cast)
            return named if len(named) == 1 and named[0] not in people else []
    return []


def paragraph_chars(tok: Token) -> tuple[int, int]:
    """Character bounds of the paragraph holding ``tok``."""
    start, end = _paragraph(tok)
    last = tok.doc[end - 1]
    return tok.doc[start].idx, last.idx + len(last.text)


def _lent_subject(verb: Token) -> list[Token]:
    """The subject a chain of verbs shares ("The President met X, laid a wreath alongside Y, and
    held a meeting with Z": each conjunct is the President's, and its objects its own)."""
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not _subject(verb):
        verb = verb.head
    return _subject(verb)


_SPOUSES = {"wife", "husband", "spouse", "consort"}
_WENT = _TRAVEL_LEMMAS | {"return"}  # verbs of a journey a meeting can be "for"


def _teller_does_it(below: Token | None) -> bool:
    """The teller's own engagement: "X told Y in a phone call", "X told media before leaving for
    Washington", "X said after meeting Y" (the clause under the telling verb has no subject of its own),
    "X announced plans to visit Y"."""
    if below is None:
        return False
    if below.dep_ == "prep":
        return below.lower_ in {"in", "during", "at", "on", "before", "after", "upon", "following"}
    if below.dep_ == "dobj" and below.lemma_.lower() in {"plan", "intention", "intent", "readiness", "willingness"}:
        return True  # "Lavrov revealed plans to visit Armenia": his own plans
    return below.dep_ == "advcl" and below.tag_ == "VBG" and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in below.children)


def participants(tok: Token, kind: str, cast: Cast) -> list[str]:
    """The people of the smallest unit around the trigger that holds enough of them."""
    needed = NEEDED[kind]
    if kind == "VISIT" and (thanked := thanked_for(tok)) is not None:
        return _people_in(list(thanked.subtree), cast)[:1]  # none named: the meeting's guest, later
    owned = owned_by_pronoun(tok, kind, cast)
    if owned:
        return owned
    if kind == "VISIT" and in_place_to(tok):  # "In London to attend X, the two Prime Ministers discussed"
        subject = _subject(tok.head)
        if not (named := _people_in(subject, cast)) and any(t.lower_ in {"two", "both", "they"} for t in subject):
            before = tok.doc[tok.sent.start - 1].sent if tok.sent.start > 0 else tok.sent  # (the pair just named)
            named = list(dict.fromkeys(m.person for m in cast.mentions if before.start_char <= m.start < tok.idx))[-2:]
        return named
    if kind == "VISIT" and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in {"before", "after"}:
        # "X is likely to attend the funeral of Queen Y before visiting the United States": the
        # visitor is the subject of the clause the gerund hangs on, not a person inside it
        for verb in tok.ancestors:
            subject = _subject(verb)
            if subject:
                named = _people_in(subject, cast)
                if named:
                    return named[:1]
                break
    if kind == "VISIT" and tok.pos_ == "VERB" and tok.dep_ == "conj" and not _subject(tok) and (
            shared := _people_in(_lent_subject(tok), cast)):
        return shared[:1]  # "X would meet Y in Kyiv and then visit Poland for talks with Z": X visits
    if kind == "VISIT" and tok.dep_ == "relcl" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {
            "who", "that"} for c in tok.children):
        # "Chung, who visited Pyongyang Wednesday as President Moon's special envoy": the antecedent
        # ("X, President Y's Special Envoy, who traveled to Kigali": X, not the sender Y)
        inside = {t.i for t in tok.subtree} | {t.i for c in tok.head.children if c.dep_ == "poss" for t in c.subtree}
        head = tok.head.head if tok.head.dep_ == "appos" else tok.head
        named = _people_in([t for t in tok.head.subtree if t.i not in inside], cast) or \
            _people_in([t for t in head.subtree if t.i not in inside], cast)
        if named:
            return named[:1]
    if kind == "VISIT" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and not _subject(tok) \
            and tok.head.lemma_.lower() in {"receive", "host", "welcome", "greet", "meet"} and (guest := _people_in(
                [t for c in tok.head.children if c.dep_ == "dobj" for t in c.subtree], cast)):
        return guest[:1]  # "received Minister X, currently visiting the Sultanate": the guest visits
    node: Token | None = tok
    verbs_passed = 0
    path = {tok.i}
    para = _paragraph(tok)
    below: Token | None = None
    senders = _senders(tok, cast)
    lent: set[int] = set()
    while node is not None:
        path.add(node.i)
        if below is not None and below.dep_ == "conj" and below.pos_ in {"VERB", "AUX"} \
                and node.pos_ in {"VERB", "AUX"} and (_people_in(_lent_subject(node), cast) or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in node.children)) \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in below.children):
            # "will meet the President and hold talks with the PM", "to meet King X and visit the
            # troops": the first verb lends its subject to the second, not its objects (at any level)
            for child in node.children:
                if child.i != below.i and child.dep_ not in {"nsubj", "nsubjpass", "aux", "auxpass"}:
                    lent.update(t.i for t in child.subtree)
        skip: set[int] = set(lent)
        for child in node.children:
            if child.i not in path and child.dep_ in _SIDE_CLAUSES and child.pos_ in {"VERB", "AUX"} \
                    and not any(t.i in path for t in child.subtree):
                skip.update(t.i for t in child.subtree)
            if node is not tok and child.i not in path and child.dep_ in {"xcomp", "ccomp", "conj"} \
                    and child.pos_ == "VERB" and below is not None and below.dep_ in {"prep", "advcl"} \
                    and any(trigger_type(t) is not None for t in child.subtree):
                # "As well as meeting Xi, Hun Manet is expected to hold talks with A and B": those
                # talks are the other clause's engagement, not the meeting's
                skip.update(t.i for t in child.subtree)
            if node is tok and tok.pos_ == "VERB" and child.dep_ in {"prep", "advmod"} and child.i < tok.i and any(
                    trigger_type(t) in {"MEET", "CALL"} for t in child.subtree):
                skip.update(t.i for t in child.subtree)  # "Prior to meeting X on Thursday, he had met Y": X's
            if node is not tok and below is not None and below.dep_ in {"prep", "advmod"} and child.i not in path \
                    and child.dep_ in {"dobj", "dative"} and trigger_type(node) in {"MEET", "CALL"} and kind != "VISIT":
                skip.update(t.i for t in child.subtree)  # (and Y is not at the meeting with X)
            if node is tok and child.dep_ == "conj" and child.pos_ == "VERB" and tok.pos_ == "VERB" \
                    and _subject(tok) and not any(t.i in path for t in child.subtree):
                skip.update(t.i for t in child.subtree)  # "met X, laid a wreath alongside Y, and ...": not X's
            if node is not tok and node.lemma_.lower() in _REPORTING and child.i not in path \
                    and child.dep_ in {"nsubj", "nsubjpass"} and not _teller_does_it(below):
                # "X met Y, spokesman Z said": Z tells it ("X told Y in a phone call": X is on it)
                skip.update(t.i for t in child.subtree)
        for t in node.subtree:
            if t.i not in path and t.dep_ == "relcl" and t.pos_ in {"VERB", "AUX"} \
                    and (trigger_type(t) is not None or (kind != "VISIT" and t.head.i not in path)
                         or (t.head.i not in path and any(c.lower_ == "where" for c in t.children))) \
                    and not any(x.i in path for x in t.subtree):
                # "met X at Y, where he also met Z": Z's own meeting; "held talks with a US Senator
                # who was behind A and B's handshake": what the clause says of the senator (up to a
                # semicolon: "A, who is the top leader; B, the president; and C" lists on)
                stop = next((x.i for x in t.subtree if x.i > t.i and x.text == ";"), len(t.doc))
                skip.update(x.i for x in t.subtree if x.i < stop)
            if t.i not in path and t.pos_ == "NOUN" and not any(x.i in path for x in t.subtree) and \
                    t.dep_ not in {"nsubj", "nsubjpass"} and trigger_type(t) is not None and _own_agent(t):
                skip.update(x.i for x in t.subtree)  # "followed visits to Honiara by X and Y": theirs
            if t.dep_ == "prep" and t.head.i == tok.i and t.lower_ in {"on", "about", "regarding", "concerning"} \
                    and any(x.lower_ in {"how", "what", "whether", "ways"} for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "to talk to X on how to prepare the visit of Y": a topic
            if t.dep_ == "prep" and t.lower_ == "of" and t.head.lemma_.lower() == "invitation" and any(
                    c.lemma_.lower() == "visit" for c in t.head.children if c.dep_ in {"acl", "relcl"}) \
                    and not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "transmitted the invitation of Speaker X to visit Iran"
            if t.dep_ == "prep" and t.lower_ == "from" and t.head.lemma_.lower() in SENT_THINGS \
                    and not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "to convey a message from President X": X sent it
            if kind == "VISIT" and t.dep_ == "prep" and t.lower_ in {"at", "upon", "on"} and any(
                    g.dep_ == "pobj" and g.lower_ == "invitation" for g in t.children):
                stop = next((x.i for x in t.subtree if x.text == ","), t.right_edge.i + 1)  # (a parse astray
                skip.update(x.i for x in t.subtree if x.i < stop)  # "At the invitation of X, Y visited": Y
            if t.dep_ == "prep" and t.lower_ == "according" and not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "according to the former's spokesman X"
            if t.dep_ == "prep" and t.lower_ == "since" and \
                    not any(x.i in path for x in t.subtree):
                skip.update(x.i for x in t.subtree)  # "the first such meeting since Turnbull in 2016"
            noun = t.head if t.dep_ in {"nmod", "compound", "amod"} else t
            if t.lower_ in _SPOUSES and t.i not in path and any(
                    c.dep_ == "poss" for c in (*t.children, *noun.children)) and not any(
                    x.i in path for x in noun.subtree):
                skip.update(x.i for x in noun.subtree)  # "X and his wife Y called on Z": she accompanies
            if t.lower_ == "lady" and any(c.lower_ == "first" for c in t.children) and t.i not in path \
                    and not any(x.i in path for x in noun.subtree):
                skip.update(x.i for x in noun.subtree)  # "welcomed President X and first lady Y": entourage
                after = t.i + 2 if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "," else t.i + 1
                skip.update(x.i for x in t.doc[after:after + 4] if x.ent_type_ == "PERSON")  # (", Y": apart)
            if t.dep_ == "conj" and t.i not in path and re.match(r"(?:First Lady|Lady|Mrs\.?|Madame?)\s", t.doc[
                    t.left_edge.i:t.i + 1].text):
                skip.update(x.i for x in t.subtree)  # "will welcome President X and Mrs. Y": his spouse
            if t.i not in path and t.lemma_.lower() == "accompany" and kind != "VISIT":
                skip.update(x.i for x in t.subtree)  # "accompanied by first lady X": entourage
            if t.dep_ == "prep" and t.lower_ == "in" and t.i not in path and any(
                    g.dep_ == "pobj" and g.lower_ == "company" for g in t.children):
                # "received by President X in company with Ministers Y; Z, as well as W": the list runs on
                skip.update(range(t.i, t.sent.end))
            if t.dep_ == "poss" and t.head.lemma_.lower() in _ROLE_NOUNS and t.i not in path \
                    and any(c.dep_ in {"appos", "compound"} or c.pos_ == "PROPN" for c in t.head.subtree if c is not t
                            and c not in t.subtree):
                skip.update(x.i for x in t.subtree)  # "Trump's special envoy Steve Witkoff": the envoy
        people = _people_in([t for t in node.subtree if t.i not in skip and para[0] <= t.i < para[1]], cast)
        people = [p for p in people if p not in senders]
        if len(people) >= needed:
            held = tok.dep_ == "dobj" and node.i == tok.head.i and not _subject(node)  # "(is due) to hold talks with"
            if kind != "VISIT" and (node is tok or held):
                people = [*_controller(tok, cast, people), *people]
            return people
        if node.pos_ in {"VERB", "AUX"} and node is not tok and node.dep_ != "prep":
            verbs_passed += 1  # ("following a meeting with X": a preposition, not a clause of its own)
        if verbs_passed >= 2 or node.head.i == node.i:
            break
        below, node = node, node.head
    return []


def _with_after(tok: Token) -> Token | None:
    """The "with" right after the trigger ("met with", "a meeting with")."""
    return next((t for t in tok.doc[tok.i + 1:min(len(tok.doc), tok.i + 3)] if t.lower_ == "with"), None)


def _named_subject(tok: Token, cast: Cast) -> list[str]:
    """The person named as the subject of the trigger's verb (a name, not "he": whom a pronoun
    means is for the meeting's own rules)."""
    return _people_in([t for c in holding_verb(tok).children if c.dep_ == "nsubj" for t in c.subtree
                       if t.pos_ == "PROPN"], cast)[:1]


_ENVOYS = {"ambassador", "envoy", "commissioner", "representative", "consul", "ambassador-designate"}


def with_partner(tok: Token, cast: Cast) -> list[str]:
    """"X met with Secretary-General of the body, Ambassador Y and a delegation ...": the trigger's
    own named subject and the first person named after the trigger's "with", when the
    parser left that person outside the trigger's phrase.  Only titles and commas may stand
    between "with" and the name (no verb or preposition: "met with the press, who asked Y", "a
    meeting with the President since Y" are no meetings with Y)."""
    doc = tok.doc
    after = _with_after(tok)
    if after is None:
        return []
    subject = _named_subject(tok, cast)
    sent_end = tok.sent.end_char
    if tok.sent[-1].text not in {".", "!", "?", "\"", "”"} and tok.sent.end < len(doc):
        sent_end = doc[tok.sent.end].sent.end_char  # the parser cut the sentence short ("... to Sri Lanka")
    partners = [m for m in cast.mentions if after.idx < m.start < sent_end and m.person not in subject]
    if not subject or not partners:
        return []
    partner = partners[0]
    between = [t for t in doc[after.i + 1:] if t.idx < partner.start]
    # ("the new Ambassador of X accredited to Y and designated as ..., NAME": participles run on to the name)
    titled = {t.i for t in between if t.tag_ in {"VBN", "VBD"} and t.dep_ in {"acl", "advcl", "conj"}
              and t.lower_.endswith("ed") and not _subject(t)}

    def blocks(t: Token) -> bool:
        if t.lower_ == "to" and t.i > 0 and doc[t.i - 1].lower_ in _ENVOYS:
            return False  # "the Russian Ambassador to Sri Lanka Yuri Meteriy"
        if t.pos_ in {"VERB", "AUX", "SCONJ"} or (t.pos_ == "ADP" and t.lower_ != "of"):
            return t.i not in titled if t.pos_ != "ADP" else not (titled and t.lower_ in {"to", "as"})
        return t.lower_ in {"who", "which", "where"} or (t.lower_ == "and" and t.i + 1 not in titled)

    if any(blocks(t) for t in between):
        return []
    met = [subject[0], partner.person]
    for last, more in pairwise(partners):  # "Y and Chinese Ambassador to Sri Lanka Z": one more each time
        words = [t for t in doc if last.end <= t.idx < more.start]
        if not words or words[0].lower_ != "and" or any(blocks(t) for t in words[1:]) or more.person in met:
            break
        met.append(more.person)
    return met


_HEADED = re.compile(r"\b(?:led|headed) by\b")


def delegation_head(tok: Token, cast: Cast) -> list[str]:
    """"X held a bilateral meeting with a delegation of the European Union ... The European Union
    delegation was headed by ... Y", "X received the delegation led by <a long office> Y": a
    delegation met is its head, named after "led by" in that sentence or the next two, when the
    parse leaves the head outside the trigger's phrase."""
    doc = tok.doc
    with_ = _with_after(tok)
    held = [g for g in with_.children if g.dep_ == "pobj"] if with_ is not None else \
        [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    group = next((g for g in held if g.lemma_ == "delegation"), None)
    if group is None or not (subject := _named_subject(tok, cast)):
        return []
    end = ([s.end_char for s in doc.sents if s.start >= tok.sent.start][:3] or [tok.sent.end_char])[-1]
    led = _HEADED.search(doc_text(doc), group.idx, end)
    head = next((m.person for m in cast.mentions if led and led.end() <= m.start < end and m.person not in subject),
                None)
    return [subject[0], head] if head else []


def principal(cast: Cast) -> str | None:
    """The person a document is about: the first it names who is named again (a readout and a
    news lead both open on their principal)."""
    counts: dict[str, int] = {}
    for m in cast.mentions:
        if m.end > m.start:
            counts[m.person] = counts.get(m.person, 0) + 1
    return next((p for p, n in counts.items() if n >= 2), None)  # dicts keep the order of first mention


_PROGRAMME_LINE = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[:.]\d{2}\b"
                             r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


def programme_item(tok: Token, cast: Cast, text: str) -> list[str]:
    """"- Thursday (noon): Talks with French President Emmanuel Macron followed by lunch": an item
    of the programme of the document's own person, who is not named on the line."""
    line_start = text.rfind("\n", 0, tok.idx) + 1
    line_end = text.find("\n", tok.idx)
    line_end = len(text) if line_end < 0 else line_end
    label = text.find(":", line_start, tok.idx)  # "Thursday (noon):" is the item's time, not its subject
    if not _PROGRAMME_LINE.match(text[line_start:tok.idx]) or any(
            t.dep_ in {"nsubj", "nsubjpass"} and t.ent_type_ not in {"DATE", "TIME"} and t.i != tok.i
            for t in tok.sent if max(line_start, label + 1) <= t.idx < line_end):
        return []
    named = cast.people_in(line_start, line_end)
    main = principal(cast)
    return [main, named[0]] if len(named) == 1 and main is not None and main != named[0] else []


_ENVOY_OF = re.compile(r"\b(?:[Ee]nvoy|[Ee]missary|[Rr]epresentative|[Mm]essenger)\s+of\s+(?:the\s+)?"
                       r"(?:[A-Z][\w.'’-]*\s+){0,3}$")


def _senders(tok: Token, cast: Cast) -> set[str]:
    """The people the trigger's sentence names only as whom an envoy represents ("As the Special
    Envoy of President X, Minister Y called on Z"): X sent Y and is not at the table."""
    sent = tok.sent
    text = doc_text(tok.doc)
    sent_by: dict[str, bool] = {}
    for m in cast.mentions:
        if sent.start_char <= m.start < sent.end_char:
            envoy = _ENVOY_OF.search(text[max(sent.start_char, m.start - 60):m.start]) is not None
            sent_by[m.person] = sent_by.get(m.person, True) and envoy
    return {person for person, only in sent_by.items() if only}


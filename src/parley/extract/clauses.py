"""The syntax of reporting in diplomatic English, over spaCy's dependency parse.

Which verbs report speech ("said", "stressed", "had a discussion of"), who their subject is (also
when the parser hung "... and the two ministers agreed" under the previous clause), whether a clause
is the text's own voice or reported inside another, whether it sets an agenda for talks still ahead
("will discuss", "are expected to discuss") and whether anyone in the sentence announces it.  These
are properties of the sentence alone; :mod:`parley.extract.statements` maps them to people.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SPEECH = {
    "say", "state", "note", "stress", "express", "emphasize", "emphasise", "underscore", "underline",
    "reiterate", "reaffirm", "welcome", "raise", "urge", "point", "congratulate", "condemn",
    "praise", "set", "make", "explain", "highlight", "press", "ask", "request", "convey", "hope",
    "agree", "discuss", "exchange", "affirm", "confirm", "share", "add", "tell", "thank", "commend",
    "appreciate", "acknowledge", "mention", "reference", "refer", "update", "outline", "announce",
    "propose", "suggest", "argue", "insist", "warn", "voice", "assess", "touch", "look", "recall",
    "respond", "reply", "believe", "pledge", "promise", "offer", "commit", "tweet", "write", "hail",
    "laud", "criticize", "criticise", "indicate", "call", "describe", "seek", "want", "expect",
    "reflect", "assure", "declare", "observe", "deliver", "speak", "talk", "brief",
    "give", "support", "oppose", "recognize", "recognise", "value",
    # News reporting and the verbs of other governments' readouts.
    "post", "quote", "vow", "accuse", "blame", "demand", "deny", "reject", "caution", "claim",
    "assert", "concede", "inform", "concur", "review", "extend", "encourage", "applaud", "back",
    "resolve", "decide", "focus", "address", "elaborate", "present", "regret", "deplore", "predict",
}
GROUP_SUBJECTS = {"they", "leaders", "sides", "ministers", "both", "two", "presidents", "counterparts",
                  "we", "parties", "men", "women", "delegations", "heads", "interlocutors", "premiers",
                  "chancellors", "secretaries"}
BODY_SUBJECTS = {"office", "government", "ministry", "spokesman", "spokesperson", "spokeswoman",
                 "readout", "statement", "street", "house", "department", "official", "officials",
                 "side", "read-out", "embassy", "kremlin", "no.10", "beijing", "downing", "presidency",
                 "palace", "administration", "cabinet", "secretariat", "agency", "service", "source",
                 "sources", "media", "outlet", "aide", "aides", "diplomat", "diplomats"}
# Parts of a subject that are not the subject itself: "Putin, who met Erdogan last week, said ...".
_NOT_SUBJECT = {"relcl", "acl", "advcl", "appos"}


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("... and agreed")."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.dep_ == "conj" and before is not None and before.dep_ == "conj" and before.pos_ == "NOUN" \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return before  # "Blinken explained the situation and the two ministers confirmed": misparsed
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return child
        node = node.head if node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i else None
    return None


def core(tok: Token) -> list[Token]:
    """The tokens of a noun phrase without its relative clauses and appositions."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in _NOT_SUBJECT:
            out.extend(core(child))
    return out


def conjuncts(tok: Token) -> int:
    """How many coordinated nouns a subject has ("The Prime Minister and President": 2)."""
    return 1 + sum(conjuncts(c) for c in tok.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"})


def is_group(subj: Token) -> bool:
    return subj.lower_ in GROUP_SUBJECTS or any(t.lower_ in GROUP_SUBJECTS for t in core(subj))


def agenda_reported(verb: Token) -> bool:
    """ "Peskov said the two leaders will discuss ...": the aide announces an agenda, his own words."""
    return any(c.dep_ in {"ccomp", "xcomp"} and agenda(c) for c in verb.children)


_HELD = {"discussion", "discussions", "exchange", "talk", "talks", "conversation", "consultation",
         "consultations", "dialogue"}


def is_speech(tok: Token) -> bool:
    """A reporting verb, or "had/held a discussion of ..."."""
    lemma = tok.lemma_.lower()
    if lemma in {"have", "hold"}:
        # "had a discussion of ...", "had deep discussion with each other on ..." (the parser may
        # hang the topic on the verb)
        about = {"on", "of", "about", "over", "regarding"}
        topical = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in about and not any(
            o.ent_type_ in {"DATE", "TIME"} for o in p.children)]  # not "held talks on Tuesday"
        return any(c.dep_ == "dobj" and c.lower_ in _HELD and (topical or any(
            p.dep_ == "prep" and p.lower_ in about for p in c.children)) for c in tok.children)
    return lemma in SPEECH


_PASSIVE_TALK = {"discuss", "raise", "exchange", "agree", "consider", "review", "touch", "address", "cover"}
_ATTENTION = {"pay", "place", "give", "devote", "put"}


def passive_discussion(tok: Token) -> bool:
    """ "Human rights were discussed", "Attention was paid to ...", "Emphasis was placed on ...":
    the talks themselves, both sides' (unless an agent says whose: "was raised by the minister")."""
    if tok.tag_ != "VBN" or any(c.dep_ in {"agent", "neg"} for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    if tok.dep_ in {"amod", "acl", "relcl"}:
        return False  # "the agreed text", "the issues raised last year"
    if lemma in _PASSIVE_TALK:
        return True
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return lemma in _ATTENTION and subject is not None and subject.lemma_.lower() in {"attention", "emphasis",
                                                                                     "focus", "priority"}


def main_clause(tok: Token) -> bool:
    """Whether a verb is said in the sentence's own voice, not inside a reported clause."""
    node = tok
    for _ in range(8):
        if node.dep_ == "ccomp" and coordinated(node):
            pass  # "... explained X and the two ministers confirmed ...", parsed as a complement
        elif node.dep_ in {"ccomp", "xcomp", "relcl", "acl", "advcl", "pcomp", "csubj"}:
            return False
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def coordinated(verb: Token) -> bool:
    """A clause joined by "and"/"while" that the parser hung under the previous verb."""
    subj = subject_of(verb)
    if subj is None or subj.head.i != verb.i:
        return False
    left = subj.left_edge.i - 1
    if left >= 0 and verb.doc[left].lower_ in {"and", "while", "but", "whereas"}:
        return True
    # "explained the situation and the two ministers agreed": the group was made a conjunct.
    return any(c.dep_ == "conj" and is_group(c) for c in subj.children)


_AGENDA = {"discuss", "focus", "talk", "exchange", "address", "cover", "review", "explore", "consider"}
_EXPECTED = {"expect", "set", "due", "schedule", "plan", "likely", "poise"}
_REPORTING = {"say", "announce", "tell", "state", "confirm", "report", "add", "disclose", "note"}
ANNOUNCING = _REPORTING
UTTERANCES = {"remark", "comment", "statement", "speech", "proposal", "warning", "pledge", "criticism"}


def _ahead(verb: Token, depth: int = 0) -> bool:
    """ "will discuss", "are expected to discuss", "are scheduled to hold a meeting to discuss":
    said of talks still ahead."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "’ll"} for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _EXPECTED:
        return True
    return depth < 2 and verb.dep_ in {"xcomp", "advcl"} and verb.head.i != verb.i \
        and verb.head.lemma_.lower() in _CONVENE and _ahead(verb.head, depth + 1)


_CONVENE = {"hold", "have", "meet", "sit", "convene"}
_SESSIONS = _HELD | {"meeting", "meetings", "summit", "session"}


def agenda_passive(verb: Token) -> bool:
    """ "Syria will be discussed", "is expected to be raised": talks still ahead, in the passive."""
    return _ahead(verb)


def agenda(verb: Token) -> bool:
    """ "The leaders will discuss", "are expected to discuss": an agenda for talks still ahead."""
    if verb.lemma_.lower() in _EXPECTED:
        # "are expected to discuss", "were expected to hold talks on ..."
        return any(c.dep_ == "xcomp" and (c.lemma_.lower() in _AGENDA or (c.lemma_.lower() in _CONVENE and any(
            d.dep_ == "dobj" and d.lower_ in _SESSIONS for d in c.children))) for c in verb.children)
    if verb.lemma_.lower() in {"have", "hold"} and is_speech(verb):
        return _ahead(verb)  # "the ministers will have a detailed discussion of ...": still ahead
    return verb.lemma_.lower() in _AGENDA and _ahead(verb)


def sourced(sent: Span, verb: Token) -> bool:
    """Whether someone in the sentence announces what ``verb`` says ("..., the Kremlin said")."""
    if any(t.lower_ == "according" for t in sent):
        return True
    own = subject_of(verb)
    return any(t.i != verb.i and t.lemma_.lower() in _REPORTING and (subj := subject_of(t)) is not None
               and (own is None or subj.i != own.i) for t in sent)


_TALKS = {"discussion", "talk", "meeting", "conversation", "call", "exchange", "dialogue", "agenda",
          "consultation", "summit"}
_COVER = {"include", "cover", "focus", "center", "centre", "touch", "revolve", "concentrate", "span", "range",
          "feature", "dominate"}


def talks_cover(verb: Token) -> bool:
    """ "The talks covered trade", "Discussions focused on Ukraine": the talks' own content."""
    if verb.dep_ in {"acl", "relcl", "amod"} or _ahead(verb):
        return False  # "Trade is expected to dominate the talks": an agenda, not what was said
    lemma = verb.lemma_.lower()
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if lemma in {"top", "dominate", "head"}:  # "Ukraine and Syria topped the agenda"
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _TALKS for c in verb.children)
    if lemma == "be" and not any(c.dep_ == "aux" for c in verb.children):
        # "A more contentious issue on the agenda was Turkey's incursion into Syria" (the subject
        # is read from the words before the verb: the parser loses it when sentences run together)
        before = verb.doc[max(0, verb.i - 5):verb.i]
        return any(t.lemma_.lower() == "agenda" for t in before) and not any(t.pos_ == "VERB" for t in before)
    return lemma in _COVER and subj is not None and subj.lemma_.lower() in _TALKS

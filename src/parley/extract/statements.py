"""Who said what: attribution of sentences to speakers, and the topics each statement raises.

A sentence belongs to the person who is the subject of its reporting verb ("Wang said", "the
Secretary stressed", "He made clear"); to each leader when the subject is the pair ("the leaders
agreed", "Both sides exchanged views", "They discussed", or a passive "Human rights were
discussed"); to the person a body speaks for ("Starmer's office said the prime minister
referenced ..." is Starmer's).  A sentence with no speaker continues the previous statement of its
paragraph; in a government readout, the remaining sentences are the publishing side's own
participant speaking.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from parley.extract.knowledge import Knowledge, _load, sentences
from parley.extract.mentions import Cast

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
}
GROUP_SUBJECTS = {"they", "leaders", "sides", "ministers", "both", "two", "presidents", "counterparts",
                  "we", "parties", "men", "women", "delegations", "heads", "interlocutors", "premiers",
                  "chancellors", "secretaries"}
BODY_SUBJECTS = {"office", "government", "ministry", "spokesman", "spokesperson", "spokeswoman",
                 "readout", "statement", "street", "house", "department", "official", "officials",
                 "side", "read-out", "embassy", "kremlin", "no.10", "beijing", "downing", "presidency",
                 "palace", "administration", "cabinet", "secretariat", "agency", "service", "source",
                 "sources", "media", "outlet", "aide", "aides", "diplomat", "diplomats"}
_PLEASANTRIES = {"greetings", "pleasantries", "hands", "condolences", "congratulations", "wishes"}
_ATTRIBUTION_LINE = ("attributable to", "stated by", "as stated", "following is", "below is")
# Parts of a subject that are not the subject itself: "Putin, who met Erdogan last week, said ...".
_NOT_SUBJECT = {"relcl", "acl", "advcl", "appos"}


@dataclass(frozen=True, slots=True)
class Attributed:
    """One sentence and the people it is attributed to."""

    start: int
    end: int
    speakers: tuple[str, ...]
    rule: str


def _subject_of(verb: Token) -> Token | None:
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


def _core(tok: Token) -> list[Token]:
    """The tokens of a noun phrase without its relative clauses and appositions."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in _NOT_SUBJECT:
            out.extend(_core(child))
    return out


def _people_of(tok: Token, cast: Cast) -> list[str]:
    """The people a subject names, in order (mentions inside its core phrase)."""
    seen: list[str] = []
    spans = [(t.idx, t.idx + len(t.text)) for t in _core(tok)]
    for m in cast.mentions:
        if any(s <= m.start < e for s, e in spans) and m.person not in seen:
            seen.append(m.person)
    return seen


def _conjuncts(tok: Token) -> int:
    """How many coordinated nouns a subject has ("The Prime Minister and President": 2)."""
    return 1 + sum(_conjuncts(c) for c in tok.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"})


def _is_group(subj: Token) -> bool:
    return subj.lower_ in GROUP_SUBJECTS or any(t.lower_ in GROUP_SUBJECTS for t in _core(subj))


def _reported(verb: Token, cast: Cast, group: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """Who the clause reported by ``verb`` is about: "(Ushakov said) the two discussed Ukraine" is
    the leaders' statement, "(the Kremlin said) Putin stressed ..." Putin's."""
    for clause in (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}):
        if clause.lemma_.lower() not in SPEECH:
            continue  # "sources told Bloomberg that Lammy is considering a visit": not his words
        inner = _subject_of(clause)
        if inner is None:
            continue
        inner_people = _people_of(inner, cast)
        if inner_people:
            if group and len(inner_people) < _conjuncts(inner) and set(inner_people) <= set(group):
                return group, "reported-group"
            return tuple(inner_people), "reported-speech"
        if _is_group(inner) and group:
            return group, "reported-group"
    return (), ""


def _agenda_reported(verb: Token) -> bool:
    """ "Peskov said the two leaders will discuss ...": the aide announces an agenda, his own words."""
    return any(c.dep_ in {"ccomp", "xcomp"} and _agenda(c) for c in verb.children)


def _according_to(sent: Span, cast: Cast) -> list[str]:
    """ "According to Ushakov, ..." names the source of a sentence."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _people_of(obj, cast)
    return []


_HELD = {"discussion", "discussions", "exchange", "talk", "talks", "conversation", "consultation",
         "consultations", "dialogue"}


def _speech(tok: Token) -> bool:
    """A reporting verb, or "had/held a discussion of ..."."""
    lemma = tok.lemma_.lower()
    if lemma in {"have", "hold"}:
        return any(c.dep_ == "dobj" and c.lower_ in _HELD and any(
            p.dep_ == "prep" and p.lower_ in {"on", "of", "about", "over", "regarding"} for p in c.children)
            for c in tok.children)
    return lemma in SPEECH


_PASSIVE_TALK = {"discuss", "raise", "exchange", "agree", "consider", "review", "touch", "address", "cover"}
_ATTENTION = {"pay", "place", "give", "devote", "put"}


def _passive_discussion(tok: Token) -> bool:
    """ "Human rights were discussed", "Attention was paid to ...", "Emphasis was placed on ...":
    the talks themselves, both sides' (unless an agent says whose: "was raised by the minister")."""
    if tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    if tok.dep_ in {"amod", "acl", "relcl"}:
        return False  # "the agreed text", "the issues raised last year"
    if lemma in _PASSIVE_TALK:
        return True
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return lemma in _ATTENTION and subject is not None and subject.lemma_.lower() in {"attention", "emphasis",
                                                                                     "focus", "priority"}


def _main_clause(tok: Token) -> bool:
    """Whether a verb is said in the sentence's own voice, not inside a reported clause."""
    node = tok
    for _ in range(8):
        if node.dep_ == "ccomp" and _coordinated(node):
            pass  # "... explained X and the two ministers confirmed ...", parsed as a complement
        elif node.dep_ in {"ccomp", "xcomp", "relcl", "acl", "advcl", "pcomp", "csubj"}:
            return False
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def _coordinated(verb: Token) -> bool:
    """A clause joined by "and"/"while" that the parser hung under the previous verb."""
    subj = _subject_of(verb)
    if subj is None or subj.head.i != verb.i:
        return False
    left = subj.left_edge.i - 1
    if left >= 0 and verb.doc[left].lower_ in {"and", "while", "but", "whereas"}:
        return True
    # "explained the situation and the two ministers agreed": the group was made a conjunct.
    return any(c.dep_ == "conj" and _is_group(c) for c in subj.children)


def speakers_of(sent: Span, cast: Cast, group: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The people one sentence is attributed to, and the rule that decided it.

    Coordinated clauses with their own speakers ("Blinken explained the situation and the two
    ministers confirmed ...") give the sentence to all of them."""
    first, rule = _first_speakers(sent, cast, group)
    if not first:
        return first, rule
    found = list(first)
    verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"} and _speech(t) and _main_clause(t)]
    for verb in verbs[1:]:
        more, _ = _first_speakers(sent, cast, group, only=verb)
        found.extend(p for p in more if p not in found)
    return tuple(found), rule


_AGENDA = {"discuss", "focus", "talk", "exchange", "address", "cover", "review", "explore", "consider"}
_EXPECTED = {"expect", "set", "due", "schedule", "plan", "likely", "poise"}
_REPORTING = {"say", "announce", "tell", "state", "confirm", "report", "add", "disclose", "note"}
_UTTERANCES = {"remark", "comment", "statement", "speech", "proposal", "warning", "pledge", "criticism"}
_JOINT = {"agree", "discuss", "exchange", "talk", "review", "share", "speak", "confer"}
_OCCASIONS = {"meeting", "summit", "talks", "call", "conversation", "discussion", "discussions", "visit"}


def _agenda(verb: Token) -> bool:
    """ "The leaders will discuss", "are expected to discuss": an agenda for talks still ahead."""
    if verb.lemma_.lower() in _EXPECTED:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in _AGENDA for c in verb.children)
    if verb.lemma_.lower() not in _AGENDA:
        return False
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "’ll"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _EXPECTED


def _sourced(sent: Span, verb: Token) -> bool:
    """Whether someone in the sentence announces what ``verb`` says ("..., the Kremlin said")."""
    if any(t.lower_ == "according" for t in sent):
        return True
    return any(t.i != verb.i and t.lemma_.lower() in _REPORTING and _subject_of(t) is not None
               and _subject_of(t) is not _subject_of(verb) for t in sent)


def _partners(verb: Token, cast: Cast, group: tuple[str, ...]) -> list[str]:
    """The participants a verb is done with: "discussed Syria with Erdogan", "agreed at a summit
    with Obama"."""
    found: list[str] = []
    if verb.lemma_.lower() not in _JOINT:
        return found  # "In her call with Xi, the Prime Minister suggested ...": hers alone
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ != "with":
            objs = [w for o in objs if o.lower_ in _OCCASIONS for p2 in o.children
                    if p2.dep_ == "prep" and p2.lower_ == "with" for w in p2.children if w.dep_ == "pobj"]
        for obj in objs:
            # "with his Turkish counterpart Recep Tayyip Erdogan": the name may hang elsewhere.
            end = obj.right_edge.i + 1
            while end < len(obj.doc) and obj.doc[end].pos_ == "PROPN":
                end += 1
            last = obj.doc[end - 1]
            named = cast.people_in(obj.left_edge.idx, last.idx + len(last.text))
            found.extend(p for p in named if p in group and p not in found)
    return found


def _utterance_of(sent: Span, cast: Cast) -> list[str]:
    """ "Takaichi's remarks about Taiwan": the person whose remarks a sentence reports."""
    for tok in sent:
        if tok.lemma_.lower() in _UTTERANCES and tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ == "poss":
                    people = _people_of(child, cast)
                    if people:
                        return people
    return []


def _first_speakers(sent: Span, cast: Cast, group: tuple[str, ...], only: Token | None = None
                    ) -> tuple[tuple[str, ...], str]:
    source = _according_to(sent, cast)
    for tok in (sent if only is None else [only]):
        if group and _passive_discussion(tok):
            return group, "passive-discussion"
        agents = [p for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                  for p in _people_of(o, cast)] if _speech(tok) and tok.dep_ not in {"acl", "relcl", "amod"} else []
        if agents:
            return tuple(agents), "passive-agent"  # "was raised by the Prime Minister"
        if tok.pos_ not in {"VERB", "AUX"} or not _speech(tok):
            continue
        if any(c.dep_ == "dobj" and c.lower_ in _PLEASANTRIES for c in tok.children):
            continue  # "exchanged greetings", "shook hands": no statement
        subj = _subject_of(tok)
        if subj is None and tok.i > sent.start:
            # "May said": the tagger took the name for a modal verb.
            left = sent.doc[max(sent.start, tok.i - 2)].idx
            names = cast.people_in(left, tok.idx)
            if names:
                return (names[-1],), f"name-before:{tok.lemma_.lower()}"
        if subj is None:
            continue
        head_word = subj.lower_
        people = _people_of(subj, cast)
        if _agenda(tok) and (people or _is_group(subj)) and not _sourced(sent, tok):
            return (), "agenda"  # "are expected to discuss": no one has said anything yet
        if people and group and set(people) <= set(group):
            people += [p for p in _partners(tok, cast, group) if p not in people]
        if head_word in BODY_SUBJECTS or (subj.pos_ in {"NOUN", "PROPN"} and not people and
                                          not _is_group(subj)):
            # A body speaks: the principals it reports on, else the person it is the office of.
            inner, rule = _reported(tok, cast, group)
            if inner:
                return inner, rule
            if people:
                return tuple(people), "office-of-person"
            continue
        if people:
            if group and len(people) < _conjuncts(subj) and set(people) <= set(group):
                # "The Prime Minister and President discussed": one office unresolved, both leaders.
                return group, "coordinated-leaders"
            if group and not set(people) & set(group):
                # An aide or spokesperson describing what the principals said or discussed.
                inner, rule = _reported(tok, cast, group)
                if inner and set(inner) <= set(group) and not _agenda_reported(tok):
                    return inner, f"aide-{rule}"
            return tuple(people), f"subject-of:{tok.lemma_.lower()}"
        if _is_group(subj) and group:
            if source and not set(source) & set(group):
                return group, "according-to-group"
            return group, "group-subject"
    if source:
        return tuple(source), "according-to"
    uttered = _utterance_of(sent, cast) if only is None else []
    if uttered:
        return tuple(uttered), "remarks-of"
    return (), ""


def _pieces(sent: Span) -> list[Span]:
    """A sentence cut at line breaks: the parser sometimes runs a paragraph, a headline or a
    dateline into the next one, and a new paragraph may have a new speaker."""
    doc = sent.doc
    out: list[Span] = []
    begin = sent.start
    for tok in sent:
        if "\n" in tok.text_with_ws and tok.i + 1 < sent.end:
            nxt = tok.i + 1
            while nxt < sent.end and doc[nxt].is_space:
                nxt += 1
            if nxt < sent.end:
                piece = doc[begin:tok.i + 1]
                if piece.text.strip():
                    out.append(piece)
                begin = nxt
    tail = doc[begin:sent.end]
    if tail.text.strip():
        out.append(tail)
    return out


def _lead_pair(doc: Doc, cast: Cast) -> tuple[str, ...]:
    """The two people of different states named first in the lead (first two sentences)."""
    lead = sentences(doc)[:2]
    if not lead:
        return ()
    pair: list[str] = []
    for name in cast.people_in(lead[0].start_char, lead[-1].end_char):
        country = cast.people[name].country
        if country and all(cast.people[p].country not in (country, None) for p in pair):
            pair.append(name)
        if len(pair) == 2:
            return tuple(pair)
    return ()


def attribute(doc: Doc, cast: Cast, group: tuple[str, ...], home: str | None,
              primary_sentence: tuple[int, int] | None) -> list[Attributed]:
    """Attribute every sentence of the body that has a speaker.

    With no primary engagement found, "the leaders" are the first two people of different
    states the text names, when its lead names them."""
    out: list[Attributed] = []
    previous: Attributed | None = None
    text = doc.text
    if not group:
        group = _lead_pair(doc, cast)
    for sent in (p for s in sentences(doc) for p in _pieces(s)):
        line = sent.text.strip().lower()
        if not line or (line.endswith(":") and any(a in line for a in _ATTRIBUTION_LINE)):
            previous = None
            continue
        speakers, rule = speakers_of(sent, cast, group)
        if rule == "agenda":
            # An agenda is the publishing government's own announcement, or nobody's.
            speakers, rule = ((home,), "readout-agenda") if home else ((), "agenda")
            if not speakers:
                previous = None
                continue
        paragraph_break = previous is not None and "\n" in text[
            previous.start + len(text[previous.start:previous.end].rstrip()):sent.start_char + 1]
        if not speakers and primary_sentence and sent.start_char <= primary_sentence[0] < sent.end_char:
            speakers, rule = group, "primary-trigger-sentence"
        if not speakers and previous is not None and not paragraph_break:
            speakers, rule = previous.speakers, "continues-paragraph"
        if not speakers and home:
            speakers, rule = (home,), "readout-voice"
        if speakers:
            previous = Attributed(sent.start_char, sent.end_char, speakers, rule)
            out.append(previous)
        else:
            previous = None
    return out


@cache
def _party_waived() -> frozenset[str]:
    """Topics for which naming a participant's own country is not raising the topic."""
    cues = _load("topic_cues.json")["topics"]
    return frozenset(slug for slug, spec in cues.items() if spec.get("party_names_are_not_cues"))


def topics_of(text: str, kb: Knowledge, own: frozenset[str] | set[str] = frozenset()) -> tuple[str, ...]:
    """Topics whose cues occur in the text and are not vetoed by an exclusion.

    ``own`` holds the countries of the engagement's participants: naming the other side's country
    ("talks with Iranian President Rouhani") is not raising that country as a regional issue, for
    the topics whose data marks them so (``party_names_are_not_cues``).
    """
    found = []
    waived = _party_waived()
    for slug, (cue, exclude) in kb.topic_cues.items():
        vetoed = [(m.start(), m.end()) for m in exclude.finditer(text)] if exclude else []
        for m in cue.finditer(text):
            if own and slug in waived and kb.countries.get(m.group(0)) in own:
                continue
            if not any(s <= m.start() and m.end() <= e for s, e in vetoed):
                found.append(slug)
                break
    return tuple(found)

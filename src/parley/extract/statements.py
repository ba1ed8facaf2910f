"""Who said what: attribution of sentences to speakers, and the topics each statement raises.

A sentence belongs to the person who is the subject of its reporting verb ("Wang said", "the
Secretary stressed", "He made clear"); to each leader when the subject is the pair ("the leaders
agreed", "Both sides exchanged views", "They discussed", "The Prime Minister and President
discussed", or a passive "Human rights were discussed"); to the person a body speaks for
("Starmer's office said the prime minister referenced ..." is Starmer's).  A body, aide or
spokesperson describing what the principals discussed gives it to the principals ("Ushakov said
the two discussed Ukraine"); their own comments stay theirs ("Peskov said the Kremlin does not
disclose details"), and so does an agenda they announce.  An agenda nobody announces ("are
expected to discuss") is nobody's, except in a government's own release, where it is its leader's.
A sentence with no speaker continues the previous statement of its paragraph; in a government
readout, the remaining sentences are the publishing side's own participant speaking.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley.extract.announcers import SPOKES, according_to, announced_by, government_announces, people_of, spokesperson
from parley.extract.clauses import (
    BODY_SUBJECTS,
    SPEECH,
    UTTERANCES,
    agenda,
    agenda_passive,
    agenda_reported,
    conjuncts,
    is_group,
    is_speech,
    main_clause,
    passive_discussion,
    sourced,
    subject_of,
    talks_cover,
)
from parley.extract.knowledge import knowledge, sentences
from parley.extract.mentions import Cast

_PLEASANTRIES = {"greetings", "pleasantries", "hands", "condolences", "congratulations", "wishes"}
_ATTRIBUTION_LINE = ("attributable to", "stated by", "as stated", "following is", "below is")


@dataclass(frozen=True, slots=True)
class Attributed:
    """One sentence and the people it is attributed to."""

    start: int
    end: int
    speakers: tuple[str, ...]
    rule: str


def _reported(verb: Token, cast: Cast, group: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """Who the clause reported by ``verb`` is about: "(Ushakov said) the two discussed Ukraine" is
    the leaders' statement, "(the Kremlin said) Putin stressed ..." Putin's."""
    for clause in (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}):
        if clause.lemma_.lower() not in SPEECH:
            continue  # "sources told Bloomberg that Lammy is considering a visit": not his words
        inner = subject_of(clause)
        if inner is None or inner.lemma_.lower() in _OCCASIONS:
            continue  # "Altun said Steinmeier's visit is expected to strengthen ties": his own view
        inner_people = people_of(inner, cast)
        if inner_people:
            if group and len(inner_people) < conjuncts(inner) and set(inner_people) <= set(group):
                return group, "reported-group"
            return tuple(inner_people), "reported-speech"
        if is_group(inner) and group:
            return group, "reported-group"
    return (), ""


def speakers_of(sent: Span, cast: Cast, group: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The people one sentence is attributed to, and the rule that decided it.

    Coordinated clauses with their own speakers ("Blinken explained the situation and the two
    ministers confirmed ...") give the sentence to all of them."""
    first, rule = _first_speakers(sent, cast, group)
    if not first:
        return first, rule
    found = list(first)
    verbs = [t for t in sent if t.pos_ in {"VERB", "AUX"} and is_speech(t) and main_clause(t)]
    for verb in verbs[1:]:
        more, _ = _first_speakers(sent, cast, group, only=verb)
        found.extend(p for p in more if p not in found)
    return tuple(found), rule


_MET = {"meet", "hold", "convene", "sit", "gather", "talk", "speak"}
_JOINT = {"agree", "discuss", "exchange", "talk", "review", "share", "speak", "confer"}
_OCCASIONS = {"meeting", "summit", "talks", "call", "conversation", "discussion", "discussions", "visit"}


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


def _side_of(subj: Token, cast: Cast, group: tuple[str, ...]) -> tuple[str, ...]:
    """ "The Chinese side stressed ...": the participant of the engagement from that state."""
    if subj.lemma_.lower() != "side" or not group:
        return ()
    kb = knowledge()
    words = " ".join(t.text for t in subj.lefts if t.dep_ in {"amod", "compound", "poss", "nmod"})
    wanted = {iso for name, iso in kb.countries.items() if name in words.split() or name == words}
    found = tuple(p for p in group if cast.people[p].country in wanted)
    return found if len(found) == 1 else ()


def _utterance_of(sent: Span, cast: Cast) -> list[str]:
    """ "Takaichi's remarks about Taiwan": the person whose remarks a sentence reports."""
    for tok in sent:
        if tok.lemma_.lower() in UTTERANCES and tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ == "poss":
                    people = people_of(child, cast)
                    if people:
                        return people
    return []


def _first_speakers(sent: Span, cast: Cast, group: tuple[str, ...], only: Token | None = None
                    ) -> tuple[tuple[str, ...], str]:
    source = according_to(sent, cast)
    pleasantry = False
    for tok in (sent if only is None else [only]):
        if group and passive_discussion(tok):
            if agenda_passive(tok):
                # "'Syria will be discussed,' Peskov said": an agenda, the announcer's and the leaders'
                by = announced_by(sent, tok, cast)
                if by and not set(by) & set(group):
                    return (*by, *group), "agenda-announced"
                quoted = any(t.text in {'"', "“"} for t in sent if t.i < tok.i)  # someone's words
                if not by and not quoted and not government_announces(sent, tok):
                    return (), "agenda"
            return group, "passive-discussion"
        if group and talks_cover(tok):
            return group, "talks-covered"  # "Discussions included defence and climate action"
        agents = [p for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                  for p in people_of(o, cast)] if is_speech(tok) and tok.dep_ not in {"acl", "relcl", "amod"} else []
        if agents:
            return tuple(agents), "passive-agent"  # "was raised by the Prime Minister"
        if tok.pos_ not in {"VERB", "AUX"} or not is_speech(tok):
            continue
        if any(c.dep_ == "dobj" and c.lower_ in _PLEASANTRIES for c in tok.children) \
                or any(c.dep_ == "neg" for c in tok.children):
            pleasantry = True
            continue  # "exchanged greetings", "did not raise human rights": nothing raised
        subj = subject_of(tok)
        if subj is None and tok.i > sent.start:
            # "May said": the tagger took the name for a modal verb.
            left = sent.doc[max(sent.start, tok.i - 2)].idx
            names = cast.people_in(left, tok.idx)
            if names and agenda(tok) and not sourced(sent, tok):
                return (), "agenda"  # "..., Mr Biden and Mr Niinistö will discuss": talks still ahead
            if names:
                return (names[-1],), f"name-before:{tok.lemma_.lower()}"
        met = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
        if subj is None and group and met is not None and met.lemma_.lower() in _MET and met.tag_ in {"VBD", "VBN"} \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            met_by = subject_of(met)
            people = people_of(met_by, cast) if met_by is not None else []
            if people and set(people) <= set(group):
                return group, "purpose-of-meeting"  # "X met Y on Monday to discuss energy and trade"
        if subj is None:
            continue
        head_word = subj.lower_
        people = people_of(subj, cast)
        if agenda(tok) and (people or is_group(subj)):
            # "are expected to discuss": no one has said anything yet, unless a named person
            # announces it ("According to Press Secretary Psaki, the two leaders will discuss")
            by = announced_by(sent, tok, cast) if sourced(sent, tok) else []
            if by and not set(by) & set(group):
                return (*by, *group), "agenda-announced"  # the announcer's words, about the leaders
            if not by and not government_announces(sent, tok):
                return (), "agenda"  # also "..., Xinhua reported", "officials said"
            # "Putin will discuss Syria with Erdogan, the Kremlin said": the leaders' own office
        if people and group and set(people) <= set(group):
            people += [p for p in _partners(tok, cast, group) if p not in people]
        if head_word in BODY_SUBJECTS or (subj.pos_ in {"NOUN", "PROPN"} and not people and
                                          not is_group(subj)):
            # A body speaks: the principals it reports on, else the person it is the office of.
            inner, rule = _reported(tok, cast, group)
            if inner:
                return inner, rule
            if people:
                return tuple(people), "office-of-person"
            aide = spokesperson(subj, cast) if head_word in SPOKES else None
            if aide is not None and aide not in group:
                return (aide,), "spokesperson-named-before"
            sided = _side_of(subj, cast, group)
            if sided:
                return sided, "side-of-participant"
            continue
        if people:
            if group and len(people) < conjuncts(subj) and set(people) <= set(group):
                # "The Prime Minister and President discussed": one office unresolved, both leaders.
                return group, "coordinated-leaders"
            if group and not set(people) & set(group):
                # An aide or spokesperson describing what the principals said or discussed.
                inner, rule = _reported(tok, cast, group)
                if inner and set(inner) <= set(group) and not agenda_reported(tok):
                    return inner, f"aide-{rule}"
            return tuple(people), f"subject-of:{tok.lemma_.lower()}"
        if is_group(subj) and group:
            if source and not set(source) & set(group):
                return group, "according-to-group"
            return group, "group-subject"
    if source:
        return tuple(source), "according-to"
    uttered = _utterance_of(sent, cast) if only is None else []
    if uttered:
        return tuple(uttered), "remarks-of"
    return (), "pleasantry" if pleasantry else ""


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


_JOINT_RULES = {"group-subject", "passive-discussion", "talks-covered", "purpose-of-meeting", "coordinated-leaders"}


def _in_round(speakers: tuple[str, ...], rule: str, group: tuple[str, ...], round_of: tuple[str, ...],
              counterpart: str | None) -> tuple[str, ...]:
    """In a round of calls or meetings ("held phone calls with his counterparts in Turkey, Saudi
    Arabia and Iraq"), what the leaders said jointly belongs to the pair of the call the text is
    telling at that point (the counterpart it last named); the sentence that tells the whole
    round belongs to everyone in it."""
    if not round_of or set(speakers) != set(group):
        return speakers
    if rule == "primary-trigger-sentence":
        return round_of
    hub = round_of[0]
    if counterpart is not None and counterpart not in group:
        return (hub, counterpart)
    return speakers


def attribute(doc: Doc, cast: Cast, group: tuple[str, ...], home: str | None,
              primary_sentence: tuple[int, int] | None, text: str | None = None,
              round_of: tuple[str, ...] = (), own_release: bool = True,
              others: tuple[tuple[int, int, tuple[str, ...]], ...] = ()) -> list[Attributed]:
    """Attribute every sentence of the body that has a speaker (``text`` is ``doc.text`` when the
    caller has it: spaCy rebuilds it on every access).

    With no primary engagement found, "the leaders" are the first two people of different
    states the text names, when its lead names them.  ``round_of`` is a round of engagements of
    one person (first) with several counterparts, when the primary is one of them.  An agenda
    is the publishing side's own announcement only in its government's ``own_release`` (not in
    its state media's report).  ``others`` are the sentences that tell other engagements, with
    their people: "they" there are those people ("He met Biden and Harris, where they discussed
    trade")."""
    out: list[Attributed] = []
    previous: Attributed | None = None
    counterpart: str | None = None
    text = doc.text if text is None else text
    if len(group) < 2:
        pair = _lead_pair(doc, cast)
        if pair and set(group) <= set(pair):
            group = pair  # a visit found as the main event: its talks are still between two
    for sent in (p for s in sentences(doc) for p in _pieces(s)):
        line = sent.text.strip().lower()
        if not line or (line.endswith(":") and any(a in line for a in _ATTRIBUTION_LINE)):
            previous = None
            continue
        speakers, rule = speakers_of(sent, cast, group)
        if rule == "pleasantry":
            previous = None
            continue  # condolences, greetings and congratulations carry no topic
        if rule == "agenda":
            # An agenda is the publishing government's own announcement, or nobody's.
            speakers, rule = ((home,), "readout-agenda") if home and own_release else ((), "agenda")
            if not speakers:
                previous = None
                continue
        paragraph_break = previous is not None and "\n" in text[
            previous.start + len(text[previous.start:previous.end].rstrip()):sent.start_char + 1]
        if not speakers and primary_sentence and sent.start_char <= primary_sentence[0] < sent.end_char:
            speakers, rule = group, "primary-trigger-sentence"
        if speakers == group and rule in _JOINT_RULES:
            told = next((people for s, e, people in others if s <= sent.start_char < e and set(people) != set(group)
                         and set(cast.people_in(sent.start_char, sent.end_char)) & (set(people) - set(group))), None)
            speakers = told or speakers
        if round_of:
            named = {p for p in cast.people_in(sent.start_char, sent.end_char) if p in round_of[1:]}
            if len(named) == 1:
                counterpart = next(iter(named))
            speakers = _in_round(speakers, rule, group, round_of, counterpart)
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

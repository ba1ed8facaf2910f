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

from spacy.tokens import Doc, Span, Token

from parley.extract.knowledge import Knowledge, sentences
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
                  "we"}
BODY_SUBJECTS = {"office", "government", "ministry", "spokesman", "spokesperson", "spokeswoman",
                 "readout", "statement", "street", "house", "department", "official", "officials",
                 "side", "read-out", "embassy", "kremlin", "no.10", "beijing", "downing"}
_PLEASANTRIES = {"greetings", "pleasantries", "hands", "condolences", "congratulations", "wishes"}
_ATTRIBUTION_LINE = ("attributable to", "stated by", "as stated", "following is", "below is")


@dataclass(frozen=True, slots=True)
class Attributed:
    """One sentence and the people it is attributed to."""

    start: int
    end: int
    speakers: tuple[str, ...]
    rule: str


def _subject_of(verb: Token) -> Token | None:
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return child
        node = node.head if node.dep_ in {"conj", "xcomp", "advcl"} and node.head.i != node.i else None
    return None


def _people_of(tok: Token, cast: Cast) -> list[str]:
    tokens = list(tok.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return cast.people_in(start, end)


def speakers_of(sent: Span, cast: Cast, group: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The people one sentence is attributed to, and the rule that decided it."""
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in SPEECH:
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
            passive = tok.tag_ == "VBN" and tok.lemma_.lower() in {"discuss", "raise", "exchange", "agree"}
            if passive and group:
                return group, "passive-discussion"
            continue
        head_word = subj.lower_
        people = _people_of(subj, cast)
        if head_word in BODY_SUBJECTS or (subj.pos_ in {"NOUN", "PROPN"} and not people and
                                          head_word not in GROUP_SUBJECTS):
            owners = [p for p in people]
            reported = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}]
            for clause in reported:
                inner = _subject_of(clause)
                if clause.lemma_.lower() not in SPEECH:
                    continue  # "sources told Bloomberg that Lammy is considering a visit": not his words
                if inner is not None:
                    inner_people = _people_of(inner, cast)
                    if inner_people:
                        return tuple(inner_people), "reported-speech"
                    if inner.lower_ in GROUP_SUBJECTS and group:
                        return group, "reported-group"
            if owners:
                return tuple(owners), "office-of-person"
            continue
        if people:
            return tuple(people), f"subject-of:{tok.lemma_.lower()}"
        is_group = head_word in GROUP_SUBJECTS or any(t.lower_ in GROUP_SUBJECTS for t in subj.subtree)
        if is_group and group:
            return group, "group-subject"
    return (), ""


def attribute(doc: Doc, cast: Cast, group: tuple[str, ...], home: str | None,
              primary_sentence: tuple[int, int] | None, text: str | None = None) -> list[Attributed]:
    """Attribute every sentence of the body that has a speaker (``text`` is ``doc.text`` when the
    caller has it: spaCy rebuilds it on every access)."""
    out: list[Attributed] = []
    previous: Attributed | None = None
    text = doc.text if text is None else text
    for sent in sentences(doc):
        line = sent.text.strip().lower()
        if not line or (line.endswith(":") and any(a in line for a in _ATTRIBUTION_LINE)):
            previous = None
            continue
        speakers, rule = speakers_of(sent, cast, group)
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


def topics_of(text: str, kb: Knowledge) -> tuple[str, ...]:
    """Topics whose cues occur in the text and are not vetoed by an exclusion."""
    found = []
    for slug, (cue, exclude) in kb.topic_cues.items():
        vetoed = [(m.start(), m.end()) for m in exclude.finditer(text)] if exclude else []
        for m in cue.finditer(text):
            if not any(s <= m.start() and m.end() <= e for s, e in vetoed):
                found.append(slug)
                break
    return tuple(found)

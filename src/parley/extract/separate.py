"""Several engagements told in one clause: one event per counterpart.

Readouts and news summarise a round of calls or meetings in one sentence: "held telephone
conversations with three of his counterparts, A, B and C", "met with the leaders of X and Y",
"bilateral meetings with A and B", "spoke separately with A and B".  Each is a bilateral engagement
of the person at the centre (the clause's subject) with one counterpart, not one engagement of
everyone named.  English marks this with a plural engagement noun ("conversations", "calls",
"meetings"), a plural office of several states ("the leaders of X and Y"), or an adverb of
distribution ("separately", "respectively", "in turn"), and it marks the opposite, one meeting of
all, with "jointly", "together", "trilateral", "a joint meeting".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.extract.events import Found
from parley.extract.knowledge import sentence_of
from parley.extract.mentions import Cast

_PLURAL_ENGAGEMENTS = {"conversations", "calls", "meetings", "phone calls", "discussions"}
_DISTRIBUTIVE = {"separately", "respectively", "individually", "bilaterally"}
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
    if words & _COLLECTIVE:
        return False
    if tok.tag_ == "NNS" and tok.lower_ in _PLURAL_ENGAGEMENTS:
        return True
    if words & _DISTRIBUTIVE:
        return True
    if any(t.lower_ == "bilateral" and t.head.tag_ == "NNS" for t in sent):
        return True  # "bilateral meetings with ..."
    return any(g.start >= tok.idx and g.start < sent.end_char for g in cast.groups)


def _hub(tok: Token, people: list[str], cast: Cast) -> str | None:
    """The person at the centre: the one named before the trigger in its sentence (the subject of
    "X held calls with ..."), when exactly one is."""
    sent = sentence_of(tok)
    before = list(dict.fromkeys(m.person for m in cast.mentions
                                if sent.start_char <= m.start < tok.idx))
    subjects = [m.person for m in cast.mentions if sent.start_char <= m.start < tok.idx and any(
        t.dep_ in {"nsubj", "nsubjpass"} for t in tok.doc.char_span(m.start, m.end, alignment_mode="expand")
        or [])]
    if len(set(subjects)) == 1:
        return subjects[0]
    if len(before) == 1:
        return before[0]
    return None


def separate(found: list[Found], doc: Doc, cast: Cast) -> list[Found]:
    """Split each meeting or call that is several bilateral ones into one per counterpart."""
    out: list[Found] = []
    for event in found:
        tok = _trigger(doc, event.trigger) if event.type in {"MEET", "CALL"} else None
        if tok is None or event.partial or not _distributed(tok, cast):
            out.append(event)
            continue
        hub = _hub(tok, event.people, cast)
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

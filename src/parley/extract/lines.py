"""How an engagement was held: over a line (telephone, video link, "virtually") or in person.

A meeting held over a line is a CALL in the output contract (PLOVER's CONSULT with a telephone
mode), whatever word the text uses for it ("talks via telephone", "a virtual meeting", "met by
video link"), and a virtual visit is no journey at all.  The text may say so in the engagement's
own phrase, in an occasion around it ("during his virtual visit"), or in the sentence after it
("... met today with X. The meeting took place via teleconference").  A headline that calls it
one call with several leaders ("PM call with leaders of US, Germany, France & Italy") makes the
body's "spoke to the leaders of A, B, C and D" one call of them all, not one call each.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley.extract.triggers import trigger_type

if TYPE_CHECKING:
    from parley.extract.triggers import Found

# "PM call with leaders of US, Germany, France & Italy", "Telephone conversation with A, B and C":
# one call (a singular noun) with a list of partners
_JOINT_CALL = re.compile(r"\b(?:call|conversation|conference call|video call)\s+(?:with|between)\s+[^:]*?"
                         r"(?:\bleaders\b|,[^,:]*(?:&|\band\b))", re.IGNORECASE)

# Words of a line: modifying the engagement ("a telephone discussion"), or the line it is held over
# ("via videolink", "through visual communication technology")
_LINE_WORDS = {"phone", "telephone", "telephonic", "video", "videoconference", "teleconference", "video-conference"}
_LINES = _LINE_WORDS | {"videolink", "link", "zoom", "visual", "videoconferencing"}


def by_phone(tok: Token) -> bool:
    """Talks held over a line: "talks via telephone", "held talks by phone", "met by video link",
    "a virtual consultative meeting", "met virtually with"."""
    if tok.pos_ == "NOUN" and (virtual(tok) or any(
            c.dep_ in {"compound", "amod"} and c.lower_ in _LINE_WORDS for c in tok.children)):
        return True  # "a virtual consultative meeting", "a telephone discussion"
    if tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in {"virtually", "online", "remotely"}
                                  for p in (tok, *(c for c in tok.children if c.dep_ == "prep")) for c in p.children):
        return True  # "met virtually with" (the adverb hung on the verb or on its "with")
    holders = [tok, tok.head] if tok.dep_ in {"dobj", "nsubjpass"} or (
        tok.dep_ == "nsubj" and tok.head.lemma_ in {"take", "happen", "occur"}) else [tok]  # "took place via"
    return any(c.dep_ in {"prep", "agent"} and c.lower_ in {"via", "by", "over", "through"} and any(
        g.lower_ in _LINES or any(x.lower_ in _LINES for x in g.children if x.dep_ in {"compound", "amod"})
        for g in c.children if g.dep_ == "pobj") for h in holders for c in h.children)


def virtual(tok: Token) -> bool:
    """"a virtual visit", "an online meeting": held over a line, whatever the noun."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in {"virtual", "online"} for c in tok.children)


def during_virtual(tok: Token) -> bool:
    """"held bilateral talks with X during his virtual visit to Kenya": talks held inside a virtual
    occasion are held over the line too."""
    holders = [tok, tok.head] if tok.dep_ in {"dobj", "nsubjpass"} else [tok]
    return any(c.dep_ == "prep" and c.lower_ in {"during", "in", "at"} and any(
        virtual(g) for g in c.children if g.dep_ == "pobj") for h in holders for c in h.children)


def held_over_line_after(tok: Token) -> bool:
    """"X met today with Y. The meeting took place via teleconference": the next sentence, whose
    subject is the same engagement named with a definite article and no one else's, says the
    meeting was held over a line."""
    if tok.pos_ != "VERB":
        return False
    sent = tok.sent
    if sent.end >= len(tok.doc):
        return False
    after = tok.doc[sent.end].sent
    return any(t.dep_ in {"nsubj", "nsubjpass"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in t.children) and not any(
        c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in t.children)
        and trigger_type(t) == "MEET" and by_phone(t) for t in after)


def rejoin_calls(found: list[Found], title: str) -> list[Found]:
    """The calls split one per counterpart from one trigger, joined again into one call of them all
    when the headline tells a single call with several leaders (see the module docstring)."""
    if not _JOINT_CALL.search(title) or re.search(r"\bcalls\b", title, re.IGNORECASE):
        return found
    out: list[Found] = []
    joined: dict[int, Found] = {}
    for event in found:
        if event.type != "CALL" or event.rules.get("participants") != "one-per-counterpart":
            out.append(event)
        elif event.trigger in joined:
            whole = joined[event.trigger]
            whole.people += [p for p in event.people if p not in whole.people]
        else:
            joined[event.trigger] = event
            event.rules["participants"] = "one-call-of-a-list"
            out.append(event)
    return out

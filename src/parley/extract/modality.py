"""Modality: whether an engagement a trigger tells occurred, is planned or is only speculated.

English marks it on the verb chain above the trigger ("will meet", "agreed to meet", "could
visit", "is due in Beijing"), on the engagement noun ("the upcoming visit", "a possible meeting")
and on the clause ("if the visit goes ahead"); a subordinate or relative clause keeps its own tense.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley.extract.journeys import _ARRIVAL_LEMMAS, _DEPARTURE_LEMMAS, _MEETING_NOUNS, _TRAVEL_LEMMAS, _travel_purpose
from parley.extract.triggers import interrupted_modal

_PLANNED_LEMMAS = {"plan", "schedule", "consider", "expect", "intend", "prepare", "propose", "announce",
                   "arrange", "arrangement", "reschedule", "rescheduling", "set", "commit", "commitment", "pledge",
                   "promise", "vow", "slate", "slated", "due"}
_PLANNED_FORMS = {"slated", "scheduled"}  # "is slated to meet": a participle the lemmatiser misreads
_SPECULATIVE_AUX = {"could", "might", "may", "would"}
_SUBORDINATORS = {"since", "when", "after", "before", "as", "while", "until"}


def modality(tok: Token, sent: Span) -> str:
    """Planned (will, agreed to, considering, looking forward to), speculative (could, if) or occurred."""
    ancestors = list(tok.ancestors)
    # "is scheduled to hold a series of events, including the summit with X": a list's "including"
    # and its head noun stand between the engagement and its verb
    chain = [tok, *ancestors[:6 if any(a.lower_ == "including" for a in ancestors[:2]) else 4]]
    # "pledged X during press conferences with A": what was done during it (in the past) is no plan for it
    chain = next((chain[:n + 1] for n, a in enumerate(chain) if a.lower_ == "during" and _done_then(a)), chain)
    planned = speculative = False
    if any(c.dep_ in {"npadvmod", "advmod", "prep"} and c.lower_ in {"week", "month", "year", "weekend"} | {"in", "on"}
           and {t.lower_ for t in c.subtree} & {"next", "later", "coming"}
           and {t.lower_ for t in c.subtree} & {"week", "month", "year", "weekend"} for c in tok.children):
        planned = True  # "King Charles III's visit to Canada later this month", "talks next week"
    if tok.tag_ in {"VBZ", "VBP"} and tok.dep_ == "advcl" and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "once", "as", "while"} for c in tok.children) \
            and any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in tok.head.children):
        planned = True  # "... will be top of the agenda when the Prime Minister meets X on Thursday"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead" \
            and tok.lemma_.lower() in {"visit", "trip", "tour"}:
        planned = True  # "his departure statement ahead of his visit to the USA" (not "remarks ahead of
        # their meeting": told the day it was held)
    if tok.lower_ == "route" and tok.i > 0 and tok.nbor(-1).lower_ == "en":
        planned = True  # "en route to Samoa": not there yet
    modal = interrupted_modal(tok)
    if modal is not None and modal.lower_ in {"will", "shall"}:
        planned = True  # "will on Thursday, 29 June, host X": the parse lost the auxiliary
    if tok.lemma_.lower() in _TRAVEL_LEMMAS and tok.tag_ in {"VBZ", "VBP"} and not any(
            c.dep_ in {"aux", "auxpass"} for c in tok.children):
        planned = True  # in the body of a report, "Lee arrives in Nara on Tuesday" is ahead
    if tok.lemma_.lower() in {"leave", "depart"} and tok.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
        planned = True  # "I am leaving for Britain this afternoon": a departure ahead
    if tok.lemma_.lower() == "head" and tok.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.lower_ in {"is", "are"} for c in tok.children):
        planned = True  # "is headed back to the U.S. capital": on the way, not there yet
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
            a.lower_ == "order" or a.lemma_.lower() in _TRAVEL_LEMMAS for a in list(tok.ancestors)[:3]) \
            and not (tok.head.lemma_ == "go" and any(c.lower_ == "on" for c in tok.head.children)):
        planned = True  # "leaving for Britain in order to meet X" (not "went on to meet X": then)
    if tok.head.lower_ == "for" and tok.head.head.lower_ in {"agenda", "programme", "program", "schedule",
                                                             "itinerary", "preparations"}:
        planned = True  # "topics on the agenda for meetings with X on Wednesday"
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"include", "feature"} and any(
            c.dep_ == "nsubj" and c.lower_ in {"agenda", "programme", "program", "schedule", "itinerary"}
            for c in tok.head.children):
        planned = True  # "Lavrov's agenda includes talks with ..."
    for node in chain[:3]:
        if node.pos_ == "VERB" and node.dep_ == "xcomp" and node.head.lemma_ == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and not any(
                c.dep_ == "attr" for c in node.head.children):
            # "where he is to meet President X", "the two are to hold talks" (not "it is my
            # privilege to address you following our meeting")
            planned = True
        if node.pos_ == "NOUN" and node.lower_ in _MEETING_NOUNS and _travel_purpose(node):
            planned = True  # "arrived in Nara for a summit with ...": the summit is still ahead
        if node.pos_ == "VERB" and node.dep_ in {"advcl", "xcomp"} and \
                node.head.lemma_.lower() in _ARRIVAL_LEMMAS | _DEPARTURE_LEMMAS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            planned = True  # "arrived on Tuesday to hold a summit with ..."
    for n, node in enumerate(chain):
        lemma = node.lemma_.lower()
        if node.lower_ in _PLANNED_FORMS:
            planned = True
        if lemma in _PLANNED_LEMMAS or (lemma == "invite" and node is not tok) or (lemma == "agree" and node is not tok
                                        and chain[n - 1].dep_ not in {"prep", "pobj", "npadvmod"}
                                        and not (chain[n - 1].dep_ == "advcl" and any(
                                            c.dep_ == "mark" for c in chain[n - 1].children))):
            planned = True  # "agreed to meet", but not "agreed at their summit"
        if lemma == "look" and any(c.lower_ == "forward" for c in node.children):
            planned = True
        if node is not tok and node.pos_ == "ADJ" and lemma in {"likely", "poised", "unlikely"}:
            planned, speculative = (True, speculative) if lemma != "unlikely" else (planned, True)  # "are likely to
            # talk over telephone Tuesday": expected, as "expected to"; "unlikely to" only hedges
        shared = list(node.head.children) if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} else []
        for child in [*node.children, *(c for c in shared if c.dep_ in {"aux", "auxpass"} and c.i < node.head.i)]:
            # "will meet the President and hold talks": the auxiliary of the first verb is the second's too
            cl = child.lower_
            if child.dep_ in {"aux", "auxpass"} and cl in {"will", "shall", "'ll"}:
                planned = True
            if child.dep_ in {"aux", "auxpass"} and cl in _SPECULATIVE_AUX:
                said = node.head if node.dep_ == "conj" and child in shared else node  # ("would meet X ... and visit")
                if cl == "would" and said.dep_ == "ccomp" and said.head.lemma_.lower() in {
                        "say", "announce", "tell", "confirm", "state", "add", "note", "write", "explain"}:
                    planned = True  # "Kishida said he would visit Seoul": a reported plan
                else:
                    speculative = True
            if child.dep_ == "mark" and cl == "if":
                speculative = True
            if child.dep_ in {"amod", "compound", "acl"} and cl in {"upcoming", "forthcoming", "planned",
                                                               "proposed", "future", "possible",
                                                               "potential", "expected", "scheduled"}:
                if cl in {"possible", "potential"}:
                    speculative = True
                else:
                    planned = True
        if node.pos_ == "VERB" and node is not tok and node.dep_ not in {"xcomp", "advcl", "prep",
                                                                         "pcomp", "acl"}:
            break
        if any(c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for c in node.children):
            break  # "... since James Cleverly went to China": its own clause, its own tense
        if node.dep_ == "relcl":
            break  # "Biden, who met Xi last year, will visit Hanoi": the relative clause's own tense
    own_clause = any(c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for node in chain
                     for c in node.children)
    if not own_clause and any(t.lower_ == "if" for t in sent if t.i < tok.i):
        speculative = True
    if planned and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"conclude", "complete", "end", "finish"} \
            and tok.head.tag_ in {"VBD", "VBN"} and not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "to"}
                                                          for c in tok.head.children):
        return "occurred"  # "has concluded a planned visit to Washington": the plan is done
    if planned:
        return "planned"
    return "speculative" if speculative else "occurred"


def _done_then(during: Token) -> bool:
    """Whether what "during" times was done in the past: the first verb above it is in the past
    tense, through gerunds only ("pledged the commitment to advancing ties during ..."; not "I do
    not intend to hold talks during ...")."""
    for verb in (a for a in during.ancestors if a.pos_ in {"VERB", "AUX"}):
        if verb.tag_ == "VBD":
            return True
        if verb.tag_ != "VBG":
            return False
    return False

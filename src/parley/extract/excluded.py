"""Triggers that are no engagement, or whose people are the document's pair.

Invitations, hopes and refusals, denials, an occasion named by its title, a meeting of unnamed
officials; and the forms that point back at the pair the document is about ("They last met",
"a call between both sides", "the meeting", "his visit").
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Token

from parley.extract.knowledge import doc_text
from parley.extract.mentions import Cast
from parley.extract.triggers import _GROUP_WORDS, trigger_type

_UNREALISED = {"hope", "seek", "want", "wish", "try", "refuse", "decline", "reject", "rule", "fail", "avoid"}
_UNREALISED_FORMS = {"hoped", "hopes", "hoping", "sought", "wanted", "wished", "tried", "refused",
                     "declined", "rejected"}  # lemmas the tagger misses
# what puts an engagement off: "cancelled", "postponed the meeting", "the visit was pushed back"
_PUT_OFF = {"cancel", "postpone", "scrap", "delay"}
_PUT_OFF_FORMS = {"cancelled", "canceled", "postponed", "delayed", "scrapped"}
_PUT_OFF_PARTICLES = {"push": "back", "call": "off"}
# Nouns of people whose possessor is not at the table: "Trump's special envoy Steve Witkoff".
_ROLE_NOUNS = {"envoy", "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
               "representative", "counterpart", "emissary", "minister", "secretary", "ambassador",
               "deputy", "wife", "husband", "son", "daughter", "predecessor", "successor"}
_PAIR_WORDS = {"they", "two", "both", "pair"}
# Verbs whose object is what was talked about, not someone met ("discussed the war by phone").
_TOPIC_VERBS = {"discuss", "exchange", "review", "address", "raise", "stress", "reaffirm", "emphasize", "express"}


def _pair_subject(tok: Token) -> bool:
    """A meeting or call whose subject is the pair the document is about ("They last met in
    January", "the two have met twice since", "both held talks in Rome") and that names no one
    else ("they met with students" names someone else)."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if tok.pos_ == "NOUN" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head  # "as the two leaders sat down for talks"
    means_of = tok.head.head
    if tok.head.lower_ in {"in", "during"} and means_of.dep_ == "dobj" and means_of.head.pos_ == "VERB":
        means_of = means_of.head  # "reviewed [developments in a phone call]": the parser's attachment
    by_means = tok.pos_ == "NOUN" and means_of.pos_ == "VERB" and (
        tok.head.lower_ in {"by", "via", "over"} or (tok.head.lower_ in {"in", "during"} and _by_call(tok)))
    if by_means:
        verb = means_of  # "the two men spoke by phone Saturday", "the two leaders discussed it in a phone call"
    noun = tok.head if tok.dep_ == "compound" else tok  # "a telephone call between ..."
    if _anaphor(noun):
        return True
    if noun.pos_ == "NOUN" and not any(c.dep_ == "prep" and c.lower_ in {"with", "between", "of", "among"}
                                       for c in noun.children) and not any(c.dep_ == "poss" for c in noun.children):
        if noun.dep_ in {"attr", "nsubj"} and noun.head.lemma_ == "be" and any(
                c.dep_ == "expl" for c in noun.head.children):
            return True  # "there will be a bilateral meeting": the document's pair's
        if noun.lower_ in {"talks", "meeting", "summit"} and any(
                c.dep_ == "amod" and c.lower_ in {"upcoming", "forthcoming"} for c in noun.children) and any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return True  # "the upcoming Moscow talks": the pair's next meeting
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        objects = {t.lower_ for t in prep.subtree}
        if objects & {"both", "two"} and not objects & {"countries", "nations", "states", "governments"}:
            return True  # "a telephone call between both sides", "talks between the two leaders"
    if tok.pos_ == "NOUN" and not (tok.dep_ == "dobj" and verb.lemma_.lower() in {"hold", "have"}) \
            and not (tok.head.lower_ == "for" and verb.lemma_.lower() in {"sit", "gather", "meet"}) and not by_means:
        return False
    topic_verb = by_means and verb.lemma_.lower() in _TOPIC_VERBS  # "discussed developments in a phone call"
    if any(c.dep_ in {"dobj", "prep"} and c.lower_ in {"with", "between"} for c in tok.children) or \
            any(c.dep_ == "dobj" and not _each_other(c) and not topic_verb for c in verb.children if c.i != tok.i):
        return False
    if any(t.dep_ in {"nsubj", "nsubjpass"} and (t.tag_ in {"NNS", "NNPS"} or (
            t.tag_ == "NNP" and t.lower_.endswith("s") and t.lower_ in _GROUP_WORDS)) and t.i < tok.i
           and not any(c.lower_ in {"two", "both"} for c in t.children) and not _the_leaders(t) for t in tok.sent):
        return False  # "the defence ministers will discuss it when they meet": other people's "they"
    for head in [verb, *list(verb.ancestors)[:5]]:
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:  # "the two leaders expressed their commitment to meet at the G20"
            return any(c.lower_ in _PAIR_WORDS or _the_leaders(c) or any(t.lower_ in {"two", "both"}
                                                                         for t in c.children) for c in subjects)
    return False


def _the_leaders(tok: Token) -> bool:
    """"The leaders" and nothing more (not "the leaders of the G7"): in a readout, its own pair."""
    kids = list(tok.children)
    return tok.lower_ == "leaders" and bool(kids) and all(c.dep_ == "det" and c.lower_ == "the" for c in kids)


def _by_call(tok: Token) -> bool:
    """"a phone call", "a telephone conversation", "a video conference": the means of a clause."""
    return any(c.dep_ == "compound" and c.lower_ in {"phone", "telephone", "video"} for c in tok.children)


def _each_other(tok: Token) -> bool:
    """"each other", "one another": the subject's own pair."""
    return (tok.lower_ in {"other", "another"} and any(c.lower_ in {"each", "one"} for c in tok.children)) or (
        tok.lower_ == "another" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "one")


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
    if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.head.lower_ == "during" and tok.head.head.pos_ == "VERB":
        return True  # "The Presidents ... reaffirmed their commitment during an official working visit"
    if tok.pos_ == "NOUN" and tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in {"this", "it"} for c in tok.head.children):
        return True  # "This is the first visit to Finland by ...", "it was his first visit": the one told
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


def _put_off(verb: Token) -> bool:
    """"cancelled", "postponed", "pushed back", "called off": what keeps an engagement from happening."""
    lemma = verb.lemma_.lower()
    return lemma in _PUT_OFF or verb.lower_ in _PUT_OFF_FORMS or (
        lemma in _PUT_OFF_PARTICLES and any(c.lower_ == _PUT_OFF_PARTICLES[lemma] for c in verb.children))


def _unrealised(verb: Token) -> bool:
    """A verb that keeps its object from happening: "hoped to", "refused", "postponed"."""
    return verb.lemma_.lower() in _UNREALISED or verb.lower_ in _UNREALISED_FORMS or _put_off(verb)


def _called_off(tok: Token) -> bool:
    """"X was to arrive on December 1 but the visit was pushed back": an engagement planned once
    (the past of "is to") that the same sentence puts off."""
    return tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and tok.head.tag_ == "VBD" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(_put_off(t) for t in tok.sent)


def _framing(tok: Token) -> bool:
    """"will hold talks with A and B as part of a bilateral meeting between the two countries":
    the frame of the engagement the sentence already told, not another one; and a meeting noun
    that only says what a named occasion is."""
    if tok.pos_ == "NOUN" and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
        return True  # "the ASEAN Regional Forum, a regional security meeting involving ...": what it is
    return tok.pos_ == "NOUN" and tok.head.lower_ == "of" and tok.head.head.lower_ == "part" and \
        trigger_type(tok) in {"MEET", "CALL"} and any(
            t.i < tok.i and trigger_type(t) in {"MEET", "CALL"} for t in tok.sent)


def accompanied(tok: Token) -> bool:
    """"X accompanied Y during his trip": the trip of the one accompanied, the companion's too
    (not "was accompanied on the visit by X": an entourage)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"during", "on"} and \
        tok.head.head.lemma_.lower() == "accompany" and tok.head.head.tag_ != "VBN"


def _attended(tok: Token) -> bool:
    """"Ministers X, Y and Z attended the phone conversation": who sat in on the engagement told,
    not another one."""
    noun = tok.head if tok.dep_ == "compound" else tok
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"attend", "join"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children) and not any(
        c.pos_ == "PROPN" or c.dep_ == "prep" for c in noun.children)  # ("attended the OSCE Troika meeting")


_AHEAD = {"upcoming", "forthcoming", "planned", "proposed", "next", "future", "possible", "expected", "early",
          "impending", "coming", "prospective", "return", "reciprocal"}


def _visit_welcomed(tok: Token, welcome: Token) -> bool:
    """"Mr Lee welcomed Mr Marape's visit to Hong Kong": a host welcoming, in the past tense, the
    guest's own visit as its object is receiving the guest now, so the visit is the one under way;
    not "welcomed the planned visit", "welcomed his visit next year", nor what is said on a call."""
    if tok.lemma_.lower() not in {"visit", "trip"} or tok.head.i != welcome.i or tok.dep_ != "dobj" \
            or welcome.tag_ != "VBD":
        return False
    words = {t.lower_ for t in tok.subtree}
    return not words & _AHEAD and not any(t.ent_type_ == "DATE" for t in tok.subtree) and not any(
        t.lemma_.lower() in {"call", "phone", "telephone", "conversation", "invitation"} for t in tok.sent)


def _is_excluded(tok: Token) -> bool:
    """Invitations, "stay in touch", "meet in person at the earliest opportunity" are not events."""
    window = " ".join(t.lower_ for t in tok.doc[max(0, tok.i - 6): tok.i + 8])
    if "earliest opportunity" in window or "stay in touch" in window or _invited(tok) or re.search(
            r"\bmutual(?:ly)? convenien", tok.sent.text.lower()):
        return True  # ("... on a State Visit at early mutual convenience": an invitation, no date)
    if _called_off(tok):
        return True
    accepted = any(t.lemma_.lower() == "accept" for t in tok.sent)
    below = tok
    for anc in list(tok.ancestors)[:3]:
        lemma = anc.lemma_.lower()
        if lemma == "look" and any(c.lower_ == "forward" for c in anc.children) and not any(
                t.pos_ == "PROPN" or t.ent_type_ in {"DATE", "GPE", "EVENT", "FAC"} for t in tok.sent if t.i > tok.i):
            return True  # "looked forward to meeting soon": no occasion named, so no engagement
        if lemma in {"invite", "invitation"} and not accepted:
            return True
        if lemma == "welcome" and below.dep_ in {"dobj", "xcomp", "ccomp", "pobj", "prep"} and \
                below.lower_ != "on" and not accepted and not _visit_welcomed(tok, anc) \
                and not (any(c.dep_ == "auxpass" for c in anc.children) or (
                    anc.head.lemma_ == "be" and anc.head.i < anc.i)):  # ("was welcomed ... for his visit")
            return True  # "welcomed the visit", "welcome him to visit" (not "welcomed X on his visit")
        below = anc
    chain = [tok, *list(tok.ancestors)[:2]]
    for child, anc in pairwise(chain):
        if _unrealised(anc) and (child.dep_ in {"xcomp", "dobj", "ccomp", "nsubjpass"} or (child.dep_ == "acl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children))):  # ("their hope to hold a meeting")
            return True  # "had hoped to meet ...", "refused to meet", "cancelled the meeting", "was pushed back"
        if child.dep_ == "advcl" and any(g.lower_ == "too" for c in (anc, *anc.children)
                                         if c is anc or c.dep_ == "acomp" for g in c.children):
            return True  # "it was too complicated for him to meet Obama"
    if _denied(tok) or _counted(tok) or _occasion_hosted(tok) or _attended(tok) or _framing(tok):
        return True
    if tok.pos_ in {"NOUN", "PROPN"} and any(
            a.pos_ == "VERB" and any(c.dep_ == "neg" for c in a.children) and trigger_type(a) is not None
            for a in list(tok.ancestors)[:3]):
        return True  # "will not meet Lavrov during the G20 meeting": the meeting denied, not another
    if tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "by" and any(
            g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in {"a", "an", "any"} for d in g.children)
            for g in c.children) for c in tok.children):
        return True  # "The last visit by a Portuguese President to India was in 2007": no one in particular
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in {"attend", "join"}:
        return True  # "The meeting was attended by Cabinet Secretaries A and B": present at the one told
    met_by = tok.lemma_.lower() == "meet" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if (tok.lemma_.lower() in {"receive", "welcome", "greet"} or met_by) and any(
            t.lower_ in {"airport", "airbase", "airfield", "tarmac", "forecourt", "arrival"} for t in tok.sent):
        return True  # "received the President at the Nur Khan Airbase", "on arrival in Abuja, he was
        # received by ...", "was met at the airport by a welcoming party": a welcome on arrival, not talks
    hoped = {"hope", "wish", "desire", "aspiration", "call"}
    if tok.head.lower_ == "for" and (tok.head.head.lemma_.lower() in hoped or any(
            c.dep_ == "dobj" and c.lemma_.lower() in hoped for c in tok.head.head.children)):
        return True  # "expressed his hope for visits to Japan by President X": hoped for, not held
    if tok.tag_ == "VBP" and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children) and any(
            c.dep_ == "nsubj" and c.tag_ == "NNS" and not any(g.dep_ in {"det", "poss", "nummod"} for g in c.children)
            for c in tok.children):
        return True  # "By tradition, Finnish and Swedish prime ministers meet soon after": a habit
    if any(a.dep_ == "prep" and a.lower_ == "since" for a in list(tok.ancestors)[:3]) and any(
            t.lower_ == "first" and t.i < tok.i for t in tok.sent):
        return True  # "the first by an Indian Prime Minister since Singh's state visit in 2007": a comparison
    company = [a for a in list(tok.ancestors)[:3] if a.lemma_.lower() == "accompany"]
    if company and (any(a.tag_ == "VBN" for a in company) or (trigger_type(tok) == "VISIT" and not accompanied(tok))):
        return True  # "was accompanied on the courtesy call by X and Y": the entourage of one told
    # "X attended the meeting": the meeting told already; X was present at it ("attended the Troika
    # meeting today, together with Ministers A and B": the three of them met).
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"attend", "join"} and any(
        (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss" for c in tok.children) \
        and not _together_with(tok.head)


def _together_with(verb: Token) -> bool:
    """"..., together with Swiss Foreign Minister A and German Foreign Minister B": named company."""
    for c in verb.children:
        together = c.dep_ == "prep" and (c.lower_ == "alongside" or (c.lower_ == "with" and any(
            g.lower_ in {"together", "along"} for g in c.children)))
        if together and any(t.pos_ == "PROPN" and t.dep_ in {"pobj", "conj"} for t in c.subtree):
            return True
    return False


_OCCASIONS = {"summit", "forum", "conference", "session", "ceremony", "event", "festival", "gathering",
              "games", "congress", "assembly", "convention", "exhibition", "expo", "dialogue", "meeting",
              "meetings", "talks", "round", "ministerial", "retreat"}


def _counted(tok: Token) -> bool:
    """"Putin and Abe met 12 times", "the two have met twice", "they met frequently": a count or a
    habit of meetings, no one meeting."""
    if tok.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in _PERIODIC for c in tok.children):
        return True  # "agreed to hold annual prime ministerial meetings": a mechanism, no one meeting
    if tok.tag_ == "NNS" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ONGOING:
        return True  # "continuing his close consultations with these key allies": a process
    return tok.pos_ == "VERB" and any(
        (c.lower_ == "times" and any(g.dep_ in {"nummod", "amod"} and g.lower_ not in {"first", "last"}
                                     for g in c.children))
        or c.lower_ in {"twice", "thrice", "frequently", "regularly", "often", "repeatedly", "routinely"}
        for c in tok.children)


_ONGOING = {"continue", "maintain", "keep", "intensify", "deepen", "step", "sustain"}
_PERIODIC = {"annual", "regular", "periodic", "routine", "frequent", "yearly", "biannual", "monthly", "quarterly"}


def _occasion_hosted(tok: Token) -> bool:
    """"represented the EU at the SEECP Summit, hosted by President X": the host of an occasion
    is not met for that ("a dinner hosted by X for Y" still is)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in {"host", "organise", "organize",
                                                                             "chair", "convene"} \
        and tok.head.lemma_.lower() in _OCCASIONS


def _denied(tok: Token) -> bool:
    """A meeting said not to happen or not to be in preparation: "did not meet", "does not mean
    that preparations for a meeting between X and Y are ongoing" (an agreement denied still
    leaves the engagement considered; that is modality, not this)."""
    if tok.pos_ in {"VERB", "AUX"} and any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.dep_ == "dobj" and any(c.dep_ == "neg" for c in tok.head.children):
        return True  # "he would not hold a meeting on Saturday with his counterpart"
    chain = list(tok.ancestors)[:5]
    prepared = any(a.lemma_.lower() in {"preparation", "preparations", "prepare", "plan"} for a in chain[:3])
    if prepared and any(t.lemma_ == tok.lemma_ and t.pos_ == "VERB" and any(c.dep_ == "neg" for c in t.children)
                        for t in tok.sent):
        return True  # "thanked them for the preparations for his visit ... he could not visit Central Asia"
    return prepared and any(any(c.dep_ == "neg" for c in a.children) for a in chain if a.pos_ in {"VERB", "AUX"})


# what may stand between an office the parser closed early and its holder's name: more of the
# office ("in the Ministry of Foreign Affairs"), commas, a style ("Sheikh", "H.E.")
_OFFICE_RUN = re.compile(r"(?:[\s,()]|\b(?:of|the|for|and|on|in)\b|[A-Z][\w.’'&-]*)*")


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
            # the parser cut the name off: "with the UAE Minister of State ..., Sheikh Shakhboot ..."
            named_next = any(end <= m.start <= end + 80 and _OFFICE_RUN.fullmatch(doc_text(tok.doc)[end:m.start])
                             for m in cast.mentions)
            if not cast.overlaps(start, end) and not named_next and (child.lower_ != "with" or
                                                                      any(t.lower_ in _GROUP_WORDS for t in objects)):
                return True
    return False

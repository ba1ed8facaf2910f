"""Whose engagement a phrase means when its clause does not say: "his visit", "her meeting with
X", "In the meeting with X, the two leaders discussed", "Merkel, who told him of her conversation
with X", "thanked X for visiting Nigeria".

A possessive points back to the nearest one who acted; a meeting framed with no owner at all
("In the meeting with X" in a readout of several) belongs to the document's protagonist, the
first one who acted. Split from :mod:`parley.extract.participants`, with the clause helpers both use.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract.mentions import Cast

# verbs whose object is a guest ("welcomed X on his visit"): the visit is the guest's
_CREDITING = {"welcome", "receive", "host", "greet", "commend", "thank", "congratulate", "praise", "hail"}


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


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb the token hangs under ("following" of "returned following his meeting" is
    a preposition, whatever its tag)."""
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ != "prep"), None)


def _subject(verb: Token | None) -> list[Token]:
    """Every token of a verb's subject (both of "X and Y met")."""
    return [t for c in (verb.children if verb is not None else ()) if c.dep_ in {"nsubj", "nsubjpass"}
            for t in c.subtree]


_THANKING = {"thank", "thanks", "gratitude", "appreciation", "grateful", "appreciate", "commend", "praise"}


def thanked_for(tok: Token) -> Token | None:
    """Whom "thanked X for visiting", "expressed gratitude to the delegation for their visit"
    thank: the visitor, who is not the one thanking.  None when the visit is not thanked for."""
    if tok.head.lower_ != "for" or tok.dep_ not in {"pobj", "pcomp"}:
        return None
    node = tok.head.head
    if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lemma_.lower() in _THANKING:
        return node  # "gratitude to the delegation for their visit" (the parser hangs "for" on them)
    for _ in range(2):
        if node.lemma_.lower() not in _THANKING | {"express", "extend", "convey"}:
            return None
        for child in node.children:
            if child.dep_ == "dobj" and child.lemma_.lower() not in _THANKING:
                return child  # "thanked the Ghanaian President for visiting Nigeria"
            if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
                return next((g for g in child.children if g.dep_ == "pobj"), None)  # "gratitude to X"
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _framed(tok: Token) -> bool:
    """"In/During/At the meeting ...", "In a meeting with X": an engagement noun that frames the
    clause, owner unsaid."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "during", "at"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "a"} for c in tok.children)


_SAYING = {"say", "tell", "add", "note", "state", "stress"}


def _told_of(tok: Token) -> list[Token]:
    """"Frederiksen says a phone call with Trump left her reassured": an engagement with someone,
    owner unsaid, as the subject of what a speaker says; the speaker's.  The speaker's tokens, or
    none when the phrase is not of that shape."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _SAYING \
            or any(c.dep_ == "poss" for c in tok.children) or not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return []
    return _subject(clause.head)


def restated(tok: Token) -> bool:
    """"his meeting with X", "In the meeting with X": an engagement the text may tell elsewhere
    too, whose report joins the pair's other one whatever its tense (see ``recalled.merge``)."""
    return tok.pos_ == "NOUN" and (any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in tok.children) or (
        _framed(tok) and any(w.dep_ == "prep" and w.lower_ == "with" for w in tok.children)))


def owned_by_pronoun(tok: Token, kind: str, cast: Cast) -> list[str]:
    """"his visit", "her meeting with X": whose engagement a possessive pronoun means, or nothing."""
    named_owner = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if named_owner and kind != "VISIT" and tok.pos_ == "NOUN":
        # "President Trump's meetings with Emmanuel Macron and Angela Merkel": his, whoever tells of them
        owner = _people_in(list(named_owner[0].subtree), cast)[:1]
        partners = [p for p in _people_in([t for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                                            for t in c.subtree], cast) if p not in owner]
        return owner + partners if owner and partners else []
    framed = kind != "VISIT" and _framed(tok)  # "In the meeting with X, the leaders"
    told = _told_of(tok) if kind != "VISIT" and tok.pos_ == "NOUN" else []
    if not framed and not told and not any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in tok.children):
        return []
    verb = _verb_above(tok)
    subject = told or _subject(verb)
    if kind == "VISIT":
        # "X held talks with Y as part of his visit to Russia": the subject of the clause that
        # holds the visit; "welcomed X ... on his visit", "received on Wednesday HE the Lord Mayor
        # ... X": the guest, the first person named after the verb outside its subject; else the
        # nearest person before "his" ("commended Modi for his visit").
        held = {t.i for t in subject}
        guest = _people_in([t for t in tok.sent if verb is not None and verb.i < t.i < tok.i and t.i not in held],
                           cast) if verb is not None and verb.lemma_.lower() in _CREDITING else []
        named = guest[:1] or _people_in(subject, cast)
        if len(named) == 1:
            return named
        before = [m for m in cast.mentions if m.end <= tok.idx and m.start >= tok.sent.start_char]
        return [before[-1].person] if before else []
    if tok.pos_ != "NOUN":  # "gave Trump an explanation of his meeting with Rouhani": whose, and with whom
        return []
    partners = _people_in([t for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                           for t in c.subtree], cast)
    acted = [m.person for m in cast.mentions if m.end <= tok.idx and m.person not in partners and (
        (span := tok.doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
        and any(t.dep_ in {"nsubj", "nsubjpass"} for t in (*span, span.root.head)))]  # who acted, not "X's visit"
    if framed and not subject:  # "Speaking at the meeting with X, Y said": Y's
        subject = _subject(tok.sent.root)
    if verb is not None and verb.dep_ == "relcl" and subject and all(t.tag_ in {"WP", "WDT"} for t in subject):
        subject = [t for t in verb.head.subtree if t.i <= verb.head.i]  # "Merkel, who informed him about
        # her conversation with X"
    if framed and (tok.tag_ == "NNS" and len(partners) > 1):
        return []  # "During the meetings with A and B": one each, told by the rules that split
    # "In his meeting with X, the two leaders discussed": the last one named who acted; "In the
    # meeting with X" (no owner at all): the document's protagonist, the first one who acted
    owner = [p for p in _people_in(subject, cast) if p not in partners][:1] or (acted[:1] if framed else acted[-1:])
    return owner + partners if partners and owner else []


def joint_visit(tok: Token, people: list[str], cast: Cast) -> bool:
    """"The Presidents of Sierra Leone and Liberia have reaffirmed ... during an official working
    visit": a visit whose clause has the pair as its subject; the meeting abroad will tell which of
    them travelled."""
    if len(people) < 2 or tok.head.lower_ != "during":
        return False
    return set(people) <= set(_people_in(_subject(tok.head.head), cast))


def their_pair(tok: Token, cast: Cast) -> list[str]:
    """"Minister X has told his counterpart Y to start the process on their January 20 meeting":
    "their" is the one who acts and the one acted on, of the verb the meeting hangs under (through
    "to start": Y is told, X tells), named before the meeting."""
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
        return []
    verb = _verb_above(tok)
    while verb is not None and verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    subject = _people_in(_subject(verb), cast)
    acted_on = _people_in([t for c in (verb.children if verb is not None else ()) if c.dep_ in {
        "dobj", "dative", "prep"} and c.i < tok.i and tok not in c.subtree for t in c.subtree], cast)
    if len(subject) == 1 and acted_on and acted_on[0] != subject[0]:
        return [subject[0], acted_on[0]]
    return []

"""Who announces what a sentence says, and aides: the named person or government body that
reports an agenda ("..., the Kremlin said", "according to Press Secretary Psaki"), the spokesman
a text introduced before ("the Kremlin spokesman said"), and the state an aide of no known
country acts for.  Split from :mod:`parley.extract.statements`, which attributes sentences.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from parley.extract.clauses import ANNOUNCING, core, subject_of
from parley.extract.knowledge import Knowledge, doc_text, knowledge
from parley.extract.mentions import Cast


def people_of(tok: Token, cast: Cast) -> list[str]:
    """The people a subject names, in order (mentions inside its core phrase)."""
    seen: list[str] = []
    spans = [(t.idx, t.idx + len(t.text)) for t in core(tok)]
    for m in cast.mentions:
        if any(s <= m.start < e for s, e in spans) and m.person not in seen:
            seen.append(m.person)
    return seen


def according_to(sent: Span, cast: Cast) -> list[str]:
    """ "According to Ushakov, ..." names the source of a sentence."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return people_of(obj, cast)
    return []


def announced_by(sent: Span, verb: Token, cast: Cast) -> list[str]:
    """The named people a sentence says announce what ``verb`` says ("Peskov said ...",
    "according to a statement by Psaki")."""
    found = according_to(sent, cast)
    own = subject_of(verb)
    for tok in sent:
        if tok.i != verb.i and tok.lemma_.lower() in ANNOUNCING and (subj := subject_of(tok)) is not None \
                and (own is None or subj.i != own.i):
            found.extend(p for p in people_of(subj, cast) if p not in found)
    return found


_GOVERNMENT_BODIES = {"kremlin", "office", "government", "ministry", "presidency", "palace", "house",
                      "department", "secretariat", "cabinet", "administration", "spokesman", "spokesperson",
                      "spokeswoman", "embassy", "chancellery"}


SPOKES = {"spokesman", "spokesperson", "spokeswoman", "aide"}


def spokesperson(subj: Token, cast: Cast) -> str | None:
    """ "the Kremlin spokesman said": the person the text introduced as its spokesman before
    ("Kremlin spokesman Dmitry Peskov said on Wednesday ...")."""
    text = doc_text(subj.doc)
    word = subj.lower_
    found = None
    for m in cast.mentions:
        if m.start >= subj.idx:
            break
        if word in text[max(0, m.start - 40):m.start].lower() or \
                re.match(r",?\s*(?:the\s+)?[\w\s'’-]{0,30}" + word, text[m.end:m.end + 50].lower()):
            found = m.person
    return found


_AIDE_WORDS = re.compile(r"\b(?:spokes(?:man|person|woman)|aide|adviser|advisor|director|secretary|"
                         r"press|chief of staff|envoy)\b", re.IGNORECASE)
_OWN_GOVERNMENT = re.compile(r"\b(?:presidential|president's|president’s|prime minister's|prime minister’s|"
                             r"government|kremlin|state house|presidency)\b", re.IGNORECASE)


def aide_country(person: str, cast: Cast, text: str, home_country: str | None, kb: Knowledge) -> str | None:
    """The state an aide of no known country speaks for, from how the text introduces them:
    "President Erdogan's communications director, Fahrettin Altun" (Erdogan's), "Turkish
    Communications Director Fahrettin Altun" (the adjective's), "presidential spokesperson Kim
    Eui-kyeom" in a report from a country whose people take part (that country: ``home_country``)."""
    first = next((m for m in cast.mentions if m.person == person and not m.office), None)
    if first is None:
        return None
    before = text[max(0, first.start - 70):first.start]
    line = before.rsplit("\n", 1)[-1]
    if not _AIDE_WORDS.search(line):
        return None
    owners = [m.person for m in cast.mentions if first.start - len(line) <= m.start < first.start
              and m.person != person and cast.people[m.person].country]
    if owners and re.search(r"['’]s?\s+[\w\s,-]*$", text[first.start - len(line):first.start]):
        return cast.people[owners[-1]].country
    for word in re.findall(r"[A-Z][a-z]+", line):
        if word in kb.countries and word not in kb.country_nouns:
            return kb.countries[word]  # an adjective: "Turkish", "Kenyan"
    if home_country and _OWN_GOVERNMENT.search(line):
        return home_country
    return None


def government_announces(sent: Span, verb: Token) -> bool:
    """Whether a government body, not a news outlet or an anonymous official, announces what
    ``verb`` says ("..., the Kremlin said Thursday", "The DFA said the ministers will ...")."""
    kb = knowledge()
    for tok in sent:
        subj = subject_of(tok) if tok.i != verb.i and tok.lemma_.lower() in ANNOUNCING else None
        if subj is None or subj is subject_of(verb):
            continue
        org = kb.orgs.get(subj.text)
        if subj.lower_ in _GOVERNMENT_BODIES or (org is not None and org.kind == "government") \
                or (subj.text.isupper() and len(subj.text) <= 5 and subj.text not in kb.orgs):
            return True  # ("DFA", "MOFA": a ministry's initials; a known outlet's are not)
    return False

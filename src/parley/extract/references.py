"""Mentions that point back at people already named: a surname or given name used alone ("Blinken",
"May's visit"), "he"/"she" as a subject, "I" inside a quotation (its speaker), and the "I" of a
speech or of a transcript's labelled turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from parley.extract.knowledge import Knowledge, doc_text, sentences
from parley.extract.people import Mention, Person

_RANK_WORDS = {"Gen", "Gen.", "General", "Lt", "Col", "Adm", "Sheikh", "Prince", "Dr", "Hon", "Datuk", "Seri",
               "Tan", "Sri", "Dato", "Pehin", "Shri", "Smt"}  # "Gen Prayut": a rank, not the name
_MONTH_CONTEXT = re.compile(r"(?:\b(?:in|on|since|early|late|mid|of|until|by|from|last|next)\s+|-)$")


def short_forms(text: str, people: dict[str, Person], mentions: list[Mention],
                 kb: Knowledge) -> list[Mention]:
    """Surnames and given names of the document's people used alone ("Blinken", "May's visit")."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for person in list(people.values()):
        tokens = person.name.split()
        if len(tokens) < 2:
            continue
        if person.display:  # the document's own spelling has words of its own ("Josep Borrell Fontelles")
            tokens += [t for t in person.display.split() if t not in tokens]
        for token in tokens:
            if re.fullmatch(r"(?:al|el)-[A-Z]\w+", token):
                token = token[0].upper() + token[1:]  # "al-Sudani" of the name, "Al-Sudani" alone
            if len(token) < 2 or token in kb.title_words or token in kb.countries or not token[:1].isupper() \
                    or token in _RANK_WORDS:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text):
                if any(s <= m.start() < e for s, e in taken):
                    continue
                if token in {"May", "June", "July", "August", "March", "April"} and (
                        re.match(r"\s*\d", text[m.end():m.end() + 4])
                        or _MONTH_CONTEXT.search(text[max(0, m.start() - 12):m.start()])):
                    continue
                if re.search(r"\b(?:an?|A|An)\s+$", text[max(0, m.start() - 4):m.start()]) and \
                        re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
                    continue  # "met Pompeo for a Madison Dinner": a thing named after the person
                taken.append((m.start(), m.end()))
                out.append(Mention(m.start(), m.end(), person.name))
    return out


def _quoted_by(text: str, at: int, sent_end: int, mentions: list[Mention]) -> set[str]:
    """The people a quotation holding ``at`` is attributed to (""Yes, he met X," Peskov told
    reporters"): a speaker says "I", so a "he" inside their own words is someone else."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    straight = before.count('"') % 2 == 1
    curly = before.rfind("“") > before.rfind("”")
    if not (straight or curly):
        return set()
    close = min((i for i in (text.find('"', at), text.find("”", at)) if i >= 0), default=-1)
    if close < 0:
        return set()
    end = max(sent_end, close + 1)
    after = text[close + 1:end + 120]
    stop = re.search(r"[.!?](?:\s|$)", after)
    limit = close + 1 + (stop.end() if stop else len(after))
    return {m.person for m in mentions if close < m.start < limit}


_JOURNEY_NOUNS = {"visit", "trip", "tour", "stop", "journey", "arrival"}


def pronouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """He/she as subject: the latest person mentioned as a subject before it (else the latest),
    never a person already referred to by the other pronoun; his/her opening a sentence on a
    journey ("His first stops were ...") likewise."""
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    gender: dict[str, str] = {}
    text = doc_text(doc)
    for tok in doc:
        if tok.lower_ in {"his", "her"} and tok.dep_ == "poss" and tok.head.lemma_.lower() in _JOURNEY_NOUNS \
                and tok.head.dep_ in {"nsubj", "nsubjpass"} and not any(
                tok.sent.start_char <= m.start < tok.idx for m in ordered):
            want = "he" if tok.lower_ == "his" else "she"  # "His first stops were Estonia, ...": whose journey
        elif tok.lower_ not in {"he", "she"} or tok.text == "HE":
            continue  # "HE the Lord Mayor": His Excellency, a style before a name
        else:
            want = tok.lower_
        quoted = _quoted_by(text, tok.idx, tok.sent.end_char, ordered)
        before = [m for m in ordered if m.end <= tok.idx and gender.get(m.person, want) == want
                  and m.person not in quoted]
        if not before:
            continue
        subjects, leading, again = [], [], []
        also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.head.children)
        for m in before:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            subj = next((t for t in span if t.dep_ in {"nsubj", "nsubjpass"}), None) if span is not None else None
            if subj is None and span is not None and span.root.dep_ == "appos" and \
                    span.root.head.dep_ in {"nsubj", "nsubjpass"}:
                subj = span.root.head  # "His Highness Sheikh X, Crown Prince of Y, received": the style leads
            if subj is not None:
                subjects.append(m)
                if _leads(subj.head):
                    leading.append(m)
                if also and subj.head.lemma_ == tok.head.lemma_:
                    again.append(m)
        # "Widodo became the first leader to address parliament since Yudhoyono did so in 2010.
        # '...,' he said": the subject of a subordinate clause is not who the story follows; "X
        # received a call from Y. The two discussed ... He also received a call from Z": X again
        subjects = again or leading or subjects
        antecedent = (subjects or before)[-1]
        gender[antecedent.person] = want
        out.append(Mention(tok.idx, tok.idx + len(tok.text), antecedent.person))
    return out


def the_two(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"The two" as a subject ("Rutte and Hoekstra will fly to Washington. The two are meeting
    Biden"): the two people of the nearest earlier subject that joins exactly two of them, each
    a mention of the phrase."""
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for tok in doc:
        if tok.lower_ != "two" or tok.dep_ not in {"nsubj", "nsubjpass"} or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        for sent in reversed([s for s in sentences(doc) if s.end <= tok.sent.start][-2:]):
            pair = [m for m in ordered if sent.start_char <= m.start < sent.end_char and any(
                t.dep_ in {"nsubj", "nsubjpass"} or (t.dep_ == "conj" and t.head.dep_ in {"nsubj", "nsubjpass"})
                for t in doc.char_span(m.start, m.end, alignment_mode="expand") or [])]
            people = list(dict.fromkeys(m.person for m in pair))
            if len(people) == 2:
                start = doc[tok.i - 1].idx if doc[tok.i - 1].lower_ == "the" else tok.idx
                out.extend(Mention(start, tok.idx + len(tok.text), person) for person in people)
                break
    return out


def _leads(verb: Token) -> bool:
    """Whether a subject's verb heads its own clause rather than an adverbial or relative one
    ("since X did so", "whom X met"); reported speech ("adding that X sends ...") still leads."""
    return verb.dep_ not in {"advcl", "relcl", "acl", "pcomp"}


_MET_WITH = {"talk", "speak", "meet", "confer"}


def first_person(doc: Doc, mentions: list[Mention], text: str) -> list[Mention]:
    """"I" inside a quotation is its speaker: the person it is attributed to after it ("...,"
    Hipkins said), else the one who introduces it ("Netanyahu made the following remarks: "I am
    leaving for Britain ...""); so is "we" that talked or met with someone ("We talked about this
    on the phone with Mahmoud Ahmadinejad," Erdoğan said): a leader's "we" that includes the leader."""
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for tok in doc:
        we_met = tok.lower_ == "we" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _MET_WITH and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.head.children)  # '"We talked ... with X," Y said'
        if (tok.text not in {"I", "me"} and not we_met) or tok.tag_ != "PRP":
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        opening = max(text.rfind('"', line_start, tok.idx), text.rfind("“", line_start, tok.idx))
        if opening < 0:
            continue
        speakers = _quoted_by(text, tok.idx, tok.sent.end_char, ordered)
        if not speakers:
            intro = text[max(0, opening - 300):opening]
            if not re.search(r"(?::|\bsaid|\bsays|\bstated|\badded)\s*$", intro):
                continue
            before = [m for m in ordered if opening - 300 <= m.start < opening and not m.office]
            speakers = {before[-1].person} if before else set()
        if len(speakers) == 1:
            out.append(Mention(tok.idx, tok.idx + len(tok.text), next(iter(speakers))))
    return out


_FORMER_LATTER = re.compile(r"\b[Tt]he (?P<which>former|latter)(?=['’]s\b|\b)")
_VISITING = re.compile(r"\b[Tt]he visiting (?:[A-Za-z]+ ){0,2}(?:[Pp]rime [Mm]inister|[Pp]resident|[Mm]inister|"
                       r"[Ll]eader|[Pp]remier|[Cc]hancellor|[Kk]ing|[Ee]mir|[Ss]ecretary|[Dd]ignitary|[Gg]uest|"
                       r"[Hh]ead of [Ss]tate)\b")
_VISIT_LEMMAS = {"visit", "arrive", "travel", "fly", "come", "land"}


def back_references(doc: Doc, mentions: list[Mention], text: str) -> list[Mention]:
    """"the latter's visit" (the second of the two people just named, "the former" the first)
    and "the visiting prime minister" (the person the text has visiting, the subject of "will
    visit", "arrived")."""
    ordered = sorted(mentions, key=lambda m: m.start)
    taken = [(m.start, m.end) for m in ordered]
    out: list[Mention] = []
    for m in _FORMER_LATTER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        named = list(dict.fromkeys(mm.person for mm in ordered if m.start() - 400 <= mm.start < m.start()))
        if len(named) >= 2:
            person = named[-1] if m.group("which") == "latter" else named[-2]
            out.append(Mention(m.start(), m.end(), person))
    visiting = [m for m in _VISITING.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    visitors = [mm for mm in ordered if visiting and _visitor(doc, mm)]  # parsed only when asked for
    for m in visiting:
        before = [v.person for v in visitors if v.end <= m.start()]
        if before:
            out.append(Mention(m.start(), m.end(), before[-1]))
    return out


# "the center-left Chilean leader", "the Chinese Defence Minister": a person described by state and role
_DESCRIBED = re.compile(r"\b[Tt]he\s+(?P<adjs>(?:[a-z][a-z-]*\s+){0,2})(?P<state>[A-Z][a-z]+)\s+(?P<role>"
                        r"(?:(?:[Ff]oreign|[Dd]efen[cs]e|[Tt]rade|[Ff]inance|[Pp]rime)\s+)?[Mm]inister|[Pp]resident"
                        r"|[Ll]eader|[Pp]remier|[Cc]hancellor|[Tt]op\s+[Dd]iplomat|[Hh]ead\s+of\s+[Ss]tate|[Mm]onarch"
                        r"|[Kk]ing|[Ee]mir|[Ss]ecretary\s+of\s+[Ss]tate)\b"
                        r"(?!\s+[A-Z(]|\s+of\s|\s*,\s*[A-Z][a-z]+\s+[A-Z])")  # (not "the X Minister of Climate")
_NOT_HOLDER = {"former", "late", "then", "ex", "previous", "past", "outgoing", "deposed", "ousted"}


def described(mentions: list[Mention], people: dict[str, Person], text: str, kb: Knowledge) -> list[Mention]:
    """"The Chilean leader ... traveled to Argentina", "the Chinese Defence Minister held a meeting
    with X": a person the text has named before, now described by their state and role; only when
    one person of that state named before fits the role (a "leader" is any; a "minister" needs a
    minister's title). Offices the registry resolves are read before this, so what is left here is
    the role the registry does not hold or the holder it does not know."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for m in _DESCRIBED.finditer(text):
        country = kb.countries.get(m.group("state"))
        if country is None or _NOT_HOLDER & set(m.group("adjs").split()) or any(
                mm.start < m.end() and m.start() < mm.end for mm in ordered):
            continue
        role = " ".join(m.group("role").lower().split())
        before = list(dict.fromkeys(mm.person for mm in ordered if mm.end <= m.start() and mm.person in people
                                    and people[mm.person].country == country))
        fits = [p for p in before if role in {"leader", "top diplomat", "head of state"}
                or role in (people[p].title or "").lower()]
        if not fits and len(before) == 1 and not people[before[0]].title:
            fits = before  # ("her Chinese counterpart General Wei Fenghe": a counterpart, of no title of their own)
        if len(fits) == 1:
            out.append(Mention(m.start("state"), m.end(), fits[0], office=True, described=True))
    return out


_VERB_AFTER = r"(?= (?!of\b|for\b|and\b|to\b|in\b|at\b|with\b)[a-z])"  # "Foreign Secretary met", not "... of X"


def bare_titles(mentions: list[Mention], people: dict[str, Person], text: str,
                held: frozenset[str] = frozenset()) -> list[Mention]:
    """A title opening a sentence with neither article nor name ("Foreign Secretary met X",
    "Foreign Secretary held discussions"), as official releases write of their own principal:
    the first person named in the document with that title; also after "The" ("The Commerce
    Secretary also met X") for a title of no office the registry resolves (``held``: "The Prime
    Minister" of a No 10 readout is the publisher's, not the first prime minister named)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    holders: dict[str, str] = {}
    for m in ordered:
        title = people[m.person].title if m.person in people else None
        if title and " " in title and title[:1].isupper():
            holders.setdefault(title, m.person)
    out: list[Mention] = []
    for title, person in holders.items():
        article = "" if title.lower() in held else r"(?:The\s+)?"
        for found in re.finditer(rf"(?:^|(?<=[.!?]\s)|(?<=\n)){article}({re.escape(title)}){_VERB_AFTER}", text,
                                 re.MULTILINE):
            start, end = found.span(1)
            if not any(m.start < end and start < m.end for m in ordered):
                out.append(Mention(start, end, person))
    return out


def _visitor(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is the subject of "visit", "arrive", "travel" ...: someone the text has visiting."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    subj = next((t for t in span if t.dep_ == "nsubj"), None) if span is not None else None
    return subj is not None and subj.head.lemma_.lower() in _VISIT_LEMMAS


# "Foreign minister Soini's opening address", "Statement by Prime Minister Rutte", "Press remarks by
# President Costa", "Remarks of the Secretary": a speech, whose "I" is its speaker throughout
_SPEECH = re.compile(r"(?:['’]s\s+(?:\w+\s+){0,2}(?:address|remarks|statement|speech|message)\b"
                     r"|\b(?:[Ss]tatement|[Rr]emarks|[Aa]ddress|[Ss]peech)\s+(?:by|of)\b)")


def speech_speaker(title: str, head_mentions: list[Mention]) -> str | None:
    """The person a speech's headline names as speaking, when it is one."""
    m = _SPEECH.search(title)
    if m is None:
        return None
    if m.group(0)[0] in "'’":  # "Soini's opening address": the last named before it
        before = list(dict.fromkeys(mm.person for mm in head_mentions if mm.end <= m.start() + 1))
        return before[-1] if before else None
    after = [mm.person for mm in head_mentions if mm.start >= m.end()]  # "Statement by X": the first after
    return after[0] if after else None


_LEADER_OFFICE = re.compile(r"\b(?:(?:Office of )?(?:the )?(Prime Minister|President|Chancellor|Premier))\b")


def release_author(publisher: str | None, country: str | None, on: str | None, kb: Knowledge) -> str | None:
    """The leader whose own office publishes a text in the first person ("This week I go to New
    Zealand" from the Prime Minister of Australia, "I spoke today with ..." from a President's
    office): the holder of that office on the day, from the registry."""
    m = _LEADER_OFFICE.search(publisher or "")
    if m is None or country is None:
        return None
    role = "head_of_state" if m.group(1) == "President" else "head_of_government"
    return kb.holder(country, role, on, title=m.group(1))


def speakers_i(doc: Doc, mentions: list[Mention], person: str) -> list[Mention]:
    """Every "I", "me" and "my" of a speech outside quotation marks: its speaker."""
    return _first_person(doc, mentions, lambda _at: person)


def _first_person(doc: Doc, mentions: list[Mention], speaker_at: Callable[[int], str | None]) -> list[Mention]:
    """Every "I", "me" and "my" outside quotation marks that no mention holds yet, as a mention of
    whoever ``speaker_at`` says speaks at that offset (none: left alone)."""
    taken = {(m.start, m.end) for m in mentions}
    text = doc_text(doc)
    out = []
    for tok in doc:
        if tok.text not in {"I", "me", "my", "My"} or (tok.idx, tok.idx + len(tok.text)) in taken:
            continue
        person = speaker_at(tok.idx)
        line = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
        if person and line.count('"') % 2 == 0 and line.rfind("“") <= line.rfind("”"):
            out.append(Mention(tok.idx, tok.idx + len(tok.text), person))
    return out


# "Jotham Napat, Prime Minister of Vanuatu: Senator Wong, ...", "WONG: Thank you": a turn's label
_LABEL = re.compile(r"^[ \t]*([^\n:]{2,90}):[ \t]", re.MULTILINE)


def transcript_speakers(doc: Doc, mentions: list[Mention],
                        named: Callable[[str], str | None] = lambda _label: None) -> list[Mention]:
    """Every "I", "me" and "my" of a transcript turn outside quotation marks: the person whose name
    opens the turn's label, or whom ``named`` finds for a label written in capitals ("DEPUTY PRIME
    MINISTER, RICHARD MARLES:").  A label naming no one ("Subjects:", "Journalist:") ends the turn."""
    text = doc_text(doc)
    turns: list[tuple[int, str | None]] = []
    for m in _LABEL.finditer(text):
        first = next((mm for mm in mentions if m.start(1) <= mm.start <= m.start(1) + 4 and mm.end <= m.end(1)
                      and not mm.office), None)
        label = m.group(1).split(",")[-1].strip()
        turns.append((m.end(), first.person if first else named(label.title()) if label.isupper() else None))
    if not any(person for _, person in turns):
        return []
    return _first_person(doc, mentions, lambda at: next((p for end, p in reversed(turns) if end <= at), None))

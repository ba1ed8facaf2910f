"""Where and when an engagement took place: its place near the trigger, and which of the
document's dates belongs to it (not the day it was reported, announced or compared with).

Split from :mod:`parley.extract.events`, which finds the engagements themselves.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from parley.dates import TimeExpr, find_dates, parse_iso
from parley.extract.journeys import _TRAVEL_LEMMAS, stop_is, takes_to
from parley.extract.knowledge import Knowledge, doc_text


def _paragraph(tok: Token) -> tuple[int, int]:
    """Token bounds of the paragraph holding ``tok`` (blank lines apart): a standfirst line with no
    full stop is parsed into the next sentence, but its people are not at that sentence's table."""
    doc = tok.doc
    breaks = doc.user_data.get("parley_paragraphs")
    if breaks is None:  # token indices of blank-line tokens, computed once per Doc
        breaks = doc.user_data["parley_paragraphs"] = [
            t.i for t in doc if t.is_space and t.text.count("\n") >= 2]
    n = bisect.bisect_right(breaks, tok.i)
    start = breaks[n - 1] + 1 if n else 0
    end = breaks[n] if n < len(breaks) else len(doc)
    return start, end


def place_near(tok: Token, sent: Span, kind: str, kb: Knowledge, doc: Doc, text: str) -> str | None:
    """The place of a meeting ("in Beijing", "at Downing Street") or a visit's destination;
    ``text`` is ``doc.text``, which spaCy rebuilds on every access."""
    preps = {"VISIT": ("to", "in", "visit", "visited", "visiting", "visits")}.get(kind, ("in", "at"))
    if kind == "VISIT" and tok.lemma_.lower() in _TRAVEL_LEMMAS:
        preps = (*preps, "for", "at")  # "left for Beijing", "arrived at Narita"
    best: str | None = None
    for m in kb.place_re.finditer(text, sent.start_char, sent.end_char):
        if _topic_place(doc, m.start()) or (kind != "VISIT" and _WATERS.search(m.group(0))) or _MISSION.match(
                text, m.end()):
            continue  # ("at the New Zealand High Commission in London": a building, then the place)
        before = text[max(sent.start_char, m.start() - 40):m.start()].rstrip()
        before = before.removesuffix("the").rstrip()
        words = before.split()
        last = words[-1].lower() if words else ""
        if kind == "VISIT" and last in {"visiting", "visit"} and re.match(
                r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:President|Prime|Minister|Secretary|Vice|Foreign|Chancellor|King|Premier)\b",
                text[m.end():m.end() + 40]):
            continue  # "the visiting U.S. Vice President": whose nationality, not where
        if kind == "VISIT" and re.search(r"\b(?:capital|city) of$", before):
            last = "to"  # "visited the capital of Malaysia"
        elif kind == "VISIT" and re.search(r"\b(?:to|in)\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*,$", before):
            last = "to"  # "travel to Gros Islet, Saint Lucia": a town the gazetteer lacks, then its country
        if last in preps or (kind == "VISIT" and last in {"to", "in"}):
            if m.start() >= tok.idx or kind != "VISIT":
                return m.group(0)
            best = best or m.group(0)
        elif kind != "VISIT" and len(words) >= 2 and words[-2].lower() in {"in", "at"} and \
                last.endswith(("'s", "’s")):
            best = best or m.group(0)
    if best:
        return best
    for ent in sent.ents:
        if ent.label_ in {"GPE", "FAC", "LOC"} and not _topic_place(doc, ent.start_char) \
                and not _OCCASION.search(ent.text) and not (kind != "VISIT" and _WATERS.search(ent.text)):
            prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if prev == "the" and ent.start > 1:
                prev = doc[ent.start - 2].lower_
            if prev in preps:
                return ent.text
    if kind == "MEET":
        return venue_in(text[sent.start_char:sent.end_char], kb) or city_in(text[sent.start_char:sent.end_char], kb)
    return None


_PLACE_COUNTS = {"country", "nation", "state", "capital", "city"}


def counted_places(verb: Token) -> Token | None:
    """"visited five Arab countries – Morocco, Egypt, ...", "visited three countries: Kenya, ...":
    the first place of the list a counted object introduces."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _PLACE_COUNTS):
        if any(c.dep_ == "nummod" for c in obj.children):
            return next((a for a in obj.children if a.dep_ == "appos" and a.ent_type_ == "GPE"), None)
    return None


def more_places(tok: Token, first: str, kb: Knowledge) -> list[str]:
    """The other destinations of one journey told in a list: "visited Jerusalem, Ramallah,
    Cairo and Amman" (a visit to each), "trips to Kenya and Ghana"."""
    heads = [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    heads += [counted] if tok.pos_ == "VERB" and (counted := counted_places(tok)) is not None else []
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # ("departed the country for A, B and C")
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        holders.append(tok.head)  # "will begin his official visit on April 21 to A, B and C"
    holders += [taking] if (taking := takes_to(tok)) is not None else []  # "a tour that will take him to A and B"
    into = {"to", "for", "in"} if tok.lemma_.lower() == "stop" else {"to", "for"}  # "stops in A and B"
    heads += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in into
              for g in c.children if g.dep_ == "pobj"]  # "trips to A and B", "will leave for A, B and C"
    heads += [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "GPE" and tok.pos_ == "NOUN"]
    # ("a tour that has seen her visit South Africa and Nigeria": the parser's apposition)
    if stop_is(tok):  # "His first stops were Estonia, Lithuania and Latvia"
        heads += [c for c in (tok.head if tok.dep_ == "conj" else tok).head.children if c.dep_ == "attr"]
    out: list[str] = []
    for head in heads:
        if first not in {head.text, " ".join(t.text for t in head.subtree if t.dep_ in {"compound"} or t is head)} \
                and head.text not in first.split():
            continue
        listed = [*head.conjuncts, *(a for a in head.children if a.dep_ == "appos"),
                  *(c for a in head.children if a.dep_ == "appos" for c in a.conjuncts)]
        for conj in dict.fromkeys(listed):  # "Cabo Verde, Cote d'Ivoire, Nigeria and Angola" (an apposition)
            # its own compounds only (not "Canada United" of "Canada and the United States")
            name = " ".join(t.text for t in conj.subtree if (t.dep_ == "compound" and t.head.i == conj.i)
                            or t.i == conj.i)
            if name != first and (name in kb.places or name in kb.country_nouns) and name not in out:
                out.append(name)
    return out


# Seas and straits are where disputes are, not where leaders sit down; a named meeting or summit
# is an occasion, not a place ("at the ASEAN-China Foreign Ministers' Meeting in Chongqing").
_MISSION = re.compile(r"\s+(?:Embassy|High Commission|Consulate|Permanent Mission|Mission)\b")
_WATERS = re.compile(r"\b(?:Sea|Ocean|Strait|Straits|Gulf|Peninsula)\b")
_OCCASION = re.compile(r"\b(?:Meeting|Meetings|Summit|Forum|Conference|Dialogue|Session|Assembly)\b")
_PLACE_NOUNS = {"meeting", "meetings", "talks", "summit", "visit", "trip", "tour", "stop", "call",
                "conversation", "dinner", "lunch", "banquet", "ceremony", "session", "forum",
                "conference", "residence", "palace", "hotel", "office", "house", "city", "capital",
                "counterpart", "counterparts", "host", "hosts", "ambassador", "leader", "leaders",
                "minister", "president", "officials", "envoy", "delegation", "arrival", "event",
                "events", "stay"}


def _topic_place(doc: Doc, char: int) -> bool:
    """A place that qualifies a subject of talk, not where anyone is: "the developments in
    Ukraine", "the situation in Syria" (the preposition hangs on a common noun that is neither a
    meeting nor a venue)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    node = span[0]
    if node.dep_ == "det" and node.i + 1 < len(doc):
        node = doc[node.i + 1]  # "the developments in the Gaza Strip": from the name, not its article
    while node.dep_ == "compound" and node.head is not node:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
        return False
    owner = prep.head
    return owner.pos_ == "NOUN" and owner.lower_ not in _PLACE_NOUNS and owner.lemma_.lower() not in _PLACE_NOUNS \
        and owner.ent_type_ not in {"DATE", "TIME"}  # "on July 21st in Geneva": a day and where it was spent


_REPORTING = {"say", "announce", "tell", "confirm", "report", "state", "add", "disclose", "reveal", "issue", "publish",
              "release", "note"}


def reported_on(doc: Doc, expr: TimeExpr) -> bool:
    """A date that says when something was announced, not when it will happen: "the Kremlin
    said on Friday that Putin will travel to ...", "announced today"."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ == "pobj":
        node = node.head
    return node.head.lemma_.lower() in _REPORTING and node.head.pos_ == "VERB"


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause a token stands in (itself, when it is one)."""
    node = tok
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def other_clause(tok: Token, expr: TimeExpr) -> bool:
    """A date of another clause than the planned engagement's: "arrived on Monday ..., where he
    is to meet Trump" (Monday is the arrival's)."""
    span = tok.doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    own, theirs = _clause_verb(tok), _clause_verb(span.root)
    if own is None or theirs is None or own == theirs:
        return False
    return own.dep_ in {"relcl", "xcomp", "ccomp", "advcl"} and theirs in own.ancestors and not any(
        t.dep_ in {"aux", "auxpass"} and t.lower_ in {"will", "shall"} for t in theirs.children) \
        and own.head.i not in {theirs.i}  # an infinitive of the verb itself ("plans to meet") is one clause


def _since(tok: Token, expr: TimeExpr) -> bool:
    """A date in a "since ..." phrase the trigger is not in: "the first courtesy call since his
    swearing in on 20 May" (a comparison with an earlier day, not the engagement's)."""
    span = tok.doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    for anc in [span.root, *list(span.root.ancestors)[:6]]:
        if anc.lower_ == "since" and anc.dep_ in {"prep", "mark"}:
            return tok.i not in {t.i for t in anc.subtree}
        if anc.i != tok.i and any(c.dep_ == "mark" and c.lower_ == "since" for c in anc.children):
            return tok.i not in {t.i for t in anc.subtree}  # "since Buhari's administration resumed in May 2015"
        if anc.i == tok.i:
            return False
    return False


_OWN_NOUNS = {"meeting", "talks", "call", "conversation", "visit", "discussions", "consultations", "trip"}


def in_other_relative_clause(tok: Token | None, expr: TimeExpr, doc: Doc | None = None) -> bool:
    """A date inside a relative clause the trigger is not in: "the Peace Summit, which will be held
    on 15-16 June", "the prime minister, who took office in January" (the summit's, the office's).
    Without a trigger (a sentence that only mentions the engagement again), any relative clause
    but one about the engagement ("the meeting held in Lima on Thursday")."""
    doc = tok.doc if tok is not None else doc
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    for anc in list(span.root.ancestors)[:6]:
        if anc.dep_ in {"relcl", "acl"} and anc.pos_ in {"VERB", "AUX"}:
            if tok is None:  # ("who took office in ...": a person's clause, wherever the parser hangs it)
                return anc.head.lower_ not in _OWN_NOUNS or any(c.lower_ in {"who", "whom"} for c in anc.children)
            # ("the meeting held in Lima on Thursday": a clause about the engagement itself)
            return tok.i not in {t.i for t in anc.subtree} and (anc.head.i != tok.i or any(
                c.lower_ in {"who", "whom"} for c in anc.children))  # ("who took office": a person's)
    return False


def nearest_date(tok: Token, sent: Span, dates: list[TimeExpr], planned: bool = False) -> TimeExpr | None:
    """The date expression of the trigger's sentence closest to the trigger (for a planned
    engagement, not the day it was announced)."""
    para = _paragraph(tok)
    lo = max(sent.start_char, tok.doc[para[0]].idx)
    hi = min(sent.end_char, tok.doc[para[1] - 1].idx + len(tok.doc[para[1] - 1].text))
    inside = [d for d in dates if lo <= d.start < hi and d.value
              and not (planned and (reported_on(tok.doc, d) or other_clause(tok, d)))
              and not _since(tok, d) and not in_other_relative_clause(tok, d)]
    before = doc_text(tok.doc)[sent.start_char:tok.idx]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        # "“They held talks on matters of mutual interest,” the statement said on Monday": the day
        # of the saying, not of the talks quoted
        inside = [d for d in inside if not reported_on(tok.doc, d)]
    if not planned and len({d.value for d in inside}) > 1:
        # "the ministry this morning issued a press release on the conversation ... on Jan. 20":
        # the day of the telling gives way to the day of the engagement
        inside = [d for d in inside if not reported_on(tok.doc, d)] or inside
    return min(inside, key=lambda d: abs(d.start - tok.idx)) if inside else None


_UNTIL = re.compile(r"\b(?:through|until|till|to)\s+$", re.IGNORECASE)
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "2": 2, "3": 3, "4": 4, "5": 5,
         "6": 6, "7": 7}


def _first_day(last: str | None, tok: Token) -> str | None:
    """The first day of an engagement told by its last ("a four-day visit through Friday"); with
    no length given, not determinable."""
    day = parse_iso(last) if last and len(last) == 10 else None
    before = tok.sent.text[max(0, tok.idx - tok.sent.start_char - 30):tok.idx - tok.sent.start_char]
    m = re.search(r"\b(\w+)-day\s+(?:[\w-]+\s+)?$", before)
    length = _DAYS.get(m.group(1).lower()) if m else None
    if day is None or length is None:
        return None
    return (day - timedelta(days=length - 1)).isoformat()


def forward(expr: TimeExpr, anchor: date | None) -> str | None:
    """A date said of a planned engagement points ahead: "will travel on Wednesday", "to host
    him on May 29" in a report of May 22 are the coming ones, not last year's."""
    if expr.kind not in {"weekday", "absolute", "month"} or anchor is None:
        return expr.value
    again = find_dates(expr.text, anchor, backwards=False)
    return again[0].value if again and again[0].value else expr.value


# A named venue: "at State House, Nairobi", "at the Amiri Diwan", "at the Apurva Kempinski Hotel,
# Bali", "at Parliament Buildings, Stormont", "at the Office of the President- Shital Niwas".
_VENUE_NOUNS = (r"House|Palace|Diwan|Hotel|Buildings?|Hall|Residence|Kremlin|Niwas|Bhavan|Castle|Villa|"
                r"Mansion|Cent(?:er|re)|Secretariat|Lodge|Chancellery|Office|Élysée|Elysée|Elysee")
_VENUE = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w'’.-]*\s+){0,4}(?:" + _VENUE_NOUNS + r")"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2})?)\b"
    r"(?:\s*(?:,|-|–)\s*(?P<after>(?!(?:President|Prime|Minister|His|Her|The)\b)[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2}))?")
# "proceeded to Kamuzu Palace for bilateral talks": the venue the talks were held at
_VENUE_FOR = re.compile(
    r"\bto\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w'’.-]*\s+){0,4}(?:" + _VENUE_NOUNS + r"))\s+for\s+"
    r"(?:\w+\s+){0,2}(?:talks|meetings?|discussions|consultations)\b")
# "in the capital, Hanoi", "in the Russian city of Kazan", "in the capital city of Nairobi"
_CITY_OF = re.compile(r"\b(?:capital|city)(?:\s+city)?(?:\s+of|,)\s+$")


def venue_in(text: str, kb: Knowledge) -> str | None:
    """The venue a sentence names, with the city named after it when there is one (the city is
    the place; a venue alone is where an analyst would say the meeting was)."""
    for m in _VENUE.finditer(text):
        venue, after = m.group("venue"), m.group("after")
        if venue.split()[0] in {"Prime", "President", "Minister", "Foreign", "His", "Her"}:
            continue  # "at the Prime Minister's Office": an office-holder's title, not a venue
        if after and (after in kb.places or after in kb.country_nouns):
            return after if after in kb.places else venue
        return f"{venue}, {after}" if after else venue
    held = _VENUE_FOR.search(text)
    return held.group("venue") if held else None


def city_in(text: str, kb: Knowledge, country: str | None = None) -> str | None:
    """A city named where something took place ("in Kazan", "at Cairo", "in the capital, Hanoi",
    "in the Russian city of Kazan"), in ``country`` when one is given."""
    for m in kb.place_re.finditer(text):
        name = m.group(0)
        if name not in kb.places or (country and kb.places[name] != country):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before) or _CITY_OF.search(before):
            return name
    return None


def sharper_place(location: str | None, texts: list[str], kb: Knowledge) -> str | None:
    """A meeting placed only in a country (the visit's destination, "in Russia" in a headline)
    or nowhere: the city of that country or the venue the texts name it at ("talks in Cairo",
    "received ... at the Amiri Diwan"), else the place it had."""
    country = kb.country_nouns.get(location) if location else None
    if location is not None and country is None:
        return location  # already a city or venue
    for text in texts:
        city = city_in(text, kb, country) if country else None
        venue = venue_in(text, kb)
        if city:
            return city
        if venue and (country is None or kb.places.get(venue, country) == country):
            return venue
    return location


_REFERENCE_NOUNS = {"CALL": r"(?:phone |telephone |video )?(?:call|conversation|talks)",
                    "MEET": r"(?:meeting|talks|summit|discussions?)"}


def day_of_reference(kind: str, text: str, dates: list[TimeExpr], published: date | None) -> TimeExpr | None:
    """The day a later sentence gives the engagement it refers back to: "The talks, which took
    place on Monday evening, covered ...", "During the call on Sunday, ... were discussed"."""
    noun = _REFERENCE_NOUNS.get(kind)
    if noun is None:
        return None
    refers = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir)\s+(?:[\w-]+\s+)?" + noun +
                        r"(?:,?\s+(?:which|that)\s+(?:took place|was held|were held|happened|lasted[^,.;]{0,30}))?"
                        r"\s*,?\s*(?:on|last|earlier on)?\s*$")
    for d in dates:
        if d.value and len(d.value) == 10 and d.kind in {"weekday", "absolute", "relative"} \
                and not (published and d.value > published.isoformat()) \
                and refers.search(text[max(0, d.start - 70):d.start]):
            return d
    return None


_AFTER_ANOTHER = re.compile(r"\b(?:days|weeks|months|a day|a week|a month)\s+(?:after|before)\b[^.;]*$")


def after_another(text: str, expr: TimeExpr, trigger: int) -> bool:
    """A date of another occasion the engagement is measured from: "The meeting comes days after
    the senator held separate talks with the opposition leader last Sunday"."""
    lo = max(0, expr.start - 120)
    m = _AFTER_ANOTHER.search(text[lo:expr.start])
    return m is not None and not (lo + m.start() <= trigger < expr.start)

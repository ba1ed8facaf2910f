"""Where a text names people: the spans a name may start and end at, before any of them is
resolved to a person (see :mod:`parley.extract.people`).

Three sources are merged because each misses what the others find: spaCy's PERSON entities (which
cut "Lloyd J. Austin" after the initial and call epithets names), the office-holder registry's names
and aliases, and "Title Name" / "Honorific Name" runs ("Foreign Minister Wang", "Sheikh Tamim").
Outlets named like people ("state broadcaster Al Ekhbariya") are dropped here.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from parley.extract.knowledge import Knowledge, fold
from parley.names import ascii_spelling

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏ"
_LOWER = "a-zß-öø-ÿĀ-ɏ'’"
_NAME_TOKEN = (rf"(?:[A-Z]\.[{_UPPER}][{_LOWER}]{{2,}}"  # "U.Khurelsukh": a Mongolian initial glued on
               rf"|[{_UPPER}]['’][{_UPPER}][{_LOWER}]+"  # "D’Aguilar", "O'Brien"
               rf"|[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]{{2,}})?"  # "MaryKay", "McConnell"
               rf"(?:-[A-Za-z{_UPPER}][{_LOWER}]*)*|[A-Z]{{2,}}|[A-Z]\.)")
# Mongolian style: the father's initial glued to the given name ("D.Gankhuyag", "Kh.Battulga"); not
# an abbreviated style ("Dr.Ali", "Mr.Smith")
_GLUED_INITIAL = re.compile(r"(?<![\w.])(?!(?:Mr|Ms|Dr|St|Jr|Sr)\.)[A-Z][a-z]?\.[A-Z][a-z]{2,}\b(?![.\-]\w)")
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}")

_LED_BY = re.compile(r"\b(?:led|headed|chaired) by (?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
                     r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b(?! [A-Z])")
# A peer's name: rank, surname and territorial designation ("Lord Collins of Highbury", "Baroness
# Chapman of Darlington"), the way UK ministers in the Lords are named
_PEER = re.compile(r"\b(?:Lord|Baroness|Baron|Viscount(?:ess)?|Earl|Countess) (?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                   r" of [A-Z][a-z]+(?: [A-Z][a-z]+)?\b")
_REGIONAL_POST = re.compile(r"\bSecretary (?:East|West|North|South) (?=[A-Z][a-z])")
_MEDIA = r"(?:broadcaster|television|TV|channel|newspaper|news agency|agency|radio|outlet|daily|network|" \
         r"website|magazine|tabloid|wire service)"
_MEDIA_BEFORE = re.compile(rf"\b{_MEDIA}\s+$", re.IGNORECASE)
_MEDIA_AFTER = re.compile(rf"\s+{_MEDIA}\b", re.IGNORECASE)
# "Azimio La Umoja Coalition leader Raila Odinga": the words before a body's head noun name the body
_BODY_AFTER = re.compile(r"\s+(?:Coalition|Party|Alliance|Movement|Front|Union|Congress|Foundation|Federation|"
                         r"Association|Corporation|Company|Bank|Fund|Institute|University)\b")

# "with Le Yucheng, China's ...": two or three name words after "with"/"met"/"and", then a comma
_APPOSED = re.compile(rf"(?:\b(?:with|met|meets|received|receives|hosted|hosts|and|by)\s+|^[ \t]*|(?<=\. )"
                      r"|(?<=[:–—] )|(?<=-- )|(?<=, ))"  # (or a dateline's colon or dash: "May 26 (KCNA) -- X, ...")
                      rf"(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,2}}),\s+", re.MULTILINE)
# weekdays and months, which end a name ("William Ruto Friday August"; not "May": Theresa May);
# the candidate filters below, which judge whole runs, count "May" as well
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                            "february", "march", "april", "june", "july", "august", "september", "october",
                            "november", "december"})
_CALENDAR = CALENDAR_WORDS | {"may"}

_NAME_TAIL = re.compile(rf"(?:[ \t]+(?:bin|bint|ibn|al|el|de|da|van|von|der|"
                        rf"(?:al|el|Al|El)-{_NAME_TOKEN}|{_NAME_TOKEN}))+")  # ("bin Hamad al-Khalifa")

_LINK = re.compile(r" (?:of|in|to) (?:the )?")
_MINISTRY = re.compile(r"(?:Ministry (?:of|for) )?(?:Foreign|External) (?:Affairs|Ministry)(?: and [A-Z][\w-]+)*")
_OF_PATTERNS: dict[int, re.Pattern[str]] = {}
_PORTFOLIOS: dict[int, re.Pattern[str]] = {}
# Last words of a class of people or states the tagger takes for a name ("the Member and Observer States")
_COLLECTIVE_ENDS = {"States", "Countries", "Nations", "Members", "Parties", "Affairs", "Forces", "Ministers"}
# Words a title-cased headline glues onto a name ("... ISHIBA Shigeru Regarding His Summit ...")
_HEADLINE_LINKS = {"regarding", "on", "with", "about", "for", "to", "at", "in", "after", "before", "during"}


def _portfolio(kb: Knowledge) -> re.Pattern[str]:
    """"Minister of Industry and Trade ": an office and its portfolio (titles.json's portfolio
    words), up to where a name may begin; built once per knowledge base."""
    if id(kb) not in _PORTFOLIOS:
        words = "|".join(sorted(kb.portfolio_words))
        _PORTFOLIOS[id(kb)] = re.compile(rf"\b(?:Minister|Secretary|Ministers)\s+(?:of|for)\s+(?:the\s+)?"
                                         r"(?:State\s+for\s+)?"  # ("Minister of State for External Affairs X")
                                         rf"(?:(?:{words})(?:,?\s+(?:and|&)\s+|\s+|,\s+))+"
                                         r"(?:(?:Mr|Ms|Mrs|Dr|H\.?\s?E)\.?\s+)?(?=[A-Z])")
    return _PORTFOLIOS[id(kb)]


def _of_pattern(kb: Knowledge) -> re.Pattern[str]:
    """Capitalised titles followed by "of"/"in"/"to" (compiled once per knowledge base)."""
    if id(kb) not in _OF_PATTERNS:
        titles = "|".join(re.escape(t.title) for t in kb.titles if t.title[:1].isupper() and not t.bare_only)
        _OF_PATTERNS[id(kb)] = re.compile(rf"\b(?:{titles})(?= (?:of|in|to) )")
    return _OF_PATTERNS[id(kb)]


def _place_or_chrome(text: str, start: int, end: int, kb: Knowledge) -> bool:
    """Places and site chrome the tagger takes for people: "Kamuzu Palace", "Kompleks Seri
    Perdana", "held discussions in Kurumba Maldives" (a place in the country), "Ammon News -
    AMMONNEWS - His" (a name has no spaced dash and does not end in a possessive pronoun)."""
    span = text[start:end]
    words = span.split()
    in_a_state = words[-1] in kb.countries and text[max(0, start - 4):start] in {" in ", " at "}
    return bool(re.search(r"\s[-–—]\s|\)|--", span)) or words[-1] in _NOT_A_NAME_END \
        or words[0] in _NOT_A_NAME_START or in_a_state \
        or re.fullmatch(r"[IVX]+", span) is not None \
        or any(w in _CAPS_LINKS for w in words)  # ("(Jiji Press)--Japanese", "Minister of Foreign Affairs II",
    # "PM RETURNS FROM VISIT TO VENEZUELA": a headline in capitals, whose linking words no name has)


_GLUED = re.compile(r"(?<=[A-Z])[a-z]{4,}(?=[A-Z][a-z])")
_GLUED_TIME = re.compile(r"(?<=[a-z]{2})(?:yesterday|today|tomorrow|tonight)\b")
_CAPS_LINKS = {"TO", "FROM", "OF", "THE", "AND", "IN", "ON", "WITH", "AT", "FOR", "BY", "MEETS", "VISITS", "HOLDS"}


def _name_tail(tail: str, kb: Knowledge) -> bool:
    """Whether ``tail`` is only more words of a name: no title, weekday or month among them."""
    return bool(_NAME_TAIL.fullmatch(tail)) and not any(
        w in kb.title_words or w.lower() in _CALENDAR or w in kb.countries for w in tail.split())


# "Dammu Ravi, Secretary (Economic Relations) in Ministry of External Affairs", "Han Song Ryol,
# vice-minister of Foreign Affairs of the DPRK": a post, of a ministry or a state
_POST_IN = re.compile(r"(?:[Vv]ice[- ])?(?:[Ss]ecretary|[Mm]inister|[Aa]mbassador|[Dd]irector|[Ee]nvoy)"
                      r"(?: \([\w&,.' ]+\))?(?: (?:in|at|of|to) (?:the )?[A-Z]|, (?:the )?(?:Ministry|Department) of )")
# ("Saurabh Kumar, Secretary (East), Ministry of External Affairs": the office, then its ministry)
_HOUSE_NAMES = (r"(?:National |Federal |People's )?(?:Parliament|Senate|Congress|Majlis|Duma|Assembly|"
                r"House of Representatives|House of Commons|House of Lords|Chamber of Deputies)")
_HOUSE = re.compile(_HOUSE_NAMES + r"(?= (?:of|in) )")  # "Speaker of the National Assembly of Armenia X"
_HOUSES = re.compile(" " + _HOUSE_NAMES + r"(?= [A-Z])")  # "Speaker of the US House of Representatives X"
_NICKNAMED = re.compile(r"\b[A-Z][\w.'-]+(?:[ \t]+[A-Z][\w.'-]+)?[ \t]+[“\"][A-Z][\w-]+[”\"][ \t]+(?:[A-Z]\.[ \t]+)?"
                        r"[A-Z][\w'-]{2,}(?:,?[ \t]+(?:Jr|Sr)\.?|[ \t]+I{2,3}\b)?")  # ("Ferdinand “B” Marcos Jr.")
_PLURAL_ROLES = {"Ministers", "MPs", "Senators", "Deputies", "Ambassadors", "Members", "Leaders", "Officials",
                 "Envoys", "Councillors", "Secretaries", "Representatives", "Congressmen", "Lawmakers"}
_PLURAL_TITLED = re.compile(rf"\b(?:Ministers|Presidents|Prime Ministers|Ambassadors|Secretaries|Envoys|Senators|"
                            rf"Speakers|Congressmen|Congresswomen|Generals|Representatives)[ \t]+(?={_NAME_TOKEN})")
_LIST_ON = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")  # "Senators A, B and C": the list runs on
_OPENERS = {"besides", "meanwhile", "also", "however", "later", "earlier", "additionally", "moreover",
            "furthermore", "separately", "likewise", "then", "subsequently", "thereafter", "afterwards"}
# the word a building's name starts with in the language of its country: "Kompleks Seri Perdana",
# "Wisma Putra", "Istana Nurul Iman", "Palais Bourbon", "Palacio de Nariño", "Qasr Al Watan"
_SON_OF_THE_LATE = re.compile(r"\b(?:ibni|bin|binti)\s+(?:Al-?|al-?)?[Mm]arhum(?:ah)?\b[^,;.\n]*")
_NOT_A_NAME_START = {"Kompleks", "Wisma", "Istana", "Palais", "Palacio", "Palazzo", "Schloss", "Qasr", "Bait",
                     "Beit", "Dewan", "Bangunan", "Rumah"}
_NOT_A_NAME_END = {"Palace", "House", "Hall", "Airport", "Hotel", "Centre", "Center", "Building", "Villa", "Square",
                   "Castle", "Lodge", "Street", "Avenue", "Stadium", "Embassy", "Mansion", "Residence", "His", "Her",
                   "Secretariat", "Headquarters", "Masjid", "Mosque", "Church", "Cathedral", "Temple", "Shrine",
                   # events and bodies: "31st ASEAN Summit and Related Summits", "Vanuatu Earthquake"
                   "Summit", "Summits", "Earthquake", "Cyclone", "Tsunami", "Conference", "Forum", "Ministers",
                   "Officials", "Tribunal", "Ministry", "Commission", "Committee", "Agency", "Restaurant", "Resort",
                   "Community", "Council", "Parliament", "Assembly", "Abroad", "Francophonie",
                   # outlets: "..., Garowe Online reports"
                   "Online", "News", "Times", "Tribune", "Herald", "Gazette", "Radio", "TV", "Television"}

_OFFICE_TAILS = {"Mission", "Staff", "Protocol", "Cabinet", "Defence", "Defense", "Parliament", "Government"}
_COMPASS = {"North", "South", "East", "West", "Central", "Middle", "Northern", "Southern", "Eastern", "Western"}
_PATTERNS: dict[int, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(kb: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """"Title Name", "Honorific Name" and "Title of Portfolio, Full Name," patterns, compiled once
    per knowledge base."""
    if id(kb) not in _PATTERNS:
        honorifics = "|".join(map(re.escape, kb.honorifics))
        titles = "|".join(re.escape(t.title) for t in kb.titles if t.title[:1].isupper() and not t.bare_only)
        _PATTERNS[id(kb)] = (
            re.compile(rf"\b(?:{titles})(?:-elect)?[ \t]+(?:(?:{honorifics})[ \t]+){{0,2}}(?={_NAME_TOKEN})"),
            # ("H.E. Amb (Eng) Mahboub Maalim": styles one after another)
            re.compile(rf"\b(?:{honorifics})(?:\s+(?:{honorifics})){{0,2}}\s+({_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*)"),
            # "Senegal's Minister of Agriculture, Mabouba Diagne, at": a full name set off by commas
            re.compile(rf"\b(?:{titles})(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:and\s+)?[A-Z][\w&'’-]*)"
                       rf"{{0,4}}){{0,3}},[ \t]+(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,3}})"
                       r"(?=[,.;)]|\s+(?:at|on|in|who|and|said|says|told|noted|stressed|added)\b)"),
        )
    return _PATTERNS[id(kb)]


_LIST_ITEM = re.compile(rf"(?:(?<=: )|(?<=, )|(?<=\band ))(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,5}}) of ")


def _listed_of_states(text: str, kb: Knowledge) -> list[tuple[int, int, str]]:
    """"Also presenting credentials were: Rafiu Adejare Bello of Nigeria, Sara Meymand of New
    Zealand, Abida Islam of Bangladesh": in a list of three or more names each followed by its
    state, every item is a name, whether or not the tagger knows it."""
    items = []
    for m in _LIST_ITEM.finditer(text):
        there = kb.country_re.match(text, m.end()) or kb.country_re.match(text, m.end() + 4)
        words = m.group("name").split()
        if there is None or not re.match(r",|\s+and\b|\.", text[there.end():there.end() + 5]) or any(
                w in kb.title_words or w in kb.countries or w in kb.places or w.lower() in _CALENDAR for w in words):
            continue
        items.append((m.start("name"), m.end("name"), "listed-of-state"))
    return items if len(items) >= 3 else []


def name_candidates(doc: Doc, kb: Knowledge, text: str | None = None) -> list[tuple[int, int, str]]:
    """Spans that name a person: spaCy PERSON entities, registry names, and "Title Name" runs
    (``text`` is ``doc.text`` when the caller has it: spaCy rebuilds it on every access)."""
    text = doc.text if text is None else text
    found: list[tuple[int, int, str]] = []
    address = -1  # where the last place's name ends (a token index)
    for ent in doc.ents:
        prep = doc[ent.start - 1] if ent.start else None
        if ent.label_ in {"FAC", "GPE", "LOC"} and prep is not None and prep.lower_ in {"at", "in"} \
                and prep.head.pos_ == "VERB" and not prep.is_sent_start:
            address = ent.end  # (not a sentence's opening "At the White House, X said", nor an
            # office's post: "Consul General in Peshawar, Shante Moore")
        if ent.label_ == "PERSON":
            if ent.start == address + 1 and doc[address].text == "," and (
                    ent.end == len(doc) or doc[ent.end].text in {",", "."}):
                address = ent.end
                continue  # "held at the Diplomatic Centre, La Fantasie, St Anns": an address runs on
            if ent[0].lower_ in {"the", "a", "an"} and any(t.lower_ == "of" for t in ent):
                continue  # an epithet, not a name: "the Founder of Peace", "the Custodian of ..."
            if ent[-1].text in _COLLECTIVE_ENDS:
                continue  # "the Member and Observer States": a class of states, not a person
            start = ent.start_char
            if len(ent) > 1 and (ent[0].tag_ == "VBG" or ent[0].lower_ in _OPENERS) and ent[0].is_sent_start:
                start = ent[1].idx  # "Welcoming Matvienko, the President said", "Besides Shringla met": a verb
                # or a linking adverb, then the name
            if len(ent) > 1 and ent[0].text == "Lady" and ent.start > 0 and doc[ent.start - 1].text == "First":
                start = ent[1].idx  # "First Lady Melania": a title, then the name
            plural = [t.i for t in ent[:-1] if t.text in _PLURAL_ROLES]  # "Ministers Ian Gorst", "Labour MPs X"
            if ent[0].text in _COMPASS and len(ent) > 1 and ent.start > 0 and doc[ent.start - 1].text in kb.title_words:
                start = ent[1].idx  # "MEA Secretary East Saurabh Kumar": the post's region, then the name
            if ent[0].text in _OFFICE_TAILS and len(ent) > 2 and ent.start > 0 and doc[ent.start - 1].lower_ == "of":
                start = ent[1].idx  # "Deputy Chief of Mission Andrew Shofer": the office's last word, then the name
            if plural and plural[-1] + 1 < ent.end:
                start = max(start, ent.doc[plural[-1] + 1].idx)
            if re.match(r"[A-Z]\.\s", ent.text) and ent.start > 0:
                given = doc[ent.start - 1]  # "Lloyd J. Austin": the tagger cut the given name off
                if given.text[:1].isupper() and given.text.isalpha() and given.text not in kb.title_words \
                        and given.ent_type_ not in {"GPE", "ORG", "NORP"}:
                    start = given.idx  # (not "Secretary of Defense of the United States L. Austin")
            end = ent.end_char
            there = kb.country_re.match(text, start)
            if there and text[there.end():there.end() + 1] == " " and len(text[there.end():end].split()) >= 2:
                start = there.end() + 1  # "Prime Minister of Denmark Mette Frederiksen": the state, then the name
            if len(ent) > 3 and ent[-2].lower_ == "of" and ent[-1].text in kb.countries:
                end = ent[-3].idx + len(ent[-3].text)  # "Viktor Example of Belarus": the name, then its state
            if (len(ent) > 2 or ent[-1].is_lower) and len(ent) > 1 and ent[-1].lower_ in _HEADLINE_LINKS:
                end = ent[-2].idx + len(ent[-2].text)  # "ISHIBA Shigeru Regarding His ...": a headline word
                # ("calls on Prime Minister Dahal at Singha Durbar": the tagger's name runs into "at")
            found.append((start, end, "ner"))
    for m in kb.person_re.finditer(text):
        found.append((m.start(), m.end(), "registry"))
    for m in _GLUED_INITIAL.finditer(text):  # "State Secretary ... of Mongolia D.Gankhuyag"
        found.append((m.start(), m.end(), "initial+name"))
    for m in _NICKNAMED.finditer(text):  # "Senate President Francis “Chiz” Escudero": one name, a nickname inside
        first = m.group(0).split()[0]
        start = m.start() + len(first) + 1 if first in kb.title_words else m.start()  # (not "President")
        found.append((start, m.end(), "nicknamed"))
    title_re, honorific_re, comma_re = _patterns(kb)
    for m in title_re.finditer(text):
        run = _NAME_RUN.match(text, m.end())
        if run and not kb.title_index.get(run.group(0).lower()) and \
                not kb.countries.get(run.group(0)) and not kb.orgs.get(run.group(0)):
            found.append((run.start(), run.end(), "title+name"))
    for m in _PLURAL_TITLED.finditer(text):  # "Defense Ministers Sergey Shoigu of Russia and Viktor Khrenin"
        at = m.end()
        while (run := _NAME_RUN.match(text, at)) and not any(
                w in kb.title_words or w in kb.countries or w in kb.places or w.lower() in _CALENDAR
                for w in run.group(0).split()) and not kb.orgs.get(run.group(0)):
            found.append((run.start(), run.end(), "title+name"))
            if not (more := _LIST_ON.match(text, run.end())) or len(run.group(0).split()) < 2:
                break  # "US Senators Tammy A and Daniel B": each named in the list is one of them
            at = more.end()
    for m in _of_pattern(kb).finditer(text):
        # "Ambassador of Uzbekistan Batyr Tursunov", "Charge d'Affaires of the Republic of
        # Uzbekistan in China Batyr Tursunov": the office, whose state, then the name
        at, links = m.end(), 0
        while links < 3 and (link := _LINK.match(text, at)) is not None:
            there = kb.country_re.match(text, link.end()) or kb.org_re.match(text, link.end()) \
                or kb.place_re.match(text, link.end())
            if there is None and (ministry := _MINISTRY.match(text, link.end()) or _HOUSE.match(text, link.end())):
                at = ministry.end()  # "Deputy Minister of Foreign Affairs of the Russian Federation X",
                continue  # "Speaker of the National Assembly of Armenia X": the body, then its state
            if there is None:
                break
            at, links = there.end(), links + 1
        if links and (house := _HOUSES.match(text, at)):
            at = house.end()  # "Deputy Speaker of Iranian Parliament Ali Nikzad": the house, then the name
        run = _NAME_RUN.match(text, at + 1) if links and text[at:at + 1] == " " else None
        if run and not any(w in kb.title_words or w in kb.countries or w.lower() in _CALENDAR
                           for w in run.group(0).split()):
            found.append((run.start(), run.end(), "title-of-state+name"))
    for m in _portfolio(kb).finditer(text):
        # "Minister of Industry and Trade Tran Tuan Anh": the name after a portfolio of words no
        # name holds, which the tagger leaves unnamed when the name is not an English one
        run = _NAME_RUN.match(text, m.end())
        if run and len(run.group(0).split()) >= 2 and not any(
                w in kb.portfolio_words or w in kb.title_words or w in kb.countries or w in kb.places
                or w.lower() in _CALENDAR for w in run.group(0).split()):
            found.append((run.start(), run.end(), "portfolio+name"))
    for m in honorific_re.finditer(text):
        if m.group(1).split()[0] in kb.title_words or text.startswith(" of ", m.end(1)) \
                or m.group(1) in kb.name_suffixes:
            continue  # "HE Head of the Office of the President": a style before an office, not a name;
            # "the Hon MP, Minister for Agriculture": a style and a post-nominal, the name left out
        found.append((m.start(1), m.end(1), "honorific+name"))
    for m in comma_re.finditer(text):
        name = m.group("name")
        if re.match(r",?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,\s", text[m.end("name"):m.end("name") + 60]):
            continue  # "Minister of Public Service, Government Efficiency, and Implementation, X": the portfolio
        if not any(w in kb.title_words or w in kb.countries or w in kb.places or w.lower() in _CALENDAR
                   or w in _COMPASS for w in name.split()) and not kb.orgs.get(name):
            found.append((m.start("name"), m.end("name"), "title-comma+name"))  # ("Minister for South
            # Asia, North Africa, the United Nations": a portfolio's list goes on, no name)
    for m in _LED_BY.finditer(text):
        name = m.group("name")
        if not any(w in kb.title_words or w in kb.countries or w in kb.places for w in name.split()) \
                and not kb.orgs.get(name):
            found.append((m.start("name"), m.end("name"), "led-by+name"))  # "a delegation headed by Delphine Pronk"
    for m in _REGIONAL_POST.finditer(text):  # "MEA Secretary East Saurabh Kumar" (the tagger: "East Saurabh")
        if run := _NAME_RUN.match(text, m.end()):
            found.append((run.start(), run.end(), "regional-post+name"))
    found.extend((m.start(), m.end(), "peer") for m in _PEER.finditer(text)
                 if m.group("surname") not in kb.title_words and not kb.places.get(m.group("surname")))
    found.extend(_listed_of_states(text, kb))
    look, _roles = title_lookahead(kb)
    for m in _APPOSED.finditer(text):
        # "met with Le Yucheng, China's Vice Minister of Foreign Affairs": a name the tagger took
        # for a building is a person when an office stands in apposition after it
        words = m.group("name").split()
        after = text[m.end():m.end() + 80]
        lead = re.match(r"(?:the |his |her |(?:[A-Z][\w-]+)(?:['’]s)? )?", after)
        office = look.match(after)  # "Permanent Representative ...", else after a word ("China's Vice Minister")
        if office is not None and office.group(1) and re.match(
                r"\s+(?!of\b|and\b|to\b|in\b|at\b|for\b)[A-Z]", after[len(office.group(1)):]):
            office = None  # "In Capri, Minister Joly will ...": a title before its own name, no apposition
        if (office is None or not office.group(1)) and lead is not None:
            office = look.match(after, lead.end())
        if (office is None or not office.group(1)) and not _POST_IN.match(after):
            continue
        if any(w in kb.title_words or w in kb.countries or w in kb.places or w in kb.orgs or w.lower() in _CALENDAR
               for w in words) or kb.orgs.get(m.group("name")):
            continue
        found.append((m.start("name"), m.end("name"), "name+apposed-title"))
    found = [f for f in found if not _place_or_chrome(text, f[0], f[1], kb)]
    # "Sultan X ibni Al-Marhum Sultan Y, Sultan of Brunei": the late father is part of the style
    late = [(m.start(), m.end()) for m in _SON_OF_THE_LATE.finditer(text)]
    found = [f for f in found if not any(s < f[0] < e for s, e in late)]
    # Outlets named like people ("state broadcaster Al Ekhbariya", "Al Arabiya television").
    found = [f for f in found if not _MEDIA_BEFORE.search(text[max(0, f[0] - 30):f[0]])
             and not _MEDIA_AFTER.match(text[f[1]:f[1] + 30]) and not _BODY_AFTER.match(text[f[1]:f[1] + 30])]
    # Longest spans first; drop spans inside a longer one. Of two rules finding one span, an
    # initial glued to a surname says why it is a name ("N.Enkhtaivan"), whatever the tagger says.
    found.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2] != "initial+name"))
    kept: list[tuple[int, int, str]] = []
    for s in found:
        if kept and s[0] < kept[-1][1]:
            if s[1] > kept[-1][1] and (s[2] != "ner" or _name_tail(text[kept[-1][1]:s[1]], kb)):
                # a tagged name runs on past a registry alias only by name words ("Sultan
                # Haitham" + "bin Tarik"), never by a weekday or a headline verb
                kept[-1] = (kept[-1][0], s[1], s[2])
            continue
        kept.append(s)
    # "Frank-Walter SteinmeierDefence Minister": a name glued to the next word by a lost space (a
    # capital after five lower-case letters; "McCully", "MacKenzie", "DeSantis" keep theirs)
    # "Winston Petersyesterday afternoon": a time word glued on the same way
    kept = [(a, glued.end() if (glued := _GLUED.search(text, a, b)) else b, r) for a, b, r in kept]
    return [(a, glued.start() if (glued := _GLUED_TIME.search(text, a, b)) else b, r) for a, b, r in kept]


_TITLE_LOOKAHEAD: dict[int, tuple[re.Pattern[str], dict[str, str | None]]] = {}


def title_lookahead(kb: Knowledge) -> tuple[re.Pattern[str], dict[str, str | None]]:
    """``(?=\\b(title...)\\b)`` over the knowledge base's titles, longest first, built once."""
    if id(kb) not in _TITLE_LOOKAHEAD:
        roles: dict[str, str | None] = {}
        for t in kb.titles:
            if not t.bare_only:
                roles.setdefault(t.title, t.role)
        body = "|".join(re.escape(t) for t in sorted(roles, key=len, reverse=True))
        _TITLE_LOOKAHEAD[id(kb)] = (re.compile(rf"(?=\b({body})\b)"), roles)
    return _TITLE_LOOKAHEAD[id(kb)]


_ASCII: dict[int, dict[str, str]] = {}


def ascii_index(kb: Knowledge) -> dict[str, str]:
    """Registry names by their ASCII spelling ("jonas gahr stoere"), built once per registry."""
    index = _ASCII.get(id(kb))
    if index is None:
        index = _ASCII[id(kb)] = {ascii_spelling(n): n for n in set(kb.person_aliases.values())
                                  if ascii_spelling(n) != fold(n)}
    return index

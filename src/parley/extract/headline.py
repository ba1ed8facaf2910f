"""What a headline and a dateline say: the engagement type a readout's title announces, the
place and day of a dateline ("BEIJING, Oct. 18 (Xinhua) --", "MOSCOW, May 31. /TASS/."), and the
visit a headline names when the body tells none.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from parley.dates import find_dates
from parley.extract.events import Found
from parley.extract.knowledge import Knowledge, sentences
from parley.extract.mentions import Cast

_HEAD_CALL = re.compile(r"\b(?:call|calls|called|phone|telephone|telephonic|spoke|speaks|speak|"
                        r"conversation|virtual meeting|video (?:conference|call|meeting|talks?)|videoconference)\b",
                        re.IGNORECASE)
# ("News Conference With President X", "joint press conference": two leaders before the press)
_HEAD_MEET = re.compile(r"\b(?:meets?|meeting|met|talks|summit|hosts?|hosted|receives?|received"
                        r"|(?:press|news) conference with|joint (?:press|news) conference)\b", re.IGNORECASE)
_HEAD_VISIT = re.compile(r"\b(?:visit|arriv(?:es|ed|ing)\b|lands? in\b)", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*(?:\((?:MENAFN|[A-Z][A-Za-z]{1,15}|[A-Z][A-Za-z ]{1,30}(?:\s*/\s*[A-Z][A-Za-z ]{1,30})+)"  # "(MENAFN) --",
    r"(?:\s*-\s*[A-Za-z0-9 .,]{1,30})?\)\s*(?:--|—|–|-)?\s*)?"  # "(Site / Relay / WAM - 14th Aug, 2020)"
    # "Thursday, February 14, Vilnius –": the day first
    r"(?:(?P<lead>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul"
    r"|Aug|Sep|Oct|Nov|Dec)[a-z]*)(?:,?\s+\d{4})?),\s+(?=[A-Z][A-Za-z.'\- ]{1,30}?\s+(?:--|—|–)))?"
    r"(?P<place>[A-Z][A-Za-z.'\- ]{1,30}?)(?:/[A-Z][A-Za-z.'\- ]{1,30}?)?"  # "TOKYO/SEOUL"
    r"(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    r"(?P<region>[A-Z][A-Za-z.'\- ]{1,25}?)(?=\s*[,(/]|\s+(?:--|—|–)))?"  # "LIVERPOOL, England (Jiji Press) —"
    r"(?:\s*\[[A-Za-z .]{1,30}\])?"  # "New Delhi [India], March 3 (ANI):"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?))?"
    r"(?:\s*\.?\s*(?:\([A-Za-z .\-]{1,30}\)|/[A-Za-z-]{2,12}/"  # "(Xinhua) --", "(PPI-OT):", "/TASS/."
    r"|\((?:[A-Za-z .]{1,30}/)*[A-Za-z .]{1,30}\s+-\s+(?P<stamp>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8},?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\))"  # "MOSCOW (Site News / Sputnik - 14th April, 2021)"
    r"\s*[.:]?\s*(?:--|—|–|-)?"
    r"|\s*(?:--|—|–)|\s*[-:]\s"
    r"|(?<=\d)\.?\s+(?=[A-Z][a-z])"  # "Islamabad, Sep 12 Pakistan will ..." (no separator)
    r"|(?<=\d)(?=[ \t]*\n))"  # "Doha, May 11" on a line of its own
)


def headline_type(title: str | None) -> str | None:
    """The engagement type a readout headline announces."""
    if not title:
        return None
    if re.search(r"\bcourtesy call|\b(?:calls|called|calling) on\b", title, re.IGNORECASE):
        return "MEET"
    if _HEAD_CALL.search(title):
        return "CALL"
    if re.search(r"\binvit(?:es|ed|ing|ation)\b", title, re.IGNORECASE):
        return None  # "X Invites Y to Austria for Peace Talks": an offer, not the engagement told
    if _HEAD_MEET.search(title):
        return "MEET"
    if _HEAD_VISIT.search(title):
        return "VISIT"
    return None


# A place alone on the first line ("New York\n\n17 September 2023\n\n..."), or after the day
# ("January 20, 2022 - Paris, France - Global Affairs Canada"): where an official readout was issued.
_PLACE_LINE = re.compile(r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s+[-–—]\s+)?"
                         r"(?P<place>[A-Z][A-Za-z.'\- ]{1,30}?)(?:,\s*[A-Z][A-Za-z.' ]{1,25}?)?"
                         r"(?:\s*\n|\s+[-–—]\s)")


def place_line(text: str, kb: Knowledge) -> str | None:
    """The place of an official readout's heading line, when it is a known city."""
    m = _PLACE_LINE.match(text[:120])
    place = m.group("place").strip() if m else None
    return place if place and place in kb.places else None


def dateline_end(text: str) -> tuple[int, re.Match[str]] | None:
    """Where the dateline is and where it ends: at the start, or after a short standfirst
    ("He will hold talks with ...\n\nULAANBAATAR, July 5. /TASS/. Russian Foreign Minister ...")."""
    m = _DATELINE.match(text[:120])
    if m:
        return 0, m
    cut = text.find("\n\n")
    if 0 < cut < 400:
        start = cut + 2
        m = _DATELINE.match(text[start:start + 120])
        if m and (m.group("date") or m.group("lead")):
            return start, m
    return None


def dateline(text: str, kb: Knowledge, anchor: date | None) -> tuple[str | None, str | None]:
    """Place and date of a dateline such as ``BEIJING, Oct. 18 (Xinhua) --``."""
    at = dateline_end(text)
    if at is None:
        return place_line(text, kb), None
    m = at[1]
    raw = m.group("place").strip()
    place = next((p for p in (raw, raw.title()) if p in kb.places or p in kb.country_nouns), None)
    if place is None and (m.group("region") or "").strip() in kb.country_nouns and raw.isupper():
        place = raw.title()  # "LIVERPOOL, England (Jiji Press) —": a city the registry lacks, placed by its country
    if place is None:
        return place_line(text, kb), None
    day = None
    told = m.group("date") or m.group("stamp") or m.group("lead")
    if told:
        found = [d for d in find_dates(told, anchor) if d.value and len(d.value) == 10]
        day = found[0].value if found else None
    return place, day


_HEAD_VISIT_PLACE = re.compile(r"\bvisit(?:s|ing|ed)?\s+(?:to\s+)?(?:the\s+)?", re.IGNORECASE)


def _headline_visits(title: str | None, head_people: list[str], head_cast: Cast, kb: Knowledge,
                     found: list[Found], body: Doc, anchor: date | None = None) -> list[Found]:
    """"... on visit to China": a visit by the headline's person, when the body has none ("X to
    visit Australia in November 2016": one still ahead, in the month the headline names)."""
    if not title or len(head_people) != 1:
        return []
    m = _HEAD_VISIT_PLACE.search(title)
    if not m:
        return []
    place = kb.place_re.match(title, m.end())
    if place is None:
        return []
    person = head_people[0]
    if any(e.type == "VISIT" and person in e.people for e in found):
        return []
    visit = Found("VISIT", [person], 0, 0, 0, location=place.group(0),
                  rules={"type": "headline", "participants": "headline", "location": "headline"})
    ahead = re.search(r"\b(?:to|will|due to|set to)\s+$", title[:m.start()], re.IGNORECASE) is not None
    visit.modality = "planned" if ahead else visit.modality
    when = [d for d in find_dates(title[place.end():], anchor, backwards=not ahead) if d.value]
    if when:
        visit.date = when[0].value
        visit.rules["date"] = "headline"
    first = next(iter(sentences(body)), None)
    if first is not None:
        visit.spans.append((first.start_char, first.end_char, "headline"))
    return [visit]


def aside_in_headline(head: Doc, head_cast: Cast) -> set[str]:
    """People a headline names only beside its engagement: the agent of a participle ("the initiative
    announced by Berri could begin a path ... during his meeting with Mikati"), who is no side of it."""
    aside: set[str] = set()
    for m in head_cast.mentions:
        span = head.char_span(m.start, m.end, alignment_mode="expand")
        above = list(span.root.ancestors) if span is not None else []
        if any(a.dep_ == "agent" and a.head.tag_ == "VBN" for a in above) and not any(
                _HEAD_MEET.fullmatch(a.text) or _HEAD_CALL.fullmatch(a.text) for a in above):
            aside.add(m.person)
    return aside

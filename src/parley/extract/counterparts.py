"""Counterparts named by their states: "held phone calls with his counterparts in Turkey, Saudi
Arabia, Bahrain and Iraq", "met the foreign ministers of Egypt, Jordan and Qatar".

A minister's or leader's "counterparts" hold the same office as he does, one in each state
listed; the report names the states, not the people.  Each is the holder of that office in that
state on the document's day (the document's own person first, else the registry's), mentioned
at the state's name, so that the round of engagements splits into one per counterpart
(:mod:`parley.extract.separate`).  Two states joined by "and" before or after a plural office
("the foreign ministers of Iran and Saudi Arabia", "the Japanese and Chinese leaders") are read by
:func:`plural_offices`; lists of two or more by :func:`listed_counterparts`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parley.extract.knowledge import Knowledge
from parley.extract.people import Mention, PeopleFinder, Person

# Plural offices, each one holder per state
_ROLE_WORDS = {"foreign ministers": ("foreign_minister", "Foreign Minister"),
               "presidents": ("head_of_state", "President"),
               "prime ministers": ("head_of_government", "Prime Minister"),
               "leaders": ("leader", "Leader")}
_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}
_CUE = re.compile(r"\b(?i:counterparts|foreign ministers|presidents|prime ministers)\s+(?:in|from|of)\b"
                  r"|\band\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+counterparts\b")

Resolver = Callable[[str, str, str], "Person | None"]


def _patterns(kb: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The list pattern, the one-state pattern, the "his Vietnamese counterpart" pattern and the
    "his Tonga and Samoa counterparts" pattern, built once per registry (every state's name is in
    each)."""
    patterns = _CACHE.get(id(kb))
    if patterns is None:
        states = "|".join(re.escape(c) for c in sorted(kb.countries, key=len, reverse=True))
        one = rf"(?:the\s+)?(?:{states})"
        patterns = _CACHE[id(kb)] = (
            re.compile(rf"\b(?P<who>(?i:counterparts|foreign ministers|presidents|prime ministers))\s+(?:in|from|of)\s+"
                       rf"(?P<list>{one}(?:\s*,\s*{one})*,?\s+and\s+{one})\b"),
            re.compile(rf"\b(?:{states})\b"),
            re.compile(rf"\b(?:his|her)\s+(?P<state>{states})\s+counterpart\b(?!\s*,?\s*(?:[A-Z][a-z]|Mr|Ms|Dr))"),
            re.compile(rf"\b(?:his|her|their)\s+(?P<list>{one}(?:\s*,\s*{one})*,?\s+and\s+{one})\s+counterparts\b"))
    return patterns


def _hub_role(text: str, at: int, people: dict[str, Person], kb: Knowledge, on: str | None,
              mentions: list[Mention]) -> tuple[str, str] | None:
    """The office of the person whose counterparts these are: the last person named before, in
    the same sentence, as the registry knows their office on the day."""
    sentence_start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    before = [m for m in mentions if sentence_start <= m.start < at]
    if not before or not on:
        return None
    day = on if len(on) == 10 else f"{on[:7]}-15"
    for term in kb.terms_of(before[-1].person):
        if term.start <= day and (term.end is None or day < term.end) and term.country:
            return term.role, term.title or ""
    person = people.get(before[-1].person)
    spec = kb.title_index.get(person.title.lower()) if person and person.title else None
    return (spec.role, spec.title) if spec is not None and spec.role else None


def listed_counterparts(text: str, people: dict[str, Person], kb: Knowledge, on: str | None,
                        mentions: list[Mention], resolve: Resolver) -> list[Mention]:
    """One mention per state of each listed office ("counterparts in A, B, C and D"), at the
    state's name; ``resolve(role, title, state)`` finds the holder."""
    if not _CUE.search(text):
        return []
    out: list[Mention] = []
    listed, single, _, before = _patterns(kb)
    for m in [*listed.finditer(text), *before.finditer(text)]:
        who = m.groupdict().get("who", "counterparts").lower()
        role_title = _hub_role(text, m.start(), people, kb, on, mentions) if who == "counterparts" \
            else _ROLE_WORDS[who]
        if role_title is None:
            continue
        role, title = role_title
        found: list[Mention] = []
        for state_match in single.finditer(text, m.start("list"), m.end("list")):
            state = kb.countries.get(state_match.group(0))
            person = resolve(role, title, state) if state is not None else None
            if person is not None:
                found.append(Mention(state_match.start(), state_match.end(), person.name, office=True))
        if len(found) >= 2:
            out.extend(found)
    return out


def unnamed_counterpart(text: str, people: dict[str, Person], kb: Knowledge, on: str | None,
                        mentions: list[Mention], resolve: Resolver) -> list[Mention]:
    """"Hun Manet met with his Vietnamese counterpart on Monday": the holder, on the day, of the
    speaker's own office in that state (the name may come only later, or never)."""
    if "counterpart" not in text:
        return []
    out: list[Mention] = []
    for m in _patterns(kb)[2].finditer(text):
        state = kb.countries.get(m.group("state"))
        role_title = _hub_role(text, m.start(), people, kb, on, mentions)
        if state is None or role_title is None:
            continue
        person = resolve(role_title[0], role_title[1], state)
        if person is not None:
            out.append(Mention(m.start(), m.end(), person.name, office=True))
    return out


def resolver(finder: PeopleFinder, kb: Knowledge, on: str | None, publisher_country: str | None,
             resolve_office: Callable[..., Person | None]) -> Resolver:
    """The office resolution of :mod:`parley.extract.mentions` bound to one document."""
    def resolve(role: str, title: str, state: str) -> Person | None:
        return resolve_office(finder, kb, role, title or role, state, None, on, publisher_country)
    return resolve


_PLURAL_CACHE: dict[int, re.Pattern[str]] = {}
_PLURAL_WORD = re.compile(r"\b(?i:ministers|presidents|leaders)\b")


def _plural_regex(kb: Knowledge) -> re.Pattern[str]:
    states = "|".join(re.escape(c) for c in sorted(kb.countries, key=len, reverse=True))
    roles = "|".join(_ROLE_WORDS)
    return re.compile(
        rf"\b(?:(?P<role1>(?i:{roles}))\s+of\s+(?:the\s+)?(?:[A-Za-z]+\s+){{0,3}}(?P<a1>{states})"
        rf"(?P<more>(?:\s*,\s*(?:the\s+)?(?:{states})){{0,6}}),?\s+(?:and|&)\s+(?:the\s+)?(?P<b1>{states})\b"
        rf"|(?P<a2>{states})\s+and\s+(?P<b2>{states})\s+(?P<role2>(?i:{roles}))\b)")


def plural_offices(text: str, finder: PeopleFinder, kb: Knowledge, on: str | None, taken: list[Mention],
                   resolve: Resolver) -> list[Mention]:
    """"The foreign ministers of Iran and Saudi Arabia have met": the holder of that office in
    each state, the document's own person first, else the registry's on the document's date."""
    if not _PLURAL_WORD.search(text):
        return []  # the common case, found without the long pattern of every state's name
    pattern = _PLURAL_CACHE.get(id(kb))
    if pattern is None:
        pattern = _PLURAL_CACHE[id(kb)] = _plural_regex(kb)
    out: list[Mention] = []
    for m in pattern.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in taken) or (m.group("a2") and not re.search(
                r"(?:\bthe\s+|^\s*|[.!?]\s+)$", text[max(0, m.start() - 60):m.start()])):
            continue  # (not "together with Polish and Ukrainian leaders": some of each, not the one of each)
        role_word = (m.group("role1") or m.group("role2")).lower()
        states = [kb.countries.get(m.group(g) or "") for g in (("a1", "b1") if m.group("a1") else ("a2", "b2"))]
        if m.group("more"):  # "the leaders of the United States, Germany, France and Italy": each one's
            states[1:1] = [kb.countries.get(c.group(0)) for c in kb.country_re.finditer(m.group("more"))]
        if None in states or len(set(states)) < len(states):
            continue
        role, title = _ROLE_WORDS[role_word]
        holders: list[str] = []
        for state in states:
            assert state is not None
            own = [p for p in finder.people.values() if p.country == state and p.title]
            person: Person | None
            if role == "leader" and len(own) == 1:
                person = own[0]  # "met the leaders of X and Y. ... X's President, A, ...": the one named
            elif role == "leader":
                name = kb.leader(state, on)
                person = finder.add(name, state, None, None, True, "office-registry", (0, 0)) if name else None
            else:
                person = resolve(role, title, state)
            if person is None:
                own = [p for p in finder.people.values() if p.country == state]
                person = own[0] if len(own) == 1 else None  # the one person of that state named
            if person is None:
                break
            holders.append(person.name)
        if len(holders) == len(states):
            out.extend(Mention(m.start(), m.end(), name, office=True) for name in holders)
    return out

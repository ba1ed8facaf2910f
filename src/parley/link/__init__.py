"""Link: group the reports of one engagement across documents and sources.

Two documents report the same engagement when their primary events have the same type and the same
people (name-token match, so "Blinken" is "Antony Blinken") and their dates are within a day of
each other (time zones put a Tokyo call and a London readout on different days), or when they name
the same place and share a participant on the same day.  A report whose date is unknown joins an
engagement only when exactly one candidate fits, so an undated readout is never forced into the
wrong meeting of two people who meet often.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from parley.compare.sides import document_side as side_of  # one rule for link and compare
from parley.dates import parse_iso
from parley.extract.knowledge import Knowledge, fold
from parley.model import Actor, Engagement, Event, Extraction, Report

ENGAGEMENT_TYPES = {"MEET", "CALL", "VISIT"}


def person_tokens(actor: Actor) -> frozenset[str]:
    return frozenset(fold(actor.name).replace("-", " ").replace(".", " ").split())


def same_person(a: Actor, b: Actor) -> bool:
    ta, tb = person_tokens(a), person_tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def shared_people(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> int:
    used: set[int] = set()
    hits = 0
    for x in a:
        for i, y in enumerate(b):
            if i not in used and same_person(x, y):
                used.add(i)
                hits += 1
                break
    return hits


@dataclass
class _Group:
    type: str
    members: list[tuple[Extraction, Event]] = field(default_factory=list)

    @property
    def people(self) -> tuple[Actor, ...]:
        out: list[Actor] = []
        for _x, ev in self.members:
            for p in ev.participants:
                if not any(same_person(p, q) and (p.country == q.country or not p.country or not q.country)
                           for q in out):
                    out.append(p)
        return tuple(out)

    @property
    def days(self) -> list[date]:
        return [d for _x, ev in self.members if (d := parse_iso(ev.date)) is not None]

    @property
    def places(self) -> set[str]:
        return {fold(ev.location) for _x, ev in self.members if ev.location}


def _same_people(group: _Group, event: Event) -> bool:
    mine = event.participants
    theirs = group.people
    need = min(len(mine), len(theirs))
    if event.type == "VISIT":
        return need >= 1 and shared_people(mine, theirs) >= 1
    return need >= 2 and shared_people(mine, theirs) >= need


def _close(group: _Group, event: Event) -> bool | None:
    """True/False when both are dated; None when the event's date is unknown."""
    day = parse_iso(event.date)
    if day is None:
        if event.date and len(event.date) == 7:  # a month
            return any(d.strftime("%Y-%m") == event.date for d in group.days) or None
        return None
    if not group.days:
        return None
    return any(abs((day - d).days) <= 1 for d in group.days)


def primary_of(extraction: Extraction) -> Event | None:
    return next((e for e in extraction.events if e.primary and e.type in ENGAGEMENT_TYPES), None)


def link(extractions: Iterable[Extraction], kb: Knowledge) -> list[Engagement]:
    """Group the primary events of the documents into engagements (singletons included)."""
    items = [(x, ev) for x in extractions if (ev := primary_of(x)) is not None]
    items.sort(key=lambda xe: (xe[1].date is None, xe[1].date or "", xe[0].document.id))
    groups: list[_Group] = []
    undated: list[tuple[Extraction, Event]] = []
    for x, ev in items:
        if parse_iso(ev.date) is None and not (ev.date and len(ev.date) == 7):
            undated.append((x, ev))
            continue
        match = None
        for g in groups:
            if g.type != ev.type:
                continue
            close = _close(g, ev)
            people = _same_people(g, ev)
            place = bool(ev.location) and fold(ev.location or "") in g.places
            if close and (people or (place and shared_people(ev.participants, g.people) >= 1)):
                match = g
                break
        if match is None:
            match = _Group(ev.type)
            groups.append(match)
        match.members.append((x, ev))
    for x, ev in undated:
        candidates = [g for g in groups if g.type == ev.type and _same_people(g, ev)]
        if len(candidates) == 1:
            candidates[0].members.append((x, ev))
        else:
            groups.append(_Group(ev.type, [(x, ev)]))
    engagements: list[Engagement] = []
    used: set[str] = set()
    for g in groups:
        e = _engagement(g, kb)
        if e.id in used:  # two undated calls of the same pair: tell them apart by their first report
            e = replace(e, id=hashlib.sha1(f"{e.id}|{e.reports[0].document.id}".encode()).hexdigest()[:16])
        used.add(e.id)
        engagements.append(e)
    return engagements


def _engagement(group: _Group, kb: Knowledge) -> Engagement:
    reports = tuple(Report(x.document, ev.id, side_of(x.document, kb)) for x, ev in group.members)
    days = Counter(ev.date for _x, ev in group.members if ev.date and len(ev.date) == 10)
    official = [ev for (x, ev), r in zip(group.members, reports, strict=True) if r.side]
    day = days.most_common(1)[0][0] if days else next((ev.date for _x, ev in group.members if ev.date), None)
    location = next((ev.location for ev in official if ev.location), None) or next(
        (ev.location for _x, ev in group.members if ev.location), None)
    people = tuple(Actor(p.name, p.country) for p in group.people)
    keys = "|".join(sorted(f"{fold(p.name)}@{p.country}" for p in people))
    ident = hashlib.sha1(f"{group.type}|{day}|{keys}".encode()).hexdigest()[:16]
    return Engagement(ident, group.type, day, people, reports, location)

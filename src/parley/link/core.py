"""The linking rules as pure functions over :class:`Item`, shared by the in-memory and the stored linker.

Engagements are defined so that they do not depend on the order in which reports arrive:

* two *dated* reports (a full ``YYYY-MM-DD`` date) of the same type are linked when their dates are
  within a day of each other (time zones put a Tokyo call and a London readout on different days)
  and they name the same people, or the same place and a shared participant; the dated engagements
  are the connected components of that relation;
* a report whose day is unknown (no date, or only a month) joins the one dated engagement of its
  type whose people it names (in its month, when it has one), and stays alone when several fit, so
  an undated readout is never forced into the wrong meeting of two people who meet often; when
  none fits, such reports of the same people (and month) published within a few days of each
  other form an engagement of their own.

Because components and unique candidates are properties of the set of reports, linking k new
reports only has to look at the reports that share a name token with them on nearby days (the
stored linker finds those through an index) and gives the same engagements as a full re-link.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Day
from datetime import timedelta
from functools import lru_cache

from parley.dates import parse_iso
from parley.extract.knowledge import fold
from parley.model import Actor

ENGAGEMENT_TYPES = frozenset({"MEET", "CALL", "VISIT"})


@dataclass(frozen=True, slots=True)
class Item:
    """One document's primary event as the linker sees it; ``key`` is the stored event id."""

    key: str
    doc_id: str
    type: str
    date: str | None
    location: str | None
    people: tuple[Actor, ...]
    side: str | None = None
    published: str | None = None  # the document's publication date

    @property
    def day(self) -> Day | None:
        """The full date, or None for undated and month-only reports."""
        return parse_iso(self.date) if self.date and len(self.date) == 10 else None

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and len(self.date) >= 7 else None


@dataclass(frozen=True, slots=True)
class Group:
    """The reports of one engagement, in canonical order, with what is stored about it."""

    id: str
    base: str  # the id before two engagements with the same people and day were told apart
    type: str
    date: str | None
    location: str | None
    people: tuple[Actor, ...]
    members: tuple[Item, ...]


@lru_cache(maxsize=1 << 16)
def person_tokens(actor: Actor) -> frozenset[str]:
    """The folded name tokens of a person (cached: the linker asks for the same people often)."""
    return frozenset(fold(actor.name).replace("-", " ").replace(".", " ").split())


def item_tokens(item: Item) -> frozenset[str]:
    """The name tokens under which an item is indexed: two reports of the same person share one."""
    return frozenset(t for p in item.people for t in person_tokens(p))


def pair_keys(kind: str, people: Iterable[Actor]) -> frozenset[tuple[str, str]]:
    """The keys under which a report or an engagement is found by the reports without a day.

    Two reports of a meeting or a call share at least two people, so they share a pair of name
    tokens of two different people (``(t1, t2)``, ``t1 <= t2``) whichever way round one name holds
    the other (``Blinken`` in ``Antony Blinken``); a visit needs one person, so its keys are single
    tokens (``(t, "")``).  An index on these keys answers "which engagements of this pair" with an
    index range of that pair, not of everything either person ever did.
    """
    tokens = [person_tokens(p) for p in people]
    if kind == "VISIT":
        return frozenset((t, "") for ts in tokens for t in ts)
    out: set[tuple[str, str]] = set()
    for i, first in enumerate(tokens):
        for second in tokens[i + 1:]:
            out.update((a, b) if a <= b else (b, a) for a in first for b in second)
    return frozenset(out)


def same_person(a: Actor, b: Actor) -> bool:
    ta, tb = person_tokens(a), person_tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def shared_people(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> int:
    """How many people of ``a`` are matched one-to-one in ``b`` (the shorter list goes first, so
    the count does not depend on which side is asked)."""
    if (len(b), [p.name for p in b]) < (len(a), [p.name for p in a]):
        a, b = b, a
    used: set[int] = set()
    hits = 0
    for x in a:
        for i, y in enumerate(b):
            if i not in used and same_person(x, y):
                used.add(i)
                hits += 1
                break
    return hits


def people_match(kind: str, mine: tuple[Actor, ...], theirs: tuple[Actor, ...]) -> bool:
    """Same people: every person of the shorter list (at least two; one for a visit) in the other."""
    need = min(len(mine), len(theirs))
    if kind == "VISIT":
        return need >= 1 and shared_people(mine, theirs) >= 1
    return need >= 2 and shared_people(mine, theirs) >= need


def need(kind: str) -> int:
    """How many people two reports of this type must share at least."""
    return 1 if kind == "VISIT" else 2


def named(people: tuple[Actor, ...], tokens: set[str]) -> int:
    """How many of these people have a name token among ``tokens``: a cheap upper bound on how many
    of them :func:`shared_people` can match, so index hits can be ruled out before loading them."""
    return sum(1 for p in people if person_tokens(p) & tokens)


def matches(a: Item, b: Item) -> bool:
    """Two dated reports of one engagement (symmetric)."""
    if a.type != b.type or a.day is None or b.day is None or abs((a.day - b.day).days) > 1:
        return False
    if people_match(a.type, a.people, b.people):
        return True
    same_place = bool(a.location and b.location) and fold(a.location or "") == fold(b.location or "")
    return same_place and shared_people(a.people, b.people) >= 1


def window(day: Day) -> list[str]:
    """The dates a dated report can be linked across."""
    return [(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)]


def order(items: Iterable[Item]) -> tuple[Item, ...]:
    return tuple(sorted(items, key=lambda i: (i.date is None, i.date or "", i.doc_id, i.key)))


def merge_people(items: Iterable[Item]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for item in order(items):
        for p in item.people:
            if not any(same_person(p, q) and (p.country == q.country or not p.country or not q.country)
                       for q in out):
                out.append(p)
    return tuple(out)


def components(dated: Iterable[Item]) -> list[tuple[Item, ...]]:
    """The dated engagements: connected components of :func:`matches`, found through blocking on
    (type, name token, day) so the work grows with the number of near neighbours, not N²."""
    items = order(dated)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str, str], list[int]] = {}
    for n, item in enumerate(items):
        assert item.day is not None
        for token in item_tokens(item):
            blocks.setdefault((item.type, token, item.day.isoformat()), []).append(n)
    for n, item in enumerate(items):
        assert item.day is not None
        for token in item_tokens(item):
            for day in window(item.day):
                for m in blocks.get((item.type, token, day), ()):
                    if m > n and find(m) != find(n) and matches(item, items[m]):
                        parent[find(m)] = find(n)
    groups: dict[int, list[Item]] = {}
    for n, item in enumerate(items):
        groups.setdefault(find(n), []).append(item)
    return [tuple(g) for g in groups.values()]


def candidates(item: Item, dated_groups: Iterable[tuple[Item, ...]]) -> list[tuple[Item, ...]]:
    """The dated engagements (at most two: one is all that matters) an undated or month-only report
    names the people of, in its month when it has one."""
    found: list[tuple[Item, ...]] = []
    for members in dated_groups:
        if members[0].type != item.type:
            continue
        if len(item.date or "") == 7 and not any(m.month == item.month for m in members):
            continue
        if people_match(item.type, item.people, merge_people(members)):
            found.append(members)
            if len(found) > 1:
                break
    return found


LOOSE_DAYS = 3


def loose_match(a: Item, b: Item) -> bool:
    """Two reports without a day that no dated engagement claims: the same people (and month), in
    documents published within a few days of each other (without that bound, every undated report
    of two people who meet for years would pile into one engagement)."""
    months = len(a.date or "") == 7 and len(b.date or "") == 7
    pa, pb = parse_iso(a.published), parse_iso(b.published)
    return (a.type == b.type and (not months or a.date == b.date) and pa is not None and pb is not None
            and abs((pa - pb).days) <= LOOSE_DAYS and people_match(a.type, a.people, b.people))


def published_window(item: Item) -> list[str]:
    """The publication dates a report without a day can be grouped across."""
    day = parse_iso(item.published)
    if day is None:
        return []
    return [(day + timedelta(days=d)).isoformat() for d in range(-LOOSE_DAYS, LOOSE_DAYS + 1)]


def loose_components(items: Iterable[Item]) -> list[tuple[Item, ...]]:
    """Reports without a day and without a dated engagement, grouped by :func:`loose_match`."""
    ordered = order(items)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str], list[int]] = {}
    for n, item in enumerate(ordered):
        for token in item_tokens(item):
            blocks.setdefault((item.type, token), []).append(n)
    for n, item in enumerate(ordered):
        for token in item_tokens(item):
            for m in blocks.get((item.type, token), ()):
                if m > n and find(m) != find(n) and loose_match(item, ordered[m]):
                    parent[find(m)] = find(n)
    groups: dict[int, list[Item]] = {}
    for n, item in enumerate(ordered):
        groups.setdefault(find(n), []).append(item)
    return [tuple(g) for g in groups.values()]


def base_id(kind: str, day: str | None, people: tuple[Actor, ...]) -> str:
    keys = "|".join(sorted(f"{fold(p.name)}@{p.country}" for p in people))
    return hashlib.sha1(f"{kind}|{day}|{keys}".encode()).hexdigest()[:16]


def group_of(members: Iterable[Item]) -> Group:
    """An engagement from its reports: the most reported day, an official report's place, the union
    of the people; the id is derived from type, day and people (see :func:`assign_ids`)."""
    ordered = order(members)
    days = Counter(m.date for m in ordered if m.date and len(m.date) == 10)
    day = days.most_common(1)[0][0] if days else next((m.date for m in ordered if m.date), None)
    location = next((m.location for m in ordered if m.side and m.location), None) or next(
        (m.location for m in ordered if m.location), None)
    people = merge_people(ordered)
    base = base_id(ordered[0].type, day, people)
    return Group(base, base, ordered[0].type, day, location,
                 tuple(Actor(p.name, p.country) for p in people), ordered)


def first_doc(group: Group) -> str:
    return min(m.doc_id for m in group.members)


def disambiguated(base: str, doc_id: str) -> str:
    return hashlib.sha1(f"{base}|{doc_id}".encode()).hexdigest()[:16]


def final_id(base: str, doc_id: str, rivals: Iterable[str]) -> str:
    """Engagements with the same base id (two undated calls of one pair that stay apart): the one
    whose first document sorts first keeps the base id, the others are told apart by theirs."""
    return base if all(doc_id <= other for other in rivals) else disambiguated(base, doc_id)

"""Link: group the reports of one engagement across documents and sources.

The rules live in :mod:`parley.link.core` (pure functions, independent of the order in which
reports arrive); :func:`link` applies them to extractions in memory (``parley link PATH...``), and
:mod:`parley.link.incremental` applies them to a store, looking only at the stored reports an index
names as candidates, so that ingesting k documents costs O(k log N) rather than O(N).
"""

from __future__ import annotations

from collections.abc import Iterable

from parley.compare.sides import document_side as side_of  # one rule for link and compare
from parley.extract.knowledge import Knowledge
from parley.link.core import (
    ENGAGEMENT_TYPES,
    Group,
    Item,
    candidates,
    components,
    final_id,
    first_doc,
    group_of,
    item_tokens,
    loose_components,
    person_tokens,
    same_person,
    shared_people,
)
from parley.model import Document, Engagement, Event, Extraction, Report

__all__ = ["ENGAGEMENT_TYPES", "Group", "Item", "engagement_of", "group_of", "item_of", "link", "partition",
           "person_tokens", "primary_of", "same_person", "shared_people", "side_of"]


def primary_of(extraction: Extraction) -> Event | None:
    return next((e for e in extraction.events if e.primary and e.type in ENGAGEMENT_TYPES), None)


def item_of(document: Document, event: Event, kb: Knowledge) -> Item:
    return Item(f"{document.id}:{event.id}", document.id, event.type, event.date, event.location,
                event.participants, side_of(document, kb), document.published)


def partition(items: Iterable[Item]) -> list[Group]:
    """All engagements of these reports, with their final ids."""
    every = list(items)
    dated = components(i for i in every if i.day is not None)
    by_token: dict[tuple[str, str], list[int]] = {}
    for n, members in enumerate(dated):
        for token in {t for m in members for t in item_tokens(m)}:
            by_token.setdefault((members[0].type, token), []).append(n)
    joined: dict[int, list[Item]] = {n: list(members) for n, members in enumerate(dated)}
    index = {id(members): n for n, members in enumerate(dated)}
    alone: list[list[Item]] = []
    unclaimed: list[Item] = []
    for item in every:
        if item.day is not None:
            continue
        near = sorted({n for t in item_tokens(item) for n in by_token.get((item.type, t), ())})
        found = candidates(item, [dated[n] for n in near])
        if len(found) == 1:
            joined[index[id(found[0])]].append(item)
        elif found:
            alone.append([item])
        else:
            unclaimed.append(item)
    alone.extend(list(c) for c in loose_components(unclaimed))
    return with_ids([group_of(m) for m in [*joined.values(), *alone]])


def with_ids(groups: list[Group]) -> list[Group]:
    """Give each group its final id (see :func:`parley.link.core.final_id`)."""
    firsts: dict[str, list[str]] = {}
    for g in groups:
        firsts.setdefault(g.base, []).append(first_doc(g))
    out = []
    for g in groups:
        mine = first_doc(g)
        out.append(Group(final_id(g.base, mine, [d for d in firsts[g.base] if d != mine]), g.base, g.type,
                         g.date, g.location, g.people, g.members))
    return out


def engagement_of(group: Group, documents: dict[str, Document]) -> Engagement:
    reports = tuple(Report(documents[m.doc_id], m.key[len(m.doc_id) + 1:], m.side) for m in group.members)
    return Engagement(group.id, group.type, group.date, group.people, reports, group.location)


def link(extractions: Iterable[Extraction], kb: Knowledge) -> list[Engagement]:
    """Group the primary events of the documents into engagements (singletons included)."""
    documents: dict[str, Document] = {}
    items: list[Item] = []
    for x in extractions:
        event = primary_of(x)
        if event is not None:
            documents[x.document.id] = x.document
            items.append(item_of(x.document, event, kb))
    groups = sorted(partition(items), key=lambda g: (g.date is None, g.date or "", g.id))
    return [engagement_of(g, documents) for g in groups]

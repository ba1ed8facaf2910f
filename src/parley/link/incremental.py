"""Linking into a store: each new report is compared only with the candidates an index names.

For each batch of unlinked documents (inside the caller's write transaction, so documents and
their links commit together):

1. a new dated report is compared with the stored dated reports of its type that share a name
   token with it on a day within the window; the engagements of those it matches, plus the new
   reports, are regrouped with :func:`parley.link.core.components` (they are whole components, so
   nothing outside them can change);
2. the reports without a day whose candidates may have changed (the new ones, those attached to
   a regrouped engagement, and those naming its people), closed over :func:`loose_match`, are
   assigned again: the one dated engagement that fits, alone when several fit, or grouped with
   each other when none does.  A report claimed by two dated engagements is *settled* (its
   state is stored): it is read again only when one of those two is regrouped, so a pair's
   settled history is never listed;
3. only the engagements touched are deleted and written again; every other engagement keeps its id.

The result is the same as :func:`parley.link.partition` over every stored report (the property
test checks it over arrival orders and batch splits); ``parley link --rebuild`` recomputes it all.
"""

from __future__ import annotations

from collections import deque
from functools import cache, lru_cache

from parley.extract.knowledge import Knowledge
from parley.link.core import (
    ENGAGEMENT_TYPES,
    Group,
    Item,
    candidates,
    components,
    disambiguated,
    first_doc,
    group_of,
    item_tokens,
    loose_components,
    loose_match,
    matches,
    merge_people,
    named,
    need,
    pair_keys,
    published_window,
    window,
)
from parley.model import Document
from parley.store import claims as claim_state
from parley.store import linking as store
from parley.store.db import Database
from parley.store.pairs import NameIndex

BATCH = 500


def link_pending(db: Database, kb: Knowledge, batch: int = BATCH) -> int:
    """Link every stored document not linked yet (a crashed or concurrent run's leftovers too)."""
    done = 0
    while ids := store.unlinked_documents(db, batch):
        link_documents(db, kb, ids)
        done += len(ids)
    return done


def rebuild(db: Database, kb: Knowledge) -> int:
    """Forget every engagement and link all stored documents again."""
    store.reset_links(db)
    return link_pending(db, kb)


def side_function(kb: Knowledge) -> store.SideOf:
    from parley.compare.sides import document_side

    @cache
    def side(publisher: str | None, url: str | None) -> str | None:
        return document_side(Document("", "", "", publisher=publisher, url=url), kb)

    return side


class _Run:
    """The state of linking one batch: items read so far and their stored engagements."""

    def __init__(self, db: Database, kb: Knowledge) -> None:
        self.db = db
        self.side = side_function(kb)
        self.items: dict[str, Item] = {}
        self.engaged: dict[str, str | None] = {}
        self.names = NameIndex(db)

    def fetch(self, hits: dict[str, str | None]) -> list[Item]:
        missing = [k for k in hits if k not in self.items]
        self.items.update(store.load_items(self.db, missing, self.side))
        self.engaged.update(hits)
        return [self.items[k] for k in hits if k in self.items]

    def members(self, engagement_ids: set[str]) -> dict[str, list[Item]]:
        found = store.members(self.db, engagement_ids)
        for eng, keys in found.items():
            self.fetch(dict.fromkeys(keys, eng))
        return {eng: [self.items[k] for k in keys] for eng, keys in found.items()}


def link_documents(db: Database, kb: Knowledge, doc_ids: list[str]) -> None:
    """Link these stored documents' primary events into the stored engagements."""
    run = _Run(db, kb)
    new = run.fetch(dict.fromkeys(store.primary_keys(db, doc_ids, ENGAGEMENT_TYPES)))
    store.add_keys(db, new)

    # 1. Dated reports: the components they touch.
    region: set[str] = set()
    for item in new:
        if item.day is not None:
            hits = store.dated_near(db, item.type, sorted(item_tokens(item)), window(item.day))
            region.update(eng for other in run.fetch(hits) if (eng := hits[other.key]) and matches(item, other))
    old = run.members(region)
    dated = {i.key: i for i in new if i.day is not None}
    dated.update((i.key, i) for ms in old.values() for i in ms if i.day is not None)
    comps = components(dated.values())

    # 2. Reports without a day whose candidates may have changed: the new ones, those attached to a
    #    regrouped engagement, and those naming enough people of a regrouped engagement (told from
    #    the index hits before anything is loaded); then those loosely grouped with any of them.
    loose = {i.key: i for i in new if i.day is None}
    loose.update((i.key, i) for ms in old.values() for i in ms if i.day is None)
    #    A report found so that stands alone (its engagement is itself) and names the people of two
    #    or more dated engagements after this batch too stays alone whatever else changes: it is
    #    left as it is (the many undated reports of a pair that meets often cost one judgement).
    #    Only open reports are listed by pair key: a settled one (two claiming engagements named in
    #    claim_reps) can change only when one of those two is regrouped, and is then found by its
    #    representative dated report among the regrouped engagements' old reports.
    outside: dict[str, tuple[Item, ...]] = {}
    claimed: dict[tuple[object, ...], list[tuple[str, str]]] = {}  # by what claims depend on
    judged: dict[str, list[tuple[str, str]]] = {}  # the claims of each report without a day judged here
    regrouped = [*comps, *([i for i in ms if i.day is not None] for ms in old.values())]
    was_dated = [i.key for ms in old.values() for i in ms if i.day is not None]
    hits = claim_state.claimed_by(db, store.event_nums(db, was_dated).values())
    for group in regrouped:
        if group:
            keys = pair_keys(group[0].type, merge_people(group))
            hits.update(store.undated_open(db, group[0].type, keys, {i.month for i in group if i.month}))
    listed = run.fetch({k: e for k, e in hits.items() if k not in loose})
    single = store.single_report(db, {e for i in listed if (e := run.engaged.get(i.key))})
    for i in listed:
        if run.engaged.get(i.key) not in single:
            loose[i.key] = i
        else:
            judged[i.key] = _claims(run, i, comps, region, outside, claimed)
            if len(judged[i.key]) < 2:
                loose[i.key] = i
    seeds = set(loose)
    in_loose_groups = _add_loose_groups(run, loose)

    joiners: dict[tuple[str, str], list[Item]] = {}
    claims: dict[str, int] = {}
    alone: list[list[Item]] = []
    queue = deque(loose.values())
    while queue:
        u = queue.popleft()
        if u.key in claims:
            continue
        # unclaimed before, and no regrouped engagement names its people: unclaimed still
        quiet = u.key not in seeds and u.key in in_loose_groups
        found = [] if quiet else _claims(run, u, comps, region, outside, claimed)
        claims[u.key] = len(found)
        judged[u.key] = found
        if len(found) == 1:
            joiners.setdefault(found[0], []).append(u)
        elif found:
            alone.append([u])
        else:  # unclaimed: its loose partners (and their groups) are regrouped with it
            hit = _by_event(store.undated_named(db, u.type, sorted(item_tokens(u)), published_window(u)))
            near = {k: e for k, (e, toks) in hit.items() if k not in loose and named(u.people, toks) >= need(u.type)}
            added = {}
            for other in run.fetch(near):
                if loose_match(u, other):
                    added[other.key] = other
            loose.update(added)
            in_loose_groups.update(_add_loose_groups(run, loose))
            queue.extend(i for i in loose.values() if i.key not in claims)
    unclaimed = [u for u in loose.values() if claims.get(u.key) == 0]

    # 3. The engagements touched, written again.
    touched = {eng for kind, eng in joiners if kind == "e"}
    touched.update(eng for u in loose if (eng := run.engaged.get(u)))
    final: list[list[Item]] = [[*c, *joiners.get(("c", str(n)), [])] for n, c in enumerate(comps)]
    outside_members = run.members(touched - region)
    for eng, ms in outside_members.items():
        keep = [i for i in ms if i.key not in loose and i.key not in dated]
        if keep or ("e", eng) in joiners:
            final.append([*keep, *joiners.get(("e", eng), [])])
    final.extend(alone)
    final.extend(list(c) for c in loose_components(unclaimed))
    groups = [group_of(ms) for ms in final if ms]
    # An engagement regrouped into exactly the reports it had is left as it is.
    before = {frozenset(i.key for i in ms): eng for eng, ms in [*old.items(), *outside_members.items()]}
    bases = store.bases(db, list(before.values()))
    unchanged = {before[k] for g in groups if (k := frozenset(m.key for m in g.members)) in before
                 and bases.get(before[k]) == g.base}
    store.delete_engagements(db, (region | touched) - unchanged)
    _write(db, [g for g in groups if before.get(frozenset(m.key for m in g.members)) not in unchanged])
    _record_claims(db, judged, comps, outside)
    store.mark_linked(db, doc_ids)


def _record_claims(db: Database, judged: dict[str, list[tuple[str, str]]], comps: list[tuple[Item, ...]],
                   outside: dict[str, tuple[Item, ...]]) -> None:
    """Store the claim state of the reports without a day judged in this batch: settled with two
    claiming engagements, each named by its smallest dated report's number, or open."""
    def reports_of(claim: tuple[str, str]) -> tuple[Item, ...]:
        kind, ref = claim
        return comps[int(ref)] if kind == "c" else outside[ref]

    wanted = set(judged)
    wanted.update(i.key for found in judged.values() if len(found) >= 2 for c in found[:2] for i in reports_of(c))
    nums = store.event_nums(db, wanted)
    states: dict[int, tuple[int, ...]] = {}
    for key, found in judged.items():
        reps = tuple(min(nums[i.key] for i in reports_of(c)) for c in found[:2]) if len(found) >= 2 else ()
        states[nums[key]] = reps
    claim_state.set_claims(db, states)


def _by_event(hits: list[store.Hit]) -> dict[str, tuple[str | None, set[str]]]:
    """Index hits by event: its engagement and the tokens it was found under."""
    out: dict[str, tuple[str | None, set[str]]] = {}
    for h in hits:
        out.setdefault(h.event_id, (h.engagement_id, set()))[1].add(h.token)
    return out


def _add_loose_groups(run: _Run, loose: dict[str, Item]) -> set[str]:
    """Engagements of reports without a day only (loose groups) are regrouped as a whole; the keys
    of their members (unclaimed by any dated engagement until now)."""
    olds = {eng for k in loose if (eng := run.engaged.get(k))}
    grouped: set[str] = set()
    for ms in run.members(olds).values():
        if len(ms) > 1 and all(i.day is None for i in ms):
            loose.update((i.key, i) for i in ms)
            grouped.update(i.key for i in ms)
    return grouped


def _claims(run: _Run, u: Item, comps: list[tuple[Item, ...]], region: set[str],
            outside: dict[str, tuple[Item, ...]], claimed: dict[tuple[object, ...], list[tuple[str, str]]]
            ) -> list[tuple[str, str]]:
    """The dated engagements (at most two) an undated report names the people of: the regrouped
    ones from memory; stored ones found under the pair keys of its people (an index probe per key,
    a small page at a time), loaded one by one while it matters: two that match are all it takes.

    Claims depend only on the type, the month (for a month-only report) and the names of the
    people, so the many reports without a day of one pair that a batch may revisit are judged once.
    """
    month = u.date if len(u.date or "") == 7 else None
    signature = (u.type, month, tuple(p.name for p in u.people))  # all that candidates() reads of u
    if signature in claimed:
        return claimed[signature]
    found: list[tuple[str, str]] = []
    keys = pair_keys(u.type, u.people)
    for n, members in enumerate(comps):
        if members[0].type == u.type and keys & _comp_keys(members) and candidates(u, [members]):
            found.append(("c", str(n)))
            if len(found) == 2:
                claimed[signature] = found
                return found
    for eng in store.engagements_keyed(run.db, u.type, run.names.pairs(u.type, u.people), month):
        if eng in region:
            continue  # regrouped: judged above
        if eng not in outside:
            outside[eng] = tuple(i for i in run.members({eng}).get(eng, []) if i.day is not None)
        if outside[eng] and candidates(u, [outside[eng]]):
            found.append(("e", eng))
            if len(found) == 2:
                break
    claimed[signature] = found
    return found


@lru_cache(maxsize=4096)
def _comp_keys(members: tuple[Item, ...]) -> frozenset[tuple[str, str]]:
    """The pair keys of a regrouped engagement's people: a report sharing none cannot name them."""
    return pair_keys(members[0].type, merge_people(members))


def _write(db: Database, groups: list[Group]) -> None:
    """Insert the groups with their final ids, renaming a stored rival whose id has to change."""
    by_base: dict[str, list[Group]] = {}
    for g in groups:
        by_base.setdefault(g.base, []).append(g)
    for base, mine in by_base.items():
        # the engagement whose first document sorts first holds the base id, the others are told
        # apart by theirs (link.core.final_id): only the stored holder and the stored lowest can change
        stored = store.rivals(db, base)
        lowest = min([first_doc(g) for g in mine] + ([stored.lowest_first] if stored.lowest_first else []))
        if stored.holder_first is not None and stored.holder_first != lowest:
            store.rename_engagement(db, base, disambiguated(base, stored.holder_first))
        if stored.lowest_id is not None and stored.lowest_first == lowest and stored.lowest_id != base:
            store.rename_engagement(db, stored.lowest_id, base)
        for g in mine:
            own = first_doc(g)
            ident = base if own == lowest else disambiguated(base, own)
            store.insert_engagement(db, Group(ident, base, g.type, g.date, g.location, g.people, g.members))

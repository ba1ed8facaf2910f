"""The tables behind incremental linking: candidate keys, engagement membership, the linked flag.

The linker (:mod:`parley.link.incremental`) decides; this module only reads and writes.  The
linker knows reports and engagements by their public ids (``<sha256>:e1``, the engagement id);
the tables refer to them by integer keys, translated here.  Every lookup goes through an index
(``link_keys`` by day, type and token; ``events`` by engagement; ``engagements`` by base id) and
every ``IN`` list is cut into chunks of at most :data:`CHUNK`, so no query grows with the size of
the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from parley.link.core import Group, Item, item_tokens, pair_keys
from parley.model import Actor
from parley.store.db import Database
from parley.store.pairs import key_engagement
from parley.store.repo import EVENT_ID, add_rows

CHUNK = 500
SMALL_CHUNK = 100  # lists of reports the linker judges or loads: about a batch, not a store
T = TypeVar("T")
SideOf = Callable[[str | None, str | None], str | None]


def chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def serialize_writers(db: Database) -> None:
    """Inside a write transaction: make concurrent writers (other processes) wait for this one.

    SQLite's ``BEGIN IMMEDIATE`` already does; PostgreSQL needs a transaction-scoped advisory lock,
    taken before the first insert so that two ingests never deadlock on each other's rows and the
    second links against everything the first committed.
    """
    if db.backend == "postgresql":
        db.query("SELECT pg_advisory_xact_lock(7011) AS locked")


def unlinked_documents(db: Database, limit: int) -> list[str]:
    rows = db.query("SELECT id FROM documents WHERE linked = 0 ORDER BY num LIMIT ?", (limit,))
    return [r["id"] for r in rows]


def mark_linked(db: Database, doc_ids: Sequence[str]) -> None:
    for part in chunks(doc_ids):
        db.execute(f"UPDATE documents SET linked = 1 WHERE id IN ({_marks(part)})", part)


def primary_keys(db: Database, doc_ids: Sequence[str], types: Iterable[str]) -> list[str]:
    """Stored ids of the documents' primary events of an engagement type."""
    kinds = set(types)
    out: list[str] = []
    for part in chunks(doc_ids):
        # by document only (the events_doc index); type and primary are told here, so no planner
        # is tempted by the type index, which holds every event of the store
        rows = db.query(f"SELECT {EVENT_ID} AS id, e.type, e.is_primary FROM documents d JOIN events e "
                        f"ON e.doc_num = d.num WHERE d.id IN ({_marks(part)})", part)
        out.extend(r["id"] for r in rows if r["is_primary"] and r["type"] in kinds)
    return sorted(out)


def _documents_of(keys: Iterable[str]) -> list[str]:
    """The document ids of public event ids (``<document id>:<local id>``)."""
    return sorted({k.rpartition(":")[0] for k in keys})


def event_nums(db: Database, keys: Iterable[str]) -> dict[str, int]:
    """The integer keys of stored events, by public id (read by their documents' ids: a few rows each)."""
    wanted = set(keys)
    out: dict[str, int] = {}
    for part in chunks(_documents_of(wanted), SMALL_CHUNK):
        for row in db.query(f"SELECT {EVENT_ID} AS id, e.num FROM documents d JOIN events e ON e.doc_num = d.num "
                            f"WHERE d.id IN ({_marks(part)})", part):
            if row["id"] in wanted:
                out[row["id"]] = row["num"]
    return out


def load_items(db: Database, keys: Iterable[str], side_of: SideOf) -> dict[str, Item]:
    """The linker's view of stored primary events, by stored event id."""
    wanted = set(keys)
    out: dict[str, Item] = {}
    for part in chunks(_documents_of(wanted), SMALL_CHUNK):
        rows = [r for r in db.query(
            f"SELECT e.num, {EVENT_ID} AS id, d.id AS doc_id, e.type, e.date, e.location, d.publisher, d.url, "
            f"d.published FROM documents d JOIN events e ON e.doc_num = d.num WHERE d.id IN ({_marks(part)})", part)
            if r["id"] in wanted]
        people: dict[int, list[Actor]] = {}
        for nums in chunks([r["num"] for r in rows], SMALL_CHUNK):
            for row in db.query(f"SELECT event_num, name, country, title, organization FROM participants "
                                f"WHERE event_num IN ({_marks(nums)}) ORDER BY event_num, position", nums):
                people.setdefault(row["event_num"], []).append(
                    Actor(row["name"], row["country"], row["title"], row["organization"]))
        for row in rows:
            out[row["id"]] = Item(row["id"], row["doc_id"], row["type"], row["date"], row["location"],
                                  tuple(people.get(row["num"], [])), side_of(row["publisher"], row["url"]),
                                  row["published"])
    return out


def add_keys(db: Database, items: Iterable[Item]) -> None:
    every = list(items)
    nums = event_nums(db, [i.key for i in every])
    links: list[tuple[Any, ...]] = []
    reports: list[tuple[Any, ...]] = []
    for item in every:
        num = nums[item.key]
        dated = 1 if item.day is not None else 0
        # dated: the event's day; otherwise the publication day (reports without a day are grouped
        # with each other only when published within a few days: see link.core.loose_match)
        day = item.date or "" if dated else (item.published or "")[:10]
        links.extend((num, item.type, token, dated, day) for token in sorted(item_tokens(item)))
        if not dated:
            month = item.month or ""
            reports.extend((item.type, t1, t2, month, num) for t1, t2 in sorted(pair_keys(item.type, item.people)))
    db.execute_many("INSERT INTO link_keys (event_num, type, token, dated, day) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT DO NOTHING", links)
    db.execute_many("INSERT INTO report_keys (type, t1, t2, month, event_num) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT DO NOTHING", reports)


# a key table k's events with their public ids and engagements (k first: the index range drives)
_HITS = f"{EVENT_ID} AS event_id, g.id AS engagement_id"
_HITS_JOIN = ("JOIN events e ON e.num = k.event_num JOIN documents d ON d.num = e.doc_num "
              "LEFT JOIN engagements g ON g.num = e.engagement_num")


def dated_near(db: Database, kind: str, tokens: Sequence[str], days: Sequence[str]) -> dict[str, str | None]:
    """Dated primary events of this type naming one of the tokens on one of the days, with their
    engagement: ``{event id: engagement id}``."""
    if not tokens:
        return {}
    rows = db.query(
        f"SELECT DISTINCT {_HITS} FROM link_keys k {_HITS_JOIN} "
        f"WHERE k.dated = 1 AND k.day IN ({_marks(days)}) AND k.type = ? AND k.token IN ({_marks(tokens)})",
        [*days, kind, *tokens])
    return {r["event_id"]: r["engagement_id"] for r in rows}


@dataclass(frozen=True, slots=True)
class Hit:
    """A stored primary event found under one of the tokens asked for."""

    event_id: str
    engagement_id: str | None
    token: str



def engagements_keyed(db: Database, kind: str, keys: Iterable[tuple[str, str]], month: str | None,
                      page: int = 8) -> Iterator[str]:
    """Stored dated engagements of this type under any of these pair keys (in this month, when
    given), each once, a small page at a time: the caller stops as soon as it has what it needs
    (two that match), so the cost is an index probe per key, not the pair's whole history."""
    seen: set[str] = set()
    for t1, t2 in sorted(keys):
        after: tuple[str, int] = ("", 0)
        while True:
            if month:
                rows = db.query("SELECT k.month, k.engagement_num, g.id FROM engagement_keys k JOIN engagements g "
                                "ON g.num = k.engagement_num WHERE k.type = ? AND k.t1 = ? AND k.t2 = ? "
                                "AND k.month = ? AND k.engagement_num > ? ORDER BY k.engagement_num LIMIT ?",
                                (kind, t1, t2, month, after[1], page))
            else:
                rows = db.query("SELECT k.month, k.engagement_num, g.id FROM engagement_keys k JOIN engagements g "
                                "ON g.num = k.engagement_num WHERE k.type = ? AND k.t1 = ? AND k.t2 = ? "
                                "AND (k.month, k.engagement_num) > (?, ?) ORDER BY k.month, k.engagement_num "
                                "LIMIT ?", (kind, t1, t2, *after, page))
            for row in rows:
                if row["id"] not in seen:
                    seen.add(row["id"])
                    yield row["id"]
            if len(rows) < page:
                break
            after = (rows[-1]["month"], rows[-1]["engagement_num"])
            page = min(4 * page, CHUNK)


def undated_open(db: Database, kind: str, keys: Iterable[tuple[str, str]], months: Iterable[str]
                 ) -> dict[str, str | None]:
    """Open primary reports without a day (not settled: claimed by fewer than two dated engagements,
    or not judged yet) of this type under any of these pair keys, without any date or in one of
    these months: ``{event id: engagement id}``.  ``settled`` comes before the event in the key, so
    the index range holds the open ones only: the settled history of a pair is not read."""
    spans = sorted({"", *months})
    out: dict[str, str | None] = {}
    for t1, t2 in sorted(keys):
        rows = db.query(f"SELECT {_HITS} FROM report_keys k {_HITS_JOIN} "
                        f"WHERE k.type = ? AND k.t1 = ? AND k.t2 = ? AND k.month IN ({_marks(spans)}) "
                        f"AND k.settled = 0", [kind, t1, t2, *spans])
        out.update((r["event_id"], r["engagement_id"]) for r in rows)
    return out


def undated_named(db: Database, kind: str, tokens: Sequence[str], published: Sequence[str]) -> list[Hit]:
    """Undated and month-only primary events of this type naming one of the tokens, in documents
    published on one of the days (``link_keys`` is led by day: every lookup names its days)."""
    if not tokens or not published:
        return []
    rows = db.query(
        f"SELECT {_HITS}, k.token FROM link_keys k {_HITS_JOIN} WHERE k.dated = 0 "
        f"AND k.day IN ({_marks(published)}) AND k.type = ? AND k.token IN ({_marks(tokens)})",
        [*published, kind, *tokens])
    return [Hit(r["event_id"], r["engagement_id"], r["token"]) for r in rows]


def members(db: Database, engagement_ids: Iterable[str]) -> dict[str, list[str]]:
    """The stored event ids of each engagement."""
    out: dict[str, list[str]] = {}
    for part in chunks(sorted(set(engagement_ids))):
        for row in db.query(f"SELECT {EVENT_ID} AS id, g.id AS engagement_id FROM engagements g JOIN events e "
                            f"ON e.engagement_num = g.num JOIN documents d ON d.num = e.doc_num "
                            f"WHERE g.id IN ({_marks(part)}) ORDER BY g.id, d.id, e.local_id", part):
            out.setdefault(row["engagement_id"], []).append(row["id"])
    return out


@dataclass(frozen=True, slots=True)
class Rivals:
    """What decides the ids of engagements sharing a base id: the stored one holding the base id
    (its first document) and the stored one whose first document sorts first."""

    holder_first: str | None
    lowest_id: str | None
    lowest_first: str | None


def rivals(db: Database, base: str) -> Rivals:
    """Two index probes, however many engagements share the base id (two people who talk often
    without a date in the readouts: one per report): the holder by its id, the others through the
    partial index of engagements whose id is not their base id (few: most have no rival)."""
    held = db.query("SELECT first_doc FROM engagements WHERE id = ?", (base,))
    low = db.query("SELECT id, first_doc FROM engagements WHERE base_id = ? AND id <> base_id "
                   "ORDER BY first_doc LIMIT 1", (base,))
    holder = held[0]["first_doc"] if held else None
    found = ([(holder, base)] if holder is not None else []) + [(r["first_doc"], r["id"]) for r in low]
    lowest = min(found, key=lambda pair: pair[0]) if found else None
    return Rivals(holder, lowest[1] if lowest else None, lowest[0] if lowest else None)


def _count_dyads(db: Database, countries: list[str], step: int, engagement: tuple[int, Group] | None = None
                 ) -> None:
    """Keep the count of each pair of countries' engagements (and, for a new engagement, its row
    in the pair's dated list) up to date."""
    for i, a in enumerate(countries):
        for b in countries[i + 1:]:
            db.execute("INSERT INTO dyad_counts (a, b, n) VALUES (?, ?, ?) "
                       "ON CONFLICT (a, b) DO UPDATE SET n = dyad_counts.n + ?", (a, b, step, step))
            if engagement is not None:
                num, group = engagement
                db.execute("INSERT INTO dyad_engagements (a, b, day, engagement_num) VALUES (?, ?, ?, ?)",
                           (a, b, group.date or "", num))


def delete_engagements(db: Database, ids: Iterable[str]) -> None:
    for part in chunks(sorted(set(ids))):
        nums = [r["num"] for r in db.query(f"SELECT num FROM engagements WHERE id IN ({_marks(part)})", part)]
        if not nums:
            continue
        marks = _marks(nums)
        countries: dict[int, list[str]] = {}
        for row in db.query(f"SELECT engagement_num, country FROM engagement_countries WHERE engagement_num IN "
                            f"({marks}) ORDER BY engagement_num, country", nums):
            countries.setdefault(row["engagement_num"], []).append(row["country"])
        for found in countries.values():
            _count_dyads(db, found, -1)
        db.execute(f"UPDATE events SET engagement_num = NULL WHERE engagement_num IN ({marks})", nums)
        db.execute(f"DELETE FROM engagement_keys WHERE engagement_num IN ({marks})", nums)
        db.execute(f"DELETE FROM dyad_engagements WHERE engagement_num IN ({marks})", nums)
        db.execute(f"DELETE FROM engagement_countries WHERE engagement_num IN ({marks})", nums)
        gone = db.execute(f"DELETE FROM engagements WHERE num IN ({marks})", nums)
        add_rows(db, "engagements", -max(gone.rowcount, 0))


def insert_engagement(db: Database, group: Group) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    add_rows(db, "engagements", 1)
    num = db.insert("INSERT INTO engagements (id, type, date, location, created_at, base_id, first_doc, reports) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (group.id, group.type, group.date, group.location, now, group.base,
                     min(m.doc_id for m in group.members), len(group.members)))
    members = sorted(event_nums(db, [m.key for m in group.members]).values())
    for part in chunks(members):
        db.execute(f"UPDATE events SET engagement_num = ? WHERE num IN ({_marks(part)})", [num, *part])
    countries = sorted({p.country for m in group.members for p in m.people if p.country})
    db.execute_many("INSERT INTO engagement_countries (engagement_num, country) VALUES (?, ?)",
                    [(num, country) for country in countries])
    _count_dyads(db, countries, 1, (num, group))
    key_engagement(db, group.type, num, group.members)  # the keys an undated report finds it under


def reset_links(db: Database) -> None:
    """Forget every engagement and candidate key: the next linking run starts from scratch."""
    db.execute("UPDATE events SET engagement_num = NULL WHERE engagement_num IS NOT NULL")
    db.execute("DELETE FROM engagement_countries")
    db.execute("DELETE FROM engagement_keys")
    db.execute("DELETE FROM name_tokens")
    db.execute("DELETE FROM report_keys")
    db.execute("DELETE FROM claim_reps")
    db.execute("DELETE FROM dyad_engagements")
    db.execute("DELETE FROM dyad_counts")
    db.execute("DELETE FROM engagements")
    db.execute("UPDATE row_counts SET n = 0 WHERE name = 'engagements'")
    db.execute("DELETE FROM link_keys")
    db.execute("UPDATE documents SET linked = 0 WHERE linked = 1")


def stored_groups(db: Database, side_of: SideOf) -> Iterator[tuple[str, list[Item]]]:
    """Every stored engagement with its reports, read a page at a time in id order."""
    last = ""
    while True:
        rows = db.query("SELECT id FROM engagements WHERE id > ? ORDER BY id LIMIT ?", (last, CHUNK))
        if not rows:
            return
        ids = [r["id"] for r in rows]
        yield from groups_by_id(db, ids, side_of).items()
        last = ids[-1]


def groups_by_id(db: Database, ids: Sequence[str], side_of: SideOf) -> dict[str, list[Item]]:
    """The reports of these stored engagements (those that exist)."""
    keys = members(db, ids)
    items = load_items(db, [k for ks in keys.values() for k in ks], side_of)
    return {i: [items[k] for k in keys[i] if k in items] for i in ids if i in keys}


def rename_engagement(db: Database, old: str, new: str) -> None:
    """Give a stored engagement another public id (its reports, countries and keys refer to it by
    its integer key, which stays)."""
    db.execute("UPDATE engagements SET id = ? WHERE id = ?", (new, old))


def engagements_between(db: Database, a: str, b: str, limit: int | None = None, offset: int = 0) -> list[str]:
    """Ids of the engagements with participants of both countries, newest first (undated last):
    one index range of the pair's maintained list, so a page costs the same however long the
    pair's history (``limit`` and ``offset`` page through it)."""
    a, b = sorted((a, b))
    page = ""
    params: list[Any] = [a, b]
    if limit is not None:
        page, params = "LIMIT ? OFFSET ?", [a, b, limit, offset]
    rows = db.query("SELECT g.id FROM dyad_engagements y JOIN engagements g ON g.num = y.engagement_num "
                    f"WHERE y.a = ? AND y.b = ? ORDER BY y.day DESC, g.id DESC {page}", params)
    return [r["id"] for r in rows]


def single_report(db: Database, ids: Iterable[str]) -> set[str]:
    """Those of these stored engagements that hold one report only."""
    out: set[str] = set()
    for part in chunks(sorted(set(ids))):
        rows = db.query(f"SELECT id FROM engagements WHERE id IN ({_marks(part)}) AND reports = 1", part)
        out.update(r["id"] for r in rows)
    return out


def bases(db: Database, ids: Sequence[str]) -> dict[str, str]:
    """The base id of each of these stored engagements."""
    out: dict[str, str] = {}
    for part in chunks(sorted(set(ids))):
        for row in db.query(f"SELECT id, base_id FROM engagements WHERE id IN ({_marks(part)})", part):
            out[row["id"]] = row["base_id"]
    return out


def top_dyads(db: Database, limit: int) -> list[dict[str, Any]]:
    """The pairs of countries with the most engagements (a maintained count, read by index)."""
    return db.query("SELECT a, b, n FROM dyad_counts WHERE n > 0 ORDER BY n DESC, a, b LIMIT ?", (limit,))

"""Reading and writing Parley's records: the only module that knows the table layout.

``save_extraction`` writes a document and everything extracted from it in one transaction, so a
crash or Ctrl-C leaves either all of it or none of it; every insert is ``ON CONFLICT DO NOTHING``
keyed by content-derived ids, so re-running an ingest stores nothing twice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from parley.errors import StoreError
from parley.model import Actor, Document, Event, Evidence, Extraction, Statement
from parley.store.db import Database
from parley.store.keys import actor_key
from parley.store.search import index_extraction


def seed_topics(db: Database) -> None:
    """Make sure every topic of the bundled vocabulary exists (topics are referenced by slug)."""
    raw = resources.files("parley.data").joinpath("topics.json").read_text(encoding="utf-8")
    for slug, info in json.loads(raw)["topics"].items():
        db.execute("INSERT INTO topics (slug, label, definition) VALUES (?, ?, ?) "
                   "ON CONFLICT (slug) DO NOTHING", (slug, info["label"], info["def"]))


def has_document(db: Database, doc_id: str) -> bool:
    return bool(db.query("SELECT 1 AS x FROM documents WHERE id = ?", (doc_id,)))


def _save_actor(db: Database, actor: Actor) -> str:
    key = actor_key(actor)
    added = db.execute("INSERT INTO actors (id, name, country) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                       (key, actor.name, actor.country))
    add_rows(db, "actors", max(added.rowcount, 0))
    for alias in sorted({actor.name, *actor.aliases}):
        db.execute("INSERT INTO actor_aliases (actor_id, alias) VALUES (?, ?) "
                   "ON CONFLICT (actor_id, alias) DO NOTHING", (key, alias))
    return key


def _evidence_rows(doc: Document, doc_num: int, owner_type: str, owner_num: int,
                   evidence: tuple[Evidence, ...]) -> list[tuple[Any, ...]]:
    # the quoted span is the document's own text at these offsets: stored once, in the document
    # ('' here), unless it differs (see evidence_text)
    return [(doc_num, owner_type, owner_num, ev.start, ev.end,
             "" if ev.text == doc.text[ev.start:ev.end] else ev.text, ev.rule or None) for ev in evidence]


def evidence_text(stored: str, document_text: str, start: int, end: int) -> str:
    """The quoted text of stored evidence: kept in the row only where it is not the document's span."""
    return stored or document_text[start:end]


def save_extraction(db: Database, extraction: Extraction, attempts: int = 5) -> bool:
    """Store one document with its events and statements; False if it was already stored.

    Two writers storing documents that name the same people insert the same actor rows; on
    PostgreSQL each waits for the other's uncommitted row, so rows shared between documents are
    written first and in sorted order (no lock cycle), and a transaction the server still picks
    as a deadlock victim is retried whole.
    """
    for attempt in range(attempts):
        try:
            return _save_extraction(db, extraction)
        except StoreError as exc:
            if not _retryable(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return False


def _retryable(exc: StoreError) -> bool:
    cause = exc.__cause__
    return getattr(cause, "sqlstate", None) in {"40P01", "40001"}  # deadlock, serialization failure


def _count(db: Database, table: str, column: str, keys: list[tuple[str, str]]) -> None:
    """Add one to the maintained counts of a person's counterparts or topics (person pages read
    these instead of grouping the person's whole history)."""
    for actor_id, other in keys:
        db.execute(f"INSERT INTO {table} (actor_id, {column}, n) VALUES (?, ?, 1) "
                   f"ON CONFLICT (actor_id, {column}) DO UPDATE SET n = {table}.n + 1", (actor_id, other))


def _save_extraction(db: Database, extraction: Extraction) -> bool:
    doc = extraction.document
    with db.transaction():
        if has_document(db, doc.id):
            return False
        # every person once (the last mention of a key names a new actor, as before; every other
        # spelling adds its aliases), then their keys from this map
        mentions = [*(a for e in extraction.events for a in e.participants),
                    *(s.speaker for s in extraction.statements)]
        keys = {a: actor_key(a) for a in mentions}
        shared = {keys[a]: a for a in mentions}
        for key in sorted(shared):
            _save_actor(db, shared[key])
        for actor in sorted(set(mentions) - set(shared.values()), key=lambda a: (keys[a], a.name, a.aliases)):
            _save_actor(db, actor)
        # every row below refers to the document, its events and statements by their integer keys
        # (appended at the right edge of each index), never by the 64-character id
        doc_num = db.insert(
            "INSERT INTO documents (id, source, url, title, publisher, published, language, text, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.source, doc.url, doc.title, doc.publisher, doc.published, doc.language,
             doc.text, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        event_nums: dict[str, int] = {}
        participants: list[tuple[Any, ...]] = []
        evidence: list[tuple[Any, ...]] = []
        for event in extraction.events:
            num = db.insert(
                "INSERT INTO events (doc_num, local_id, type, is_primary, date, location, modality) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc_num, event.id, event.type, int(event.primary), event.date, event.location, event.modality),
            )
            event_nums[event.id] = num
            participants.extend((num, pos, keys[actor], actor.name, actor.country, actor.title, actor.organization)
                                for pos, actor in enumerate(event.participants))
            for actor_id in [keys[a] for a in event.participants]:
                db.execute("UPDATE actors SET events = events + 1 WHERE id = ?", (actor_id,))
            present = sorted({keys[a] for a in event.participants})
            _count(db, "person_counterparts", "other_id", [(x, y) for x in present for y in present if x != y])
            evidence.extend(_evidence_rows(doc, doc_num, "event", num, event.evidence))
        db.execute_many("INSERT INTO participants (event_num, position, actor_id, name, country, title, "
                        "organization) VALUES (?, ?, ?, ?, ?, ?, ?)", participants)
        topics: list[tuple[int, str]] = []
        for pos, st in enumerate(extraction.statements):
            num = db.insert(
                "INSERT INTO statements (doc_num, position, speaker_actor_id, speaker_name, "
                "speaker_country, text, event_num) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc_num, pos, keys[st.speaker], st.speaker.name, st.speaker.country,
                 st.text, event_nums.get(st.event_id or "")),
            )
            topics.extend((num, topic) for topic in sorted(set(st.topics)))
            _count(db, "person_topics", "topic", [(keys[st.speaker], t) for t in sorted(set(st.topics))])
            evidence.extend(_evidence_rows(doc, doc_num, "statement", num, st.evidence))
        db.execute_many("INSERT INTO statement_topics (statement_num, topic) VALUES (?, ?)", topics)
        db.execute_many("INSERT INTO evidence (doc_num, owner_type, owner_num, start_offset, end_offset, text, rule) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", evidence)
        index_extraction(db, extraction)
        add_rows(db, "documents", 1)
        add_rows(db, "events", len(extraction.events))
        add_rows(db, "statements", len(extraction.statements))
    return True


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by the listing commands and, later, the API."""

    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    limit: int = 100
    offset: int = 0


def where_clause(f: Filters, *, date: str, type_sql: str, country_sql: str, publisher: str | None
                 ) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) for the filters shared by every listing.

    ``type_sql`` and ``country_sql`` are conditions with one ``?`` each; the value is upper-cased.
    """
    where, params = ["1=1"], []
    for value, sql in ((f.type, type_sql), (f.country, country_sql)):
        if value:
            where.append(sql)
            params.append(value.upper())
    if f.since:
        where.append(f"{date} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{date} <= ?")
        params.append(f.until)
    if f.publisher and publisher:
        where.append(f"LOWER({publisher}) LIKE ?")
        params.append(f"%{f.publisher.lower()}%")
    return " AND ".join(where), params


EVENT_ID = "d.id || ':' || e.local_id"
"""SQL for an event's public id (``<document sha256>:<local id>``), with ``d`` its document, ``e`` the event."""
STATEMENT_ID = "d.id || ':s' || s.position"
"""SQL for a statement's public id (``<document sha256>:s<position>``)."""

EVENT_COLUMNS = ("date", "type", "primary", "participants", "location", "modality", "publisher", "title",
                 "source", "id")
"""The columns of an event row, the same in ``parley events`` CSV/JSON and the web exports."""
DOCUMENT_COLUMNS = ("published", "publisher", "title", "events", "statements", "source", "id")
"""The columns of a document row, likewise."""


def list_documents(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Stored documents, newest first, with their event and statement counts."""
    where, params = where_clause(
        f, date="d.published", publisher="d.publisher",
        type_sql="EXISTS (SELECT 1 FROM events e WHERE e.doc_num = d.num AND e.type = ?)",
        country_sql="EXISTS (SELECT 1 FROM events e JOIN participants p ON p.event_num = e.num "
                    "WHERE e.doc_num = d.num AND p.country = ?)")
    sql = (
        "SELECT d.id, d.source, d.title, d.publisher, d.published, "
        "(SELECT COUNT(*) FROM events e WHERE e.doc_num = d.num) AS events, "
        "(SELECT COUNT(*) FROM statements s WHERE s.doc_num = d.num) AS statements "
        f"FROM documents d WHERE {where} "
        "ORDER BY d.published DESC, d.source LIMIT ? OFFSET ?"
    )
    return [{c: row[c] for c in DOCUMENT_COLUMNS} for row in db.query(sql, [*params, f.limit, f.offset])]


def list_events(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Stored events with their participants, newest first."""
    where, params = where_clause(
        f, date="e.date", publisher="d.publisher", type_sql="e.type = ?",
        country_sql="EXISTS (SELECT 1 FROM participants p WHERE p.event_num = e.num AND p.country = ?)")
    # the public event id is the document's id and the local id: ordered by those, as it always was
    rows = db.query(
        f"SELECT e.num, {EVENT_ID} AS id, e.type, e.is_primary, e.date, e.location, e.modality, d.publisher, "
        "d.source, d.title FROM events e JOIN documents d ON d.num = e.doc_num "
        f"WHERE {where} ORDER BY e.date DESC, d.id, e.local_id LIMIT ? OFFSET ?",
        [*params, f.limit, f.offset],
    )
    for row in rows:
        people = db.query("SELECT name, country FROM participants WHERE event_num = ? ORDER BY position",
                          (row["num"],))
        row["primary"] = bool(row.pop("is_primary"))
        row["participants"] = "; ".join(
            f"{p['name']} ({p['country'] or '?'})" for p in people)
    return [{c: row[c] for c in EVENT_COLUMNS} for row in rows]


COUNTED = ("documents", "events", "statements", "actors")


def counts(db: Database, tables: tuple[str, ...] = COUNTED) -> dict[str, int]:
    """How many of each record the database holds, from the maintained row counts (table names are
    ours, never user input; a table not counted there is counted in full)."""
    kept = {r["name"]: int(r["n"]) for r in db.query("SELECT name, n FROM row_counts")}
    return {table: kept[table] if table in kept else int(db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
            for table in tables}


def add_rows(db: Database, table: str, step: int) -> None:
    """Keep the maintained row count of a counted table (in the writer's transaction)."""
    if step:
        db.execute("UPDATE row_counts SET n = n + ? WHERE name = ?", (step, table))


def load_extractions(db: Database, doc_ids: list[str] | None = None) -> list[Extraction]:
    """Rebuild stored documents with their events and statements (for linking and comparing)."""
    return list(iter_extractions(db, doc_ids))


def iter_extractions(db: Database, doc_ids: list[str] | None = None, chunk: int = 200) -> Iterator[Extraction]:
    """Stored extractions a page at a time: ``doc_ids`` in chunks, or every document in id order.

    No query binds more than ``chunk`` parameters, however many documents are stored (libpq stops
    at 65,535, SQLite earlier), and only one page is in memory at a time.
    """
    if doc_ids is not None:
        for i in range(0, len(doc_ids), chunk):
            yield from _load_page(db, doc_ids[i:i + chunk])
        return
    last = ""
    while True:
        ids = [r["id"] for r in db.query("SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                                         (last, chunk))]
        if not ids:
            return
        yield from _load_page(db, ids)
        last = ids[-1]


def _load_page(db: Database, doc_ids: list[str]) -> list[Extraction]:
    where = f"WHERE d.id IN ({', '.join('?' for _ in doc_ids)})"
    params = list(doc_ids)
    docs = db.query("SELECT num, id, source, url, title, publisher, published, language, text "
                    f"FROM documents d {where} ORDER BY d.published, d.id", params)
    if not docs:
        return []
    nums = [d["num"] for d in docs]
    marks = ", ".join("?" for _ in nums)
    people: dict[int, list[Actor]] = {}
    for row in db.query(f"SELECT p.event_num, p.name, p.country, p.title, p.organization FROM participants p "
                        f"JOIN events e ON e.num = p.event_num WHERE e.doc_num IN ({marks}) "
                        "ORDER BY p.event_num, p.position", nums):
        people.setdefault(row["event_num"], []).append(
            Actor(row["name"], row["country"], row["title"], row["organization"]))
    evidence: dict[tuple[str, int], list[Evidence]] = {}
    texts = {d["num"]: d["text"] for d in docs}
    for row in db.query(f"SELECT doc_num, owner_type, owner_num, start_offset, end_offset, text, rule FROM evidence "
                        f"WHERE doc_num IN ({marks}) ORDER BY owner_type, owner_num, num", nums):
        start, end = row["start_offset"], row["end_offset"]
        evidence.setdefault((row["owner_type"], row["owner_num"]), []).append(
            Evidence(start, end, evidence_text(row["text"], texts[row["doc_num"]], start, end), row["rule"] or ""))
    topics: dict[int, list[str]] = {}
    for row in db.query(f"SELECT st.statement_num, st.topic FROM statement_topics st JOIN statements s "
                        f"ON s.num = st.statement_num WHERE s.doc_num IN ({marks}) ORDER BY st.statement_num, "
                        "st.topic", nums):
        topics.setdefault(row["statement_num"], []).append(row["topic"])
    events: dict[int, list[Event]] = {}
    for row in db.query(f"SELECT num, doc_num, local_id, type, is_primary, date, location, modality FROM events "
                        f"WHERE doc_num IN ({marks}) ORDER BY doc_num, local_id", nums):
        events.setdefault(row["doc_num"], []).append(Event(
            row["local_id"], row["type"], tuple(people.get(row["num"], [])), bool(row["is_primary"]),
            row["date"], row["location"], row["modality"], tuple(evidence.get(("event", row["num"]), []))))
    statements: dict[int, list[Statement]] = {}
    for row in db.query(f"SELECT s.num, s.doc_num, s.speaker_name, s.speaker_country, s.text, e.local_id "
                        f"FROM statements s LEFT JOIN events e ON e.num = s.event_num "
                        f"WHERE s.doc_num IN ({marks}) ORDER BY s.doc_num, s.position", nums):
        statements.setdefault(row["doc_num"], []).append(Statement(
            Actor(row["speaker_name"], row["speaker_country"]), row["text"],
            tuple(topics.get(row["num"], [])), row["local_id"], tuple(evidence.get(("statement", row["num"]), []))))
    out = []
    for d in docs:
        document = Document(d["id"], d["source"], d["text"], d["title"], d["publisher"], d["published"],
                            d["url"], d["language"])
        out.append(Extraction(document, tuple(events.get(d["num"], [])), tuple(statements.get(d["num"], []))))
    return out

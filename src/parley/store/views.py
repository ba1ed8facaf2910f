"""Read models for the web UI and the JSON API: one query function per page or endpoint.

Kept beside the table layout (``repo.py``) because only the store stage talks to the database;
the web layer receives plain dictionaries and never writes SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parley.store.db import Database
from parley.store.repo import EVENT_ID, STATEMENT_ID, Filters, counts, evidence_text, where_clause


def overview(db: Database) -> dict[str, int]:
    return counts(db, ("documents", "events", "engagements", "statements", "actors"))


def engagements(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Engagements, newest first, with their participants and number of reports."""
    where, params = where_clause(
        f, date="g.date", publisher=None, type_sql="g.type = ?",
        country_sql="EXISTS (SELECT 1 FROM events e JOIN participants p ON p.event_num = e.num "
                    "WHERE e.engagement_num = g.num AND p.country = ?)")
    rows = db.query(
        "SELECT g.id, g.type, g.date, g.location, (SELECT COUNT(*) FROM events e WHERE e.engagement_num = g.num) "
        f"AS reports FROM engagements g WHERE {where} "
        "ORDER BY g.date DESC, g.id LIMIT ? OFFSET ?", [*params, f.limit, f.offset])
    for row in rows:
        row["participants"] = participants_of_engagement(db, row["id"])
    return rows


def participants_of_engagement(db: Database, engagement_id: str) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT p.actor_id, MIN(p.name) AS name, MIN(p.country) AS country FROM engagements g "
        "JOIN events e ON e.engagement_num = g.num JOIN participants p ON p.event_num = e.num "
        "WHERE g.id = ? GROUP BY p.actor_id ORDER BY name",
        (engagement_id,))
    return rows


def engagement_row(db: Database, engagement_id: str) -> dict[str, Any] | None:
    rows = db.query("SELECT id, type, date, location FROM engagements WHERE id = ?", (engagement_id,))
    return rows[0] if rows else None


def document(db: Database, doc_id: str) -> dict[str, Any] | None:
    """A document with its events (participants, evidence) and statements (topics, evidence)."""
    docs = db.query("SELECT num, id, source, url, title, publisher, published, language, text, ingested_at "
                    "FROM documents WHERE id = ?", (doc_id,))
    if not docs:
        return None
    doc = docs[0]
    num = doc.pop("num")
    evidence: dict[tuple[str, int], list[dict[str, Any]]] = {}  # one index range (evidence by document)
    for row in db.query("SELECT owner_type, owner_num, start_offset AS start, end_offset AS end, text, rule "
                        "FROM evidence WHERE doc_num = ? ORDER BY owner_type, owner_num, num", (num,)):
        row["text"] = evidence_text(row["text"], doc["text"], row["start"], row["end"])
        evidence.setdefault((row.pop("owner_type"), row.pop("owner_num")), []).append(row)
    doc["events"] = db.query(f"SELECT e.num, {EVENT_ID} AS id, e.local_id, e.type, e.is_primary, e.date, e.location, "
                             "e.modality, g.id AS engagement_id FROM events e JOIN documents d ON d.num = e.doc_num "
                             "LEFT JOIN engagements g ON g.num = e.engagement_num WHERE e.doc_num = ? "
                             "ORDER BY e.local_id", (num,))
    for e in doc["events"]:
        e["primary"] = bool(e.pop("is_primary"))
        e["participants"] = db.query("SELECT actor_id, name, country, title, organization FROM participants "
                                     "WHERE event_num = ? ORDER BY position", (e["num"],))
        e["evidence"] = evidence.get(("event", e.pop("num")), [])
    doc["statements"] = db.query(
        f"SELECT s.num, {STATEMENT_ID} AS id, s.speaker_actor_id, s.speaker_name, s.speaker_country, s.text, "
        f"CASE WHEN e.num IS NULL THEN NULL ELSE {EVENT_ID} END AS event_id FROM statements s "
        "JOIN documents d ON d.num = s.doc_num LEFT JOIN events e ON e.num = s.event_num "
        "WHERE s.doc_num = ? ORDER BY s.position", (num,))
    for s in doc["statements"]:
        s["topics"] = [r["topic"] for r in db.query(
            "SELECT topic FROM statement_topics WHERE statement_num = ? ORDER BY topic", (s["num"],))]
        s["evidence"] = evidence.get(("statement", s.pop("num")), [])
    return doc


def people(db: Database, country: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    where, params = "", []
    if country:
        where, params = "WHERE a.country = ?", [country.upper()]
    return db.query(  # a maintained count, in an index's order
        f"SELECT a.id, a.name, a.country, a.events FROM actors a {where} ORDER BY a.events DESC, a.name "
        "LIMIT ? OFFSET ?", [*params, limit, offset])


def person(db: Database, actor_id: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """A person: aliases, a page of their events (newest first), their counterparts and the topics
    they raise (maintained counts: a person with years of history costs the same as a new one)."""
    rows = db.query("SELECT id, name, country FROM actors WHERE id = ?", (actor_id,))
    if not rows:
        return None
    out = rows[0]
    out["aliases"] = [r["alias"] for r in db.query(
        "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor_id,))]
    events = db.query(
        f"SELECT {EVENT_ID} AS id, e.type, e.date, e.location, e.modality, g.id AS engagement_id, d.id AS doc_id, "
        "d.title, d.publisher FROM participants p JOIN events e ON e.num = p.event_num "
        "JOIN documents d ON d.num = e.doc_num LEFT JOIN engagements g ON g.num = e.engagement_num "
        "WHERE p.actor_id = ? ORDER BY e.date DESC, d.id LIMIT ? OFFSET ?", (actor_id, limit + 1, offset))
    out["events"], out["more_events"] = events[:limit], len(events) > limit
    out["counterparts"] = db.query(
        "SELECT c.other_id AS id, a.name, a.country, c.n AS events FROM person_counterparts c "
        "JOIN actors a ON a.id = c.other_id WHERE c.actor_id = ? AND c.n > 0 ORDER BY c.n DESC, a.name LIMIT ?",
        (actor_id, COUNTERPARTS))
    out["topics"] = db.query(
        "SELECT topic, n FROM person_topics WHERE actor_id = ? AND n > 0 ORDER BY n DESC, topic", (actor_id,))
    return out


COUNTERPARTS = 50  # the most frequent counterparts shown


def dyad_network(db: Database, engagement_ids: list[str], a: str, b: str) -> dict[str, Any]:
    """Who meets whom between two countries in these engagements (a page of the dyad's timeline):
    people as nodes, shared engagements as weighted edges.  The participants are read by
    engagement (an index range each) and paired here, so no country index over the whole store
    is ever scanned."""
    people: dict[str, dict[str, dict[str, Any]]] = {}  # engagement -> actor id -> person
    for part in range(0, len(engagement_ids), 500):
        ids = engagement_ids[part:part + 500]
        marks = ", ".join("?" for _ in ids)
        rows = db.query("SELECT g.id AS engagement_id, p.actor_id, p.name, p.country FROM engagements g "
                        "JOIN events e ON e.engagement_num = g.num JOIN participants p ON p.event_num = e.num "
                        f"WHERE g.id IN ({marks}) ORDER BY g.id, p.actor_id, p.name", ids)
        for r in rows:
            if r["actor_id"] and r["country"] in (a, b):
                people.setdefault(r["engagement_id"], {}).setdefault(
                    r["actor_id"], {"id": r["actor_id"], "name": r["name"], "country": r["country"]})
    nodes: dict[str, dict[str, Any]] = {}
    weights: dict[tuple[str, str], int] = {}
    for found in people.values():
        for x in found.values():
            for y in found.values():
                if x["id"] < y["id"] and {x["country"], y["country"]} == {a, b}:
                    weights[(x["id"], y["id"])] = weights.get((x["id"], y["id"]), 0) + 1
                    nodes.setdefault(x["id"], x)
                    nodes.setdefault(y["id"], y)
    edges = [{"source": x, "target": y, "weight": n}
             for (x, y), n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": list(nodes.values()), "edges": edges}


def export_pages(db: Database, what: str, page: int = 500) -> Iterator[list[dict[str, Any]]]:
    """Every stored event or document (the columns of :func:`list_events` / :func:`list_documents`),
    a page at a time in id order (keyset pagination: each page is one index range, so an export of
    any size streams in flat memory and constant time per row)."""
    last: tuple[str, str] = ("", "")  # (document id, local id): the event id's order
    while True:
        if what == "events":
            rows = db.query(
                f"SELECT e.num, {EVENT_ID} AS id, d.id AS doc_id, e.local_id, e.type, e.is_primary, e.date, "
                "e.location, e.modality, d.publisher, d.source, d.title FROM documents d "
                "JOIN events e ON e.doc_num = d.num WHERE d.id >= ? AND (d.id > ? OR e.local_id > ?) "
                "ORDER BY d.id, e.local_id LIMIT ?", (last[0], last[0], last[1], page))
            people: dict[int, list[str]] = {}
            if rows:
                nums = [r["num"] for r in rows]
                for p in db.query("SELECT event_num, name, country FROM participants WHERE event_num IN "
                                  f"({', '.join('?' for _ in nums)}) ORDER BY event_num, position", nums):
                    people.setdefault(p["event_num"], []).append(f"{p['name']} ({p['country'] or '?'})")
                last = (rows[-1]["doc_id"], rows[-1]["local_id"])
            for row in rows:
                row["primary"] = bool(row.pop("is_primary"))
                row["participants"] = "; ".join(people.get(row.pop("num"), []))
                del row["doc_id"], row["local_id"]
        else:
            rows = db.query(
                "SELECT d.id, d.source, d.title, d.publisher, d.published, "
                "(SELECT COUNT(*) FROM events e WHERE e.doc_num = d.num) AS events, "
                "(SELECT COUNT(*) FROM statements s WHERE s.doc_num = d.num) AS statements "
                "FROM documents d WHERE d.id > ? ORDER BY d.id LIMIT ?", (last[0], page))
            if rows:
                last = (rows[-1]["id"], "")
        if not rows:
            return
        yield rows

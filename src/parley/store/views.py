"""Read models for the web UI and the JSON API: one query function per page or endpoint.

Kept beside the table layout (``repo.py``) because only the store stage talks to the database;
the web layer receives plain dictionaries and never writes SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parley.store.db import Database
from parley.store.repo import Filters, counts, evidence_text, where_clause


def overview(db: Database) -> dict[str, int]:
    return counts(db, ("documents", "events", "engagements", "statements", "actors"))


def engagements(db: Database, f: Filters) -> list[dict[str, Any]]:
    """Engagements, newest first, with their participants and number of reports."""
    where, params = where_clause(
        f, date="g.date", publisher=None, type_sql="g.type = ?",
        country_sql="EXISTS (SELECT 1 FROM events e JOIN participants p ON p.event_id = e.id "
                    "WHERE e.engagement_id = g.id AND p.country = ?)")
    rows = db.query(
        "SELECT g.id, g.type, g.date, g.location, (SELECT COUNT(*) FROM events e WHERE e.engagement_id = g.id) "
        f"AS reports FROM engagements g WHERE {where} "
        "ORDER BY g.date DESC, g.id LIMIT ? OFFSET ?", [*params, f.limit, f.offset])
    for row in rows:
        row["participants"] = participants_of_engagement(db, row["id"])
    return rows


def participants_of_engagement(db: Database, engagement_id: str) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT p.actor_id, MIN(p.name) AS name, MIN(p.country) AS country FROM participants p "
        "JOIN events e ON e.id = p.event_id WHERE e.engagement_id = ? GROUP BY p.actor_id ORDER BY name",
        (engagement_id,))
    return rows


def engagement_row(db: Database, engagement_id: str) -> dict[str, Any] | None:
    rows = db.query("SELECT id, type, date, location FROM engagements WHERE id = ?", (engagement_id,))
    return rows[0] if rows else None


def document(db: Database, doc_id: str) -> dict[str, Any] | None:
    """A document with its events (participants, evidence) and statements (topics, evidence)."""
    docs = db.query("SELECT id, source, url, title, publisher, published, language, text, ingested_at "
                    "FROM documents WHERE id = ?", (doc_id,))
    if not docs:
        return None
    doc = docs[0]
    evidence: dict[str, list[dict[str, Any]]] = {}  # one index range (evidence by document), not a scan per owner
    for row in db.query("SELECT owner_id, start_offset AS start, end_offset AS end, text, rule FROM evidence "
                        "WHERE doc_id = ? ORDER BY owner_id, id", (doc_id,)):
        row["text"] = evidence_text(row["text"], doc["text"], row["start"], row["end"])
        evidence.setdefault(row.pop("owner_id"), []).append(row)
    doc["events"] = db.query("SELECT id, local_id, type, is_primary, date, location, modality, engagement_id "
                             "FROM events WHERE doc_id = ? ORDER BY local_id", (doc_id,))
    for e in doc["events"]:
        e["primary"] = bool(e.pop("is_primary"))
        e["participants"] = db.query("SELECT actor_id, name, country, title, organization FROM participants "
                                     "WHERE event_id = ? ORDER BY position", (e["id"],))
        e["evidence"] = evidence.get(e["id"], [])
    doc["statements"] = db.query("SELECT id, speaker_actor_id, speaker_name, speaker_country, text, event_id "
                                 "FROM statements WHERE doc_id = ? ORDER BY position", (doc_id,))
    for s in doc["statements"]:
        s["topics"] = [r["topic"] for r in db.query(
            "SELECT topic FROM statement_topics WHERE statement_id = ? ORDER BY topic", (s["id"],))]
        s["evidence"] = evidence.get(s["id"], [])
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
        "SELECT e.id, e.type, e.date, e.location, e.modality, e.engagement_id, d.id AS doc_id, d.title, "
        "d.publisher FROM participants p JOIN events e ON e.id = p.event_id JOIN documents d ON d.id = e.doc_id "
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
        rows = db.query("SELECT e.engagement_id, p.actor_id, p.name, p.country FROM events e JOIN participants p "
                        f"ON p.event_id = e.id WHERE e.engagement_id IN ({marks}) "
                        "ORDER BY e.engagement_id, p.actor_id, p.name", ids)
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
    last = ""
    while True:
        if what == "events":
            rows = db.query(
                "SELECT e.id, e.type, e.is_primary, e.date, e.location, e.modality, d.publisher, d.source, "
                "d.title FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id > ? ORDER BY e.id LIMIT ?",
                (last, page))
            people: dict[str, list[str]] = {}
            if rows:
                ids = [r["id"] for r in rows]
                for p in db.query("SELECT event_id, name, country FROM participants WHERE event_id IN "
                                  f"({', '.join('?' for _ in ids)}) ORDER BY event_id, position", ids):
                    people.setdefault(p["event_id"], []).append(f"{p['name']} ({p['country'] or '?'})")
            for row in rows:
                row["primary"] = bool(row.pop("is_primary"))
                row["participants"] = "; ".join(people.get(row["id"], []))
        else:
            rows = db.query(
                "SELECT d.id, d.source, d.title, d.publisher, d.published, "
                "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events, "
                "(SELECT COUNT(*) FROM statements s WHERE s.doc_id = d.id) AS statements "
                "FROM documents d WHERE d.id > ? ORDER BY d.id LIMIT ?", (last, page))
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]

"""Flat listings for notebooks and exports: one row per statement and topic, with the same filters
as the CLI listings (country of the speaker, dates and publisher of the document)."""

from __future__ import annotations

from typing import Any

from parley.store.db import Database
from parley.store.repo import Filters, where_clause


def list_statements(db: Database, f: Filters, topic: str | None = None) -> list[dict[str, Any]]:
    """Statements with their speaker, topics (comma-separated) and document, newest first."""
    where, params = where_clause(
        f, date="d.published", publisher="d.publisher",
        type_sql="EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id AND e.type = ?)",
        country_sql="s.speaker_country = ?")
    if topic:
        where += " AND EXISTS (SELECT 1 FROM statement_topics t WHERE t.statement_id = s.id AND t.topic = ?)"
        params.append(topic)
    rows = db.query(
        "SELECT s.id, s.doc_id, s.speaker_name AS speaker, s.speaker_country, s.text, s.event_id, d.title, "
        f"d.publisher, d.published FROM statements s JOIN documents d ON d.id = s.doc_id WHERE {where} "
        "ORDER BY d.published DESC, s.doc_id, s.position LIMIT ? OFFSET ?", [*params, f.limit, f.offset])
    ids = [r["id"] for r in rows]
    topics: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for t in db.query("SELECT statement_id, topic FROM statement_topics WHERE statement_id IN "
                          f"({', '.join('?' for _ in chunk)}) ORDER BY topic", chunk):
            topics.setdefault(t["statement_id"], []).append(t["topic"])
    for r in rows:
        r["topics"] = ",".join(topics.get(r["id"], []))
    return rows

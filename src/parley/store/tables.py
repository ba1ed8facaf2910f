"""Flat listings for notebooks and exports: one row per statement and topic, with the same filters
as the CLI listings (country of the speaker, dates and publisher of the document)."""

from __future__ import annotations

from typing import Any

from parley.store.db import Database
from parley.store.repo import EVENT_ID, STATEMENT_ID, Filters, where_clause


def list_statements(db: Database, f: Filters, topic: str | None = None) -> list[dict[str, Any]]:
    """Statements with their speaker, topics (comma-separated) and document, newest first."""
    where, params = where_clause(
        f, date="d.published", publisher="d.publisher",
        type_sql="EXISTS (SELECT 1 FROM events e WHERE e.num = s.event_num AND e.type = ?)",
        country_sql="s.speaker_country = ?")
    if topic:
        where += " AND EXISTS (SELECT 1 FROM statement_topics t WHERE t.statement_num = s.num AND t.topic = ?)"
        params.append(topic)
    rows = db.query(
        f"SELECT s.num, {STATEMENT_ID} AS id, d.id AS doc_id, s.speaker_name AS speaker, s.speaker_country, s.text, "
        f"CASE WHEN e.num IS NULL THEN NULL ELSE {EVENT_ID} END AS event_id, d.title, d.publisher, d.published "
        "FROM statements s JOIN documents d ON d.num = s.doc_num LEFT JOIN events e ON e.num = s.event_num "
        f"WHERE {where} ORDER BY d.published DESC, d.id, s.position LIMIT ? OFFSET ?", [*params, f.limit, f.offset])
    nums = [r["num"] for r in rows]
    topics: dict[int, list[str]] = {}
    for start in range(0, len(nums), 500):
        chunk = nums[start:start + 500]
        for t in db.query("SELECT statement_num, topic FROM statement_topics WHERE statement_num IN "
                          f"({', '.join('?' for _ in chunk)}) ORDER BY topic", chunk):
            topics.setdefault(t["statement_num"], []).append(t["topic"])
    for r in rows:
        r["topics"] = ",".join(topics.get(r.pop("num"), []))
    return rows

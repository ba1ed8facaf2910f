"""Queries behind engagement states and their notifications (issue 11): read-only over the linking
tables, read-write over the additive ``engagement_states`` and ``notifications`` tables.

The state itself is derived in :mod:`parley.watch.states` from what these functions return; this
module only knows the table layout, as every module of the store stage does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parley.store.db import Database


def engagement_facts(db: Database, engagement_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Each engagement with its participant countries and its reports' publishers and times.

    Reports come from the primary events linked to the engagement (``events.engagement_id``), so
    this reads whatever the linking stage stored without depending on how it built it.
    """
    params: list[Any] = []
    where = ""
    if engagement_ids is not None:
        ids = list(engagement_ids)
        if not ids:
            return []
        where = f"WHERE g.id IN ({', '.join('?' for _ in ids)})"
        params = ids
    rows = db.query(f"SELECT g.id, g.type, g.date, g.location FROM engagements g {where} "
                    "ORDER BY g.date DESC, g.id", params)
    if not rows:
        return []
    marks = ", ".join("?" for _ in rows)
    ids = [r["id"] for r in rows]
    countries: dict[str, set[str]] = {}
    for r in db.query("SELECT DISTINCT g.id AS engagement_id, p.country FROM engagements g JOIN events e "
                      "ON e.engagement_num = g.num JOIN participants p ON p.event_num = e.num "
                      f"WHERE g.id IN ({marks}) AND p.country IS NOT NULL", ids):
        countries.setdefault(r["engagement_id"], set()).add(r["country"])
    reports: dict[str, list[dict[str, Any]]] = {}
    for r in db.query("SELECT g.id AS engagement_id, d.id AS doc_id, d.title, d.publisher, d.url, d.published, "
                      "d.ingested_at FROM engagements g JOIN events e ON e.engagement_num = g.num "
                      f"JOIN documents d ON d.num = e.doc_num WHERE g.id IN ({marks}) ORDER BY d.ingested_at, d.id",
                      ids):
        reports.setdefault(r.pop("engagement_id"), []).append(r)
    for row in rows:
        row["countries"] = sorted(countries.get(row["id"], set()))
        row["reports"] = reports.get(row["id"], [])
    return [r for r in rows if r["reports"]]


def recorded_states(db: Database) -> dict[str, dict[str, Any]]:
    """The last state notified per engagement, keyed by its anchor (first-ingested) document."""
    rows = db.query("SELECT anchor_doc_id, engagement_id, state, published, missing, deadline, updated_at "
                    "FROM engagement_states")
    return {r["anchor_doc_id"]: r for r in rows}


def record_state(db: Database, anchor: str, engagement_id: str, state: str, published: str, missing: str,
                 deadline: str | None, at: str) -> None:
    db.execute(
        "INSERT INTO engagement_states (anchor_doc_id, engagement_id, state, published, missing, deadline, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (anchor_doc_id) DO UPDATE SET "
        "engagement_id = excluded.engagement_id, state = excluded.state, published = excluded.published, "
        "missing = excluded.missing, deadline = excluded.deadline, updated_at = excluded.updated_at",
        (anchor, engagement_id, state, published, missing, deadline, at))


def forget_states(db: Database, anchors: Iterable[str]) -> None:
    """Drop records whose anchor no longer starts an engagement (two engagements were merged)."""
    for anchor in anchors:
        db.execute("DELETE FROM engagement_states WHERE anchor_doc_id = ?", (anchor,))


def add_notification(db: Database, notification_id: str, created_at: str, kind: str, anchor: str,
                     engagement_id: str, payload: str) -> bool:
    """Queue one notification; False when it was already queued (same id)."""
    cur = db.execute(
        "INSERT INTO notifications (id, created_at, kind, anchor_doc_id, engagement_id, payload) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (notification_id, created_at, kind, anchor, engagement_id, payload))
    return bool(cur.rowcount)


def not_outboxed(db: Database) -> list[dict[str, Any]]:
    return db.query("SELECT id, payload FROM notifications WHERE outboxed_at IS NULL ORDER BY created_at, id")


def mark_outboxed(db: Database, notification_id: str, at: str) -> None:
    db.execute("UPDATE notifications SET outboxed_at = ? WHERE id = ?", (at, notification_id))


def undelivered(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    return db.query("SELECT id, kind, payload, attempts FROM notifications WHERE delivered_at IS NULL "
                    "ORDER BY created_at, id LIMIT ?", (limit,))


def mark_attempt(db: Database, notification_id: str, attempts: int, delivered_at: str | None,
                 error: str | None) -> None:
    db.execute("UPDATE notifications SET attempts = ?, delivered_at = ?, last_error = ? WHERE id = ?",
               (attempts, delivered_at, error, notification_id))


def notifications(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    """The latest notifications, newest first (for the CLI and tests)."""
    return db.query("SELECT id, created_at, kind, engagement_id, delivered_at, attempts, last_error "
                    "FROM notifications ORDER BY created_at DESC, id LIMIT ?", (limit,))


def event_engagements(db: Database) -> dict[str, str]:
    """Stored event id -> engagement id, for the events that belong to an engagement."""
    rows = db.query("SELECT d.id || ':' || e.local_id AS id, g.id AS engagement_id FROM events e "
                    "JOIN documents d ON d.num = e.doc_num JOIN engagements g ON g.num = e.engagement_num")
    return {r["id"]: r["engagement_id"] for r in rows}

"""What the watcher remembers between passes: each source's validators and backoff, and the item
links already handled.  Kept in the database so that ``parley watch --once`` run from cron behaves
like one long-running watcher.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parley.store.db import Database


def source_state(db: Database, name: str) -> dict[str, Any] | None:
    rows = db.query("SELECT name, url, etag, last_modified, checked_at, next_at, failures, last_status "
                    "FROM watch_sources WHERE name = ?", (name,))
    return rows[0] if rows else None


def save_source_state(db: Database, name: str, url: str, etag: str | None, last_modified: str | None,
                      checked_at: str, next_at: str, failures: int, status: str) -> None:
    db.execute(
        "INSERT INTO watch_sources (name, url, etag, last_modified, checked_at, next_at, failures, last_status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET url = excluded.url, "
        "etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at, "
        "next_at = excluded.next_at, failures = excluded.failures, last_status = excluded.last_status",
        (name, url, etag, last_modified, checked_at, next_at, failures, status))


def seen_items(db: Database, urls: Iterable[str]) -> set[str]:
    wanted = list(urls)
    seen: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = db.query(f"SELECT url FROM watch_items WHERE url IN ({', '.join('?' for _ in chunk)})", chunk)
        seen.update(r["url"] for r in rows)
    return seen


def record_item(db: Database, url: str, source: str, doc_id: str | None, outcome: str, at: str) -> None:
    db.execute("INSERT INTO watch_items (url, source, first_seen, doc_id, outcome) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT (url) DO NOTHING", (url, source, at, doc_id, outcome))



def forget_validators(db: Database, name: str) -> None:
    """Drop a source's ETag and Last-Modified so that its next poll is a full GET (items left over)."""
    db.execute("UPDATE watch_sources SET etag = NULL, last_modified = NULL WHERE name = ?", (name,))

"""Notifications of state changes: an append-only ``events.jsonl`` outbox and an optional webhook.

Order of work, so that nothing is lost and ingest is never held up:

1. :func:`sync` compares each engagement's derived state with the last one recorded and queues a
   notification for each change, in the same transaction as the new record (after ingest has
   committed its documents, so a failure here never undoes an ingest).
2. :func:`write_outbox` appends the queued notifications to the outbox file (one JSON object per
   line, flushed and fsynced) and marks them written.  A crash between the two repeats a line on
   the next run; every line carries an ``id`` so a reader can drop the repeat (at-least-once).
3. :func:`deliver` POSTs what the webhook has not acknowledged, oldest first, with retries and
   exponential backoff and an HMAC-SHA256 signature of the body; what still fails stays queued
   for the next pass, and later notifications wait behind it so the receiver sees them in order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from parley.config import Settings
from parley.errors import FetchError
from parley.ingest.fetch import check_url
from parley.store import Database
from parley.store.states import (
    add_notification,
    engagement_facts,
    forget_states,
    mark_attempt,
    mark_outboxed,
    not_outboxed,
    record_state,
    recorded_states,
    undelivered,
)
from parley.watch.http import USER_AGENT
from parley.watch.states import EngagementState, states_from_facts, transition

SIGNATURE_HEADER = "X-Parley-Signature"


def current_states(db: Database, settings: Settings, now: datetime) -> list[EngagementState]:
    """Every stored engagement's state at ``now``."""
    from parley.extract.knowledge import knowledge  # imports spaCy: only when states are asked for

    return states_from_facts(engagement_facts(db), now, timedelta(hours=settings.awaiting_hours), knowledge())


def sync(db: Database, settings: Settings, now: datetime) -> list[dict[str, Any]]:
    """Record each engagement's state and queue a notification for each change; returns them."""
    at = now.isoformat(timespec="seconds")
    states = current_states(db, settings, now)
    made: list[dict[str, Any]] = []
    with db.transaction():
        recorded = recorded_states(db)
        for st in states:
            previous = recorded.get(st.anchor)
            kind = transition(previous, st)
            deadline = st.to_dict()["deadline"]
            if kind or previous is None or previous["engagement_id"] != st.engagement_id \
                    or previous["deadline"] != deadline:
                record_state(db, st.anchor, st.engagement_id, st.state, ",".join(st.published),
                             ",".join(st.missing), deadline, at)
            if kind is None:
                continue
            ident = hashlib.sha256(f"{st.anchor}|{kind}|{st.state}|{','.join(st.published)}".encode()).hexdigest()
            payload: dict[str, Any] = {"id": ident[:24], "kind": kind, "at": at, "engagement": st.to_dict(),
                       "previous_state": previous["state"] if previous else None,
                       "path": f"/engagements/{st.engagement_id}"}
            if add_notification(db, ident[:24], at, kind, st.anchor, st.engagement_id,
                                json.dumps(payload, ensure_ascii=False, sort_keys=True)):
                made.append(payload)
        forget_states(db, set(recorded) - {st.anchor for st in states})
    return made


def write_outbox(db: Database, path: Path, now: datetime) -> int:
    """Append queued notifications to the outbox file; returns how many lines were written."""
    rows = not_outboxed(db)
    if not rows:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        for row in rows:
            out.write(row["payload"] + "\n")
        out.flush()
        os.fsync(out.fileno())
    at = now.isoformat(timespec="seconds")
    with db.transaction():
        for row in rows:
            mark_outboxed(db, row["id"], at)
    return len(rows)


def signature(secret: str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of the exact request body with the shared secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one delivery round did."""

    delivered: int = 0
    failed: int = 0  # notifications still queued after their retries
    last_error: str = ""


def _post(client: httpx.Client, settings: Settings, kind: str, ident: str, body: bytes) -> None:
    check_url(settings.webhook_url, settings.allow_private)
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
               "X-Parley-Event": kind, "X-Parley-Delivery": ident}
    if settings.webhook_secret:
        headers[SIGNATURE_HEADER] = signature(settings.webhook_secret, body)
    try:
        response = client.post(settings.webhook_url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise FetchError(f"webhook unreachable: {type(exc).__name__}") from exc
    if response.status_code >= 300:
        raise FetchError(f"webhook answered HTTP {response.status_code}")


def deliver(db: Database, settings: Settings, now: Callable[[], datetime],
            sleep: Callable[[float], bool]) -> Delivery:
    """POST undelivered notifications to the webhook, in order, with retries and backoff.

    ``sleep(seconds)`` waits between attempts and returns False when the watcher is stopping.
    Never raises for a failing webhook: the failure is recorded and retried on the next pass.
    """
    if not settings.webhook_url:
        return Delivery()
    delivered = 0
    with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False) as client:
        for row in undelivered(db):
            body = row["payload"].encode("utf-8")
            attempts = int(row["attempts"])
            error = ""
            for n in range(max(1, settings.webhook_retries)):
                if n and not sleep(settings.webhook_backoff * 2 ** (n - 1)):
                    break
                attempts += 1
                try:
                    _post(client, settings, row["kind"], row["id"], body)
                except FetchError as exc:
                    error = str(exc)
                    continue
                error = ""
                break
            with db.transaction():
                mark_attempt(db, row["id"], attempts,
                             None if error else now().isoformat(timespec="seconds"), error or None)
            if error:
                return Delivery(delivered, len(undelivered(db)), error)
            delivered += 1
    return Delivery(delivered, 0)

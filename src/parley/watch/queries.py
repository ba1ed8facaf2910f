"""Library calls behind ``parley engagements --state``, the web's awaiting list and notebooks.

The state is derived at the moment of asking (``now``), because an engagement turns one-sided by
the clock alone, without any new document.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from parley.config import Settings
from parley.errors import ConfigError
from parley.store import Database, Filters, open_reader
from parley.store import views as v
from parley.store.states import engagement_facts
from parley.watch.states import STATES, EngagementState, states_from_facts


def states_of(db: Database, settings: Settings, ids: list[str], now: datetime | None = None
              ) -> dict[str, EngagementState]:
    """The state of each engagement id given, at ``now`` (default: the current time)."""
    facts = engagement_facts(db, ids)
    window = timedelta(hours=settings.awaiting_hours)
    from parley.extract.knowledge import knowledge  # imports spaCy: only when states are asked for

    return {s.engagement_id: s for s in states_from_facts(facts, now or datetime.now(UTC), window, knowledge())}


def engagement_rows(db: Database, settings: Settings, filters: Filters, state: str | None = None,
                    now: datetime | None = None) -> list[dict[str, Any]]:
    """Engagements matching the filters (and the state, when given), newest first, with their state."""
    if state is not None and state not in STATES:
        raise ConfigError(f"unknown state {state!r} (one of {', '.join(STATES)})")
    wide = replace(filters, limit=10**9, offset=0) if state else filters
    rows = v.engagements(db, wide)
    states = states_of(db, settings, [r["id"] for r in rows], now)
    out = []
    for row in rows:
        st = states.get(row["id"])
        row["state"] = st.state if st else "unofficial"
        row["published"] = ", ".join(st.published) if st else ""
        row["missing"] = ", ".join(st.missing) if st else ""
        row["deadline"] = st.to_dict()["deadline"] if st else None
        row["people"] = "; ".join(f"{p['name']} ({p['country'] or '?'})" for p in row["participants"])
        if state is None or row["state"] == state:
            out.append(row)
    return out[filters.offset:filters.offset + filters.limit] if state else out


def list_engagements(settings: Settings, filters: Filters, state: str | None = None,
                     now: datetime | None = None) -> list[dict[str, Any]]:
    """``parley engagements``: stored engagements with their state, filtered like the other listings."""
    with open_reader(settings.db) as db:  # listing only reads: a read-only or mistyped store is not written
        return engagement_rows(db, settings, filters, state, now)

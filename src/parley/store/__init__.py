"""Store: the only stage that does database I/O (SQLite by default, PostgreSQL for teams)."""

from parley.store.db import Database
from parley.store.repo import (
    Filters,
    counts,
    engagement_documents,
    has_document,
    list_documents,
    list_events,
    load_extractions,
    save_engagements,
    save_extraction,
    seed_topics,
)

__all__ = ["Database", "Filters", "counts", "engagement_documents", "has_document", "list_documents",
           "list_events", "load_extractions", "open_store", "save_engagements", "save_extraction"]


def open_store(url: str) -> Database:
    """Open (creating and migrating if needed) the database at ``url`` with topics seeded."""
    db = Database(url)
    with db.transaction():
        seed_topics(db)
    return db

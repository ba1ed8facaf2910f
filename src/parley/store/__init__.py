"""Store: the only stage that does database I/O (SQLite by default, PostgreSQL for teams)."""

from parley.store.db import Database
from parley.store.repo import (
    Filters,
    counts,
    engagement_documents,
    has_document,
    iter_extractions,
    list_documents,
    list_events,
    load_extractions,
    save_extraction,
    seed_topics,
)

__all__ = [
    "Database",
    "Filters",
    "counts",
    "engagement_documents",
    "has_document",
    "iter_extractions",
    "list_documents",
    "list_events",
    "load_extractions",
    "open_store",
    "save_extraction",
]


def open_store(url: str) -> Database:
    """Open (creating and migrating if needed) the database at ``url`` with topics seeded.

    Seeding writes only when something is missing, so once a store is set up, opening it for
    reading never takes the write lock (a reader does not wait for, or block, an ingest).
    """
    db = Database(url)
    if _needs_setup(db):
        with db.transaction():
            seed_topics(db)
            _backfill_search(db)
    return db


def _needs_setup(db: Database) -> bool:
    import json
    from importlib import resources

    raw = resources.files("parley.data").joinpath("topics.json").read_text(encoding="utf-8")
    wanted = len(json.loads(raw)["topics"])
    if int(db.query("SELECT COUNT(*) AS n FROM topics")[0]["n"]) < wanted:
        return True
    return bool(db.query("SELECT 1 AS x FROM documents LIMIT 1")) and not db.query(
        "SELECT 1 AS x FROM search_index LIMIT 1")


def _backfill_search(db: Database) -> None:
    """Databases written before the search index existed get it filled once."""
    if db.query("SELECT 1 AS x FROM search_index LIMIT 1") or not db.query("SELECT 1 AS x FROM documents LIMIT 1"):
        return
    from parley.store.repo import load_extractions
    from parley.store.search import index_extraction

    for extraction in load_extractions(db):
        index_extraction(db, extraction)
